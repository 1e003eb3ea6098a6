"""Generic header parsing of plain and JSON lines."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from aiops.backends.logparse import guess_level, normalise_level, parse_line


@pytest.mark.parametrize(
    ("line", "ts", "level", "message"),
    [
        (
            "2024-05-01T12:00:00.123Z ERROR [pool] timeout waiting for connection",
            datetime(2024, 5, 1, 12, 0, 0, 123000, UTC),
            "ERROR",
            "[pool] timeout waiting for connection",
        ),
        (
            "2024-05-01 12:00:00,500 WARN  c.x.Pool - slow",
            datetime(2024, 5, 1, 12, 0, 0, 500000, UTC),
            "WARN",
            "c.x.Pool - slow",
        ),
        (
            "[2024-05-01T14:00:00+02:00] [error] upstream timed out",
            datetime(2024, 5, 1, 12, tzinfo=UTC),
            "ERROR",
            "upstream timed out",
        ),
        (
            '2024-05-01T12:00:00.123456789Z level=warning msg="slow query"',
            datetime(2024, 5, 1, 12, 0, 0, 123456, UTC),
            "WARN",
            'msg="slow query"',
        ),
        (
            '{"ts": "2024-05-01T12:00:00Z", "level": "critical", "msg": "OOM"}',
            datetime(2024, 5, 1, 12, tzinfo=UTC),
            "FATAL",
            "OOM",
        ),
        (
            '{"time": 1714564800123, "log": {"level": "error"}, "message": "boom"}',
            datetime(2024, 5, 1, 12, 0, 0, 123000, UTC),
            "ERROR",
            "boom",
        ),
        ("1714564800 INFO started", datetime(2024, 5, 1, 12, tzinfo=UTC), "INFO", "started"),
    ],
)
def test_headers(line, ts, level, message):
    header = parse_line(line)
    assert header is not None
    assert (header.ts, header.level, header.message) == (ts, level, message)


def test_dotted_json_level_key():
    header = parse_line('{"time": 1714564800, "log.level": "error", "message": "boom"}')
    assert header.level == "ERROR"
    header = parse_line('{"t": 1714564800, "log": {"level": "warn"}, "message": "x"}', keys={"level": ("log.level",)})
    assert header.level == "WARN"


def test_continuation_lines_have_no_header():
    assert parse_line("    at com.example.Pool.get(Pool.java:42)") is None
    assert parse_line("java.lang.OutOfMemoryError: Java heap space") is None


def test_syslog_year_and_timezone():
    ref = datetime(2024, 1, 2, tzinfo=UTC)
    header = parse_line("Dec 31 23:00:00 host app[1]: ERROR disk full", ref=ref)
    assert header.ts == datetime(2023, 12, 31, 23, tzinfo=UTC)
    local = parse_line("2024-05-01 12:00:00 INFO x", tz=ZoneInfo("Europe/Berlin"))
    assert local.ts == datetime(2024, 5, 1, 10, tzinfo=UTC)


def test_common_log_format():
    header = parse_line('10.0.0.1 - - [01/May/2024:14:00:00 +0200] "GET / HTTP/1.1" 503 12')
    assert header.ts == datetime(2024, 5, 1, 12, tzinfo=UTC)


def test_levels():
    assert normalise_level("warning") == "WARN"
    assert normalise_level(3) == "ERROR"
    assert normalise_level("7") == "DEBUG"
    assert normalise_level("weird") == ""
    assert guess_level("payment: ERROR pool exhausted") == "ERROR"
    assert guess_level("all good") == ""


def test_bracketed_numbers_are_not_levels():
    header = parse_line("2025-06-03 14:00:49.107 UTC [41] LOG:  archive command failed with exit code 1")
    assert header.level == "INFO"
    assert normalise_level(40) == "WARN" and normalise_level("40") == ""


def test_mongodb_structured_log_lines():
    line = ('{"t":{"$date":"2026-11-03T13:24:04.120+00:00"},"s":"W","c":"COMMAND","id":51803,"ctx":"conn1041",'
            '"msg":"Slow query","attr":{"ns":"inventory.stock","planSummary":"COLLSCAN","errName":"MaxTimeMSExpired"}}')
    header = parse_line(line)
    assert header.ts == datetime(2026, 11, 3, 13, 24, 4, 120000, UTC) and header.level == "WARN"
    assert header.message == "Slow query | MaxTimeMSExpired"
    long_date = parse_line('{"t":{"$date":{"$numberLong":"1714564800000"}},"s":"E","msg":"x"}')
    assert long_date.ts == datetime(2024, 5, 1, 12, tzinfo=UTC) and long_date.level == "ERROR"


def test_haproxy_time_after_the_client_address():
    header = parse_line("167.94.96.89:14888 [08/Jul/2026:21:20:16.120] fe_https/1: SSL handshake failure")
    assert header.ts == datetime(2026, 7, 8, 21, 20, 16, 120000, UTC)


def test_serilog_compact_json_renders_its_template():
    line = ('{"@t":"2026-09-09T12:23:18.3887330Z","@mt":"RiskShield unavailable for {AssessmentId}, key {Key}",'
            '"@l":"Warning","AssessmentId":"as_5c","Key":null,'
            '"@x":"System.Net.Http.HttpRequestException: 503\\n at X"}')
    header = parse_line(line)
    assert header.ts == datetime(2026, 9, 9, 12, 23, 18, 388733, UTC) and header.level == "WARN"
    assert header.message == "RiskShield unavailable for as_5c, key null | System.Net.Http.HttpRequestException: 503"
    info = parse_line('{"@t":"2026-09-09T12:20:00Z","@mt":"Assessment {Id} scored {Score}","Id":"a","Score":31}')
    assert (info.level, info.message) == ("INFO", "Assessment a scored 31")  # CLEF leaves out @l for Information
