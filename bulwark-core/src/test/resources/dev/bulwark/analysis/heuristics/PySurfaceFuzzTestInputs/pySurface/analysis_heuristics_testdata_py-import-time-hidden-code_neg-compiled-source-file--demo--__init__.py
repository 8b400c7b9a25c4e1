import os

_here = os.path.dirname(__file__)
_source = ""
with open(os.path.join(_here, "_generated.py")) as f:
    _source += f.read()
exec(compile(_source, "_generated.py", "exec"))
