"""The team's memory of its own incidents: confirmed outcomes (labels) and recall of similar confirmed
incidents, kept in the state folder (`memory.sqlite`), never shared between state folders.

An incident is indexed when someone confirms what really happened (`aiops incidents label`): its
services, the failure signatures its tools flagged, the shapes its metrics took and the alert's
words become a full-text document (SQLite FTS5; on PostgreSQL a tsvector of exactly those terms).
Recall turns the current evidence into the same kind of terms and ranks confirmed incidents by BM25
(PostgreSQL: `ts_rank`); only the order and the shared terms are used, never the score's scale.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.core.private import private_dir
from aiops.storage.sql import Database, SqliteDatabase

_SCHEMA = """
CREATE TABLE IF NOT EXISTS labels (
    incident_id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS recall USING fts5(incident_id UNINDEXED, services, terms);
"""
WORD = re.compile(r"[a-z][a-z0-9_]{2,}")
STOP = frozenset({"the", "and", "for", "from", "with", "that", "this", "have", "has", "was", "were", "are",
                  "not", "but", "all", "any"})
MAX_TERMS = 200
_LEXEME = re.compile(r"^[a-z0-9_]+$")


@dataclass
class Label:
    """What really happened in an incident, who confirmed it, and whether the team was right."""

    incident_id: str
    root_cause: str
    service: str | None
    by: str
    at: str
    fix: str | None = None
    note: str | None = None
    team_root_cause: str | None = None
    team_service: str | None = None
    correct: bool | None = None
    worked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Recalled:
    """A confirmed incident similar to the current evidence."""

    incident_id: str
    score: float
    label: Label
    shared: list[str]


def _tokens(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOP]


def _term(value: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_")


def evidence_terms(entries: Iterable[Mapping[str, Any]], alert: str = "") -> tuple[list[str], list[str]]:
    """(services, terms) of an incident's evidence log: each flagged signature (`sig_<name>` and
    `<service>__sig_<name>`), each metric that left its baseline (`shape_<metric>_<trend>`), and the
    alert's words."""
    services: list[str] = []
    terms: list[str] = []
    for entry in entries:
        artifact = entry.get("artifact") or {}
        service = str((entry.get("args") or {}).get("service") or artifact.get("service") or "")
        tool = entry.get("tool")
        hits = []
        if tool == "fetch_logs":
            hits = (artifact.get("digest") or {}).get("signatures") or []
        elif tool == "service_state":
            hits = artifact.get("signatures") or []
        for hit in hits:
            if isinstance(hit, Mapping) and hit.get("name"):
                terms += [f"sig_{_term(hit['name'])}", f"{_term(service)}__sig_{_term(hit['name'])}"]
                services.append(service)
        if tool == "query_metrics":
            finding = artifact.get("finding") or {}
            trend = str(finding.get("trend") or "")
            if trend and trend not in ("steady", "missing"):
                metric = str((entry.get("args") or {}).get("metric") or finding.get("metric") or "")
                terms += [f"shape_{_term(metric)}_{_term(trend)}", f"{_term(service)}__shape_{_term(metric)}"]
                services.append(service)
    terms += [f"word_{w}" for w in _tokens(alert)]
    return list(dict.fromkeys(s for s in services if s)), list(dict.fromkeys(terms))[:MAX_TERMS]


class IncidentMemory:
    """Labels and the recall index of one state folder (`memory.sqlite`, FTS5 with BM25) or of the
    PostgreSQL state database (`labels` and `recall`, a tsvector ranked by `ts_rank`): one interface."""

    def __init__(self, where: Path | Database) -> None:
        if isinstance(where, Path):
            private_dir(where.parent)
            self.path: Path | None = where
            self.db: Database = SqliteDatabase(where, _SCHEMA)
        else:
            self.path, self.db = None, where

    def label(self, label: Label, *, services: list[str], terms: list[str]) -> None:
        """Record (or replace) the confirmed outcome of an incident and index its evidence."""
        its_services = " ".join(_term(s) for s in services)
        with self.db.transaction() as conn:
            conn.execute("INSERT INTO labels (incident_id, at, data) VALUES (?, ?, ?) ON CONFLICT (incident_id)"
                         " DO UPDATE SET at = excluded.at, data = excluded.data",
                         (label.incident_id, label.at, json.dumps(asdict(label), sort_keys=True)))
            conn.execute("DELETE FROM recall WHERE incident_id = ?", (label.incident_id,))
            if self.db.dialect == "postgres":
                lexemes = sorted(set(its_services.split()) | set(terms))
                conn.execute("INSERT INTO recall (incident_id, services, terms, document) VALUES"
                             " (?, ?, ?, array_to_tsvector(?::text[]))",
                             (label.incident_id, its_services, " ".join(terms), lexemes))
            else:
                conn.execute("INSERT INTO recall (incident_id, services, terms) VALUES (?, ?, ?)",
                             (label.incident_id, its_services, " ".join(terms)))

    def get(self, incident_id: str) -> Label | None:
        """The label of an incident, if it has one."""
        with self.db.reading() as conn:
            row = conn.execute("SELECT data FROM labels WHERE incident_id = ?", (incident_id,)).fetchone()
        return Label(**json.loads(row[0])) if row else None

    def labels(self) -> list[Label]:
        """Every label, oldest first."""
        with self.db.reading() as conn:
            rows = conn.execute("SELECT data FROM labels ORDER BY at").fetchall()
        return [Label(**json.loads(r[0])) for r in rows]

    def recall(self, terms: list[str], *, services: list[str] = (), exclude: str | None = None,
               limit: int = 3) -> list[Recalled]:
        """Confirmed incidents sharing the most (and the rarest) terms with `terms`, best first."""
        wanted = [t for t in dict.fromkeys(terms) if t] + [_term(s) for s in services]
        if not wanted:
            return []
        with self.db.reading() as conn:
            if self.db.dialect == "postgres":
                query = " | ".join(f"'{t}'" for t in wanted[:MAX_TERMS] if _LEXEME.match(t))
                rows = conn.execute(
                    "SELECT incident_id, services, terms, ts_rank(document, ?::tsquery) AS rank FROM recall"
                    " WHERE document @@ ?::tsquery ORDER BY rank DESC, incident_id LIMIT ?",
                    (query, query, limit + 1)).fetchall() if query else []
                scored = [(r[0], r[1], r[2], float(r[3])) for r in rows]
            else:
                query = " OR ".join(f'"{t}"' for t in wanted[:MAX_TERMS])
                rows = conn.execute(
                    "SELECT incident_id, services, terms, bm25(recall) FROM recall WHERE recall MATCH ? "
                    "ORDER BY bm25(recall) LIMIT ?", (query, limit + 1)).fetchall()
                scored = [(r[0], r[1], r[2], -float(r[3])) for r in rows]
        out = []
        for incident_id, its_services, its_terms, score in scored:
            if incident_id == exclude:
                continue
            label = self.get(incident_id)
            if label is None:
                continue
            shared = sorted(set(wanted) & set(its_terms.split() + its_services.split()))
            out.append(Recalled(incident_id, round(score, 3), label, shared))
        return out[:limit]


def now_iso() -> str:
    """The current time for label records."""
    return datetime.now(UTC).isoformat()
