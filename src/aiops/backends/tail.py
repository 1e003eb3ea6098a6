"""Reading log files from the end: reverse line iteration, rotation sets (`app.log`, `app.log.1`,
`app.log.2.gz`, `app.log-20240501.gz`) newest first, and a byte budget shared across files."""

from __future__ import annotations

import glob as globmod
import gzip
import os
import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path

CHUNK = 64 * 1024
ROTATED_RE = re.compile(r"^(?P<base>.+?)(?:\.(?P<num>\d{1,4})|[-.](?P<date>\d{8}(?:-?\d{2,6})?))?(?P<gz>\.gz)?$")


class ByteBudget:
    """How many bytes a fetch may still read, across every file it opens."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def take(self, amount: int) -> bool:
        """Spend `amount`; False once the budget is exhausted."""
        self.left -= amount
        return self.left >= 0

    @property
    def exhausted(self) -> bool:
        return self.left < 0


def reverse_lines(path: Path, budget: ByteBudget) -> Iterator[str]:
    """Lines of a plain file from last to first, reading blocks from the end."""
    with path.open("rb") as handle:
        handle.seek(0, os.SEEK_END)
        pos = handle.tell()
        tail = b""
        while pos > 0 and budget.left > 0:
            size = min(CHUNK, pos, budget.left)
            pos -= size
            handle.seek(pos)
            budget.take(size)
            block = handle.read(size) + tail
            lines = block.split(b"\n")
            tail = lines.pop(0)
            for raw in reversed(lines):
                if raw:
                    yield raw.decode("utf-8", "replace").rstrip("\r")
        if tail and pos == 0:
            yield tail.decode("utf-8", "replace").rstrip("\r")


def reverse_gzip_lines(path: Path, budget: ByteBudget, keep: int) -> Iterator[str]:
    """Lines of a gzip file, last first. Gzip only reads forward, so at most the last `keep` lines
    are held; the decompressed bytes count against the budget."""
    window: deque[str] = deque(maxlen=keep)
    with gzip.open(path, "rb") as handle:
        for raw in handle:
            if not budget.take(len(raw)):
                break
            line = raw.rstrip(b"\r\n")
            if line:
                window.append(line.decode("utf-8", "replace"))
    while window:
        yield window.pop()


def rotation_rank(path: Path) -> tuple[str, float]:
    """`(base, rank)`: the live file ranks 0, `.N` ranks N, dated files by date (newer = smaller)."""
    m = ROTATED_RE.match(path.name)
    if m is None:  # pragma: no cover - the pattern matches any name
        return path.name, 0.0
    if m.group("num"):
        return str(path.with_name(m.group("base"))), float(m.group("num"))
    if m.group("date"):
        return str(path.with_name(m.group("base"))), 1.0 / float(m.group("date").replace("-", ""))
    return str(path.with_name(m.group("base"))), 0.5 if m.group("gz") else 0.0


def rotation_sets(patterns: list[str]) -> list[list[Path]]:
    """Files matching the glob patterns plus their rotated siblings, grouped per live file, newest first."""
    found: set[Path] = set()
    for pattern in patterns:
        names = globmod.glob(pattern) + globmod.glob(pattern + ".*") + globmod.glob(pattern + "-*")  # noqa: PTH207
        for name in names:
            path = Path(name)
            if path.is_file():
                found.add(path)
    groups: dict[str, list[tuple[float, float, Path]]] = {}
    for path in found:
        base, rank = rotation_rank(path)
        groups.setdefault(base, []).append((rank, -path.stat().st_mtime, path))
    return [[path for _, _, path in sorted(items)] for _, items in sorted(groups.items())]


def newest_lines(files: list[Path], budget: ByteBudget, keep: int) -> Iterator[str]:
    """Lines of a rotation set, newest first, across its files."""
    for path in files:
        if budget.exhausted:
            return
        try:
            if path.suffix == ".gz":
                yield from reverse_gzip_lines(path, budget, keep)
            else:
                yield from reverse_lines(path, budget)
        except (OSError, EOFError):
            continue  # rotated away or truncated while reading: skip it


def head_lines(path: Path, count: int, *, max_bytes: int = 64 * 1024) -> list[str]:
    """The first `count` non-blank lines of a file (plain or gzip), reading at most `max_bytes`."""
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as handle:
            block = handle.read(max_bytes)
    except (OSError, EOFError):
        return []
    lines = [raw.decode("utf-8", "replace").rstrip("\r") for raw in block.split(b"\n")]
    return [line for line in lines if line.strip()][:count]
