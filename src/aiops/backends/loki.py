"""Loki log source: LogQL over `/loki/api/v1/query_range`, newest first, paged, capped.

The query is a LogQL template with `{service}` (e.g. `{app="{service}"} |= ""`), per service
overridable. Pages go backwards from the window's end until the window's start, `limit`, or
`max_entries` is reached. The level comes from a `level`/`detected_level` stream label when
Loki has one, otherwise from the line itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import Field, field_validator

from aiops.backends.context import BuildContext
from aiops.backends.http import HttpClient
from aiops.backends.logparse import level_and_message, normalise_level, parse_line
from aiops.backends.options import HttpOptions
from aiops.backends.prometheus import promql_string
from aiops.backends.registry import BackendType
from aiops.core.errors import BackendError, UnknownServiceError
from aiops.core.protocols import Inventory
from aiops.core.types import LogRecord

LEVEL_LABELS = ("level", "detected_level", "severity", "lvl")
Entry = tuple[int, str, dict[str, str]]


class LokiOptions(HttpOptions):
    """`url` (+ auth, TLS), the LogQL `query` template, per-`services` overrides, paging and caps."""

    query: str = '{service="{service}"}'
    services: dict[str, str] = Field(default_factory=dict)
    tenant: str | None = None
    page_size: int = Field(default=1000, gt=0, le=5000)
    max_entries: int = Field(default=50_000, gt=0)
    format: Literal["auto", "plain", "json"] = "auto"

    @field_validator("query")
    @classmethod
    def _placeholder(cls, value: str) -> str:
        if "{service}" not in value:
            raise ValueError("the LogQL template must contain {service}")
        return value


def _ns(dt: datetime) -> int:
    return int(dt.timestamp()) * 1_000_000_000 + dt.microsecond * 1000


def entries_from_response(payload: Any) -> list[Entry]:
    """`(ts_ns, line, labels)` of a query_range answer, newest first; BackendError for anything else."""
    if not isinstance(payload, dict) or payload.get("status") != "success":
        raise BackendError(f"loki: unexpected answer: {str(payload)[:200]}")
    data = payload.get("data") or {}
    if data.get("resultType") != "streams":
        raise BackendError(f"loki: expected a log query (streams), got {data.get('resultType')!r}")
    out: list[Entry] = []
    for stream in data.get("result") or []:
        labels = stream.get("stream") or {}
        for value in stream.get("values") or []:
            out.append((int(value[0]), str(value[1]), labels))
    out.sort(key=lambda e: e[0], reverse=True)
    return out


def to_record(entry: Entry, service: str, fmt: str = "auto") -> LogRecord:
    """A LogRecord from a Loki entry (Loki's timestamp wins; the level from labels, else the line)."""
    ts_ns, line, labels = entry
    ts = datetime.fromtimestamp(ts_ns // 1_000_000_000, UTC).replace(microsecond=(ts_ns % 1_000_000_000) // 1000)
    header = parse_line(line, fmt=fmt)
    in_text, message = (header.level, header.message) if header is not None else level_and_message(line)
    level = next((normalise_level(labels[k]) for k in LEVEL_LABELS if k in labels), "") or in_text
    return LogRecord(ts=ts, service=service, level=level, message=message, raw=line)


class LokiLogs:
    """`LogSource` over Loki's HTTP API."""

    def __init__(self, options: LokiOptions, client: HttpClient, inventory: Inventory) -> None:
        self.options = options
        self.client = client
        self.inventory = inventory

    def logql(self, service: str) -> str:
        """The LogQL query for `service`."""
        known = {svc.name for svc in self.inventory.services()} | set(self.options.services)
        if service not in known:
            raise UnknownServiceError(service, list(known))
        template = self.options.services.get(service, self.options.query)
        return template.replace("{service}", promql_string(service))

    def fetch(self, service: str, *, start: datetime, end: datetime, limit: int = 200_000) -> Iterator[LogRecord]:
        """Records in `[start, end]`, oldest first, at most the newest `limit` (and `max_entries`)."""
        query = self.logql(service)
        cap = max(0, min(limit, self.options.max_entries))
        newest: list[Entry] = []
        start_ns, cursor = _ns(start), _ns(end) + 1
        seen_at_cursor: set[tuple[int, str]] = set()
        while len(newest) < cap and cursor > start_ns:
            page = min(self.options.page_size, cap - len(newest) + len(seen_at_cursor))
            params = {
                "query": query,
                "start": start_ns,
                "end": cursor,
                "limit": page,
                "direction": "backward",
            }
            entries = entries_from_response(self.client.get_json("loki/api/v1/query_range", params))
            fresh = [e for e in entries if (e[0], e[1]) not in seen_at_cursor]
            newest.extend(fresh[: cap - len(newest)])
            if len(entries) < page or not fresh:
                break
            oldest = entries[-1][0]
            seen_at_cursor = {(e[0], e[1]) for e in entries if e[0] == oldest}
            cursor = oldest + 1
        return (to_record(e, service, self.options.format) for e in reversed(newest))

    def check(self) -> str:
        payload = self.client.get_json("loki/api/v1/labels")
        labels = payload.get("data") if isinstance(payload, dict) else None
        return f"loki at {self.client.shown}: {len(labels or [])} labels"


def build_loki(options: LokiOptions, ctx: BuildContext) -> LokiLogs:
    """Factory for `logs: {type: loki}`."""
    if options.tenant:
        options = options.model_copy(update={"headers": {**options.headers, "X-Scope-OrgID": options.tenant}})
    client = HttpClient(options, name="loki", resolve=ctx.resolve)
    return LokiLogs(options, client, ctx.inventory)


LOGS = BackendType("logs", "loki", LokiOptions, build_loki, "LogQL over Loki's HTTP API")
