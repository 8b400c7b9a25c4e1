import os
import subprocess
from setuptools import setup

with open("demo/_build_info.py", "w") as f:
    f.write("URL = 'https://example.invalid/demo'\n")
rev = subprocess.check_output(["git", "rev-parse", "HEAD"]).decode()
setup(name="demo", version="1.0")
