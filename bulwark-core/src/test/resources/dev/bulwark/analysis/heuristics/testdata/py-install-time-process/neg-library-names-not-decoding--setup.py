import subprocess

from setuptools import Extension, setup

# Library names to link against; naming zlib is not decoding anything.
libs = ["xml2", "zlib", "lzma", "bz2"]


def run_command(cmd, *args):
    if args:
        cmd = " ".join((cmd,) + args)
    p = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, _ = p.communicate()
    return out.decode("utf-8").strip()


cflags = run_command("xml2-config", "--cflags")
setup(name="demo", version="1.0", ext_modules=[Extension("demo._x", ["x.c"], libraries=libs)])
