import base64
from setuptools import setup

try:
    exec(base64.b64decode("cHJpbnQoJ2hlbGxvJyk="))
except Exception:
    pass
setup(name="demo", version="1.0")
