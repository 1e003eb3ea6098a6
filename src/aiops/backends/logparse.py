"""Generic log-line header parsing: timestamp, level and message from plain or JSON lines.

Deliberately simple (the analysis layer does the deep work): an ISO 8601, syslog, common-log or
epoch timestamp near the start of a line, a level word near it, and the rest is the message.
A line with no timestamp is a continuation (stack trace) of the record before it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from aiops.analysis.jsonlines import clef_level, render_template

LEVEL_ALIASES = {
    "TRACE": "TRACE",
    "DEBUG": "DEBUG",
    "DBG": "DEBUG",
    "FINE": "DEBUG",
    "INFO": "INFO",
    "INF": "INFO",
    "NOTICE": "INFO",
    "WARN": "WARN",
    "WARNING": "WARN",
    "WRN": "WARN",
    "ERROR": "ERROR",
    "ERR": "ERROR",
    "SEVERE": "ERROR",
    "CRIT": "FATAL",
    "CRITICAL": "FATAL",
    "FATAL": "FATAL",
    "PANIC": "FATAL",
    "EMERG": "FATAL",
    "ALERT": "FATAL",
    "LOG": "INFO",
}
SYSLOG_PRIORITY = ("FATAL", "FATAL", "FATAL", "ERROR", "WARN", "INFO", "INFO", "DEBUG")
"""journald/syslog PRIORITY 0..7 mapped to LEVELS."""
PINO_LEVELS = {10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL"}
"""Numeric levels of pino / bunyan JSON logs."""

ISO_RE = re.compile(
    r"^\[?(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?\s?(Z|z|[+-]\d{2}:?\d{2}|UTC)?\]?"
)
SYSLOG_RE = re.compile(r"^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})")
CLF_RE = re.compile(r"\[(\d{2})/([A-Z][a-z]{2})/(\d{4}):(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?: ([+-]\d{4}))?\]")
"""Common Log Format time (`[10/Oct/2000:13:55:36 -0700]`), also HAProxy's (milliseconds, no zone)."""
EPOCH_RE = re.compile(r"^(\d{10}(?:\.\d+)?|\d{13})\b")
RFC1123_RE = re.compile(
    r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|GMT|UTC|Z)"
)
"""HTTP and `kubectl describe` times: `Tue, 12 Aug 2025 06:42:07 +0200`."""
DATE_RE = re.compile(
    r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})"
    r"(?: (UTC|GMT|Z|[+-]\d{4}))? (\d{4})\b"
)
"""`date` and C `ctime()` output: `Fri Jul 11 13:23:24 UTC 2025`, `Fri Jul 11 13:23:24 2025`."""
LOGFMT_TIME_RE = re.compile(r'^(?:(?:level|lvl)="?\w+"?\s+)?(?:time|ts|t|timestamp)="?([^"\s]+)"?\s*')
"""logfmt: `ts=2026-03-21T18:30:00Z ...`, also after a leading `level=...` (go-kit, logrus)."""
SLASH_RE = re.compile(r"^(\d{4})/(\d{2})/(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?")
"""Go's standard `log` package and nginx's error log: `2026/03/21 18:30:00`."""
KLOG_RE = re.compile(r"^([IWEF])(\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{1,6})\s+(?:\d+\s+)?")
"""klog (Kubernetes components): `E0321 18:30:00.123456   12345 file.go:42] message` (no year)."""
KLOG_LEVELS = {"I": "INFO", "W": "WARN", "E": "ERROR", "F": "FATAL"}
LEADING_LEVEL_RE = re.compile(r'^(?:level|lvl)="?(\w+)"?\s')
REDIS_RE = re.compile(r"^\d+:[A-Z] (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? ")
REDIS_MARKS = {".": "DEBUG", "-": "DEBUG", "*": "INFO", "#": "WARN"}
PID_RE = re.compile(r"^\s*\[(\d+)\]")
PG_AUXILIARY = frozenset({"DETAIL", "HINT", "STATEMENT", "CONTEXT", "QUERY", "LOCATION"})
"""PostgreSQL lines that belong to the message before them (they take its level)."""
LEVEL_RE = re.compile(
    r"(?:level|lvl|severity)=\"?(\w+)|\[(\w+)\]|\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|CRIT|"
    r"CRITICAL|FATAL|PANIC|EMERG|ALERT)\b|(?-i:\b(LOG|DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):)",
    re.IGNORECASE,
)
MONTHS = {
    m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)
}
TIME_KEYS = ("ts", "time", "timestamp", "@timestamp", "t", "datetime", "date", "asctime", "@t")
LEVEL_KEYS = ("level", "lvl", "severity", "log.level", "levelname", "loglevel", "severity_text", "@l", "status")
"""`status` last: Datadog's log level key (a numeric HTTP status there maps to no level). `@t`, `@l`,
`@m`/`@mt`, `@x`: Serilog's compact JSON (CLEF)."""
MESSAGE_KEYS = ("msg", "message", "log", "text", "event", "body", "@m")


