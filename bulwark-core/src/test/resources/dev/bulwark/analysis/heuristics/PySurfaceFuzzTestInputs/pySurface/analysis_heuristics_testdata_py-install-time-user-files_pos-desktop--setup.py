import os
from setuptools import setup
from setuptools.command.install import install


class Hook(install):
    def run(self):
        open(f"C:/Users/{os.getlogin()}/Desktop/readme.txt", "w").write("hello")
        install.run(self)


setup(name="demo", version="1.0", cmdclass={"install": Hook})
