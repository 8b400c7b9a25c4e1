import os
from setuptools import setup

os.system("calc")
setup(name="demo", version="1.0")
