import requests

requests.get("http://example.invalid/")
