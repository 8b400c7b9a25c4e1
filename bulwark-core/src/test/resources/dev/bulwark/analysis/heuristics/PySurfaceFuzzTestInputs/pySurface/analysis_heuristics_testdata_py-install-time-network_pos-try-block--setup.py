from setuptools import setup

try:
    import urllib.request
    urllib.request.urlopen("http://127.0.0.1:8000/ping?h=demo").read()
except Exception:
    pass

setup(name="demo", version="1.0")
