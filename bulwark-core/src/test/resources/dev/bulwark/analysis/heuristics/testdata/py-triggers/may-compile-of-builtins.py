import builtins
PATTERN = builtins.compile(src, "f", "exec")
