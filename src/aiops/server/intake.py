"""Alerts into incidents: a typed alert opens one; an Alertmanager firing alert opens one per firing
episode of its fingerprint (its `startsAt`) or joins the incident already open for it; a resolved
alert is recorded on its incident. Intake only writes rows and queues work: it never runs agents."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from aiops.intake import IncomingAlert
from aiops.runtime.runner import new_record
from aiops.runtime.store import IncidentRecord, IncidentStore
from aiops.server.advance import FINAL, WAITING
from aiops.server.db import ServerDB
from aiops.server.events import EventLog
from aiops.server.jobqueue import QueueFullError, WorkQueue


@dataclass(frozen=True, slots=True)
class Opened:
    """What intake did with one alert: `opened`, `joined` or `resolved` (or `unknown` for a resolved
    alert with no incident)."""

    outcome: str
    incident_id: str | None
    fingerprint: str | None = None


class Intake:
    """Opens and joins incidents; one at a time per process (the `episodes` key guards across processes)."""

    def __init__(self, db: ServerDB, store: IncidentStore, queue: WorkQueue, log: EventLog, *, team_dir: str,
                 capacity: int, model_override: str | None = None, base_url: str | None = None) -> None:
        self.db, self.store, self.queue, self.log = db, store, queue, log
        self.team_dir, self.capacity = team_dir, capacity
        self.model_override, self.base_url = model_override, base_url
        self._lock = threading.Lock()

    def open(self, alert: str, *, source: dict[str, Any], service: str | None = None,
             fingerprint: str | None = None, via: str = "api") -> IncidentRecord:
        """A new incident, queued for investigation. Raises QueueFullError when the queue is full."""
        with self._lock:
            return self._open(alert, source=source, service=service, fingerprint=fingerprint, via=via)

    def _open(self, alert: str, *, source: dict[str, Any], service: str | None, fingerprint: str | None,
              via: str, starts_at: str | None = None) -> IncidentRecord:
        if (depth := self.queue.depth()) >= self.capacity:
            raise QueueFullError(depth, getattr(self.queue, "retry_after", 5))
        record = new_record(alert=alert, source=source, team_dir=self.team_dir, service=service,
                            fingerprint=fingerprint, model_override=self.model_override, base_url=self.base_url)
        record.status = WAITING
        record.notes["via"] = via
        self.store.save(record)
        winner = self._publish(record, fingerprint, starts_at or "", via)
        if winner is not None:  # another process opened this episode first: ours never runs
            record.status, record.notes["duplicate_of"] = "closed", winner
            self.store.save(record)
            return self.store.get(winner)
        return record

    def _publish(self, record: IncidentRecord, fingerprint: str | None, starts_at: str, via: str) -> str | None:
        """In one transaction: claim the firing episode, queue the job, record the `opened` event.
        Returns the incident that already holds the episode, if another process was first."""
        with self.db.connect(immediate=True) as conn:
            if fingerprint is not None:
                claimed = conn.execute("INSERT INTO episodes (fingerprint, starts_at, incident_id) "
                                       "VALUES (?,?,?) ON CONFLICT DO NOTHING",
                                       (fingerprint, starts_at, record.id)).rowcount == 1
                if not claimed:
                    row = conn.execute("SELECT incident_id FROM episodes WHERE fingerprint=? AND starts_at=?",
                                       (fingerprint, starts_at)).fetchone()
                    return str(row[0])
            self.queue.submit_in(conn, record.id)
            self.log.append_in(conn, record.id, "opened", alert=record.alert, service=record.service,
                               fingerprint=fingerprint, via=via, text=f"incident opened ({via})")
        return None

    def alertmanager(self, alerts: list[IncomingAlert], source: dict[str, Any]) -> list[Opened]:
        """Handle a webhook's alerts one by one. Raises QueueFullError (with the ones already handled
        in `.handled`) when an alert would open an incident and the queue is full."""
        done: list[Opened] = []
        with self._lock:
            for alert in alerts:
                try:
                    done.append(self._one(alert, source))
                except QueueFullError as exc:
                    exc.handled = done  # type: ignore[attr-defined]
                    raise
        return done

    def _one(self, alert: IncomingAlert, source: dict[str, Any]) -> Opened:
        starts = alert.starts_at.isoformat() if alert.starts_at else ""
        existing = self._episode(alert.fingerprint, starts) or self._open_incident(alert.fingerprint)
        if alert.status == "resolved":
            target = existing or self._latest(alert.fingerprint)
            if target is None:
                return Opened("unknown", None, alert.fingerprint)
            self.log.append(target, "alert", status="resolved", fingerprint=alert.fingerprint,
                            text=f"alert resolved at the source: {alert.alertname}")
            return Opened("resolved", target, alert.fingerprint)
        if existing is not None:
            self.log.append(existing, "alert", status="firing", fingerprint=alert.fingerprint,
                            text=f"alert fired again: {alert.alertname} (joined this incident)")
            return Opened("joined", existing, alert.fingerprint)
        record = self._open(alert.text, source=source, service=alert.service, fingerprint=alert.fingerprint,
                            via="alertmanager", starts_at=starts)
        return Opened("opened", record.id, alert.fingerprint)

    def _episode(self, fingerprint: str, starts_at: str) -> str | None:
        with self.db.connect() as conn:
            row = conn.execute("SELECT incident_id FROM episodes WHERE fingerprint=? AND starts_at=?",
                               (fingerprint, starts_at)).fetchone()
        return row[0] if row else None

    def _open_incident(self, fingerprint: str) -> str | None:
        """The incident of this fingerprint that is still open (a new firing episode joins it)."""
        record = self.store.by_fingerprint(fingerprint)
        return record.id if record is not None and record.status not in FINAL else None

    def _latest(self, fingerprint: str) -> str | None:
        record = self.store.by_fingerprint(fingerprint)
        return record.id if record is not None else None
