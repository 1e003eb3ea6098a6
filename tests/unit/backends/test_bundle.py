"""Evidence bundles: the folder layout (a contract), what is discovered in it, the environment it
becomes, and `aiops bundle check`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from aiops.backends import build_environment
from aiops.backends.bundle import bundle_environment, load_bundle, scan
from aiops.cli.main import main
from aiops.core.errors import BackendError, ConfigError

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "bundles" / "orders-db-disk-full"


def _bundle(root: Path) -> Path:
    (root / "logs" / "cart").mkdir(parents=True)
    (root / "logs" / "cart" / "cart.log").write_text(  # plain kubectl logs: no timestamps
        "listening on :8080\nERROR dial tcp 10.0.0.7:6379: connect: connection refused\n", encoding="utf-8")
    (root / "logs" / "cart" / "cart.previous.log").write_text("panic: redis: connection pool timeout\n",
                                                               encoding="utf-8")
    (root / "sessions.jsonl").write_text(
        '{"ts": "2026-03-27T02:10:00Z", "level": "warn", "msg": "slow command GET 120ms"}\n', encoding="utf-8")
    (root / "metrics.csv").write_text(
        'timestamp,metric,labels,value\n2026-03-27T02:00:00Z,redis_connected_clients,"service=""redis""",40\n',
        encoding="utf-8")
    (root / "k8s").mkdir()
    (root / "k8s" / "pods.json").write_text(json.dumps({"kind": "List", "items": [{
        "kind": "Pod", "metadata": {"name": "cart-7f9dd8b6c4-x7gr9"},
        "status": {"phase": "Running", "containerStatuses": [{"name": "cart", "ready": False, "restartCount": 4,
                                                              "state": {"waiting": {"reason": "CrashLoopBackOff"}}}]}},
        {"kind": "Event", "metadata": {"name": "e1"},
         "involvedObject": {"kind": "Pod", "name": "cart-7f9dd8b6c4-x7gr9"},
         "reason": "BackOff", "message": "Back-off restarting failed container", "type": "Warning", "count": 9,
         "lastTimestamp": "2026-03-27T02:14:00Z"}]}), encoding="utf-8")
    (root / "events.jsonl").write_text(
        '{"time": "2026-03-27T01:50:00Z", "kind": "deployment", "target": "cart", "message": "v3.1"}\n',
        encoding="utf-8")
    (root / "notes.docx").write_bytes(b"\x00\x01")
    (root / "bundle.yaml").write_text('alert: "cart crash looping"\nservices: [cart, redis]\nowner: team-a\n',
                                      encoding="utf-8")
    return root


def test_layout_sorts_files_into_parts_and_lists_the_rest(tmp_path: Path) -> None:
    bundle = scan(_bundle(tmp_path))
    assert sorted(bundle.logs) == ["cart", "sessions"]
    assert [p.name for p in bundle.logs["cart"]] == ["cart.log", "cart.previous.log"]
    assert [p.name for p in bundle.metrics] == ["metrics.csv"] and bundle.events is not None
    assert [p.name for p, _ in bundle.unknown] == ["notes.docx"]
    assert bundle.alert == "cart crash looping" and bundle.services == ["cart", "redis"]
    assert any("unknown key 'owner'" in w for w in bundle.warnings)


def test_discovery_finds_services_kinds_and_the_latest_time(tmp_path: Path) -> None:
    _, found = load_bundle(_bundle(tmp_path))
    assert found.services == {"cart": "app", "redis": "cache", "sessions": "app"}
    assert found.at == datetime(2026, 3, 27, 2, 14, tzinfo=UTC)  # the k8s event, later than any log line


