"""`aiops logs parse --json`: one JSON object per input line, in order; huge lines; bounded memory."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from aiops.cli.main import main


def _parse(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["logs", "parse", "--json", str(path)]) == 0
    return [json.loads(row) for row in capsys.readouterr().out.splitlines()]


def test_contract_every_line_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [f"2024-01-15 10:00:0{i % 10} ERROR [main] App - pool exhausted after {i} ms" for i in range(30)]
    lines[5] = ""
    lines[17] = "   "
    path = tmp_path / "app.log"
    path.write_bytes(("\r\n".join(lines)).encode())
    rows = _parse(path, capsys)
    assert [row["line"] for row in rows] == list(range(1, 31))
    assert all(set(row) == {"line", "group", "template"} for row in rows)
    assert rows[0]["template"] == "pool exhausted after <*> ms"
    assert rows[0]["group"] == rows[29]["group"]
    assert rows[5]["group"] != rows[0]["group"]


def test_summary_without_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.log"
    path.write_text("x 1\nx 2\ny\n")
    assert main(["logs", "parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 templates" in out


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["logs", "parse", "--json", str(tmp_path / "nope.log")]) == 2
    assert "cannot read log file" in capsys.readouterr().err


def test_single_50mb_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.log"
    with path.open("wb") as handle:
        handle.write(b"2024-01-15T10:00:00Z INFO first line\n")
        chunk = b"0123456789abcdef " * 4096
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            handle.write(chunk)
        handle.write(b"\n2024-01-15T10:00:01Z INFO last line\n")
    tracemalloc.start()
    try:
        rows = _parse(path, capsys)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [row["line"] for row in rows] == [1, 2, 3]
    assert peak < 16 * 1024 * 1024


def test_digest_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [f"2024-01-15 10:{m:02d}:00,000 INFO [main] com.acme.Api - served request {m}" for m in range(30)]
    lines += [f"2024-01-15 10:{m:02d}:30,000 ERROR [main] com.acme.Db - deadlock detected" for m in range(25, 30)]
    path = tmp_path / "orders.log"
    path.write_text("\n".join(lines) + "\n")
    assert main(["logs", "digest", str(path), "--budget-tokens", "300"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("logs orders ") and "db_deadlock x5" in text
    assert main(["logs", "digest", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["service"] == "orders" and data["levels"] == {"ERROR": 5, "INFO": 30}
