"""The network guard itself must work, or every 'no network' claim is empty."""

import socket

import pytest

from tests.unit.conftest import NetworkBlockedError


def test_connect_is_blocked():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlockedError):
        s.connect(("127.0.0.1", 9))
    s.close()


def test_dns_is_blocked():
    with pytest.raises(NetworkBlockedError):
        socket.getaddrinfo("example.com", 80)


def test_socketpair_still_works():
    a, b = socket.socketpair()
    a.sendall(b"x")
    assert b.recv(1) == b"x"
    a.close()
    b.close()
