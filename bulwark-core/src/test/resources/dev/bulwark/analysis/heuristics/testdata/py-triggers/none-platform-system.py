import platform

if platform.system() == "Linux":
    NAME = platform.system()
