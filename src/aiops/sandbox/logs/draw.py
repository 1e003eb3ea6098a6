"""Lazy placeholder values for templates: context values first, then random draws on demand."""

from __future__ import annotations

import random
from typing import Any

from aiops.sandbox.logs.templates import T

HEX = "0123456789abcdef"


def _draw(key: str, rng: random.Random, values: dict[str, Any]) -> Any:
    if key == "rid":
        return f"{rng.getrandbits(64):016x}"
    if key == "hex":
        return f"{rng.getrandbits(48):012x}"
    if key == "hex8":
        return f"{rng.getrandbits(32):08x}"
    if key == "id":
        return rng.randint(100_000, 9_999_999)
    if key == "page":
        return rng.randint(1, 40)
    if key == "pid":
        return rng.randint(12, 4000)
    if key == "port":
        return rng.randint(32768, 60999)
    if key == "client_ip":
        return f"10.1.{rng.randint(0, 63)}.{rng.randint(2, 254)}"
    if key == "lag":
        return rng.randint(180, 2400)
    if key == "delta":
        return f"1m{rng.randint(2, 59)}s{rng.randint(100, 999)}ms"
    if key == "n":
        return rng.randint(1, 9)
    if key == "n3":
        return rng.randint(120, 48_000)
    if key == "line":
        return rng.randint(40, 480)
    if key == "col":
        return rng.randint(5, 60)
    if key == "relid":
        return rng.randint(16_390, 98_000)
    if key == "sec":
        return f"{rng.uniform(6.5, 12.5):.3f}"
    if key == "slow_ms":
        return rng.randint(1_050, 3_900)
    if key == "op":
        return f"{rng.choice(('get', 'list', 'update', 'insert'))}_{values.get('noun', 'item')}"
    raise KeyError(key)


class Draw(dict[str, Any]):
    """A format mapping: known context values, random draws for the rest (memoised per line)."""

    __slots__ = ("rng",)

    def __init__(self, base: dict[str, Any], rng: random.Random) -> None:
        super().__init__(base)
        self.rng = rng

    def __missing__(self, key: str) -> Any:
        value = _draw(key, self.rng, self)
        self[key] = value
        return value


def fill(template: T, values: Draw) -> tuple[str, str, str, tuple[tuple[str, object], ...]]:
    """(level, logger, message, fields) of `template` with placeholders filled."""
    fields = tuple((k, _typed(v.format_map(values))) for k, v in template.fields)
    return template.level, template.logger.format_map(values), template.msg.format_map(values), fields


def _typed(text: str) -> object:
    if text.isdigit() and len(text) < 16:
        return int(text)
    return text
