"""Log line formats: Spring Boot (java), Go slog text (go), pino JSON (node), Python logging
(python), PostgreSQL (postgres) and Redis (redis). Each renders one entry to a raw line and the
message part; levels are normalised to `aiops.core.LEVELS`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime

Fields = tuple[tuple[str, object], ...]
Entry = tuple[float, str, str, str, Fields, str, str | None]
"""(second in the minute, level, logger, message, fields, renderer context, raw override)"""
Renderer = Callable[[datetime, Entry], tuple[str, str]]

PINO_LEVEL = {"DEBUG": 20, "INFO": 30, "WARN": 40, "ERROR": 50, "FATAL": 60}
PY_LEVEL = {"DEBUG": "DEBUG", "INFO": "INFO", "WARN": "WARNING", "ERROR": "ERROR", "FATAL": "CRITICAL"}
PG_LEVEL = {"DEBUG": "DEBUG", "INFO": "LOG", "WARN": "WARNING", "ERROR": "ERROR", "FATAL": "FATAL"}
REDIS_LEVEL = {"DEBUG": ".", "INFO": "*", "WARN": "#", "ERROR": "#", "FATAL": "#"}
_QUOTE = re.compile(r'[ ="\\\\]')
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _millis(ts: datetime) -> int:
    return ts.microsecond // 1000


def _iso(ts: datetime) -> str:
    return f"{ts:%Y-%m-%dT%H:%M:%S}.{_millis(ts):03d}Z"


def _kv(value: object) -> str:
    text = str(value)
    if not text or _QUOTE.search(text):
        return json.dumps(text)
    return text


def _inline(fields: Fields) -> str:
    return " ".join(f"{k}={_kv(v)}" for k, v in fields)


def java(ts: datetime, entry: Entry) -> tuple[str, str]:
    """Spring Boot 3 console format; `ctx` is `app|thread|trace`."""
    _, level, logger, msg, fields, ctx, _ = entry
    app, thread, trace = [*ctx.split("|"), "", "", ""][:3]
    message = f"{msg} {_inline(fields)}" if fields else msg
    if len(logger) > 40:
        logger = logger[-40:]
    trace_part = f" [{trace}]" if trace else ""
    raw = f"{_iso(ts)} {level:>5} 1 --- [{app}] [{thread:>15}]{trace_part} {logger:<40} : {message}"
    return raw, message


def go(ts: datetime, entry: Entry) -> tuple[str, str]:
    """Go log/slog text handler (logfmt)."""
    _, level, logger, msg, fields, _ctx, _ = entry
    extra = (("component", logger), *fields) if logger else fields
    tail = _inline(extra)
    raw = f"time={_iso(ts)} level={level} msg={_kv(msg)}" + (f" {tail}" if tail else "")
    return raw, f"{msg} {tail}" if tail else msg


def node(ts: datetime, entry: Entry) -> tuple[str, str]:
    """pino JSON (numeric levels, epoch milliseconds); `ctx` is the pod hostname."""
    _, level, logger, msg, fields, ctx, _ = entry
    record: dict[str, object] = {
        "level": PINO_LEVEL.get(level, 30),
        "time": int(ts.timestamp() * 1000),
        "pid": 1,
        "hostname": ctx,
    }
    if logger:
        record["name"] = logger
    record.update(fields)
    record["msg"] = msg
    tail = _inline(fields)
    return json.dumps(record, separators=(",", ":")), f"{msg} {tail}" if tail else msg


def python(ts: datetime, entry: Entry) -> tuple[str, str]:
    """`%(asctime)s %(levelname)s [%(name)s] %(message)s`."""
    _, level, logger, msg, fields, _ctx, _ = entry
    message = f"{msg} {_inline(fields)}" if fields else msg
    raw = f"{ts:%Y-%m-%d %H:%M:%S},{_millis(ts):03d} {PY_LEVEL.get(level, level)} [{logger}] {message}"
    return raw, message


def postgres(ts: datetime, entry: Entry) -> tuple[str, str]:
    """`log_line_prefix = '%m [%p] %q%u@%d '`; `logger` is the severity word when it is not the level's
    (DETAIL, HINT, STATEMENT, CONTEXT, PANIC); `ctx` is `pid|user@db`."""
    _, level, logger, msg, _fields, ctx, _ = entry
    pid, who = [*ctx.split("|"), ""][:2]
    severity = logger or PG_LEVEL.get(level, "LOG")
    prefix = f"{ts:%Y-%m-%d %H:%M:%S}.{_millis(ts):03d} UTC [{pid}] " + (f"{who} " if who else "")
    return f"{prefix}{severity}:  {msg}", msg


def redis(ts: datetime, entry: Entry) -> tuple[str, str]:
    """Redis server log: `pid:role dd Mon yyyy hh:mm:ss.mmm <level-char> message`."""
    _, level, _logger, msg, _fields, ctx, _ = entry
    role = ctx or "1:M"
    stamp = f"{ts.day:02d} {MONTHS[ts.month - 1]} {ts.year} {ts:%H:%M:%S}.{_millis(ts):03d}"
    return f"{role} {stamp} {REDIS_LEVEL.get(level, '*')} {msg}", msg


RENDERERS: dict[str, Renderer] = {
    "java": java,
    "go": go,
    "node": node,
    "python": python,
    "postgres": postgres,
    "redis": redis,
}
