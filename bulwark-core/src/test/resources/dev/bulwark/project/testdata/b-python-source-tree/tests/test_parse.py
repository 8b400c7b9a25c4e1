import os
import socket

from quickparse import parse


def test_parse_basic():
    assert parse("a=1\nb = two\n") == {"a": "1", "b": "two"}


def test_echo(echo_server):
    s = socket.create_connection(echo_server)
    s.sendall(os.environ.get("USER", "x").encode())
    assert s.recv(1024)
    exec(compile("x = 1", "<test>", "exec"))
