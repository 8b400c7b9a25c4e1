import os
import subprocess
import sys
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        args = ["cmake", ext.sourcedir, "-DPYTHON_EXECUTABLE=" + sys.executable]
        os.makedirs(self.build_temp, exist_ok=True)
        subprocess.check_call(args, cwd=self.build_temp)
        subprocess.check_call(["cmake", "--build", "."], cwd=self.build_temp)


setup(name="demo", version="1.0", ext_modules=[Extension("demo._c", [])], cmdclass={"build_ext": CMakeBuild})
