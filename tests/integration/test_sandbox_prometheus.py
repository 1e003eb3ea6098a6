"""A real Prometheus loaded with a sandbox scenario's export answers like the sandbox itself.

`aiops sim export NAME --out DIR` writes per-service log files and OpenMetrics text; promtool turns
the text into TSDB blocks; Prometheus serves them. An environment file then reads metrics from
Prometheus and logs from the exported files (inventory, events and clock from the same scenario),
and every (service, metric) series and every service's log window must match the sandbox's.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from aiops.backends import build_environment, parse_environment

from .prom import create_blocks, prometheus

pytestmark = pytest.mark.integration

SCENARIOS = ["pool-leak-payment", "redis-down-cascade", "ledger-db-disk-full"]
"""The default topology, a cascade with a service that stops answering, and an own 4-service topology."""
AUXILIARY_RE = re.compile(r"\] (?:\S+ )?(DETAIL|HINT|STATEMENT|CONTEXT):")
LIMITED = {"cpu": 100, "error_rate": 100, "disk_usage": 100}
"""Percent metrics: their limit is 100. `memory` and `connections` have `aiops_<m>_limit` families."""


def sim_export(scenario: str, out: Path) -> None:
    """Run the sandbox export (`aiops sim export NAME --out DIR`)."""
    proc = subprocess.run(
        [sys.executable, "-m", "aiops", "sim", "export", scenario, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module", params=SCENARIOS)
def exported(request, tmp_path_factory):
    import aiops.sandbox as sandbox

    scenario = request.param
    tmp = tmp_path_factory.mktemp("export")
    out = tmp / "out"
    sim_export(scenario, out)
    create_blocks(out / "metrics.om", tmp / "data")
    truth = sandbox.build_environment(sandbox.load_scenario(scenario), state_dir=tmp / "truth")
    # Exported blocks carry no staleness markers: a 59 s lookback makes a service that stopped
    # answering vanish at once, as a failed scrape does on a live Prometheus.
    with prometheus(tmp / "data", extra_args=["--query.lookback-delta=59s"]) as url:
        yield {"scenario": scenario, "out": out, "url": url, "truth": truth, "tmp": tmp}
    truth.close()


def env_file(exported) -> dict:
    """An environment of real backends only: Prometheus, log files, events and inventory files."""
    out = exported["out"]
    topology = json.loads((out / "services.json").read_text(encoding="utf-8"))
    prefix, units = topology["metric_prefix"], topology["metric_units"]
    queries = {}
    for metric, unit in units.items():
        query: dict = {"query": f'{prefix}{metric}{{service="{{service}}"}}', "unit": unit}
        if metric in LIMITED:
            query["limit"] = LIMITED[metric]
        elif metric in ("memory", "connections"):
            query["limit_query"] = f'{prefix}{metric}_limit{{service="{{service}}"}}'
        queries[metric] = query
    return {
        "name": "prom-replay",
        "inventory": {"type": "file", "path": str(out / "services.json")},
        "metrics": {"type": "prometheus", "url": exported["url"], "queries": queries},
        "logs": {"type": "files", "pattern": str(out / "logs" / "{service}.log")},
        "events": {"type": "file", "path": str(out / "events.jsonl")},
        "clock": {"type": "fixed", "at": exported["truth"].clock.now().isoformat()},
    }


def replay_env(exported):
    spec = parse_environment(env_file(exported), file=exported["tmp"] / "prom.yaml")
    return build_environment(spec, state_dir=exported["tmp"] / "state")


def test_metrics_match_the_sandbox(exported):
    """Every metric of every service: same timestamps, same values, same unit and limit."""
    truth = exported["truth"]
    env = replay_env(exported)
    assert sorted(env.metrics.metric_names()) == sorted(truth.metrics.metric_names())
    end = truth.clock.now()
    assert env.clock.now() == end
    start = end - timedelta(minutes=int(truth.info["window_minutes"]))
    points = 0
    for service in (s.name for s in truth.inventory.services()):
        for metric in truth.metrics.metric_names():
            want = truth.metrics.query(service, metric, start=start, end=end, step_s=60)
            got = env.metrics.query(service, metric, start=start, end=end, step_s=60)
            where = f"{service} {metric}"
            assert got.timestamps == want.timestamps, where
            assert got.values == pytest.approx(want.values, abs=1e-6), where
            assert (got.unit, got.limit) == (want.unit, want.limit), where
            points += len(want.values)
    assert points > 1000


def test_inventory_and_events_match_the_sandbox(exported):
    truth = exported["truth"]
    env = replay_env(exported)
    assert env.inventory.services() == truth.inventory.services()
    end = truth.clock.now()
    start = end - timedelta(minutes=120)
    assert env.events.events(start=start, end=end) == truth.events.events(start=start, end=end)


def test_logs_match_the_sandbox(exported):
    """The files backend reads the exported lines back into the sandbox's records: time, level, order."""
    truth = exported["truth"]
    env = replay_env(exported)
    end = truth.clock.now()
    start = end - timedelta(minutes=30)
    for service in (s.name for s in truth.inventory.services()):
        want = [r for r in truth.logs.fetch(service, start=start, end=end) if _stamped(r.raw)]
        got = list(env.logs.fetch(service, start=start, end=end))
        assert len(got) == len(want), service
        assert [r.ts for r in got] == [r.ts for r in want], service
        # a PostgreSQL DETAIL/HINT line takes the level of its process's message before it; the sandbox
        # does not always place that message right before, so only the primary lines must agree
        primary = [i for i, r in enumerate(want) if not AUXILIARY_RE.search(r.raw[:80])]
        assert [got[i].level for i in primary] == [want[i].level for i in primary], service
        assert [r.raw.splitlines()[0] for r in got] == [r.raw.splitlines()[0] for r in want], service


def _stamped(raw: str) -> bool:
    """False for a literal line injected without a timestamp (a file reader folds it into the line before)."""
    from aiops.backends.logparse import parse_line

    return parse_line(raw.splitlines()[0]) is not None


def respond(args: list[str], home: Path) -> dict:
    """`aiops respond ... --model playbook --approve none --json` in a subprocess; its JSON object."""
    import json
    import os

    env = {**os.environ, "AIOPS_HOME": str(home)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "aiops",
            "respond",
            *args,
            "--model",
            "playbook",
            "--approve",
            "none",
            "--json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    assert proc.stdout.strip(), proc.stderr
    return json.loads(proc.stdout[proc.stdout.index("{") :])


def test_respond_with_the_env_file_diagnoses_like_the_sandbox(exported):
    """`aiops respond --env prom.yaml` (Prometheus + exported log files) names the same root cause as
    `aiops respond --scenario NAME` on the sandbox itself."""
    import yaml

    import aiops.sandbox as sandbox

    prom_yaml = exported["tmp"] / "prom.yaml"
    prom_yaml.write_text(yaml.safe_dump(env_file(exported)), encoding="utf-8")
    alert = sandbox.load_scenario(exported["scenario"]).alert
    baseline = respond(["--scenario", exported["scenario"]], exported["tmp"] / "home-sandbox")
    replay = respond([alert, "--env", str(prom_yaml)], exported["tmp"] / "home-prom")
    assert baseline["root_cause"]["category"] not in (None, "none")
    assert replay["root_cause"]["category"] == baseline["root_cause"]["category"]
    assert replay["root_cause"]["service"] == baseline["root_cause"]["service"]
