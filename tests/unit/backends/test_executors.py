"""Command executor (real commands), idempotency keys, read-only executor, static and file events."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta

import pytest

from aiops.backends.idempotency import IdempotentExecutor, KeyStore
from aiops.core.errors import BackendError
from aiops.core.types import ActionResult

PY = sys.executable
T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def command_env(build, tmp_path):
    marker = tmp_path / "acted.txt"
    script = f"import sys; open({str(marker)!r}, 'a').write(' '.join(sys.argv[1:]) + chr(10)); print('done')"
    actions = {
        "restart": [PY, "-c", script, "restart", "{target}"],
        "scale_up": {
            "argv": [PY, "-c", script, "scale", "{target}"],
            "dry_run_argv": [PY, "-c", "print('would scale')", "{target}"],
        },
        "broken": [PY, "-c", "import sys; sys.stderr.write('kaboom\\n'); sys.exit(3)"],
        "slow": [PY, "-c", "import time; time.sleep(5)"],
        "missing": ["/nonexistent/binary-xyz", "{target}"],
    }
    env = build(executor={"type": "command", "actions": actions, "timeout_s": 1})
    return env, marker


def test_runs_real_argv(command_env):
    env, marker = command_env
    result = env.executor.execute("restart", "payment-api")
    assert result.ok, result.message
    assert marker.read_text() == "restart payment-api\n"
    assert result.details["argv"][-2:] == ["restart", "payment-api"]
    assert result.details["returncode"] == 0 and "done" in result.details["stdout"]


def test_dry_run_does_not_act(command_env):
    env, marker = command_env
    result = env.executor.execute("restart", "payment-api", dry_run=True)
    assert result.ok and result.dry_run and not result.details["executed"]
    assert not marker.exists()
    scaled = env.executor.execute("scale_up", "postgres", dry_run=True)
    assert scaled.dry_run and "would scale" in scaled.details["stdout"]
    assert not marker.exists()


@pytest.mark.parametrize(
    ("action", "target", "fragment"),
    [
        ("restart", "nope", "unknown target"),
        ("restart", "payment-api; rm -rf /", "unknown target"),
        ("delete_everything", "payment-api", "unsupported action"),
    ],
)
def test_refusals(command_env, action, target, fragment):
    env, marker = command_env
    result = env.executor.execute(action, target)
    assert not result.ok and fragment in result.message
    assert not marker.exists()


def test_unsafe_target_names_refused_even_if_listed(build):
    env = build(
        executor={
            "type": "command",
            "actions": {"restart": ["echo", "{target}"]},
            "targets": ["--force", "ok-target"],
        }
    )
    assert not env.executor.execute("restart", "--force").ok
    assert env.executor.execute("restart", "ok-target").ok


def test_failures_reported(command_env):
    env, _ = command_env
    broken = env.executor.execute("broken", "payment-api")
    assert not broken.ok and "exit 3" in broken.message and "kaboom" in broken.message
    slow = env.executor.execute("slow", "payment-api")
    assert not slow.ok and "timed out" in slow.message
    missing = env.executor.execute("missing", "payment-api")
    assert not missing.ok and "not found" in missing.message
    with pytest.raises(BackendError, match="not found"):
        env.executor.check()


def test_key_acts_once_and_survives_restart(build, command_env, tmp_path):
    env, marker = command_env
    first = env.executor.execute("restart", "payment-api", key="appr-1")
    again = env.executor.execute("restart", "payment-api", key="appr-1")
    assert first.ok and again.ok and again.details.get("replayed")
    other = env.executor.execute("restart", "postgres", key="appr-1")
    assert not other.ok and "already used" in other.message
    env.close()
    _reopened, _ = command_env  # same fixture object; rebuild against the same state dir
    env2 = build(executor={"type": "command", "actions": {"restart": [PY, "-c", "raise SystemExit(9)"]}})
    replay = env2.executor.execute("restart", "payment-api", key="appr-1")
    assert replay.ok and replay.details["replayed"]
    assert marker.read_text().count("restart") == 1
    assert (tmp_path / "state" / "executed_actions.sqlite").exists()


def test_claim_without_result_refuses():
    store = KeyStore(None)
    assert store.claim("k", "restart", "a") is None
    pending = store.claim("k", "restart", "a")
    assert not pending.ok and "not acting twice" in pending.message


def test_exception_in_executor_spends_the_key():
    class Boom:
        calls = 0

        def supported_actions(self):
            return ["restart"]

        def execute(self, action, target, *, dry_run=False, key=None):
            Boom.calls += 1
            raise RuntimeError("socket closed")

    wrapped = IdempotentExecutor(Boom(), KeyStore(None))
    first = wrapped.execute("restart", "a", key="k")
    second = wrapped.execute("restart", "a", key="k")
    assert not first.ok and "socket closed" in first.message
    assert not second.ok and Boom.calls == 1
    assert isinstance(second, ActionResult)


def test_read_only_executor(build):
    env = build()
    result = env.executor.execute("restart", "payment-api")
    assert not result.ok and "no executor" in result.message
    assert env.executor.supported_actions() == []


def test_static_and_file_events(build, tmp_path):
    env = build(
        events={
            "type": "static",
            "events": [
                {
                    "ts": "2024-05-01T11:35:00Z",
                    "type": "deployment",
                    "service": "payment-api",
                    "summary": "v2.5.1",
                    "attrs": {"version": "v2.5.1"},
                },
                {"ts": "2024-05-01T09:00:00Z", "type": "config_change", "service": "postgres"},
            ],
        }
    )
    found = env.events.events(start=T0 - timedelta(hours=1), end=T0)
    assert [(e.type, e.attrs.get("version")) for e in found] == [("deployment", "v2.5.1")]
    path = tmp_path / "events.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(e)
            for e in [
                {
                    "ts": "2024-05-01T11:50:00+00:00",
                    "type": "scaling",
                    "service": "payment-api",
                    "summary": "3 -> 6",
                },
                {"ts": "2024-05-01T11:40:00Z", "type": "deployment", "service": "postgres"},
            ]
        )
        + "\n"
    )
    env = build(events={"type": "file", "path": "events.jsonl"})
    found = env.events.events(start=T0 - timedelta(hours=1), end=T0, service="payment-api")
    assert [e.summary for e in found] == ["3 -> 6"]
    path.write_text('{"ts": "x"}\n')
    with pytest.raises(BackendError, match=r"events\.jsonl:1"):
        env.events.events(start=T0, end=T0)


def test_file_inventory_json_and_yaml(build, tmp_path):
    (tmp_path / "services.json").write_text(
        json.dumps(
            {
                "metric_prefix": "x",
                "services": [
                    {
                        "name": "checkout",
                        "kind": "app",
                        "replicas": 2,
                        "pool_size": 50,
                        "max_connections": None,
                        "depends_on": ["orders-db"],
                    },
                    {"name": "orders-db", "kind": "database", "max_connections": 300, "depends_on": []},
                ],
            }
        )
    )
    env = build(
        inventory={"type": "file", "path": "services.json"}, logs={"type": "files", "pattern": "logs/{service}.log"}
    )
    assert [(s.name, s.pool_size, s.max_connections) for s in env.inventory.services()] == [
        ("checkout", 50, None),
        ("orders-db", None, 300),
    ]
    (tmp_path / "inv.yaml").write_text("services:\n  a: {kind: cache}\n  b: {depends_on: [zz]}\n")
    from aiops.core.errors import ConfigError

    with pytest.raises(ConfigError) as err:
        build(inventory={"type": "file", "path": "inv.yaml"})
    assert err.value.file.endswith("inv.yaml") and "zz" in str(err.value)
