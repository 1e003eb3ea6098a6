"""Every step of every incident as an event: the CLI's live tree (agent, tool, skill, decision),
plus what the service adds (opened, diagnosis, approval needed, result). Stored in `server.sqlite`
so the browser can replay an incident from the start (`Last-Event-ID`) and the notifier can follow.

Text from models, telemetry and alerts is stored escaped (`core.termtext.safe_line`), and the page
puts it in the DOM as text, never as markup.
"""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from aiops.core.termtext import safe_line
from aiops.runtime.progress import ProgressTree
from aiops.server.db import ServerDB

STEP_KINDS = ("agent", "tool", "skill", "decision", "note")
"""Kinds of the live tree's lines."""
KINDS = (*STEP_KINDS, "opened", "alert", "diagnosis", "approval", "result", "status")
_DIAGNOSIS = re.compile(r"```json\s*(\{.*?\})\s*```", re.DOTALL)


class EventLog:
    """Append and read the events of incidents."""

    def __init__(self, db: ServerDB) -> None:
        self.db = db

    def append(self, incident_id: str, kind: str, **data: Any) -> int:
        """Record one event; returns its id (ids grow across all incidents)."""
        with self.db.connect(immediate=True) as conn:
            return self.append_in(conn, incident_id, kind, **data)

    @staticmethod
    def append_in(conn: Any, incident_id: str, kind: str, **data: Any) -> int:
        """`append` inside the caller's transaction."""
        if kind not in KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        cur = conn.execute("INSERT INTO events (incident_id, kind, at, data) VALUES (?, ?, ?, ?) RETURNING id",
                           (incident_id, kind, datetime.now(UTC).isoformat(), json.dumps(data, default=str)))
        return int(cur.fetchone()[0])

    def since(self, incident_id: str | None, after: int = 0, limit: int = 500) -> list[dict[str, Any]]:
        """Events after id `after`, oldest first (of one incident, or of all when `incident_id` is None)."""
        with self.db.connect() as conn:
            if incident_id is None:
                rows = conn.execute("SELECT id, incident_id, kind, at, data FROM events WHERE id > ? ORDER BY id "
                                    "LIMIT ?", (after, limit)).fetchall()
            else:
                rows = conn.execute("SELECT id, incident_id, kind, at, data FROM events WHERE incident_id = ? AND "
                                    "id > ? ORDER BY id LIMIT ?", (incident_id, after, limit)).fetchall()
        return [{"id": r[0], "incident_id": r[1], "kind": r[2], "at": r[3], **json.loads(r[4])} for r in rows]

    def last(self, incident_id: str, kind: str) -> dict[str, Any] | None:
        """The newest event of one kind for an incident."""
        with self.db.connect() as conn:
            row = conn.execute("SELECT id, incident_id, kind, at, data FROM events WHERE incident_id=? AND kind=? "
                               "ORDER BY id DESC LIMIT 1", (incident_id, kind)).fetchone()
        return None if row is None else {"id": row[0], "incident_id": row[1], "kind": row[2], "at": row[3],
                                         **json.loads(row[4])}


class EventRecorder(ProgressTree):
    """The CLI's live tree, written as events instead of terminal lines: the same steps, chosen by
    the same `ProgressTree` code, with their kind. Also notices the diagnostician's diagnosis block."""

    def __init__(self, orchestrator: str, log: EventLog, incident_id: str) -> None:
        super().__init__(orchestrator, stream=io.StringIO())
        self.log = log
        self.incident_id = incident_id
        self._kind = "note"

    def _line(self, depth: int, text: str) -> None:
        self.log.append(self.incident_id, self._kind, depth=depth, text=safe_line(text, limit=300))
        self._kind = "note"

    def on_tool_start(self, serialized: dict[str, Any], input_str: str, *, run_id: UUID,
                      metadata: dict[str, Any] | None = None, inputs: dict[str, Any] | None = None,
                      **kwargs: Any) -> None:
        name = (serialized or {}).get("name") or kwargs.get("name") or "tool"
        path = str((inputs or {}).get("file_path", "")) if isinstance(inputs, dict) else ""
        self._kind = "agent" if name == "task" else "skill" if name == "read_file" and path.endswith(
            "SKILL.md") else "tool"
        super().on_tool_start(serialized, input_str, run_id=run_id, metadata=metadata, inputs=inputs, **kwargs)
        self._kind = "note"

    def decided(self, request: dict[str, Any], decision: Any) -> None:
        self._kind = "decision"
        super().decided(request, decision)

    def on_tool_end(self, output: Any, *, run_id: UUID, **kwargs: Any) -> None:  # noqa: ARG002
        """A delegate's answer that carries a diagnosis block becomes a `diagnosis` event."""
        text = _output_text(output)
        if '"diagnosis"' not in text:
            return
        found = diagnosis_in(text)
        if found is not None:
            self.log.append(self.incident_id, "diagnosis", **found)


def _output_text(output: Any) -> str:
    """The text of a tool's output: a string, a message, or a command that carries messages (`task`)."""
    update = getattr(output, "update", None)
    if isinstance(update, dict):
        return "\n".join(_output_text(m) for m in update.get("messages", []))
    content = getattr(output, "content", output)
    if isinstance(content, list):
        return "\n".join(str(c.get("text", "")) if isinstance(c, dict) else str(c) for c in content)
    return content if isinstance(content, str) else ""


def diagnosis_in(text: str) -> dict[str, Any] | None:
    """Root cause, confidence and the top evidence from a ```json {"kind": "diagnosis", ...}``` block."""
    for block in _DIAGNOSIS.findall(text):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        cause = data.get("root_cause") if isinstance(data, dict) and data.get("kind") == "diagnosis" else None
        if not isinstance(cause, dict):
            continue
        evidence = [safe_line(e, limit=300) for e in cause.get("evidence") or [] if isinstance(e, str)][:3]
        found = {"category": safe_line(cause.get("category"), limit=64),
                 "service": safe_line(cause.get("service"), limit=64),
                 "confidence": safe_line(cause.get("confidence"), limit=16), "evidence": evidence}
        found["text"] = f"diagnosis: {found['category']} on {found['service']} ({found['confidence']} confidence)"
        return found
    return None
