"""The PostgreSQL tables of the state, as versioned steps (`aiops.storage.migrations` applies them).

Column types match the SQLite files (text times in ISO 8601, integer flags), so the stores read the
same values from both. `rowid` keeps insertion order where SQLite's implicit rowid does.
"""

from __future__ import annotations

STATE_V1 = """
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    status TEXT NOT NULL,
    alert TEXT NOT NULL,
    service TEXT,
    fingerprint TEXT,
    data TEXT NOT NULL
);
CREATE INDEX incidents_fingerprint ON incidents (fingerprint);
CREATE INDEX incidents_created ON incidents (created_at DESC, id DESC);
CREATE INDEX incidents_status ON incidents (status, created_at DESC);

CREATE TABLE proposals (
    rowid BIGSERIAL UNIQUE,
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    risk TEXT,
    needs_senior INTEGER NOT NULL,
    tool_call_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    agent TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,
    decision_reason TEXT,
    final_action TEXT,
    final_target TEXT,
    approval_id TEXT,
    UNIQUE (incident_id, action, target, tool_call_id)
);
CREATE INDEX proposals_incident ON proposals (incident_id, created_at);
CREATE TABLE approvals (
    rowid BIGSERIAL UNIQUE,
    id TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    risk TEXT,
    approver TEXT NOT NULL,
    senior INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    digest TEXT NOT NULL,
    seal TEXT,
    state TEXT NOT NULL,
    claimed_at TEXT,
    result TEXT,
    finished_at TEXT
);
CREATE INDEX approvals_proposal ON approvals (proposal_id);
CREATE INDEX approvals_incident ON approvals (incident_id);
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL, seal TEXT NOT NULL);

CREATE TABLE audit_entries (
    seq BIGINT PRIMARY KEY,
    incident_id TEXT,
    kind TEXT NOT NULL,
    approval_id TEXT,
    line TEXT NOT NULL
);
CREATE INDEX audit_entries_incident ON audit_entries (incident_id, seq);
CREATE INDEX audit_entries_approval ON audit_entries (approval_id) WHERE approval_id IS NOT NULL;
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    head TEXT NOT NULL
);

CREATE TABLE executed (
    key TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    result TEXT,
    claimed_at TEXT NOT NULL
);

CREATE TABLE labels (
    incident_id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE recall (
    incident_id TEXT PRIMARY KEY,
    services TEXT NOT NULL,
    terms TEXT NOT NULL,
    document TSVECTOR NOT NULL
);
CREATE INDEX recall_document ON recall USING GIN (document);
"""

SERVICE_V1 = """
CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    incident_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX events_incident ON events (incident_id, id);
CREATE TABLE episodes (
    fingerprint TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    PRIMARY KEY (fingerprint, starts_at)
);
CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
);
CREATE TABLE nonces (
    signature TEXT PRIMARY KEY,
    seen_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE cursors (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL
);
CREATE TABLE runs (
    id BIGSERIAL PRIMARY KEY,
    incident_id TEXT NOT NULL,
    seconds DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    model_calls INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    at DOUBLE PRECISION NOT NULL
);
"""
