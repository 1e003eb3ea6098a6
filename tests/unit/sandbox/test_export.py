"""`export_scenario`: per-service log files, OpenMetrics text that promtool accepts (checked here
by its rules: families prefixed, `service` label, one TYPE per family, strictly increasing
timestamps per series, `# EOF`), events; deterministic bytes; no answer in any file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from aiops.sandbox import build_environment, export_scenario, load_scenario
from aiops.sandbox.export import export_environment

SAMPLE = re.compile(r'^(aiops_[a-z0-9_]+)\{service="([a-z0-9-]+)"\} (-?[0-9.e+-]+) (\d+)$')


def test_export_layout_and_openmetrics_rules(tmp_path):
    summary = export_scenario("pool-leak-payment", tmp_path)
    names = {p.name for p in (tmp_path / "logs").iterdir()}
    assert names == {f"{s}.log" for s in ("payment-api", "inventory-api", "user-api", "postgres", "redis")}
    assert summary.log_lines["payment-api"] == len(
        (tmp_path / "logs" / "payment-api.log").read_text().splitlines()
    )
    text = (tmp_path / "metrics.om").read_text()
    lines = text.splitlines()
    assert lines[-1] == "# EOF" and text.endswith("# EOF\n")
    typed: list[str] = []
    last: dict[tuple[str, str], int] = {}
    current = None
    for line in lines[:-1]:
        if line.startswith("# TYPE "):
            family = line.split()[2]
            assert family not in typed, f"{family} declared twice"
            typed.append(family)
            current = family
            continue
        if line.startswith("# HELP "):
            assert line.split()[2] == current
            continue
        found = SAMPLE.match(line)
        assert found, line
        family, service, _, ts = found.groups()
        assert family == current, f"{family} sample outside its family block"
        key = (family, service)
        assert int(ts) > last.get(key, 0), f"timestamps not strictly increasing for {key}"
        last[key] = int(ts)
    assert {
        "aiops_cpu",
        "aiops_memory",
        "aiops_connections",
        "aiops_error_rate",
        "aiops_latency_p99",
        "aiops_memory_limit",
        "aiops_connections_limit",
    } <= set(typed)
    assert summary.samples == len(lines) - 1 - 2 * len(typed)


def test_export_values_match_the_sources(tmp_path):
    export_scenario("pool-leak-payment", tmp_path)
    env = build_environment("pool-leak-payment")
    now = env.clock.now()
    series = env.metrics.query("payment-api", "connections", start=now - timedelta(minutes=60), end=now)
    exported = {
        int(m.group(4)): float(m.group(3))
        for m in map(SAMPLE.match, (tmp_path / "metrics.om").read_text().splitlines())
        if m and m.group(1) == "aiops_connections" and m.group(2) == "payment-api"
    }
    assert exported == {int(t.timestamp()): v for t, v in zip(series.timestamps, series.values, strict=True)}
    raw = [r.raw for r in env.logs.fetch("postgres", start=now - timedelta(minutes=60), end=now)]
    assert (tmp_path / "logs" / "postgres.log").read_text().splitlines() == raw


def test_export_is_deterministic_and_honest(tmp_path):
    export_scenario("slow-db-cascade", tmp_path / "a")
    export_scenario("slow-db-cascade", tmp_path / "b")
    sc = load_scenario("slow-db-cascade")
    for path in sorted((tmp_path / "a").rglob("*")):
        if path.is_file():
            twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
            assert path.read_bytes() == twin.read_bytes(), path.name
            text = path.read_text()
            assert sc.expected.root_cause not in text and "slow_database" not in text
            assert "kill_blocking_queries" not in text


def test_export_after_actions_and_shifted(tmp_path):
    env = build_environment("pool-leak-payment", state_dir=tmp_path / "state")
    env.executor.execute("restart", "payment-api", key="a1")
    alert_at = datetime(2030, 1, 2, 3, 4, tzinfo=UTC)
    export_environment(env, tmp_path / "out", alert_at=alert_at)
    stamps = [
        int(m.group(4))
        for m in map(SAMPLE.match, (tmp_path / "out" / "metrics.om").read_text().splitlines())
        if m
    ]
    window = (alert_at - timedelta(minutes=60)).timestamp(), (alert_at + timedelta(minutes=10)).timestamp()
    assert window[0] <= min(stamps) and max(stamps) == window[1] - 4 * 60
    events = [json.loads(x) for x in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert any(e["attrs"].get("action") == "restart" for e in events)
    first = (tmp_path / "out" / "logs" / "payment-api.log").read_text().splitlines()[0]
    assert first.startswith("2030-01-02T02:04:")


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool not installed")
def test_promtool_accepts_the_export(tmp_path):
    export_scenario("redis-down-cascade", tmp_path)
    proc = subprocess.run(
        [
            "promtool",
            "tsdb",
            "create-blocks-from",
            "openmetrics",
            str(tmp_path / "metrics.om"),
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
