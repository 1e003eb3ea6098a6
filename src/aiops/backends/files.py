"""Log files per service: plain text or JSON lines, rotation-aware, read from the end.

`services: {name: glob | [globs]}` or a `pattern` with `{service}` gives each service's files;
rotated siblings (`.1`, `.2.gz`, `-20240501.gz`) are read after the live file. Reading stops
at the window's start, at `limit` records or at `max_bytes`, whichever comes first.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from itertools import islice
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from aiops.backends.context import BuildContext
from aiops.backends.logparse import Header, level_and_message, parse_line
from aiops.backends.options import Options, one_or_many
from aiops.backends.registry import BackendType
from aiops.backends.tail import ByteBudget, head_lines, newest_lines, rotation_sets
from aiops.core.errors import BackendError, UnknownServiceError
from aiops.core.protocols import Inventory
from aiops.core.types import LogRecord

DISORDER = timedelta(seconds=60)
"""How far out of order lines may be before reading stops at the window's start."""
MAX_CONTINUATION = 200
UNDATED_SAMPLE = 50
"""Lines read from the start of a file to tell whether its lines carry times at all."""
PREVIOUS_SUFFIXES = (".previous.log", ".previous.txt", ".previous")
"""`kubectl logs --previous` captures: the container that ran before the current one."""
MAX_WAITING = 2000
"""Lines a PostgreSQL DETAIL/HINT line may wait for the message it belongs to before giving up."""


class JsonKeys(Options):
    """Which JSON keys hold the time, level and message (the first present wins)."""

    time: list[str] = Field(default_factory=list)
    level: list[str] = Field(default_factory=list)
    message: list[str] = Field(default_factory=list)


class FileLogOptions(Options):
    """Where each service's logs are and how to read them."""

    services: dict[str, list[str]] = Field(default_factory=dict)
    pattern: str | None = None
    format: Literal["auto", "plain", "json"] = "auto"
    timezone: str = "UTC"
    json_keys: JsonKeys = Field(default_factory=JsonKeys)
    max_bytes: int = Field(default=64 * 1024 * 1024, gt=0)
    undated: Literal["auto", "continuation"] = "auto"
    """`auto`: a file whose lines carry no timestamps at all is read line by line, each line undated
    at the end of the window; `continuation`: such lines only continue the dated line before them."""

    @field_validator("services", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return one_or_many(value)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as UTC or Europe/Berlin)") from None
        return value

    @model_validator(mode="after")
    def _some_paths(self) -> FileLogOptions:
        if not self.services and not self.pattern:
            raise ValueError("give `services: {name: glob}` or a `pattern` with {service}")
        if self.pattern and "{service}" not in self.pattern:
            raise ValueError("`pattern` must contain {service}")
        return self


