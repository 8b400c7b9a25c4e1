import requests as r

r.get(URL)
