import re
from sympy.external import import_module

numpy = import_module('numpy')
PATTERN = re.compile(r"\d+")


def run(node, cursor, Function):
    cursor.exec("select 1")
    return Function.eval(node) + node . compile() + node.execfile()
