from setuptools import setup

exec("import sys; PY2 = sys.version_info[0] == 2")
setup(name="demo", version="1.0")
