"""`aiops env check` against real servers: every backend answers, or the table says which does not."""

from __future__ import annotations

import json
import sys

import pytest
import yaml

from aiops.cli.main import main

from .prom import create_blocks, prometheus
from .test_prometheus import QUERIES, openmetrics

pytestmark = pytest.mark.integration


def write_env(tmp_path, prom_url):
    (tmp_path / "logs").mkdir(exist_ok=True)
    (tmp_path / "logs" / "payment-api.log").write_text("2024-05-01T12:00:00Z INFO up\n")
    env = {
        "name": "staging",
        "inventory": {"type": "static", "services": {"payment-api": {"memory_limit_mi": 512}}},
        "logs": {"type": "files", "pattern": "logs/{service}.log"},
        "metrics": {"type": "prometheus", "url": prom_url, "queries": QUERIES, "timeout_s": 3},
        "executor": {
            "type": "command",
            "actions": {"restart": [sys.executable, "-c", "print('ok')", "{target}"]},
        },
    }
    path = tmp_path / "staging.yaml"
    path.write_text(yaml.safe_dump(env), encoding="utf-8")
    return path


def test_env_check_ok_and_failing(tmp_path, capsys):
    (tmp_path / "data.om").write_text(openmetrics(), encoding="utf-8")
    create_blocks(tmp_path / "data.om", tmp_path / "data")
    with prometheus(tmp_path / "data") as url:
        path = write_env(tmp_path, url)
        assert main(["env", "validate", str(path)]) == 0
        assert main(["env", "check", str(path)]) == 0
        out = capsys.readouterr().out
        assert "metrics    prometheus  ok" in out and "executor   command     ok" in out
    assert main(["env", "check", "--json", str(path)]) == 1  # prometheus is gone now
    report = json.loads(capsys.readouterr().out)
    failed = [r for r in report["roles"] if not r["ok"]]
    assert [r["role"] for r in failed] == ["metrics"] and "cannot reach" in failed[0]["detail"]
