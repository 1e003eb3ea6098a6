"""One small interface over the two databases the state can live in.

A store writes its SQL once, with `?` (or `:name`) parameters, and runs it through a `Database`:
`SqliteDatabase` (a file in the state folder) or `aiops.storage.postgres.PostgresDatabase`. Rows
answer both `row[0]` and `row["column"]`, and `row.keys()`. Write transactions are serialised the way
`BEGIN IMMEDIATE` serialises SQLite writers: `transaction(lock="ledger")` takes a transaction-scoped
advisory lock of that name on PostgreSQL, so read-check-write sequences stay atomic across machines.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from aiops.core.private import private_dir, private_file

Params = Sequence[Any] | Mapping[str, Any]


BUSY_WAIT_S = 30.0
"""How long a SQLite writer waits for the write lock before giving up."""


def begin_immediate(conn: sqlite3.Connection, *, wait_s: float = BUSY_WAIT_S) -> None:
    """`BEGIN IMMEDIATE`, polling for the write lock in short steps (0.2 ms growing to 2 ms).

    SQLite's own busy handler sleeps 1, 2, 5, 10 ... 100 ms between tries, so a writer that loses a
    race to a busy neighbour waits tens of milliseconds after the lock is free (measured: p99 445 ms
    against 47 ms polling, three processes writing every 5 ms). The connection's busy timeout is
    switched off for the attempt and put back afterwards, so other statements keep it."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        deadline, pause = time.monotonic() + wait_s, 0.0002
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 1.5, 0.002)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_WAIT_S * 1000)}")


@contextmanager
def committed(conn: sqlite3.Connection, *, immediate: bool = True) -> Iterator[sqlite3.Connection]:
    """One transaction on `conn` (autocommit mode): `BEGIN IMMEDIATE` (`begin_immediate`) or a deferred
    `BEGIN`, committed at the end of the block, rolled back when the block or the commit raises. A
    commit that fails (a reader holding the file in rollback-journal mode) must not leave the
    transaction open: the connection is kept per thread, and an open write transaction on it would
    hold the write lock until the thread ends, timing out every other writer."""
    if immediate:
        begin_immediate(conn)
    else:
        conn.execute("BEGIN")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if _busy(conn):  # a closed connection has nothing open to roll back
            conn.execute("ROLLBACK")
        raise


def _usable(conn: sqlite3.Connection) -> bool:
    """The connection is still open."""
    try:
        conn.total_changes  # noqa: B018 (raises on a closed connection)
    except sqlite3.ProgrammingError:
        return False
    return True


def _busy(conn: sqlite3.Connection) -> bool:
    """The connection is open and inside a transaction."""
    return _usable(conn) and conn.in_transaction


class Cursor(Protocol):
    """What a statement returns."""

    rowcount: int

    def fetchone(self) -> Any:
        """The next row or None."""

    def fetchall(self) -> list[Any]:
        """The remaining rows."""


class Connection(Protocol):
    """A connection inside a transaction."""

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        """Run one statement with `?` or `:name` parameters."""


class Database(Protocol):
    """A database that stores run their SQL on."""

    dialect: str
    """`sqlite` or `postgres`."""

    def transaction(self, *, lock: str | None = None) -> AbstractContextManager[Connection]:
        """A write transaction, committed on success; `lock` serialises writers of that name."""

    def reading(self) -> AbstractContextManager[Connection]:
        """A connection for reads."""

    def columns(self, table: str) -> set[str]:
        """The column names of `table` (empty when it does not exist)."""

    @property
    def shown(self) -> str:
        """Where the data lives, safe to print (never a password)."""


class SqliteDatabase:
    """A SQLite file, created owner-only. `schema` (statements separated by `;`) runs on open in the
    same write transaction as `prepare(conn, fresh)`, where `fresh` says the file had no tables yet."""

    dialect = "sqlite"

    def __init__(self, path: Path, schema: str = "", *, wal: bool = False, durable: bool = True,
                 prepare: Callable[[Connection, bool], object] | None = None) -> None:
        """`durable=False` (WAL files only) commits without waiting for the disk (`synchronous=NORMAL`):
        a crash of the process loses nothing, a power cut may lose the last commits. Under a busy disk
        this keeps a commit at well under a millisecond instead of one fsync (measured up to 68 ms
        with four workers writing). For records other records can rebuild or check, never for the
        approvals ledger or the idempotency records."""
        self.path = path
        self._sync = "FULL" if durable or not wal else "NORMAL"
        self._keep = wal
        self._kept: dict[tuple[int, int], sqlite3.Connection] = {}
        self._inherited: list[sqlite3.Connection] = []
        if not path.parent.exists():
            private_dir(path.parent)
        private_file(path)  # 0600 before SQLite opens it: its journal files get the same mode
        if wal:
            self._switch_to_wal()
        self.prepared: object = None
        if schema or prepare is not None:
            with self.transaction() as conn:
                fresh = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table'").fetchone() is None
                for statement in schema.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                self.prepared = prepare(conn, fresh) if prepare is not None else None

    def _switch_to_wal(self) -> None:
        """Switching the journal mode does not wait for a lock the way other statements do, so two
        processes opening a new file at once retry it for a while instead of failing."""
        deadline = time.monotonic() + 30
        while True:
            conn = self._connect()
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
            finally:
                conn.close()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute(f"PRAGMA synchronous = {self._sync}")
        return conn

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection (autocommit mode) for one transaction or read. WAL files keep one connection
        per thread: closing the last connection to a WAL file checkpoints it and truncates the log
        (with fsyncs), which is what made an incident record's save take 20-70 ms in a server next to
        busy workers."""
        if not self._keep:
            conn = self._connect()
            try:
                yield conn
            finally:
                conn.close()
            return
        key = (os.getpid(), threading.get_ident())
        conn = self._kept.get(key)
        if conn is not None and not _usable(conn):
            conn = None  # closed under this thread (see `_prune`): open a new one rather than fail
        if conn is None:
            self._prune(key[0])
            conn = self._kept[key] = self._connect()
        yield conn

    def _prune(self, pid: int) -> None:
        """Close the connections of threads that have ended; after a fork, leave the parent's alone
        (a connection must not cross a fork) and start afresh. A connection inside a transaction is
        never closed here: a thread this cannot see (one started outside `threading`) may be using
        it, and closing it mid-transaction could leave the write lock held."""
        alive = {t.ident for t in threading.enumerate()}
        for key in list(self._kept):
            if key[0] != pid:
                self._inherited.append(self._kept.pop(key))
            elif key[1] not in alive and (conn := self._kept.get(key)) is not None and not _busy(conn):
                self._kept.pop(key, None)
                conn.close()

    @contextmanager
    def transaction(self, *, lock: str | None = None) -> Iterator[sqlite3.Connection]:  # noqa: ARG002
        """`BEGIN IMMEDIATE` (one writer at a time for the whole file): committed or rolled back."""
        with self.connection() as conn, committed(conn):
            yield conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection without a transaction (each statement sees a consistent snapshot)."""
        with self.connection() as conn:
            yield conn

    def close(self) -> None:
        """Close the connections this object keeps (WAL files); later use opens new ones."""
        kept, self._kept = self._kept, {}
        for conn in kept.values():
            conn.close()

    def columns(self, table: str) -> set[str]:
        """The column names of `table`."""
        with self.reading() as conn:
            return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}

    @property
    def shown(self) -> str:
        """The file path."""
        return str(self.path)
