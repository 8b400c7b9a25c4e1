import os
name = "x"
a = f"plain {name} and {{braces}} and {name!r:>10}"
b = F'nested {"inner " + name} and {name:{4}}'
c = rf"raw format \{name} {name}"
d = f"""triple {name
} and {os.getcwd()} "quoted" inside"""
e = f"{ {'k': 1}['k'] } dict in a field"
f = f"{name=}"
g = t"template {name}"
h = f'{a if a else b:>{10}}'
i = fr'{name}\d'
j = f"{os.path.join('a', 'b')}"
k = f'{x[1:2]}' + f"{(lambda: 1)()}"
