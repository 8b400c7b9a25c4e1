from http.client import HTTPSConnection
HTTPSConnection("h").request("GET", "/")
