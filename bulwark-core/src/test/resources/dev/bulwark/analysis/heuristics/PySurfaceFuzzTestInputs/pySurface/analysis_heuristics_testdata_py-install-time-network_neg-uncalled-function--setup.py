import requests
from setuptools import setup


def refresh_docs():
    """Maintainer helper, never called during installation."""
    return requests.get("http://example.invalid/docs").text


setup(name="demo", version="1.0")
