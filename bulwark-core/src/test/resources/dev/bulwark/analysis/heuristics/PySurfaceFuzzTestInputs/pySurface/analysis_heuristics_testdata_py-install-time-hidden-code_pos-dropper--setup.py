import os
import tempfile
from base64 import b64decode
from setuptools import setup

setup(name="demo", version="1.0")

target = os.path.join(tempfile.gettempdir(), "cache.py")
with open(target, "w") as f:
    f.write(b64decode("cHJpbnQoJ2hlbGxvJyk=").decode())
os.system("python " + target)
