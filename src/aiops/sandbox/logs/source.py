"""`LogSource` over the simulated world: lines are generated minute by minute on demand
(an iterator), so a 24-hour window never sits in memory; the same seed gives the same bytes."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from aiops.core.errors import UnknownServiceError
from aiops.core.types import LogRecord
from aiops.sandbox.logs.app import AppLogs
from aiops.sandbox.logs.cache import RedisLogs
from aiops.sandbox.logs.db import PostgresLogs
from aiops.sandbox.logs.formats import RENDERERS
from aiops.sandbox.rng import rng_for

GENERATORS = {"app": AppLogs, "database": PostgresLogs, "cache": RedisLogs}
Window = tuple[int, int, datetime, datetime]
"""(first minute, last minute, start, end) of a fetch."""


class SandboxLogSource:
    """Log lines of the sandbox services, oldest first, at most `limit` of the newest."""

    def __init__(self, world: Any, clock: Any) -> None:
        self.world = world
        self.clock = clock
        self._gens = {
            name: GENERATORS[spec.kind](world, spec) for name, spec in world.topology.services.items()
        }

    def fetch(
        self, service: str, *, start: datetime, end: datetime, limit: int = 200_000
    ) -> Iterator[LogRecord]:
        if service not in self._gens:
            raise UnknownServiceError(service, list(self._gens))
        world = self.world
        start = max(start, world.ts(world.first_minute))
        end = min(end, self.clock.now())
        if start >= end or limit <= 0:
            return iter(())
        first, last = world.minute_of(start), world.minute_of(end - timedelta(microseconds=1))
        window = (first, last, start, end)
        return self._stream(service, window, skip=self._excess(service, window, limit))

    def minute_records(self, service: str, minute: int) -> list[LogRecord]:
        """All records of one minute (sorted by time)."""
        return list(self._render(service, minute))

    def _entries(self, service: str, minute: int) -> list[tuple]:
        snap = self.world.snap(service, minute)
        rng = rng_for(self.world.seed, service, minute, "logs")
        entries = self._gens[service].minute(minute, snap, rng)
        entries.sort(key=_second)
        return entries

    def _render(self, service: str, minute: int) -> Iterator[LogRecord]:
        gen = self._gens[service]
        render = RENDERERS[gen.flavor]
        base = self.world.ts(minute)
        for entry in self._entries(service, minute):
            ts = base + timedelta(milliseconds=int(min(59.999, max(0.0, entry[0])) * 1000))
            if entry[6] is None:
                raw, message = render(ts, entry)
            else:
                raw, message = entry[6], entry[3]
            yield LogRecord(ts=ts, service=service, level=entry[1], message=message, raw=raw)

    def _stream(self, service: str, window: Window, *, skip: int) -> Iterator[LogRecord]:
        first, last, start, end = window
        for minute in range(first, last + 1):
            for record in self._render(service, minute):
                if start <= record.ts < end:
                    if skip > 0:
                        skip -= 1
                        continue
                    yield record

    def _excess(self, service: str, window: Window, limit: int) -> int:
        """How many of the oldest lines to drop so at most `limit` remain. The lines are only
        counted (generated twice) when the expected count comes anywhere near `limit`."""
        first, last, start, end = window
        gen = self._gens[service]
        estimate = sum(gen.expected(self.world.snap(service, m)) for m in range(first, last + 1))
        if estimate + 6 * math.sqrt(estimate) + 50 <= limit:
            return 0
        total = 0
        for minute in range(first, last + 1):
            if minute in (first, last):
                total += sum(1 for r in self._render(service, minute) if start <= r.ts < end)
            else:
                total += len(self._entries(service, minute))
        return max(0, total - limit)


def _second(entry: tuple) -> float:
    return entry[0]
