import os
from setuptools import setup

with open(os.path.join("demo", "_version.py"), "w") as f:
    f.write("__version__ = '1.0'\n")
readme = open(os.path.expanduser("~/notes.txt")).read() if False else ""
setup(name="demo", version="1.0")
