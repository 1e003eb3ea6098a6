"""`begin_immediate`: a SQLite writer polls for the write lock instead of SQLite's long backoff."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from aiops.storage.sql import BUSY_WAIT_S, begin_immediate, committed


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_WAIT_S, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    return conn


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.sqlite"
    with _open(path) as conn:
        conn.execute("CREATE TABLE t (v INTEGER)")
    return path


def test_waits_for_a_held_lock_and_takes_it_once_released(db: Path) -> None:
    holder, waiter = _open(db), _open(db)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO t VALUES (1)")
    released = threading.Event()

    def release() -> None:
        released.wait()
        holder.execute("COMMIT")

    thread = threading.Thread(target=release)
    thread.start()
    threading.Timer(0.05, released.set).start()
    begin_immediate(waiter)
    assert released.is_set()  # the lock came only after the holder committed
    waiter.execute("INSERT INTO t VALUES (2)")
    waiter.execute("COMMIT")
    thread.join()
    assert [r[0] for r in waiter.execute("SELECT v FROM t ORDER BY v")] == [1, 2]


def test_gives_up_with_the_lock_error_after_the_wait_and_keeps_the_busy_timeout(db: Path) -> None:
    holder, waiter = _open(db), _open(db)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        begin_immediate(waiter, wait_s=0.05)
    assert waiter.execute("PRAGMA busy_timeout").fetchone()[0] == int(BUSY_WAIT_S * 1000)
    assert not waiter.in_transaction
    holder.execute("ROLLBACK")


def test_other_errors_are_not_retried(tmp_path: Path) -> None:
    conn = _open(tmp_path / "y.sqlite")
    conn.execute("BEGIN")
    with pytest.raises(sqlite3.OperationalError, match="within a transaction"):
        begin_immediate(conn)


def test_a_wal_database_keeps_one_connection_per_thread_and_closes_those_of_ended_threads(tmp_path: Path) -> None:
    from aiops.storage.sql import SqliteDatabase

    db = SqliteDatabase(tmp_path / "w.sqlite", "CREATE TABLE IF NOT EXISTS t (v INTEGER)", wal=True)
    with db.transaction() as first:
        first.execute("INSERT INTO t VALUES (1)")
    with db.reading() as again:
        assert again is first  # no close per transaction: closing the last one checkpoints the log
    ended = sqlite3.connect(tmp_path / "w.sqlite", check_same_thread=False)
    db._kept[(os.getpid(), -1)] = ended  # a thread that has ended (no live thread has this ident)
    seen: list[object] = []

    def other() -> None:
        with db.reading() as conn:
            seen.append(conn)
            assert conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 1

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert seen[0] is not first
    with pytest.raises(sqlite3.ProgrammingError):
        ended.execute("SELECT 1")  # closed when the new thread opened its own
    db.close()
    with db.reading() as fresh:
        assert fresh is not first and fresh.execute("SELECT v FROM t").fetchone()[0] == 1
    journal = SqliteDatabase(tmp_path / "r.sqlite", "CREATE TABLE IF NOT EXISTS t (v)")
    assert journal._kept == {}  # a rollback-journal file keeps no connection


def test_a_failed_commit_leaves_no_transaction_open(tmp_path: Path) -> None:
    """In rollback-journal mode a reader's shared lock makes COMMIT fail; the writer's connection must
    not stay inside its transaction (it would hold the write lock for every other writer)."""
    path = tmp_path / "j.sqlite"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE t (v INTEGER)")
    reader = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"), committed(writer) as conn:
        conn.execute("INSERT INTO t VALUES (1)")
        conn.execute("PRAGMA busy_timeout = 0")
        reader.execute("BEGIN")
        reader.execute("SELECT * FROM t").fetchall()
    assert not writer.in_transaction
    reader.execute("ROLLBACK")
    with committed(writer) as conn:
        conn.execute("INSERT INTO t VALUES (2)")
    assert [row[0] for row in reader.execute("SELECT v FROM t")] == [2]


def test_kept_connections_are_never_closed_mid_transaction_and_a_closed_one_is_replaced(tmp_path: Path) -> None:
    """`_prune` leaves a connection that is inside a transaction open even when no thread it can see
    owns it; a thread whose kept connection was closed under it gets a new one."""
    from aiops.storage.sql import SqliteDatabase

    db = SqliteDatabase(tmp_path / "w.sqlite", "CREATE TABLE IF NOT EXISTS t (v INTEGER)", wal=True)
    busy = sqlite3.connect(tmp_path / "w.sqlite", isolation_level=None, check_same_thread=False)
    busy.execute("BEGIN")
    busy.execute("SELECT COUNT(*) FROM t").fetchone()
    db._kept[(os.getpid(), -2)] = busy  # no live thread has this ident
    db._prune(os.getpid())
    assert busy.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 0  # still open
    busy.execute("ROLLBACK")
    with db.reading() as mine:
        mine.close()  # closed under this thread
    with db.transaction() as fresh:
        fresh.execute("INSERT INTO t VALUES (3)")
    with db.reading() as again:
        assert again is fresh and again.execute("SELECT v FROM t").fetchone()[0] == 3
