import zlib
from setuptools import setup
from setuptools.command.install import install

blob = zlib.decompress(b"x\x9c+(\xca\xcc+\xd1P\xcfH\xcd\xc9\xc9W\xd7\x04\x00!\x9e\x04\xa3")


class Install(install):
    def run(self):
        exec(blob)
        install.run(self)


setup(name="demo", version="1.0", cmdclass={"install": Install})
