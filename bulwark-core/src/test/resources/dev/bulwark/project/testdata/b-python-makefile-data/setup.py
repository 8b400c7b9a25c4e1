from setuptools import setup

with open("README.txt") as f:
    long_description = f.read()

setup(name="example", version="1.0", long_description=long_description, packages=["example"])
