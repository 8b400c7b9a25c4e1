import os
import shlex
import subprocess
from subprocess import PIPE

from setuptools import setup
from setuptools.command.build_py import build_py


def build_libraries():
    # the build script of the bundled C library, with a configuration variable
    os.system("CORE_ONLY=yes bash ./make.sh")


def linker_needs_libatomic():
    code = b"#include <atomic>\nint main() { return 0; }"
    cxx = shlex.split(os.environ.get("CXX", "c++"))
    probe = subprocess.Popen(cxx + ["-x", "c++", "-"], stdin=PIPE, stdout=PIPE, stderr=PIPE)
    probe.communicate(input=code)
    return probe.returncode != 0


class Build(build_py):
    def run(self):
        build_libraries()
        linker_needs_libatomic()
        subprocess.check_call(["pipenv", "install", "--dev", "--deploy", "--system"])
        build_py.run(self)


setup(name="demo", version="1.0", cmdclass={"build_py": Build}, data=bytes([1, 2]))