def test_the_bundle_is_an_ordinary_environment(tmp_path: Path) -> None:
    spec, _, _ = bundle_environment(_bundle(tmp_path))
    assert spec.summary() == {"inventory": "static", "logs": "files", "metrics": "files", "events": "file",
                              "executor": "none", "state": "snapshot", "clock": "fixed"}
    env = build_environment(spec)
    now = env.clock.now()
    records = list(env.logs.fetch("cart", start=now - timedelta(hours=1), end=now))
    assert [(r.dated, r.stream, r.ts == now or r.ts == now - timedelta(seconds=1)) for r in records] == [
        (False, "previous", True), (False, "", True), (False, "", True)]
    assert records[0].message.startswith("panic: redis")  # the previous container comes first
    assert [e.type for e in env.events.events(start=now - timedelta(hours=1), end=now)] == ["deployment"]
    assert {r.reason for r in env.state.records("cart") if r.current} >= {"CrashLoopBackOff", "BackOff"}
    with pytest.raises(BackendError, match="no logs were collected for 'redis'"):
        list(env.logs.fetch("redis", start=now, end=now))
    assert env.executor.execute("restart", "cart").ok is False


def test_bad_settings_name_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "a.log").write_text("x\n", encoding="utf-8")
    (tmp_path / "bundle.yaml").write_text("at: yesterday\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bundle.yaml: at: not an ISO 8601 time"):
        scan(tmp_path)
    (tmp_path / "bundle.yaml").write_text("services: &s [a]\nalert: *s\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="anchor"):
        scan(tmp_path)


def test_a_bundle_without_any_time_asks_for_at(tmp_path: Path) -> None:
    (tmp_path / "svc.log").write_text("no time here\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"set `at:` in bundle\.yaml"):
        bundle_environment(tmp_path)
    (tmp_path / "bundle.yaml").write_text("at: 2026-03-27T02:15:00Z\n", encoding="utf-8")
    spec, _, found = bundle_environment(tmp_path)
    assert found.at == datetime(2026, 3, 27, 2, 15, tzinfo=UTC) and spec.role("clock").type == "fixed"


def test_check_prints_per_service_and_exits_2_only_when_nothing_is_usable(tmp_path: Path, capsys) -> None:
    assert main(["bundle", "check", str(_bundle(tmp_path / "b"))]) == 0
    out = capsys.readouterr().out
    assert "cart (app, declared)" in out and "timestamps none (undated lines)" in out
    assert "previous container" in out and "now: Container CrashLoopBackOff" in out
    assert "ignored: notes.docx" in out and "usable: yes" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("nothing\n", encoding="utf-8")
    assert main(["bundle", "check", str(empty)]) == 2
    assert "usable: NO" in capsys.readouterr().out
    assert main(["bundle", "check", "--json", str(EXAMPLE)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["services"]) >= {"checkout", "orders-db"} and report["at"].startswith("2026-03-27T02:14")


def test_respond_on_the_shipped_example_finds_the_database_not_the_loud_caller(tmp_path: Path, capsys,
                                                                                 monkeypatch) -> None:
    monkeypatch.setenv("AIOPS_HOME", str(tmp_path / "state"))
    code = main(["respond", "--bundle", str(EXAMPLE), "--approve", "none", "--json", "--quiet"])
    result = json.loads(capsys.readouterr().out)
    assert result["root_cause"] == {"category": "disk_full", "service": "orders-db", "confidence": "high"}
    assert [a["action"] for a in result["actions"]] == ["clear_disk_space"] and code == 4
    report = Path(result["report_path"]).read_text(encoding="utf-8")
    assert "No space left on device" in report or "disk_full" in report


def test_respond_refuses_two_sources(tmp_path: Path, capsys) -> None:
    assert main(["respond", "--bundle", str(EXAMPLE), "--scenario", "pool-leak-payment"]) == 2
    assert "not several (--bundle, --scenario)" in capsys.readouterr().err


def test_links_out_of_the_bundle_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2\n", encoding="utf-8")
    root = _bundle(tmp_path / "b")
    (root / "logs" / "cart" / "stolen.log").symlink_to(secret)
    (root / "leak.log").symlink_to(secret)
    (root / "logs" / "cart" / "inside.log").symlink_to(root / "logs" / "cart" / "cart.log")
    bundle = scan(root)
    names = [p.name for p in bundle.logs["cart"]]
    assert "stolen.log" not in names and "inside.log" in names and "leak" not in bundle.logs
    assert sorted(p.name for p, why in bundle.unknown if "outside" in why) == ["leak.log", "stolen.log"]