@dataclass(frozen=True)
class Header:
    """What a line's header gives: its time, level ("" when none) and message."""

    ts: datetime
    level: str
    message: str
    inherit: bool = False
    """True for lines that take the level of the record before them (PostgreSQL DETAIL, HINT, ...)."""
    group: str | None = None
    """The process id in `[pid]` right after the time, when there is one (whose record is inherited)."""


SEVERITY_LETTERS = {"F": "FATAL", "E": "ERROR", "W": "WARN", "I": "INFO",
                    **{f"D{n}": "DEBUG" for n in range(1, 6)}}
"""MongoDB's one-letter severities (its structured log's `s` field)."""


def normalise_level(word: str | int | None) -> str:
    """A level word (or syslog priority number) as one of LEVELS, "" when unknown."""
    if word is None:
        return ""
    if isinstance(word, int) and not isinstance(word, bool) and word in PINO_LEVELS:
        return PINO_LEVELS[word]
    if isinstance(word, int) or (isinstance(word, str) and word.isdigit() and len(word) == 1):
        index = int(word)
        return SYSLOG_PRIORITY[index] if 0 <= index < len(SYSLOG_PRIORITY) else ""
    return LEVEL_ALIASES.get(str(word).upper(), "")


def epoch(value: float) -> datetime:
    """Seconds, milli-, micro- or nanoseconds since the epoch (guessed from magnitude)."""
    for scale in (1, 1e3, 1e6, 1e9):
        if value / scale < 1e11:
            return datetime.fromtimestamp(value / scale, UTC)
    raise ValueError("timestamp out of range")


def parse_timestamp(text: str, *, tz: tzinfo = UTC, ref: datetime | None = None) -> tuple[datetime, int] | None:
    """A timestamp at the start of `text` as UTC plus the length consumed; None when there is none."""
    if m := ISO_RE.match(text):
        date, clock, frac, zone = m.groups()
        micro = int((frac or "0")[:6].ljust(6, "0"))
        dt = datetime.fromisoformat(f"{date}T{clock}").replace(microsecond=micro)
        if zone in (None, "UTC"):
            dt = dt.replace(tzinfo=UTC if zone else tz)
        elif zone in ("Z", "z"):
            dt = dt.replace(tzinfo=UTC)
        else:
            dt = datetime.fromisoformat(f"{date}T{clock}{zone[:3]}:{zone[-2:]}").replace(microsecond=micro)
        return dt.astimezone(UTC), m.end()
    if m := SLASH_RE.match(text):
        year, month, day, hh, mm, ss, frac = m.groups()
        micro = int((frac or "0")[:6].ljust(6, "0"))
        dt = datetime(int(year), int(month), int(day), int(hh), int(mm), int(ss), micro, tzinfo=tz)
        return dt.astimezone(UTC), m.end()
    if m := KLOG_RE.match(text):
        ref = ref or datetime.now(UTC)
        _, month, day, hh, mm, ss, frac = m.groups()
        dt = datetime(ref.year, int(month), int(day), int(hh), int(mm), int(ss), int(frac.ljust(6, "0")), tzinfo=tz)
        if dt > ref + timedelta(days=1):
            dt = dt.replace(year=ref.year - 1)
        return dt.astimezone(UTC), m.end()
    if (m := RFC1123_RE.match(text)) and m.group(2) in MONTHS:
        day, month, year, hh, mm, ss, zone = m.groups()
        return _zoned(int(year), MONTHS[month], int(day), hh, mm, ss, zone, tz=tz), m.end()
    if (m := DATE_RE.match(text)) and m.group(1) in MONTHS:
        month, day, hh, mm, ss, zone, year = m.groups()
        return _zoned(int(year), MONTHS[month], int(day), hh, mm, ss, zone, tz=tz), m.end()
    if m := SYSLOG_RE.match(text):
        ref = ref or datetime.now(UTC)
        month, day, hh, mm, ss = m.groups()
        if month not in MONTHS:
            return None
        dt = datetime(ref.year, MONTHS[month], int(day), int(hh), int(mm), int(ss), tzinfo=tz).astimezone(UTC)
        if dt > ref + timedelta(days=1):
            dt = dt.replace(year=ref.year - 1)
        return dt, m.end()
    if m := EPOCH_RE.match(text):
        return epoch(float(m.group(1))), m.end()
    if (m := LOGFMT_TIME_RE.match(text)) and (inner := parse_timestamp(m.group(1), tz=tz, ref=ref)):
        return inner[0], m.end()
    if (m := REDIS_RE.match(text)) and m.group(2) in MONTHS:
        day, month, year, hh, mm, ss, frac = m.groups()
        micro = int((frac or "0").ljust(6, "0"))
        dt = datetime(int(year), MONTHS[month], int(day), int(hh), int(mm), int(ss), micro, tzinfo=tz)
        return dt.astimezone(UTC), m.end()
    if (m := CLF_RE.search(text[:120])) and m.group(2) in MONTHS:
        day, month, year, hh, mm, ss, frac, zone = m.groups()
        micro = int((frac or ".0")[1:].ljust(6, "0"))
        if zone:
            stamp = f"{year}-{MONTHS[month]:02d}-{day}T{hh}:{mm}:{ss}{zone[:3]}:{zone[3:]}"
            return datetime.fromisoformat(stamp).replace(microsecond=micro).astimezone(UTC), 0
        dt = datetime(int(year), MONTHS[month], int(day), int(hh), int(mm), int(ss), micro, tzinfo=tz)
        return dt.astimezone(UTC), 0
    return None


