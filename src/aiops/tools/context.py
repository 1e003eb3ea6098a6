"""Everything the tools of one incident share. Built per incident by the runtime; never global."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.core.private import open_private, private_dir
from aiops.core.types import Environment


class EvidenceLog:
    """Append-only JSONL of what the tools returned (already redacted): the report's raw material."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(
        self, tool: str, args: Mapping[str, Any], artifact: Mapping[str, Any], *, agent: str | None = None
    ) -> None:
        """Append one tool result."""
        entry = {"ts": datetime.now(UTC).isoformat(), "tool": tool, "agent": agent, "args": dict(args),
                 "artifact": artifact}
        line = json.dumps(entry, default=str, sort_keys=True)
        with self._lock:
            private_dir(self.path.parent)
            with open_private(self.path, "a", encoding="utf-8") as handle:
                handle.write(line + "\n")

    def entries(self, tool: str | None = None) -> list[dict[str, Any]]:
        """All recorded entries, optionally for one tool, oldest first."""
        if not self.path.exists():
            return []
        out = []
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    entry = json.loads(line)
                    if tool is None or entry["tool"] == tool:
                        out.append(entry)
        return out


@dataclass
class ToolContext:
    """The incident's world and controls, as the tools see them.

    `env` is already wrapped by the redactor, so nothing un-redacted leaves a backend.
    `catalogue` is the runbook catalogue (`actions:` of remediation/runbooks.yaml);
    `signatures` the log signatures of the log-analysis skill.
    """

    incident_id: str
    env: Environment
    catalogue: Mapping[str, Mapping[str, Any]]
    signatures: Sequence[Any]
    policy: Any
    ledger: Any
    audit: Any
    redactor: Any
    evidence: EvidenceLog
    incident_dir: Path
    tool_timeout_s: float = 60.0
    digest_tokens: int = 2000
    extras: dict[str, Any] = field(default_factory=dict)

    def now(self) -> datetime:
        """The environment's current time."""
        return self.env.clock.now()
