import threading
from urllib.request import urlopen


def _worker():
    urlopen("http://127.0.0.1:8080/stage").read()


threading.Thread(target=_worker, daemon=True).start()
