from re import compile

PATTERN = compile(r"x+")
