from setuptools import setup

setup(name="challenge", version="0.1")
