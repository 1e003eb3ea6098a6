"""Log digests: token bound, injected errors named, signatures, sequence, change kinds, file input."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from aiops.analysis import build_digest, digest_lines, estimate_tokens, load_signatures
from aiops.analysis.signatures import default_signatures_path
from aiops.core.types import LogRecord

START = datetime(2024, 5, 14, 10, 0, tzinfo=UTC)
END = START + timedelta(minutes=30)


def _rec(minute: float, level: str, message: str) -> LogRecord:
    ts = START + timedelta(minutes=minute)
    return LogRecord(ts=ts, service="payment-api", level=level, message=message,
                     raw=f"{ts.isoformat()} {level} {message}")


def _window(lines: int, templates: int, seed: int = 1) -> list[LogRecord]:
    rng = random.Random(seed)
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
    records = []
    for i in range(lines):
        kind = rng.randrange(templates)
        noun = "-".join(words[(kind // 10 ** k) % 10] for k in range(3))
        message = f"step {noun} handled item {rng.randint(1, 10**6)} in {rng.randint(1, 999)} ms " + "x" * (kind % 40)
        records.append(_rec(30 * i / lines, rng.choice(["INFO", "DEBUG"]), message))
    return records


INJECTED = [
    ("ERROR", "HikariPool-1 - Connection is not available, request timed out after 30000ms.", 21),
    ("ERROR", "canceling statement due to statement timeout", 22),
    ("FATAL", "java.lang.OutOfMemoryError: Java heap space", 26),
]


def _with_errors(records: list[LogRecord]) -> list[LogRecord]:
    out = list(records)
    for index, (level, message, minute) in enumerate(INJECTED):
        out += [_rec(minute + k * 0.1, level, message) for k in range(3 + index * 20)]
    return sorted(out, key=lambda r: r.ts)


@pytest.fixture(scope="module")
def signatures() -> list:
    return load_signatures(default_signatures_path())


@pytest.mark.parametrize(("lines", "templates", "budget"), [(20_000, 400, 2000), (5_000, 50, 600), (2_000, 5, 300)])
def test_render_stays_within_budget(lines: int, templates: int, budget: int, signatures: list) -> None:
    digest = build_digest(_with_errors(_window(lines, templates)), start=START, end=END, signatures=signatures,
                          budget_tokens=budget)
    text = digest.render()
    assert estimate_tokens(text) <= budget
    assert text.splitlines()[-1].startswith("omitted:")
    if budget >= 600:
        for _, message, _ in INJECTED:
            assert message.split()[0].split(".")[0].split("-")[0] in text


def test_says_what_it_left_out(signatures: list) -> None:
    digest = build_digest(_window(20_000, 400), start=START, end=END, signatures=signatures, budget_tokens=500)
    last = digest.render().splitlines()[-1]
    assert last.startswith("omitted: ") and "templates" in last
    data = digest.to_dict()
    assert data["omitted"]["templates"] == data["templates_total"] - len(data["templates"])


def test_facts_signatures_sequence_changes(signatures: list) -> None:
    records = _with_errors(_window(3_000, 5))
    records += [_rec(m / 10, "WARN", "disk usage check ok on /data") for m in range(200)]
    digest = build_digest(records, start=START, end=END, signatures=signatures)
    data = json.loads(json.dumps(digest.to_dict()))
    names = {hit["name"]: hit for hit in data["signatures"]}
    assert {"pool_exhausted", "db_query_timeout", "java_out_of_memory"} <= set(names)
    assert names["pool_exhausted"]["count"] == 3
    assert names["pool_exhausted"]["first_seen"] == "2024-05-14T10:21:00Z"
    order = [item["signatures"][0] for item in data["sequence"] if item["signatures"]]
    assert order.index("pool_exhausted") < order.index("db_query_timeout") < order.index("java_out_of_memory")
    by_text = {t["template"]: t for t in data["templates"]}
    oom = next(t for text, t in by_text.items() if "OutOfMemoryError" in text)
    assert oom["change"] == "new" and oom["new"] and oom["level"] == "FATAL"
    disk = next(t for text, t in by_text.items() if text.startswith("disk usage"))
    assert disk["change"] == "stopped"
    assert data["levels"]["FATAL"] == 43
    assert data["error_share"]["earlier"] == 0.0 < data["error_share"]["recent"]
    assert data["first_error"] == "2024-05-14T10:21:00Z"


def test_surge_and_burst() -> None:
    records = [_rec(m / 2, "INFO", "GET /health 200") for m in range(60)]
    records += [_rec(25 + k / 100, "ERROR", f"upstream reset after {k} ms") for k in range(200)]
    records += [_rec(m, "ERROR", "upstream reset after 1 ms") for m in range(0, 19, 6)]
    data = build_digest(records, start=START, end=END).to_dict()
    upstream = next(t for t in data["templates"] if t["template"].startswith("upstream"))
    assert upstream["change"] == "surge"
    assert upstream["burst"] is not None
    assert upstream["onset"] is not None and upstream["onset"] >= "2024-05-14T10:20:00Z"


def test_empty_window() -> None:
    digest = build_digest([], start=START, end=END)
    assert digest.to_dict()["lines"] == 0
    assert "0 lines" in digest.render()


def test_digest_of_raw_lines_uses_header_times_and_levels(signatures: list) -> None:
    lines = [f"2024-05-14 10:{m:02d}:00,000 INFO [main] com.acme.Api - served request {m}" for m in range(30)]
    lines += ["2024-05-14 10:25:00,000 ERROR [main] com.acme.Db - deadlock detected",
              "org.postgresql.util.PSQLException: ERROR: deadlock detected",
              "\tat org.postgresql.core.QueryExecutor.execute(QueryExecutor.java:2553)"]
    digest = digest_lines(lines, service="api", signatures=signatures)
    data = digest.to_dict()
    assert data["window"]["start"] == "2024-05-14T10:00:00Z"
    assert data["levels"]["ERROR"] == 3
    assert [hit["name"] for hit in data["signatures"]] == ["db_deadlock"]
    assert not data["timeless"]
