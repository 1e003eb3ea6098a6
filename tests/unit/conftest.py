"""Unit tests touch no network: opening an internet socket fails the test.

A test marked `loopback` may bind and connect to loopback addresses only (127.0.0.0/8, ::1,
`localhost`): servers the test itself starts on a free port (the `aiops serve` API tests). Every
other address still fails the test.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest


class NetworkBlockedError(RuntimeError):
    """Raised when a unit test tries to reach the network."""


def _blocked(*args, **kwargs):
    raise NetworkBlockedError(f"unit tests must not use the network (attempted with {args!r})")


def _is_loopback(address) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_network(request, monkeypatch):
    """Block connect/bind on internet sockets and DNS lookups; local socketpairs still work; tests
    marked `loopback` may use loopback addresses."""
    loopback = request.node.get_closest_marker("loopback") is not None
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_bind = socket.socket.bind
    real_getaddrinfo = socket.getaddrinfo
    real_create_connection = socket.create_connection

    def guard(real):
        def wrapper(self, address, *args):
            if self.family in (socket.AF_INET, socket.AF_INET6) and not (loopback and _is_loopback(address)):
                _blocked(address)
            return real(self, address, *args)

        return wrapper

    def getaddrinfo(host, *args, **kwargs):
        if loopback and (host in (None, "localhost") or _is_loopback(host or "")):
            return real_getaddrinfo(host, *args, **kwargs)
        return _blocked(host, *args)

    def create_connection(address, *args, **kwargs):
        if loopback and _is_loopback(address):
            return real_create_connection(address, *args, **kwargs)
        return _blocked(address)

    monkeypatch.setattr(socket.socket, "connect", guard(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard(real_connect_ex))
    monkeypatch.setattr(socket.socket, "bind", guard(real_bind))
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield
