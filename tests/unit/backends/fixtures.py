"""Paths to the recorded response shapes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RECORDED = Path(__file__).resolve().parents[2] / "fixtures" / "recorded"


def recorded(name: str) -> Any:
    """A recorded JSON response (`loki/labels.json`, `kubernetes/events.json`, ...)."""
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def recorded_text(name: str) -> str:
    """A recorded text response."""
    return (RECORDED / name).read_text(encoding="utf-8")
