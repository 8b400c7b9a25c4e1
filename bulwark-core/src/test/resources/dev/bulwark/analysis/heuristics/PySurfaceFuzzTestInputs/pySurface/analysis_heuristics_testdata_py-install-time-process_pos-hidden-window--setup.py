from setuptools import setup

try:
    import subprocess
    subprocess.Popen("powershell -WindowStyle Hidden -Command Start-Sleep 1", shell=False,
                     creationflags=subprocess.CREATE_NO_WINDOW)
except Exception:
    pass
setup(name="demo", version="1.0")
