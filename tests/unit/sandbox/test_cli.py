"""`aiops sim list|show|logs|metrics|events|export` (a scenario file path works wherever a name does)."""

from __future__ import annotations

import json

import yaml

from aiops.cli.main import main
from aiops.sandbox.scenario import SCENARIO_DIR


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["sim", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0 and "pool-leak-payment" in out and "connection_pool_exhaustion" not in out
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) >= 12


def test_show_hides_the_answer_unless_asked(capsys):
    code, out, _ = run(capsys, "show", "pool-leak-payment")
    assert code == 0 and "payment-api returning 503s" in out and "deployed v2.5.0" in out
    assert "connection_pool_exhaustion" not in out and "connection_leak" not in out
    code, out, _ = run(capsys, "show", "pool-leak-payment", "--answer", "--json")
    data = json.loads(out)
    assert data["expected"]["root_cause"] == "connection_pool_exhaustion"
    assert data["faults"][0]["type"] == "connection_leak"


def test_logs_metrics_events(capsys):
    code, out, _ = run(
        capsys, "logs", "pool-leak-payment", "--service", "payment-api", "--minutes", "2", "--level", "ERROR"
    )
    assert code == 0 and "Connection is not available" in out and " INFO " not in out
    code, out, _ = run(
        capsys,
        "metrics",
        "pool-leak-payment",
        "--service",
        "payment-api",
        "--metric",
        "connections",
        "--minutes",
        "5",
    )
    assert code == 0 and out.startswith("# payment-api connections (connections, limit 100)")
    assert len(out.strip().splitlines()) == 7
    code, out, _ = run(capsys, "events", "pool-leak-payment")
    assert code == 0 and "deployment" in out


def test_bad_service_or_metric_is_exit_2(capsys):
    code, _, err = run(capsys, "logs", "pool-leak-payment", "--service", "checkout")
    assert code == 2 and "payment-api" in err
    code, _, err = run(capsys, "metrics", "pool-leak-payment", "--service", "payment-api", "--metric", "heap")
    assert code == 2 and "memory" in err
    code, _, err = run(capsys, "show", "nope")
    assert code == 2 and "pool-leak-payment" in err


def test_a_scenario_file_path_works(capsys, tmp_path):
    data = yaml.safe_load((SCENARIO_DIR / "orders-pool-leak.yaml").read_text())
    data["name"] = "my-copy"
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(data))
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0 and "my-copy" in out
    code, out, _ = run(capsys, "export", str(path), "--out", str(tmp_path / "out"))
    assert code == 0 and (tmp_path / "out" / "logs" / "orders-svc.log").is_file()


def test_state_dir_shows_the_world_after_actions(capsys, tmp_path):
    from aiops.sandbox import build_environment

    build_environment("pool-leak-payment", state_dir=tmp_path).executor.execute(
        "restart", "payment-api", key="x"
    )
    code, out, _ = run(capsys, "events", "pool-leak-payment", "--state-dir", str(tmp_path))
    assert code == 0 and "restarted payment-api" in out
