import os
from setuptools import setup, find_packages

here = os.path.abspath(os.path.dirname(__file__))
with open(os.path.join(here, "README.md")) as f:
    long_description = f.read()

setup(name="demo", version="1.0", packages=find_packages(), long_description=long_description,
      url="https://example.invalid/demo")