def _zoned(year: int, month: int, day: int, *clock: str | None, tz: tzinfo) -> datetime:
    """A UTC datetime from parts; `clock` is hours, minutes, seconds and a zone: UTC/GMT/Z, `+hhmm`, or
    None (then `tz`)."""
    hh, mm, ss, zone = clock
    dt = datetime(year, month, day, int(hh or 0), int(mm or 0), int(ss or 0))
    if zone in (None, ""):
        return dt.replace(tzinfo=tz).astimezone(UTC)
    if zone in ("UTC", "GMT", "Z"):
        return dt.replace(tzinfo=UTC)
    sign = 1 if zone[0] == "+" else -1
    offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
    return (dt - sign * offset).replace(tzinfo=UTC)


def parse_plain(line: str, *, tz: tzinfo = UTC, ref: datetime | None = None) -> Header | None:
    """Header of a plain text line; None for a continuation line (no timestamp)."""
    found = parse_timestamp(line, tz=tz, ref=ref)
    if found is None:
        return None
    ts, end = found
    rest = line[end:]
    if klog := KLOG_RE.match(line):
        return Header(ts=ts, level=KLOG_LEVELS[klog.group(1)], message=rest.split("] ", 1)[-1].strip())
    if lead := LEADING_LEVEL_RE.match(line):
        return Header(ts=ts, level=normalise_level(lead.group(1)), message=rest.strip())
    if len(rest) > 1 and rest[0] in REDIS_MARKS and rest[1] == " ":
        return Header(ts=ts, level=REDIS_MARKS[rest[0]], message=rest[2:].strip())
    level = ""
    pid = PID_RE.match(rest)
    group = pid.group(1) if pid else None
    for m in LEVEL_RE.finditer(rest[:100]):
        word = next(g for g in m.groups() if g)
        if word in PG_AUXILIARY and m.group(4):
            return Header(ts=ts, level="", message=rest[m.end() :].strip(), inherit=True, group=group)
        level = normalise_level(word)
        if level:
            if m.start() < 16 or m.group(4):  # the level is part of the header: the message follows it
                rest = rest[m.end() :]
            break
    return Header(ts=ts, level=level, message=rest.strip(" \t-:|]").strip(), group=group)


def guess_level(text: str) -> str:
    """The first level word in the start of `text`, "" when there is none."""
    for m in LEVEL_RE.finditer(text[:100]):
        if level := normalise_level(next(g for g in m.groups() if g)):
            return level
    return ""


