"""What the API and the page show of an incident: the `aiops respond --json` contract, plus the
pending approval (as bound in the approval ledger) and the alert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentRecord


class LedgerView:
    """Read-only look at the approval ledger of the state folder (the policy is not needed to read)."""

    def __init__(self, home: StateHome) -> None:
        self.home = home
        self._ledger: Any = None

    @property
    def ledger(self) -> Any:
        if self._ledger is None:
            from aiops.runtime.state import open_ledger
            from aiops.safety import Policy, load_or_create_secret

            self._ledger = open_ledger(self.home, secret=load_or_create_secret(self.home.root), policy=Policy({}, []))
        return self._ledger

    def history(self, incident_id: str) -> list[dict[str, Any]]:
        """Every proposal of the incident with its decision and result."""
        from aiops.runtime.runner import action_history

        return action_history(self.ledger, incident_id)

    def still_pending(self, proposal_id: str) -> bool:
        """True while nobody has decided on the proposal."""
        from aiops.safety import ApprovalNotFoundError

        try:
            return self.ledger.get_proposal(proposal_id).status == "pending"
        except ApprovalNotFoundError:
            return False


def incident_json(record: IncidentRecord, ledger: LedgerView) -> dict[str, Any]:
    """The `aiops respond --json` fields (a contract), the pending approval, alert, service, times."""
    from aiops.cli._incident import record_json

    data = record_json(record)
    if not data["actions"]:
        data["actions"] = [{k: a.get(k) for k in ("action", "target", "risk", "decision", "result")}
                           for a in ledger.history(record.id)]
    pending = [p for p in record.notes.get("pending", []) if ledger.still_pending(str(p.get("proposal_id")))]
    if record.status != "awaiting_approval":
        pending = []
    data.update(pending=pending, alert=record.alert, service=record.service, created_at=record.created_at,
                updated_at=record.updated_at, fingerprint=record.fingerprint,
                report_available=bool(record.report_path and Path(record.report_path).is_file()))
    if "interrupted" in record.notes:
        data["interrupted"] = record.notes["interrupted"]
    return data


def summary_json(record: IncidentRecord) -> dict[str, Any]:
    """One line of the incident list."""
    cause = record.root_cause or {}
    return {"incident_id": record.id, "status": record.status, "created_at": record.created_at,
            "updated_at": record.updated_at, "alert": record.alert, "service": record.service,
            "root_cause": {k: cause.get(k) for k in ("category", "service", "confidence")},
            "label": record.notes.get("label")}
