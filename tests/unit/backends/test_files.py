"""File log source: rotation, reading from the end, caps, multi-line records, JSON lines."""

from __future__ import annotations

import gzip
import os
from datetime import UTC, datetime, timedelta

import pytest

from aiops.core.errors import UnknownServiceError

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)


def stamp(minute: float) -> str:
    return (T0 + timedelta(minutes=minute)).isoformat().replace("+00:00", "Z")


@pytest.fixture
def logdir(tmp_path):
    d = tmp_path / "logs"
    d.mkdir()
    # oldest in .2.gz, then .1, then the live file
    with gzip.open(d / "payment-api.log.2.gz", "wt") as fh:
        fh.writelines(f"{stamp(m)} INFO request ok n={m}\n" for m in range(10))
    (d / "payment-api.log.1").write_text("".join(f"{stamp(m)} WARN slow n={m}\n" for m in range(10, 20)))
    (d / "payment-api.log").write_text(
        "".join(f"{stamp(m)} ERROR pool exhausted n={m}\n" for m in range(20, 30))
        + f"{stamp(30)} ERROR java.lang.OutOfMemoryError: Java heap space\n"
        + "    at com.example.Cache.put(Cache.java:42)\n    at com.example.Api.handle(Api.java:7)\n"
    )
    old = T0.timestamp()
    os.utime(d / "payment-api.log.2.gz", (old, old))
    os.utime(d / "payment-api.log.1", (old + 1, old + 1))
    return d


def test_reads_across_rotation_oldest_first(build, logdir):
    env = build()
    records = list(env.logs.fetch("payment-api", start=T0 + timedelta(minutes=5), end=T0 + timedelta(hours=1)))
    assert [r.ts for r in records] == sorted(r.ts for r in records)
    assert records[0].message == "request ok n=5"
    assert records[0].level == "INFO"
    assert len(records) == 26
    assert {r.level for r in records} == {"INFO", "WARN", "ERROR"}


def test_multiline_record_keeps_stack_trace(build, logdir):
    env = build()
    last = list(env.logs.fetch("payment-api", start=T0 + timedelta(minutes=30), end=T0 + timedelta(hours=1)))
    assert len(last) == 1
    assert last[0].message.startswith("java.lang.OutOfMemoryError")
    assert "Cache.java:42" in last[0].message and last[0].raw.count("\n") == 2


def test_window_end_and_limit(build, logdir):
    env = build()
    records = list(env.logs.fetch("payment-api", start=T0, end=T0 + timedelta(minutes=14, seconds=30), limit=3))
    assert [r.message for r in records] == ["slow n=12", "slow n=13", "slow n=14"]


def test_stops_at_window_start_without_reading_old_files(build, logdir):
    (logdir / "payment-api.log.2.gz").write_bytes(b"not gzip at all")
    env = build()
    records = list(env.logs.fetch("payment-api", start=T0 + timedelta(minutes=25), end=T0 + timedelta(hours=1)))
    assert len(records) == 6


def test_byte_cap(build, logdir):
    env = build(logs={"type": "files", "pattern": "logs/{service}.log", "max_bytes": 200})
    records = list(env.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=1)))
    assert 0 < len(records) < 6


def test_json_lines_and_service_globs(build, tmp_path):
    d = tmp_path / "json"
    d.mkdir()
    (d / "pg-a.jsonl").write_text(f'{{"ts": "{stamp(1)}", "severity": "ERROR", "msg": "deadlock detected"}}\n')
    (d / "pg-b.jsonl").write_text(f'{{"ts": "{stamp(2)}", "severity": "INFO", "msg": "checkpoint"}}\nnot json\n')
    env = build(logs={"type": "files", "format": "json", "services": {"postgres": "json/pg-*.jsonl"}})
    records = list(env.logs.fetch("postgres", start=T0, end=T0 + timedelta(hours=1)))
    assert [(r.level, r.message) for r in records] == [
        ("ERROR", "deadlock detected"),
        ("INFO", "checkpoint\nnot json"),
    ]
    assert env.logs.check().startswith("2 log files")


def test_unknown_service_lists_known(build, logdir):
    env = build()
    with pytest.raises(UnknownServiceError) as err:
        env.logs.fetch("nope", start=T0, end=T0)
    assert "payment-api" in str(err.value)


def test_services_without_files_return_nothing(build, logdir):
    env = build()
    assert list(env.logs.fetch("postgres", start=T0, end=T0 + timedelta(hours=1))) == []


def test_common_formats_and_postgres_detail_lines(build, tmp_path):
    d = tmp_path / "fmt"
    d.mkdir()
    (d / "postgres.log").write_text(
        "2024-05-01 12:00:01.000 UTC [38] LOG:  checkpoint starting: time\n"
        "2024-05-01 12:00:02.000 UTC [77] app@db ERROR:  deadlock detected\n"
        "2024-05-01 12:00:02.000 UTC [77] app@db DETAIL:  Process 77 waits for ShareLock on transaction 9\n"
        "2024-05-01 12:00:02.000 UTC [77] app@db STATEMENT:  UPDATE stock SET n = n - 1\n"
    )
    (d / "payment-api.log").write_text(
        'time=2024-05-01T12:00:03.000Z level=WARN msg="slow" component=http\n'
        '{"level":50,"time":1714564804000,"msg":"request failed"}\n'
        "1:M 01 May 2024 12:00:05.100 # WARNING memory overcommit\n"
    )
    env = build(logs={"type": "files", "pattern": "fmt/{service}.log"})
    pg = list(env.logs.fetch("postgres", start=T0, end=T0 + timedelta(minutes=1)))
    assert [r.level for r in pg] == ["INFO", "ERROR", "ERROR", "ERROR"]
    assert pg[2].message.startswith("Process 77 waits")
    app = list(env.logs.fetch("payment-api", start=T0, end=T0 + timedelta(minutes=1)))
    assert [(r.level, r.ts.second) for r in app] == [("WARN", 3), ("ERROR", 4), ("WARN", 5)]
