"""Versioned schema migrations of a PostgreSQL state database, run by `aiops db upgrade`.

Each step has a number and a name and runs once, in order, under an advisory lock (two nodes
upgrading at once do not collide); `aiops_schema` records what ran. Every process that opens the
database checks the version first and refuses to start on an older schema, saying to run
`aiops db upgrade`. SQLite files in a state folder create their tables when opened and need no step.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiops.core.errors import ConfigError
from aiops.storage.config import DatabaseConfig
from aiops.storage.postgres import PostgresDatabase, connect, lock_key

_LEDGER = ("CREATE TABLE IF NOT EXISTS aiops_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
           " applied_at TEXT NOT NULL)")


@dataclass(frozen=True, slots=True)
class Step:
    """One migration: `apply(connection, config)` inside a transaction of its own, or (`alone`) with
    no transaction open, for a library whose own migrations build indexes concurrently."""

    version: int
    name: str
    apply: Callable[[Any, DatabaseConfig], None]
    alone: bool = False


def _state_tables(conn: Any, _config: DatabaseConfig) -> None:
    from aiops.storage.schema_pg import STATE_V1

    conn.execute(STATE_V1)


def _checkpoints(_conn: Any, config: DatabaseConfig) -> None:
    """LangGraph's own migrations (`langgraph-checkpoint-postgres` keeps their versions itself)."""
    from langgraph.checkpoint.postgres import PostgresSaver

    with connect(config, prepare_threshold=0) as own:
        from psycopg.rows import dict_row

        own.row_factory = dict_row
        PostgresSaver(own).setup()


def _queue(conn: Any, _config: DatabaseConfig) -> None:
    """The work queue's tables: procrastinate's schema, as that library ships it."""
    from procrastinate.schema import SchemaManager

    conn.execute(SchemaManager.get_schema())


def _service_tables(conn: Any, _config: DatabaseConfig) -> None:
    from aiops.storage.schema_pg import SERVICE_V1

    conn.execute(SERVICE_V1)


STEPS: tuple[Step, ...] = (
    Step(1, "state tables: incidents, approvals, audit trail, idempotency keys, incident memory", _state_tables),
    Step(2, "LangGraph checkpoints (langgraph-checkpoint-postgres)", _checkpoints, alone=True),
    Step(3, "work queue (procrastinate)", _queue),
    Step(4, "service tables: events, alert episodes, API tokens, Slack nonces, notifier cursors, runs",
         _service_tables),
)
LATEST = STEPS[-1].version


def current_version(config: DatabaseConfig) -> int:
    """The highest step applied (0 for an empty database)."""
    with PostgresDatabase(config).reading() as conn:
        exists = conn.execute("SELECT to_regclass('aiops_schema') IS NOT NULL").fetchone()[0]
        if not exists:
            return 0
        return int(conn.execute("SELECT COALESCE(MAX(version), 0) FROM aiops_schema").fetchone()[0])


def applied(config: DatabaseConfig) -> list[tuple[int, str, str]]:
    """`(version, name, applied_at)` of every step applied, oldest first."""
    if current_version(config) == 0:
        return []
    with PostgresDatabase(config).reading() as conn:
        return [(int(r[0]), str(r[1]), str(r[2]))
                for r in conn.execute("SELECT version, name, applied_at FROM aiops_schema ORDER BY version")]


def upgrade(config: DatabaseConfig, *, on_step: Callable[[Step], None] | None = None) -> list[Step]:
    """Apply every pending step in order; returns the steps applied. A session advisory lock keeps a
    second upgrade (another node) waiting until this one is done."""
    done: list[Step] = []
    db = PostgresDatabase(config)
    with connect(config) as guard:
        _wait_for_turn(guard)
        guard.execute(_LEDGER)
        for step in STEPS:
            if guard.execute("SELECT 1 FROM aiops_schema WHERE version = %s", (step.version,)).fetchone():
                continue
            if step.alone:
                step.apply(None, config)
            with db.transaction() as conn:
                if not step.alone:
                    step.apply(conn.raw, config)
                conn.execute("INSERT INTO aiops_schema (version, name, applied_at) VALUES (?, ?, ?)",
                             (step.version, step.name, datetime.now(UTC).isoformat()))
            done.append(step)
            if on_step is not None:
                on_step(step)
        guard.execute("SELECT pg_advisory_unlock(%s)", (lock_key("migrations"),))
    return done


def _wait_for_turn(guard: Any, timeout: float = 600) -> None:
    """Take the upgrade lock, polling: a session waiting inside `pg_advisory_lock` holds a snapshot, and
    the checkpoint library's `CREATE INDEX CONCURRENTLY` in the other upgrade would wait for it forever."""
    deadline = time.monotonic() + timeout
    while not guard.execute("SELECT pg_try_advisory_lock(%s)", (lock_key("migrations"),)).fetchone()[0]:
        if time.monotonic() > deadline:
            raise ConfigError(f"another `aiops db upgrade` has held the upgrade lock of {config_shown(guard)} for "
                              f"{timeout:.0f} s; check for a stuck upgrade (pg_stat_activity) and try again")
        time.sleep(0.5)


def config_shown(guard: Any) -> str:
    """The database a connection is on (host, port and name only)."""
    info = guard.info
    return f"{info.host}:{info.port}/{info.dbname}"


_CHECKED: set[str] = set()


def require_current(config: DatabaseConfig) -> None:
    """Refuse to work on a database whose schema is behind this version of aiops (checked once per
    process); the error says to run `aiops db upgrade`."""
    if config.url.dsn in _CHECKED:
        return
    version = current_version(config)
    if version < LATEST:
        what = "has no aiops tables yet" if version == 0 else f"is at schema version {version} of {LATEST}"
        raise ConfigError(f"the state database {config.shown} {what}: run `aiops db upgrade` "
                          "(with the same database settings) before starting aiops on it")
    if version > LATEST:
        raise ConfigError(f"the state database {config.shown} is at schema version {version}, newer than this "
                          f"aiops knows ({LATEST}): upgrade aiops on this machine")
    _CHECKED.add(config.url.dsn)
