"""Reading lines in bounded memory: CRLF, blank lines, a missing last newline, huge lines."""

from __future__ import annotations

import io

from aiops.analysis.linereader import iter_line_blocks, iter_lines


def _read(data: bytes, **kwargs: int) -> list[str]:
    return list(iter_lines(io.BytesIO(data), **kwargs))


def test_line_ends() -> None:
    assert _read(b"a\r\nb\n\r\nc") == ["a", "b", "", "c"]
    assert _read(b"a\n\n") == ["a", ""]
    assert _read(b"") == []
    assert _read(b"\n") == [""]


def test_lines_split_across_blocks() -> None:
    data = ("é" * 700 + "\r\n").encode() * 50
    blocks = list(iter_line_blocks(io.BytesIO(data), block_bytes=97))
    lines = [line for block in blocks for line in block]
    assert lines == ["é" * 700] * 50


def test_long_lines_are_cut_without_holding_them() -> None:
    data = b"start\n" + b"x" * 5_000_000 + b"\nend\n"
    lines = list(iter_lines(io.BytesIO(data), max_bytes=1000))
    assert [len(line) for line in lines] == [5, 1000, 3]
