"""journald log source against real journal files written by systemd-journal-remote."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from aiops.backends import build_environment, parse_environment

from .servers import require, require_module

pytestmark = pytest.mark.integration

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)
JOURNAL_REMOTE = "/lib/systemd/systemd-journal-remote"


def export_entry(minute: int, message: str, priority: int, unit: str, ident: str) -> str:
    usec = int((T0 + timedelta(minutes=minute)).timestamp() * 1_000_000)
    return (
        f"__REALTIME_TIMESTAMP={usec}\n__MONOTONIC_TIMESTAMP={usec}\n_BOOT_ID=0123456789abcdef0123456789abcdef\n"
        f"MESSAGE={message}\nPRIORITY={priority}\n_SYSTEMD_UNIT={unit}\nSYSLOG_IDENTIFIER={ident}\n\n"
    )


@pytest.fixture(scope="module")
def journal_dir(tmp_path_factory):
    require(JOURNAL_REMOTE)
    require_module("systemd.journal")
    out = tmp_path_factory.mktemp("journal")
    entries = []
    for minute in range(60):
        if minute < 40:
            entries.append(
                export_entry(minute, f"GET /v1/payments 200 {30 + minute}ms", 6, "payment-api.service", "payment-api")
            )
        else:
            entries.append(
                export_entry(
                    minute,
                    "HikariPool-1 - Connection is not available, request timed out",
                    3,
                    "payment-api.service",
                    "payment-api",
                )
            )
        if minute % 10 == 0:
            entries.append(export_entry(minute, "ERROR deadlock detected", 6, "postgresql@15-main.service", "postgres"))
    subprocess.run(
        [JOURNAL_REMOTE, "-o", str(out / "remote.journal"), "-"],
        input="".join(entries).encode(),
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out


def env_for(journal_dir, **logs):
    spec = parse_environment(
        {
            "name": "journal",
            "inventory": {"type": "static", "services": {"payment-api": {}, "postgres": {}, "redis": {}}},
            "logs": {"type": "journald", **logs},
            "metrics": {"type": "prometheus", "url": "http://127.0.0.1:1", "queries": {"cpu": "x"}},
        },
        file=journal_dir / "env.yaml",
    )
    return build_environment(spec)


def test_window_levels_and_order(journal_dir):
    env = env_for(journal_dir, files=["*.journal"])
    records = list(env.logs.fetch("payment-api", start=T0 + timedelta(minutes=35), end=T0 + timedelta(minutes=45)))
    assert len(records) == 11
    assert [r.ts for r in records] == sorted(r.ts for r in records)
    assert records[0].ts == T0 + timedelta(minutes=35) and records[-1].ts == T0 + timedelta(minutes=45)
    assert [r.level for r in records].count("ERROR") == 6
    assert records[-1].message.startswith("HikariPool-1")
    assert "payment-api:" in records[-1].raw


def test_limit_keeps_newest(journal_dir):
    env = env_for(journal_dir, directory=".")
    records = list(env.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=2), limit=5))
    assert [r.ts.minute for r in records] == [55, 56, 57, 58, 59]


def test_matches_per_service_and_level_from_text(journal_dir):
    env = env_for(
        journal_dir,
        files=["remote.journal"],
        services={"postgres": ["SYSLOG_IDENTIFIER=postgres", "_SYSTEMD_UNIT=postgresql.service"]},
    )
    records = list(env.logs.fetch("postgres", start=T0, end=T0 + timedelta(hours=1)))
    assert len(records) == 6
    assert {r.level for r in records} == {"ERROR"}  # PRIORITY=6 but the line says ERROR
    assert list(env.logs.fetch("redis", start=T0, end=T0 + timedelta(hours=1))) == []
    assert "newest entry 2024-05-01T12:59:00" in env.logs.check()


def test_missing_files_is_config_error(journal_dir):
    from aiops.core.errors import ConfigError

    with pytest.raises(ConfigError, match="no journal file"):
        env_for(journal_dir, files=["nothing-*.journal"])
