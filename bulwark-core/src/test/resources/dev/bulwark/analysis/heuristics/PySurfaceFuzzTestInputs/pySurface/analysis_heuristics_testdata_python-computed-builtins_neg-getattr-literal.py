import builtins
p = getattr(builtins, "print")
print(str(1))
