import os
from setuptools import setup


def clean():
    os.system("notepad README.txt")


setup(name="demo", version="1.0")
