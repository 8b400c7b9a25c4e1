import json
import urllib.request


def wallets():
    data = {"exodus": "Exodus", "electrum": "Electrum"}
    return data


def post(url, payload):
    data = json.dumps(payload).encode()
    return urllib.request.urlopen(urllib.request.Request(url, data=data))
