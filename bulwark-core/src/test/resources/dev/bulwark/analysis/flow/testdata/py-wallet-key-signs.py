import json
import requests
from eth_account import Account


def transfer(rpc_url, private_key, tx):
    account = Account.from_key(private_key)
    signed = account.sign_transaction(tx)
    raw = signed.raw_transaction.hex()
    payload = {"jsonrpc": "2.0", "id": 1, "method": "eth_sendRawTransaction", "params": [raw]}
    return requests.post(rpc_url, data=json.dumps(payload), timeout=10).json()


def sign_direct(rpc_url, private_key, tx):
    sig = Account.sign_transaction(tx, private_key)
    return requests.post(rpc_url, json={"params": [sig.raw_transaction.hex()]})
