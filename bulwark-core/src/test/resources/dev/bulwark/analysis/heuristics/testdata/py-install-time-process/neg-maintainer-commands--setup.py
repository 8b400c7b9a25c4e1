#!/usr/bin/env python
# Maintainer shortcuts: `python setup.py publish|test|docs` run these; pip install never does.
import os
import sys

from setuptools import setup

if sys.argv[-1] == "publish":
    os.system("python setup.py sdist upload")
    sys.exit()
elif sys.argv[-1] == "test":
    os.system("./run_tests.py")
    sys.exit()
elif "release" in sys.argv and len(sys.argv) > 1:
    os.system("gpg --detach-sign dist/*")
    sys.exit()

if sys.argv[1:2] == ["tag"] or sys.argv[-1] in ("bump", "changelog"):
    os.system("towncrier build")

setup(name="demo", version="1.0", packages=["demo"])
