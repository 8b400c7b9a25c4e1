import socket
import subprocess
import sys
import threading

import pytest


@pytest.fixture
def echo_server():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)

    def serve():
        conn, _ = srv.accept()
        conn.sendall(conn.recv(1024))
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield srv.getsockname()
    srv.close()


@pytest.fixture
def run_cli():
    def run(*args):
        return subprocess.run([sys.executable, "-m", "quickparse", *args], capture_output=True, check=False)
    return run
