"""Structured log lines: one JSON object per line (the common shape of container and cloud logs),
or logfmt (``time=... level=error msg="..." key=value``, the text form of Go's slog and logrus).

Either may sit behind a short text prefix that a collector added: a container runtime's time and
stream (``2026-12-04T10:00:00.1Z stdout F {...}``, ``docker logs --timestamps``), a syslog header
or a pid. The prefix is then only a source of the time when the record carries none.

The message, level and time are taken from the conventional key names used by logging libraries
(structlog, bunyan, pino, zap, logrus, slog, logstash, Docker's json-file driver, ...), not from
any per-format setting. A line that does not parse falls back to plain-text handling.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from aiops.analysis.masking import SOURCE_RE

MESSAGE_KEYS = ("message", "msg", "log", "event", "text", "@message", "body", "MESSAGE", "@m")
LEVEL_KEYS = ("level", "severity", "lvl", "loglevel", "log_level", "levelname", "@level", "PRIORITY", "@l")
TIME_KEYS = ("timestamp", "@timestamp", "time", "ts", "datetime", "date", "t", "__REALTIME_TIMESTAMP", "@t")
_HOLE = re.compile(r"\{([@$]?)([A-Za-z_][\w.]*)(?:[,:][^{}]*)?\}")


def render_template(item: dict[str, Any]) -> str | None:
    """The message of a Serilog compact-JSON (CLEF) record that carries only its template (`@mt`,
    "Assessment {Id} failed"), with each hole filled from the record's properties; None otherwise."""
    template = item.get("@mt")
    if not isinstance(template, str):
        return None

    def fill(match: re.Match[str]) -> str:
        if match.group(2) not in item:
            return match.group(0)
        value = item[match.group(2)]
        return value if isinstance(value, str) else json.dumps(value)

    return _HOLE.sub(fill, template)


def clef_level(item: dict[str, Any]) -> str | None:
    """CLEF leaves `@l` out for Information: a record with `@t` and `@mt` but no level is INFO."""
    return "INFO" if "@t" in item and "@mt" in item and "@l" not in item else None


RECORD_SHARE = 0.6
"""Share of sample lines that must be records for a file to be read as JSON or logfmt; the other
lines (an access log written to the same stream, a start-up banner) are read as plain text."""
MAX_PREFIX = 160
"""Longest text prefix before a structured record (a timestamp, host, stream or program field)."""


def looks_like_json(sample: list[str], *, prefixed: bool = False) -> bool:
    """True when most sample lines are JSON objects; with `prefixed`, when most are a short text
    prefix followed by a JSON log record (an object with a message or level key)."""
    hits = 0
    for line in sample:
        if prefixed:
            start = _json_start(line)
            obj = _load(line[start:].strip()) if start > 0 else None
            hits += isinstance(obj, dict) and _first(obj, MESSAGE_KEYS + LEVEL_KEYS) is not None
            continue
        text = line.strip()
        if text.startswith("{") and isinstance(_load(text), dict):
            hits += 1
    return hits >= RECORD_SHARE * len(sample)


def message_keys(sample: list[str], *, prefixed: bool = False) -> tuple[str, ...]:
    """`MESSAGE_KEYS` in the order this file's records use them: a key more records carry comes
    first. The logger writes its message key in every record, while a key by the same name in only
    some is a field the program logged (a bunyan record's ``msg`` beside a reply's ``message``)."""
    counts = dict.fromkeys(MESSAGE_KEYS, 0)
    for line in sample:
        start = _json_start(line) if prefixed else 0
        obj = _load(line[start:].strip()) if start >= 0 else None
        if isinstance(obj, dict):
            for key in MESSAGE_KEYS:
                counts[key] += obj.get(key) not in (None, "")
    return tuple(sorted(MESSAGE_KEYS, key=lambda key: -counts[key]))


def _json_start(line: str) -> int:
    """Where a JSON record begins behind a text prefix (-1 when there is no such place)."""
    start = line.find('{"', 0, MAX_PREFIX + 2)
    return start if start > 0 and line[start - 1].isspace() else -1


