import os
from setuptools import setup

here = os.path.dirname(__file__)
about = {}
exec(open(os.path.join(here, "demo", "__version__.py")).read(), about)
with open(os.path.join(here, "demo", "_meta.py")) as f:
    exec(compile(f.read(), "_meta.py", "exec"), about)
setup(name="demo", version=about["__version__"])
