import subprocess
import sys

subprocess.Popen([sys.executable.replace("python", "pythonw"), "-c", "import demo.agent"],
                 creationflags=0x08000000)
