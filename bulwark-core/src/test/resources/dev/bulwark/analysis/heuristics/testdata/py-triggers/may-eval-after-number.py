x = 1.
eval(data)
