from sympy.core.function import Function


class sign(Function):
    @classmethod
    def eval(cls, arg):
        return arg

    def compile(self, source) -> str:
        return source

    def	system	(self):
        pass


def popen (path, mode="r"):
    return path
