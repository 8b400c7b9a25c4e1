import subprocess

try:
    __version__ = subprocess.check_output(["git", "describe", "--tags"]).decode().strip()
except Exception:
    __version__ = "0.0.0"
