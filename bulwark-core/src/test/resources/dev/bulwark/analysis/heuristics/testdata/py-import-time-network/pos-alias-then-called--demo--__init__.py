import socket


def _beacon():
    s = socket.create_connection(("example.invalid", 443))
    s.sendall(b"hello")


run = _beacon
run()
