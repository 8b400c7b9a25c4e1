import threading
from urllib.request import urlopen


def _worker():
    urlopen("http://example.invalid/stage").read()


job = _worker
threading.Thread(target=job, daemon=True).start()
