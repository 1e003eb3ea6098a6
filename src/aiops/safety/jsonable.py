"""Turning arbitrary values into plain JSON data, and the canonical JSON that digests are taken over."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from pathlib import PurePath
from typing import Any


def to_jsonable(value: Any, _depth: int = 0) -> Any:
    """A JSON-able copy of `value`: dataclasses and mappings become dicts (string keys), sequences and
    sets lists, datetimes ISO strings, non-finite floats strings, anything else its `str`."""
    if _depth > 50:
        return "<nested too deeply>"
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return to_jsonable(value.value, _depth + 1)
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, bytes | bytearray):
        return f"<{len(value)} bytes>"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    if hasattr(value, "model_dump") and callable(value.model_dump):
        value = value.model_dump()
    if isinstance(value, Mapping):
        return {str(key): to_jsonable(item, _depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item, _depth + 1) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((to_jsonable(item, _depth + 1) for item in value), key=repr)
    return str(value)


def canonical_json(value: Any) -> str:
    """Canonical JSON text: sorted keys, no spaces, UTF-8 kept; the input must already be JSON-able."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
