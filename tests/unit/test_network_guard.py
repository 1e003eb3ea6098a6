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


def test_loopback_is_blocked_without_the_marker():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlockedError):
        s.bind(("127.0.0.1", 0))
    s.close()


@pytest.mark.loopback
def test_the_loopback_marker_allows_loopback_only():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()
    other = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlockedError):
        other.connect(("192.0.2.1", 80))
    with pytest.raises(NetworkBlockedError):
        socket.getaddrinfo("example.com", 80)
    other.close()
