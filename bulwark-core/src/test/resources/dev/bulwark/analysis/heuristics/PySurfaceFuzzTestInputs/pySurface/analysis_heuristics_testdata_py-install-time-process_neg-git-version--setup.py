import subprocess
import sys
from setuptools import setup

rev = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"]).decode().strip()
if sys.argv[-1] == "publish":
    import os
    os.system("python setup.py sdist bdist_wheel")
    os.system("twine upload dist/*")
    sys.exit()
setup(name="demo", version="1.0+" + rev)
