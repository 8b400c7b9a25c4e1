import subprocess


def open_editor(path):
    subprocess.call(["vim", path])
