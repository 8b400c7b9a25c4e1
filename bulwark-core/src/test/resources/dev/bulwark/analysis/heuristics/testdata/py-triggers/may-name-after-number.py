x = 1eval(code)
