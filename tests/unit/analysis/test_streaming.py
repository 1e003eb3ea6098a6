"""Streaming 10M lines through the parser in bounded memory (measured with tracemalloc)."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Iterator

from aiops.analysis import logparse, miner
from aiops.analysis.logparse import LogParser

LINES = 10_000_000


def _letters(number: int) -> str:
    out = []
    while True:
        out.append(chr(97 + number % 26))
        number //= 26
        if not number:
            return "".join(out)


def _pool() -> list[str]:
    rng = random.Random(3)
    pool = []
    for i in range(1000):
        kind = i % 5
        if kind == 0:
            pool.append(f"2024-01-01T00:00:{i % 60:02d}Z INFO request {rng.randint(1, 10**6)} served in {i % 997}ms")
        elif kind == 1:
            pool.append("")
        elif kind == 2:
            pool.append(f"2024-01-01T00:00:{i % 60:02d}Z ERROR pool exhausted after {rng.randint(1, 30000)}ms")
        else:
            pool.append(f"2024-01-01T00:00:{i % 60:02d}Z DEBUG cache key={rng.randint(1, 10**9)} hit")
    return pool


def _generate(total: int) -> Iterator[str]:
    """`total` lines: routine lines, and every 100th line new words never seen before (so caches and
    tables keep receiving new entries and must stay bounded on their own)."""
    pool = _pool()
    for i in range(total // 100):
        start = (i * 99) % 900
        yield from pool[start:start + 99]
        yield f"2024-01-01T00:00:00Z WARN login failed for {_letters(i)} from gate {_letters(i // 3)}"


def test_ten_million_lines_in_bounded_memory(monkeypatch) -> None:
    monkeypatch.setattr(logparse, "SHAPE_CHARS", 200_000)
    monkeypatch.setattr(miner, "TABLE_LIMIT", 5_000)
    parser = LogParser()
    seen = 0
    checkpoints = []
    tracemalloc.start()
    try:
        for _block, templates in parser.template_blocks(_generate(LINES)):
            seen += len(templates)
            if seen % 1_000_000 < len(templates):
                checkpoints.append(tracemalloc.get_traced_memory()[0])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == LINES
    assert len(parser.miner.templates) < 100
    assert peak < 24 * 1024 * 1024
    assert max(checkpoints[2:]) < 2 * checkpoints[1] + 4 * 1024 * 1024
