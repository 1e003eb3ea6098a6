"""journald log source, reading journal files through `systemd-python` (extra `journald`).

Why this library: `systemd-python` is the binding maintained by the systemd project itself. It
reads journal files with libsystemd, the same code `journalctl` uses, so it follows the on-disk
format as it evolves (compact mode, zstd/lz4/xz compression, rotated and archived files, files
from journal-remote) and gives real matches and seeking by time. The pure-Python journal readers
on PyPI are unmaintained and cover only parts of the format. It needs `libsystemd-dev` and
`pkg-config` to build; it is optional and imported only when a `journald` backend is built.

Per service, entries are selected by `FIELD=VALUE` matches (default `_SYSTEMD_UNIT={service}.service`;
several matches for a service are alternatives) and read backwards from the window's end.
"""

from __future__ import annotations

import glob as globmod
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from pydantic import Field, field_validator

from aiops.backends.context import BuildContext
from aiops.backends.logparse import level_and_message, normalise_level
from aiops.backends.options import Options, one_or_many
from aiops.backends.registry import BackendType
from aiops.core.errors import BackendError, ConfigError, UnknownServiceError
from aiops.core.protocols import Inventory
from aiops.core.types import LogRecord


class JournaldOptions(Options):
    """`directory` or `files` (globs) of journal files (default: the system journal), and matches."""

    directory: str | None = None
    files: list[str] = Field(default_factory=list)
    match: str = "_SYSTEMD_UNIT={service}.service"
    services: dict[str, list[str]] = Field(default_factory=dict)
    max_bytes: int = Field(default=64 * 1024 * 1024, gt=0)

    @field_validator("services", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return one_or_many(value)

    @field_validator("match")
    @classmethod
    def _match(cls, value: str) -> str:
        if "=" not in value:
            raise ValueError("a match is FIELD=VALUE, e.g. _SYSTEMD_UNIT={service}.service")
        return value


def _journal_module() -> Any:
    try:
        from systemd import journal
    except ImportError:
        raise ConfigError(
            "the journald backend needs systemd-python: apt-get install libsystemd-dev pkg-config, "
            "then pip install 'aiops-team[journald]'",
            path="logs.type",
        ) from None
    return journal


def _usec(dt: datetime) -> int:
    return int(dt.timestamp()) * 1_000_000 + dt.microsecond


class JournaldLogs:
    """`LogSource` over journal files."""

    def __init__(self, options: JournaldOptions, inventory: Inventory, files: list[str], directory: str | None) -> None:
        self.options = options
        self.inventory = inventory
        self.files = files
        self.directory = directory
        self.journal = _journal_module()

    def matches(self, service: str) -> list[str]:
        """The `FIELD=VALUE` alternatives selecting `service`."""
        if service in self.options.services:
            return self.options.services[service]
        known = {svc.name for svc in self.inventory.services()}
        if service not in known:
            raise UnknownServiceError(service, list(known | set(self.options.services)))
        return [self.options.match.replace("{service}", service)]

    def _reader(self) -> Any:
        converters = {"__REALTIME_TIMESTAMP": int}
        try:
            if self.files:
                return self.journal.Reader(files=self.files, converters=converters)
            if self.directory:
                return self.journal.Reader(path=self.directory, converters=converters)
            return self.journal.Reader(converters=converters)
        except OSError as exc:
            raise BackendError(f"journald: cannot open the journal: {exc.strerror or exc}") from None

    def fetch(self, service: str, *, start: datetime, end: datetime, limit: int = 200_000) -> Iterator[LogRecord]:
        """Entries in `[start, end]`, oldest first, at most the newest `limit`."""
        matches = self.matches(service)
        reader = self._reader()
        try:
            for index, match in enumerate(matches):
                if index:
                    reader.add_disjunction()
                field, _, value = match.partition("=")
                reader.add_match(**{field: value})
            newest = list(self._newest_first(reader, service, _usec(start), _usec(end), limit))
        finally:
            reader.close()
        return reversed(newest)

    def _newest_first(self, reader: Any, service: str, start: int, end: int, limit: int) -> Iterator[LogRecord]:
        reader.seek_realtime(end / 1_000_000 + 1e-6)
        budget, count = self.options.max_bytes, 0
        while count < limit and budget > 0:
            entry = reader.get_previous()
            if not entry:
                return
            ts = int(entry.get("__REALTIME_TIMESTAMP", 0))
            if ts > end:
                continue
            if ts < start:
                return
            record = to_record(entry, service, ts)
            budget -= len(record.raw)
            count += 1
            yield record

    def check(self) -> str:
        reader = self._reader()
        try:
            reader.seek_tail()
            last = reader.get_previous()
        finally:
            reader.close()
        if not last:
            return "journal opened (no entries)"
        newest = datetime.fromtimestamp(int(last["__REALTIME_TIMESTAMP"]) / 1e6, UTC)
        return f"journal opened; newest entry {newest.isoformat()}"


def to_record(entry: dict[str, Any], service: str, ts_usec: int) -> LogRecord:
    """A LogRecord from a journal entry: its realtime stamp, PRIORITY as the level, MESSAGE."""
    message = entry.get("MESSAGE", "")
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    message = str(message)
    ts = datetime.fromtimestamp(ts_usec // 1_000_000, UTC).replace(microsecond=ts_usec % 1_000_000)
    priority = normalise_level(entry["PRIORITY"]) if "PRIORITY" in entry else ""
    in_text, message_text = level_and_message(message)
    level = in_text if in_text and priority in ("", "INFO") else priority  # stdout lines all say INFO
    ident = entry.get("SYSLOG_IDENTIFIER") or entry.get("_COMM") or service
    return LogRecord(
        ts=ts, service=service, level=level, message=message_text, raw=f"{ts.isoformat()} {ident}: {message}"
    )


def build_journald(options: JournaldOptions, ctx: BuildContext) -> JournaldLogs:
    """Factory for `logs: {type: journald}`."""
    files = sorted({name for pattern in options.files for name in globmod.glob(str(ctx.resolve(pattern)))})  # noqa: PTH207
    if options.files and not files:
        raise ConfigError(f"no journal file matches {options.files}", path="logs.files")
    directory = str(ctx.resolve(options.directory)) if options.directory else None
    return JournaldLogs(options, ctx.inventory, files, directory)


LOGS = BackendType("logs", "journald", JournaldOptions, build_journald, "journal files via systemd-python")
