import os, requests
url = "http://127.0.0.1:8000/status"
home = os.environ.get("HOME")
requests.get(url, timeout=5)
print(home)
