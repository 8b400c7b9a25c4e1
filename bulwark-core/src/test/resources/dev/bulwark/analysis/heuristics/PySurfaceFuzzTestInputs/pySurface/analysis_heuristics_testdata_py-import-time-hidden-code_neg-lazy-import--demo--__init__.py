for _name in ("core", "utils"):
    exec("from .%s import *" % _name)
