"""Snapshot assertions for what the model sees (rendered prompts, tool schemas).

A missing snapshot FAILS the test; regenerate deliberately with AIOPS_UPDATE_SNAPSHOTS=1 and review
the diff like any other change to what the model sees.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

import pytest

SNAPSHOT_DIR = Path(__file__).parent / "snapshots"


def _render(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, indent=2, sort_keys=True) + "\n"


def assert_snapshot(name: str, value: Any) -> None:
    """Compare `value` (str, or JSON-able) with tests/snapshots/<name>."""
    path = SNAPSHOT_DIR / name
    text = _render(value)
    if os.environ.get("AIOPS_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"snapshot {name} is missing; review the output and create it with AIOPS_UPDATE_SNAPSHOTS=1")
    expected = path.read_text(encoding="utf-8")
    if expected != text:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), "snapshot", "now", n=2))
        pytest.fail(f"snapshot {name} differs (AIOPS_UPDATE_SNAPSHOTS=1 to accept):\n{diff[:6000]}")
