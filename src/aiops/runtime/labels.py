"""Confirmed outcomes: what really happened in an incident (`aiops incidents label`), whether the team
was right, which fix worked and which did not, indexed for recall."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError
from aiops.memory import Label, evidence_terms, now_iso
from aiops.runtime.home import StateHome
from aiops.runtime.state import open_index, open_memory
from aiops.runtime.store import IncidentRecord

EXTRA_CATEGORIES = ("other",)
"""Besides the team's vocabulary, a person may confirm a failure the vocabulary has no name for."""


def _report(home: StateHome, record: IncidentRecord) -> dict[str, Any]:
    path = Path(record.report_path) if record.report_path else home.incident_dir(record.id) / "report.json"
    json_path = path.with_suffix(".json")
    try:
        return json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _evidence(home: StateHome, incident_id: str) -> list[dict[str, Any]]:
    path = home.incident_dir(incident_id) / "evidence.jsonl"
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out


def vocabulary(record: IncidentRecord) -> list[str]:
    """The root-cause categories a label may use: the incident's team vocabulary and `other`."""
    from aiops.runtime.session import read_skill_data
    from aiops.team import load_team

    try:
        team = load_team(Path(record.team_dir))
        categories = [str(c) for c in read_skill_data(team, "failure_modes", "categories")]
    except ConfigError:
        categories = []
    return list(dict.fromkeys([*categories, *EXTRA_CATEGORIES]))


def label_incident(home: StateHome, incident_id: str, *, root_cause: str, service: str | None, by: str,
                   fix: str | None = None, note: str | None = None) -> Label:
    """Record the confirmed outcome of an incident (ConfigError naming the flag when it is invalid)."""
    store = open_index(home)
    record = store.get(incident_id)  # ConfigError naming close matches when there is no such incident
    incident_id = record.id
    allowed = vocabulary(record)
    if allowed and root_cause not in allowed:
        raise ConfigError(f"{root_cause!r} is not a root-cause category; use one of: {', '.join(allowed)}",
                          path="--root-cause")
    if root_cause != "none" and not service:
        raise ConfigError("name the faulty service (--service NAME) for a root cause other than none",
                          path="--service")
    report = _report(home, record)
    team = report.get("root_cause") or record.root_cause or {}
    actions = report.get("actions") or []
    recovered = (report.get("verification") or {}).get("recovered")
    executed = [f"{a.get('action')} on {a.get('target')}" for a in actions if a.get("result") == "succeeded"]
    label = Label(
        incident_id=incident_id, root_cause=root_cause, service=service if root_cause != "none" else None,
        by=by, at=now_iso(), fix=fix, note=note, team_root_cause=team.get("category"),
        team_service=team.get("service"),
        correct=(team.get("category") == root_cause and (root_cause == "none" or team.get("service") == service))
        if team else None,
        worked=executed if recovered else [],
        failed=[f"{a.get('action')} on {a.get('target')}" for a in actions if a.get("result") == "failed"]
        + (executed if recovered is False else []),
    )
    services, terms = evidence_terms(_evidence(home, incident_id), alert=record.alert)
    open_memory(home).label(label, services=[*services, *([service] if service else [])], terms=terms)
    record.notes = {**record.notes, "label": {"root_cause": root_cause, "service": label.service, "by": by,
                                              "correct": label.correct}}
    store.save(record)
    return label


def bundle_of(home: StateHome, incident_id: str) -> Path:
    """The evidence bundle an incident recorded (ConfigError when it has none: it ran before recording)."""
    folder = home.incident_dir(incident_id) / "bundle"
    if not (folder / "bundle.yaml").is_file():
        raise ConfigError(f"incident {incident_id} has no recorded evidence bundle (it ran before evidence was "
                          "recorded, or was stopped before its first tool call)", path="ID")
    return folder
