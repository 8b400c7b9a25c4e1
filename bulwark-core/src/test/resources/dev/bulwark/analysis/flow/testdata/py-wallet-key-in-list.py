import requests


def approve(private_key):
    body = [{"owner", private_key}]
    requests.post("http://127.0.0.1:9/approve", body)
    return requests.get("http://127.0.0.1:9/state").json()
