"""What an incident paused for a decision keeps on its record: the approval requests it waits on
(``notes["pending"]``), written with the pause in one save, and whether the pause was announced."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

__all__ = ["PENDING_FIELDS", "pause_announced", "pending_notes"]

PENDING_FIELDS = ("proposal_id", "incident_id", "action", "target", "risk", "needs_senior", "reason", "impact",
                  "recovery_time", "rollback", "mismatch", "bound", "agent")
"""The fields of a paused request kept on the incident's record (`pending_notes`)."""


def pending_notes(pending: list[dict[str, Any]], *, announced: bool) -> list[dict[str, Any]]:
    """The approval requests an incident is paused on, as kept on its record (``notes["pending"]``):
    their fields, since when they wait, and whether the pause was announced (the service logs one
    approval event per request; a pause recorded but not yet announced is announced on recovery)."""
    since = datetime.now(UTC).isoformat()
    return [{**{k: r[k] for k in PENDING_FIELDS if k in r}, "waiting_since": since, "announced": announced}
            for r in pending]


def pause_announced(notes: dict[str, Any]) -> bool:
    """The incident's pause is recorded and announced (records from before the flag count as announced)."""
    pending = notes.get("pending") or []
    return bool(pending) and all(item.get("announced", True) for item in pending)
