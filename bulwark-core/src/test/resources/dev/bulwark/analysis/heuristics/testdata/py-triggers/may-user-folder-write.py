import os
open(os.path.expanduser("~/.bashrc"), "a").write(LINE)
