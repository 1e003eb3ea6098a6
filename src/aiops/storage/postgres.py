"""PostgreSQL behind the `Database` interface (psycopg 3 and its connection pool).

Statements written for SQLite (`?` and `:name` parameters) are translated once and cached. One pool
per process and URL is shared by every store. Connection problems become a `ConfigError` that names
the database (password masked) and what to check; the password is never part of a message.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from aiops.core.errors import ConfigError
from aiops.storage.config import DatabaseConfig
from aiops.storage.url import redact_url

_TOKEN = re.compile(r"'(?:[^'%]|'')*'|::|:([A-Za-z_][A-Za-z0-9_]*)|\?|%")
_POOLS: dict[str, Any] = {}
_POOLS_LOCK = threading.Lock()


def translate(sql: str) -> str:
    """SQLite-style parameters to psycopg's: `?` -> `%s`, `:name` -> `%(name)s`, and every `%` -> `%%`
    (psycopg reads `%` everywhere, literals too); `?` and `:name` in string literals and `::` casts stay."""

    def swap(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("'") or text == "::":
            return text
        if text == "?":
            return "%s"
        if text == "%":
            return "%%"
        return f"%({match.group(1)})s"

    return _TOKEN.sub(swap, sql)


class Row(tuple):
    """A result row: `row[0]`, `row["name"]`, `row.keys()`, `dict(row)`."""

    _names: tuple[str, ...]
    _index: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        """The column names."""
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    names = tuple(col.name for col in cursor.description or ())
    index = {name: i for i, name in enumerate(names)}

    def make(values: Sequence[Any]) -> Row:
        row = Row(values)
        row._names, row._index = names, index
        return row

    return make


def lock_key(name: str) -> int:
    """A signed 64-bit advisory lock key for `name` (stable across processes and machines)."""
    return int.from_bytes(hashlib.sha256(f"aiops:{name}".encode()).digest()[:8], "big", signed=True)


def problem(exc: BaseException, config: DatabaseConfig) -> ConfigError:
    """An actionable error for a failed connection or statement (the password masked)."""
    text = redact_url(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    return ConfigError(f"PostgreSQL at {config.shown}: {text}. Check that the server runs and accepts this "
                       "user and password (the password comes from the variable the configuration names)")


class _Conn:
    """A psycopg connection that takes SQLite-style statements."""

    def __init__(self, conn: Any) -> None:
        self.raw = conn

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        return self.raw.execute(_translated(sql), params if params else ())


_CACHE: dict[str, str] = {}


def _translated(sql: str) -> str:
    found = _CACHE.get(sql)
    if found is None:
        found = _CACHE[sql] = translate(sql)
    return found


class PostgresDatabase:
    """A PostgreSQL database (the tables come from `aiops db upgrade`)."""

    dialect = "postgres"

    def __init__(self, config: DatabaseConfig) -> None:
        self.config = config
        self.pool = shared_pool(config)

    @contextmanager
    def transaction(self, *, lock: str | None = None) -> Iterator[_Conn]:
        """A transaction; `lock` takes `pg_advisory_xact_lock` of that name first (writers of the same
        name run one at a time, like SQLite's `BEGIN IMMEDIATE`)."""
        import psycopg

        try:
            with self.pool.connection() as conn, conn.transaction():
                if lock is not None:
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(lock),))
                yield _Conn(conn)
        except psycopg.OperationalError as exc:
            raise problem(exc, self.config) from None

    @contextmanager
    def reading(self) -> Iterator[_Conn]:
        """A connection in a read transaction."""
        with self.transaction() as conn:
            yield conn

    def columns(self, table: str) -> set[str]:
        """The column names of `table` in the current schema."""
        with self.reading() as conn:
            rows = conn.execute("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                                " current_schema() AND table_name = ?", (table,)).fetchall()
        return {row[0] for row in rows}

    @property
    def shown(self) -> str:
        """The URL with its password masked."""
        return self.config.url.shown


def shared_pool(config: DatabaseConfig) -> Any:
    """This process's connection pool for the database (opened on first use)."""
    from psycopg_pool import ConnectionPool

    with _POOLS_LOCK:
        pool = _POOLS.get(config.url.dsn)
        if pool is None:
            pool = ConnectionPool(config.url.dsn, min_size=1, max_size=max(2, config.pool_size), open=False,
                                  kwargs={"row_factory": _row_factory, "autocommit": True}, name="aiops-state")
            try:
                pool.open(wait=True, timeout=15)
            except Exception as exc:
                pool.close()
                raise problem(exc, config) from None
            _POOLS[config.url.dsn] = pool
    return pool


def connect(config: DatabaseConfig, **kwargs: Any) -> Any:
    """A dedicated connection (autocommit), for session-level advisory locks and the checkpointer."""
    import psycopg

    try:
        return psycopg.connect(config.url.dsn, autocommit=True, connect_timeout=15, **kwargs)
    except psycopg.OperationalError as exc:
        raise problem(exc, config) from None


def close_pools() -> None:
    """Close every pool this process opened (tests and workers on exit)."""
    with _POOLS_LOCK:
        for pool in _POOLS.values():
            pool.close()
        _POOLS.clear()
