"""A reply of the engine: text and tool calls (the shape of one model turn)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Reply:
    """One turn: `text` for the transcript and the final answer, `calls` as {"name", "args"}."""

    text: str = ""
    calls: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def call(cls, name: str, text: str = "", **args: Any) -> Reply:
        """A turn with one tool call."""
        return cls(text=text, calls=[{"name": name, "args": args}])