@lru_cache(maxsize=1)
def _load(text: str) -> Any:
    """The parsed JSON of `text`, or None (the last one is kept: splitting a line and finding its
    source locations read the same record; callers must not change it)."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in obj and obj[key] not in (None, ""):
            return obj[key]
    return None


def split_json(line: str, *, prefixed: bool = False, keys: tuple[str, ...] = ()) -> tuple[str, str, str] | None:
    """(message, level text, time text) of a JSON log line, or None when it is not one. With
    `prefixed`, the record follows a text prefix, whose text is the time when the record has none;
    `keys` are the message keys in the order to try them (see `message_keys`; `MESSAGE_KEYS` when empty)."""
    prefix = ""
    if prefixed:
        start = _json_start(line)
        if start < 0:
            return None
        prefix, line = line[:start].strip(), line[start:]
    text = line.strip()
    if not text.startswith("{"):
        return None
    obj = _load(text)
    if not isinstance(obj, dict):
        return None
    message = _first(obj, keys or MESSAGE_KEYS) or render_template(obj)
    if isinstance(message, dict | list):
        message = json.dumps(message, sort_keys=True)
    if message is None:
        rest = {k: v for k, v in obj.items() if k not in LEVEL_KEYS and k not in TIME_KEYS}
        message = " ".join(f"{k}={v}" for k, v in rest.items())
    level = _first(obj, LEVEL_KEYS) or clef_level(obj)
    if isinstance(level, int | float) and not isinstance(level, bool):
        level = numeric_level(int(level))
    when = _first(obj, TIME_KEYS) or prefix or None
    if isinstance(when, dict) and len(when) == 1:  # extended JSON: MongoDB's {"$date": "..."}, {"$numberLong": ...}
        when = next(iter(when.values()))
        when = when.get("$numberLong", when) if isinstance(when, dict) else when
    return str(message), "" if level is None else str(level), "" if when is None else str(when)


def numeric_level(value: int) -> str:
    """Numeric severities: bunyan/pino (10 trace ... 60 fatal) or syslog (0 emerg ... 7 debug)."""
    if value >= 10:
        return {10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR"}.get(value // 10 * 10, "FATAL")
    return {0: "FATAL", 1: "FATAL", 2: "FATAL", 3: "ERROR", 4: "WARN", 5: "INFO", 6: "INFO"}.get(value, "DEBUG")


_PAIR = re.compile(r'([A-Za-z_@][\w.@/-]*)=("(?:[^"\\]|\\.)*"|[^\s"]*)')


def _pairs(line: str) -> list[tuple[str, str]]:
    return _PAIR.findall(line)


MAX_PREFIX_FIELDS = 8
"""Most blank-separated fields a text prefix before logfmt pairs may hold."""


def looks_like_logfmt(sample: list[str], *, prefixed: bool = False) -> bool:
    """True when most sample lines are logfmt (``time=... level=info msg="..." key=value``); with
    `prefixed`, when most are a few prefix fields followed by a logfmt record (three pairs, or fewer
    led by a message, level or time key) that names a message somewhere: the prefix may have taken
    the record's time and level (``component=cluster msg="..." err=...`` behind a collector's time).
    A bare ``key=value`` message behind a header names no message and is not enough."""
    hits = 0
    for line in sample:
        text = line.strip()
        if prefixed:
            start = _logfmt_start(text)
            pairs = _pairs(text[start:]) if start > 0 else []
            keys = {k for k, _ in pairs}
            hits += bool(keys & set(MESSAGE_KEYS))
            continue
        pairs = _pairs(text)
        hits += bool(_PAIR.match(text)) and _record(pairs) and any(k in MESSAGE_KEYS or k in LEVEL_KEYS
                                                                   for k, _ in pairs)
    return hits >= RECORD_SHARE * len(sample)


def _record(pairs: list[tuple[str, str]]) -> bool:
    """True when pairs read as a logfmt record: three or more, or fewer led by a message, level or
    time key (``level=INFO msg=...`` from a handler told to leave the time to journald; one
    ``key=value`` or two in a sentence's place is not enough)."""
    return len(pairs) >= 3 or (bool(pairs) and pairs[0][0] in MESSAGE_KEYS + LEVEL_KEYS + TIME_KEYS)


def _logfmt_start(text: str) -> int:
    """Where logfmt pairs begin behind 1 to `MAX_PREFIX_FIELDS` prefix fields (-1 when not)."""
    for index, word in enumerate(re.finditer(r"\S+", text[:MAX_PREFIX])):
        if index > MAX_PREFIX_FIELDS:
            return -1
        if "=" in word.group():
            start = word.start()
            return start if index > 0 and _PAIR.match(text, start) and _record(_pairs(text[start:])) else -1
    return -1


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value


@lru_cache(maxsize=1)
def _logfmt_pairs(line: str, *, prefixed: bool) -> tuple[str, list[tuple[str, str]]] | None:
    """(text prefix, pairs) of a logfmt line; None when a prefixed line has no pairs where expected
    (the last one is kept: splitting a line and finding its events read the same pairs; callers
    must not change them)."""
    if not prefixed:
        return "", _pairs(line)
    text = line.strip()
    start = _logfmt_start(text)
    return (text[:start].strip(), _pairs(text[start:])) if start >= 0 else None


def logfmt_message(line: str, *, prefixed: bool = False) -> tuple[str, list[str], list[str]] | None:
    """The message value alone of a logfmt line, its other keys in order and the values that are
    source locations (None when it has no message key)."""
    found = _logfmt_pairs(line, prefixed=prefixed)
    values = dict(found[1]) if found is not None else {}
    key = next((k for k in MESSAGE_KEYS if k in values), None)
    if found is None or key is None:
        return None
    rest = [k for k, _ in found[1] if k not in MESSAGE_KEYS and k not in LEVEL_KEYS and k not in TIME_KEYS]
    return _unquote(values[key]), rest, [v for _, v in found[1] if source_location(v)]


def source_location(value: object) -> bool:
    """True when a record's value is a source location (``api.go:603``, ``raft/raft.go:706``: zap's
    and go-kit's ``caller``), which names the statement that logged."""
    return isinstance(value, str) and SOURCE_RE.fullmatch(value.rsplit("/", 1)[-1]) is not None


def json_locations(line: str, *, prefixed: bool = False) -> list[str]:
    """The values of a JSON log line's top-level keys that are source locations."""
    start = _json_start(line) if prefixed else 0
    obj = _load(line[start:].strip()) if start >= 0 else None
    return [value for value in obj.values() if source_location(value)] if isinstance(obj, dict) else []


def split_logfmt(line: str, *, prefixed: bool = False) -> tuple[str, str, str] | None:
    """(message, level text, time text) of a logfmt line: the message value followed by the other
    pairs (time and level left out), or None when the line holds no pairs. With `prefixed`, the
    pairs follow a few prefix fields, whose text is the time when the pairs carry none."""
    found = _logfmt_pairs(line, prefixed=prefixed)
    if found is None or (len(found[1]) < 2 and not _record(found[1])):
        return None
    prefix, pairs = found
    keys = {key for key, _ in pairs}
    msg_key = next((k for k in MESSAGE_KEYS if k in keys), None)
    level_key = next((k for k in LEVEL_KEYS if k in keys), None)
    time_key = next((k for k in TIME_KEYS if k in keys), None)
    values = dict(pairs)
    rest = " ".join(f"{k}={v}" for k, v in pairs if k not in (msg_key, level_key, time_key))
    message = _unquote(values[msg_key]) if msg_key else ""
    message = f"{message} {rest}".strip() if message else rest
    level = _unquote(values[level_key]) if level_key else ""
    when = _unquote(values[time_key]) if time_key else prefix
    return message, level, when
