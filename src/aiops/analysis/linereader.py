"""Reading log files as text lines in bounded memory.

Files are read in binary blocks and decoded as UTF-8 (bad bytes replaced). Lines end at ``\\n``;
a ``\\r`` before it (CRLF) is dropped. A line longer than `max_bytes` is cut to that length and the
rest of it is skipped without being held in memory, so a 50 MB single line costs one block.
Every input line yields exactly one output line, blank ones included; a last line without a
newline still counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

MAX_LINE_BYTES = 64 * 1024
"""Longest line kept whole; longer lines are truncated (the template of the kept part is mined)."""
BLOCK_BYTES = 1 << 20


def _decode(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    return text[:-1] if text.endswith("\r") else text


def iter_line_blocks(stream: BinaryIO, *, max_bytes: int = MAX_LINE_BYTES,
                     block_bytes: int = BLOCK_BYTES) -> Iterator[list[str]]:
    """Yield lists of consecutive lines (without line ends) read from a binary stream."""
    pending = b""
    overflow = False
    max_chars = max_bytes
    while True:
        chunk = stream.read(block_bytes)
        if not chunk:
            break
        start = 0
        if pending or overflow:
            newline = chunk.find(b"\n")
            if newline < 0:
                if not overflow:
                    pending += chunk[: max_bytes - len(pending)]
                    overflow = len(pending) >= max_bytes and len(chunk) > 0
                continue
            if not overflow:
                pending += chunk[:newline][: max_bytes - len(pending)]
            yield [_decode(pending)]
            pending, overflow, start = b"", False, newline + 1
        last = chunk.rfind(b"\n")
        if last >= start:
            text = chunk[start:last].decode("utf-8", "replace").replace("\r\n", "\n")
            if text.endswith("\r"):
                text = text[:-1]
            lines = text.split("\n")
            if len(text) > max_chars and max(map(len, lines)) > max_chars:
                lines = [line[:max_chars] for line in lines]
            yield lines
            start = last + 1
        tail = chunk[start:]
        pending = tail[:max_bytes]
        overflow = len(tail) > max_bytes
    if pending or overflow:
        yield [_decode(pending)]


def iter_lines(stream: BinaryIO, *, max_bytes: int = MAX_LINE_BYTES) -> Iterator[str]:
    """Yield the lines of a binary stream one by one (see `iter_line_blocks`)."""
    for block in iter_line_blocks(stream, max_bytes=max_bytes):
        yield from block


def normalise_line(line: str, *, max_chars: int = MAX_LINE_BYTES) -> str:
    """Strip a line end (``\\n``, ``\\r\\n``) from a text line and cap its length."""
    if line.endswith("\n"):
        line = line[:-1]
    if line.endswith("\r"):
        line = line[:-1]
    return line[:max_chars]
