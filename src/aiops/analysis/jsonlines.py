"""Structured log lines: one JSON object per line (the common shape of container and cloud logs).

The message, level and time are taken from the conventional key names used by logging libraries
(structlog, bunyan, pino, zap, logrus, logstash, Docker's json-file driver, ...), not from any
per-format setting. A line that is not a JSON object falls back to plain-text handling.
"""

from __future__ import annotations

import json
from typing import Any

MESSAGE_KEYS = ("message", "msg", "log", "event", "text", "@message", "body", "MESSAGE")
LEVEL_KEYS = ("level", "severity", "lvl", "loglevel", "log_level", "levelname", "@level", "PRIORITY")
TIME_KEYS = ("timestamp", "@timestamp", "time", "ts", "datetime", "date", "t", "__REALTIME_TIMESTAMP")


def looks_like_json(sample: list[str]) -> bool:
    """True when most sample lines are JSON objects."""
    hits = 0
    for line in sample:
        text = line.strip()
        if text.startswith("{") and isinstance(_load(text), dict):
            hits += 1
    return hits >= 0.8 * len(sample)


def _load(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in obj and obj[key] not in (None, ""):
            return obj[key]
    return None


def split_json(line: str) -> tuple[str, str, str] | None:
    """(message, level text, time text) of a JSON log line, or None when it is not one."""
    text = line.strip()
    if not text.startswith("{"):
        return None
    obj = _load(text)
    if not isinstance(obj, dict):
        return None
    message = _first(obj, MESSAGE_KEYS)
    if isinstance(message, dict | list):
        message = json.dumps(message, sort_keys=True)
    if message is None:
        rest = {k: v for k, v in obj.items() if k not in LEVEL_KEYS and k not in TIME_KEYS}
        message = " ".join(f"{k}={v}" for k, v in rest.items())
    level = _first(obj, LEVEL_KEYS)
    when = _first(obj, TIME_KEYS)
    return str(message), "" if level is None else str(level), "" if when is None else str(when)
