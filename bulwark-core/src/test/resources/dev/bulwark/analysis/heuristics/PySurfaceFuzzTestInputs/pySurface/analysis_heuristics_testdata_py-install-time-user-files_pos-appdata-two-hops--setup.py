import os
from os.path import join
from setuptools import setup

setup(name="demo", version="1.0")
LOCAL = os.environ["USERPROFILE"]
TEMP = join(LOCAL, "appdata", "local", "temp")
with open(join(TEMP, "helper.py"), "w") as f:
    f.write("print(1)\n")
