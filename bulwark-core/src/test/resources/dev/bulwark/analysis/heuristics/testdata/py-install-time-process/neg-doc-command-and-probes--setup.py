import os
import subprocess
import sys
from subprocess import Popen

from setuptools import Command, setup
from setuptools.command.build_ext import build_ext

PKG_CONFIG = "pkg-config"
LIB_OBJECTS = ["core/parser.o", "third_party/c4/base64.o"]


class Doc(Command):
    """create the API docs (python setup.py apidoc)"""

    user_options = []

    def initialize_options(self):
        pass

    def finalize_options(self):
        pass

    def run(self):
        rc = os.system("pdoc --html --html-dir build/docs --overwrite demo")
        if rc != 0:
            raise Exception("pdoc failed")


class BuildExt(build_ext):
    def run(self):
        Popen(["make"] + LIB_OBJECTS).wait()
        os.system("dpkg-architecture -qDEB_HOST_MULTIARCH > build/multiarch 2> /dev/null")
        subprocess.check_output(["ffmpeg", "-version"])
        subprocess.check_output([PKG_CONFIG] + "--cflags".split() + ["zlib"])
        subprocess.check_call(["./build_bundled.sh", "1.0"])
        build_ext.run(self)


setup(name="demo", version="1.0", cmdclass={"doc": Doc, "apidoc": Doc, "build_ext": BuildExt})


def pkg_config(flags, library):
    cmd = [PKG_CONFIG] + flags.split() + [library]
    return subprocess.check_output(cmd, stderr=subprocess.STDOUT)


pkg_config("--libs", "hdf5")
