import builtins as b

b.eval(payload)