class FileLogs:
    """`LogSource` over local files."""

    def __init__(self, options: FileLogOptions, inventory: Inventory, resolve: object) -> None:
        self.options = options
        self.inventory = inventory
        self._resolve = resolve
        self.tz: tzinfo = ZoneInfo(options.timezone)
        keys = options.json_keys
        self.keys = {
            k: tuple(v) for k, v in (("time", keys.time), ("level", keys.level), ("message", keys.message)) if v
        }

    def patterns(self, service: str) -> list[str]:
        """The glob patterns of `service`'s files (UnknownServiceError when it has none)."""
        if service in self.options.services:
            raw = self.options.services[service]
        elif self.options.pattern and service in {s.name for s in self.inventory.services()}:
            raw = [self.options.pattern.replace("{service}", service)]
        else:
            known = set(self.options.services)
            if self.options.pattern:
                known |= {s.name for s in self.inventory.services()}
            if service in {s.name for s in self.inventory.services()}:
                raise BackendError(f"no logs were collected for {service!r} (log files exist for: "
                                   f"{', '.join(sorted(known)) or 'no service'})")
            raise UnknownServiceError(service, list(known))
        return [str(self._resolve(p)) for p in raw]  # type: ignore[operator]

    def fetch(self, service: str, *, start: datetime, end: datetime, limit: int = 200_000) -> Iterator[LogRecord]:
        """Records in `[start, end]`, oldest first, at most the newest `limit`."""
        budget = ByteBudget(self.options.max_bytes)
        streams = [
            self._newest_first(group, service, start, end, budget=budget, limit=limit)
            for group in rotation_sets(self.patterns(service))
        ]
        merged = heapq.merge(*streams, key=lambda rec: rec.ts, reverse=True)
        newest = list(islice(merged, max(limit, 0)))
        return reversed(newest)

    def _newest_first(
        self,
        files: list[Path],
        service: str,
        start: datetime,
        end: datetime,
        *,
        budget: ByteBudget,
        limit: int,
    ) -> Iterator[LogRecord]:
        stream = "previous" if files and files[0].name.endswith(PREVIOUS_SUFFIXES) else ""
        if files and self._undated(files[0]):
            yield from _undated_records(newest_lines(files, budget, keep=limit), service, end, stream)
            return
        pending: list[str] = []
        queue: deque[_Entry] = deque()  # newest first; an entry waits until its level is known
        waiting: list[_Entry] = []
        for line in newest_lines(files, budget, keep=limit + MAX_CONTINUATION):
            header = parse_line(line, fmt=self.options.format, keys=self.keys or None, tz=self.tz, ref=end)
            if header is None:
                if len(pending) < MAX_CONTINUATION:
                    pending.append(line)
                continue
            continuation, pending = pending[::-1], []
            entry = _Entry(header, line, continuation, resolved=not header.inherit)
            if header.inherit:
                waiting.append(entry)
            else:
                waiting = _resolve(waiting, header)
            queue.append(entry)
            if len(queue) > MAX_WAITING:
                waiting = _resolve(waiting[1:], None) if waiting and waiting[0] is queue[0] else waiting
                queue[0].resolved = True
            while queue and queue[0].resolved:
                first = queue.popleft()
                if start <= first.header.ts <= end:
                    yield _record(service, first.header, first.line, first.continuation, stream)
            if header.ts < start - DISORDER:
                break
        for first in queue:
            if start <= first.header.ts <= end:
                yield _record(service, first.header, first.line, first.continuation, stream)

    def _undated(self, path: Path) -> bool:
        """True when the file's lines carry no time of their own (plain `kubectl logs`, a console
        capture): none of its first lines has a readable timestamp."""
        if self.options.undated == "continuation":
            return False
        sample = head_lines(path, UNDATED_SAMPLE)
        if not sample:
            return False
        dated = sum(parse_line(line, fmt=self.options.format, keys=self.keys or None, tz=self.tz) is not None
                    for line in sample)
        return dated == 0

    def check(self) -> str:
        services = set(self.options.services) or {s.name for s in self.inventory.services()}
        files = sum(len(group) for svc in services for group in rotation_sets(self.patterns(svc)))
        if not files:
            raise BackendError("no log file matches the configured paths")
        return f"{files} log files for {len(services)} services"


@dataclass
class _Entry:
    header: Header
    line: str
    continuation: list[str]
    resolved: bool


def _resolve(waiting: list[_Entry], header: Header | None) -> list[_Entry]:
    """Give waiting lines of `header`'s process (or of no process) its level; the rest keep waiting."""
    still = []
    for entry in waiting:
        if header is None or entry.header.group is None or entry.header.group == header.group:
            entry.header = replace(entry.header, level=header.level if header else "")
            entry.resolved = True
        else:
            still.append(entry)
    return still


def _record(service: str, header: Header, line: str, continuation: list[str], stream: str = "") -> LogRecord:
    if not continuation:
        return LogRecord(ts=header.ts, service=service, level=header.level, message=header.message, raw=line,
                         stream=stream)
    tail = "\n".join(continuation)
    return LogRecord(
        ts=header.ts,
        service=service,
        level=header.level,
        message=f"{header.message}\n{tail}",
        raw=f"{line}\n{tail}",
        stream=stream,
    )


def _undated_records(lines: Iterator[str], service: str, end: datetime, stream: str) -> Iterator[LogRecord]:
    """Every line a record of its own, placed at `end` (the moment the capture describes) and marked
    undated; the previous container's lines sit just before the current ones."""
    ts = end - timedelta(seconds=1) if stream == "previous" else end
    for line in lines:
        level, message = level_and_message(line)
        yield LogRecord(ts=ts, service=service, level=level, message=message.strip(), raw=line, dated=False,
                        stream=stream)


def build_files(options: FileLogOptions, ctx: BuildContext) -> FileLogs:
    """Factory for `logs: {type: files}`."""
    return FileLogs(options, ctx.inventory, ctx.resolve)


LOGS = BackendType("logs", "files", FileLogOptions, build_files, "plain or JSON-lines files, rotation-aware")
