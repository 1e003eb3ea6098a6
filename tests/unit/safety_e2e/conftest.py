"""Fixtures of the end-to-end safety tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from aiops.sandbox.executor import SandboxExecutor


class Applied:
    """Counts the actions the sandbox world really applies (every ok `_record`), across threads."""

    def __init__(self) -> None:
        self.actions: list[tuple[str, str, str | None]] = []
        self._lock = threading.Lock()

    def add(self, applied: Any) -> None:
        if applied.ok:
            with self._lock:
                self.actions.append((applied.action, applied.target, applied.key))


def count_applied(patch: pytest.MonkeyPatch) -> Applied:
    """Wrap the sandbox executor's `_record` so every applied action is counted."""
    counter = Applied()
    original = SandboxExecutor._record

    def record(self: SandboxExecutor, applied: Any) -> None:
        counter.add(applied)
        original(self, applied)

    patch.setattr(SandboxExecutor, "_record", record)
    return counter


@pytest.fixture
def applied(monkeypatch: pytest.MonkeyPatch) -> Iterator[Applied]:
    """Actions the sandbox applied during the test."""
    yield count_applied(monkeypatch)


def slow_actions(patch: pytest.MonkeyPatch, seconds: float) -> None:
    """Make every sandbox action take `seconds` between the idempotency-key check and recording it,
    as a real restart or pool reset takes time before it completes."""
    import time

    original = SandboxExecutor._describe

    def describe(self: SandboxExecutor, *args: Any, **kwargs: Any) -> Any:
        time.sleep(seconds)
        return original(self, *args, **kwargs)

    patch.setattr(SandboxExecutor, "_describe", describe)
