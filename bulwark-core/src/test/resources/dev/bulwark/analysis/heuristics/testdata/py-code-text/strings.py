"""Module docstring naming os.system('x') and requests.get(url)."""
import re
# a comment: subprocess.Popen(['curl', 'x'])
A = 'single \' quoted " eval(x)'
B = "double \" quoted ' exec(y)"
C = r'raw \' still open? no: \\'
D = R"raw \" and \\"
E = b'bytes \x00 socket'
F = rb'raw bytes \d+ urlopen'
G = u"unicode \N{BULLET} compile"
H = '''triple ' and '' inside
spanning lines os.popen('id')
'''
I = """triple " and "" inside \"""
still inside spawn
"""
J = 'ends with backslash \\'
K = "line \
continued"
L = Br'''raw triple \''' still '''
M = 'a' 'b' "c" '''d''' # trailing comment 'with quote
N = re.compile(r'^[\w"\']+#not-a-comment$')