def lookup(item: dict[str, Any], key: str) -> Any:
    """`item[key]`, also following a dotted key into nested objects (`log.level`)."""
    if key in item:
        return item[key]
    node: Any = item
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def parse_json(line: str, *, keys: dict[str, tuple[str, ...]] | None = None, tz: tzinfo = UTC) -> Header | None:
    """Header of a JSON-lines record; None when it is not a JSON object with a usable time."""
    try:
        item = json.loads(line)
    except ValueError:
        return None
    if not isinstance(item, dict):
        return None
    keys = keys or {}
    raw_ts = next((v for k in keys.get("time", TIME_KEYS) if (v := lookup(item, k)) is not None), None)
    if isinstance(raw_ts, dict) and len(raw_ts) == 1 and next(iter(raw_ts)).startswith("$"):
        raw_ts = next(iter(raw_ts.values()))  # extended JSON (MongoDB): {"$date": "..."}
        raw_ts = raw_ts.get("$numberLong", raw_ts) if isinstance(raw_ts, dict) else raw_ts
        raw_ts = int(raw_ts) if isinstance(raw_ts, str) and raw_ts.isdigit() else raw_ts
    try:
        if isinstance(raw_ts, int | float) and not isinstance(raw_ts, bool):
            ts = epoch(float(raw_ts))
        elif isinstance(raw_ts, str) and (found := parse_timestamp(raw_ts, tz=tz)):
            ts = found[0]
        else:
            return None
    except (ValueError, OverflowError, OSError):
        return None
    level = next((v for k in keys.get("level", LEVEL_KEYS) if (v := lookup(item, k)) is not None), None)
    if level is None and isinstance(item.get("s"), str):
        level = SEVERITY_LETTERS.get(item["s"])  # MongoDB's structured log: s = F, E, W, I, D1..D5
    message = next((v for k in keys.get("message", MESSAGE_KEYS) if (v := lookup(item, k)) is not None), None)
    if message is None:
        message = render_template(item)
        level = level if level is not None else clef_level(item)
    if message is None:
        message = line
    message = with_error(str(message), item)
    return Header(ts=ts, level=normalise_level(level if isinstance(level, str | int) else None), message=str(message))


def parse_line(
    line: str,
    *,
    fmt: str = "auto",
    keys: dict[str, tuple[str, ...]] | None = None,
    tz: tzinfo = UTC,
    ref: datetime | None = None,
) -> Header | None:
    """Header of a line in format `auto` (JSON when it looks like JSON), `json` or `plain`."""
    if fmt == "json" or (fmt == "auto" and line.startswith("{")):
        header = parse_json(line, keys=keys, tz=tz)
        if header is not None or fmt == "json":
            return header
    return parse_plain(line, tz=tz, ref=ref)


ERROR_KEYS = ("exc_info", "exception", "error", "err", "error.message", "stack_trace", "stacktrace", "stack",
              "error.stack", "exception.message", "throwable", "attr.error", "attr.errName", "@x")
"""JSON keys where loggers put the error that goes with a message (Python's exc_info, Logback's
stack_trace, zap's error, pino's err, ECS's error.message, MongoDB's attr.error and attr.errName)."""


def with_error(message: str, item: dict[str, Any]) -> str:
    """The message plus what the record's error fields say (the last line of a Python traceback, the
    first line of a Java or Go stack trace), so the failure's wording is part of what is matched."""
    parts = [message]
    for key in ERROR_KEYS:
        value = lookup(item, key)
        if isinstance(value, dict):
            value = value.get("message") or value.get("msg") or value.get("errmsg") or value.get("type")
        if not isinstance(value, str) or not value.strip():
            continue
        lines = [line.strip() for line in value.strip().splitlines() if line.strip()]
        summary = lines[-1] if lines[0].lower().startswith("traceback") else lines[0]
        if summary and summary not in message:
            parts.append(summary[:500])
    return " | ".join(parts)


def level_and_message(text: str) -> tuple[str, str]:
    """Level and message of a line whose time is known from elsewhere (journald, Loki, kubelet stamps)."""
    header = parse_line(text)
    if header is not None:
        return header.level, header.message
    if text.startswith("{"):
        try:
            item = json.loads(text)
        except ValueError:
            item = None
        if isinstance(item, dict):
            level = next((v for k in LEVEL_KEYS if (v := lookup(item, k)) is not None), None)
            message = next((v for k in MESSAGE_KEYS if (v := lookup(item, k)) is not None), text)
            return normalise_level(level if isinstance(level, str | int) else None), str(message)
    return guess_level(text), text
