"""Unit tests touch no network: opening an internet socket fails the test."""

from __future__ import annotations

import socket

import pytest


class NetworkBlockedError(RuntimeError):
    """Raised when a unit test tries to reach the network."""


def _blocked(*args, **kwargs):
    raise NetworkBlockedError(f"unit tests must not use the network (attempted with {args!r})")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Block connect/bind on internet sockets and DNS lookups; local socketpairs still work."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_bind = socket.socket.bind

    def guard(real):
        def wrapper(self, address, *args):
            if self.family in (socket.AF_INET, socket.AF_INET6):
                _blocked(address)
            return real(self, address, *args)

        return wrapper

    monkeypatch.setattr(socket.socket, "connect", guard(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard(real_connect_ex))
    monkeypatch.setattr(socket.socket, "bind", guard(real_bind))
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    yield
