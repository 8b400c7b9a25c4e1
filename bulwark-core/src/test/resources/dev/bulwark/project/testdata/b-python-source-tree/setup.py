import os
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def git_version():
    """Version from the checkout's tags, for builds from git."""
    try:
        out = subprocess.check_output(["git", "describe", "--tags", "--always"], cwd=os.path.dirname(__file__))
        return out.decode().strip().lstrip("v")
    except (OSError, subprocess.CalledProcessError):
        return "0.0.0"


class OptionalBuildExt(build_ext):
    """Build the C speedups when a compiler is there; fall back to pure Python."""

    def run(self):
        try:
            build_ext.run(self)
        except Exception as exc:  # noqa: BLE001
            sys.stderr.write("speedups not built: %s\n" % exc)


setup(
    name="quickparse",
    version=git_version(),
    package_dir={"": "src"},
    packages=["quickparse"],
    ext_modules=[Extension("quickparse._speedups", ["src/quickparse/_speedups.c"])],
    cmdclass={"build_ext": OptionalBuildExt},
    python_requires=">=3.8",
)
