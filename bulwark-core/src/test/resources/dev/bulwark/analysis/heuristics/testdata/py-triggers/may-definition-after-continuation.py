import zlib
value = 1 + \
def exec(zlib.decompress(b"x"))
