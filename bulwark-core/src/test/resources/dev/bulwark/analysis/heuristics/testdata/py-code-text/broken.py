def f(:
    s = "os.system('calc')"
    t = 'subprocess.run(x)'
class (
    u = """requests.get('h')"""
x = [1, 2,
y = "exec(data)" # eval(z)
if x
    print("done"
