import socket


def is_port_free(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("", port))
        return True
    finally:
        sock.close()


def _connect_direct(host, port):
    return socket.create_connection((host, port))


# legacy camel-case names, and a table of handlers: nothing here runs on import
IsPortFree = is_port_free
_HANDLERS = {"direct": _connect_direct, "legacy": (is_port_free, "tcp")}


class Proxy:
    _negotiators = {1: _connect_direct}
    connect_legacy = _connect_direct
