"""supervisord executor against a real supervisord managing a real process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aiops.backends import build_environment, parse_environment
from aiops.backends.supervisord import SupervisordOptions, server_proxy
from aiops.core.errors import BackendError

from .servers import free_port, process, require_module, wait_until

pytestmark = pytest.mark.integration

CONF = """\
[unix_http_server]
file={sock}

[inet_http_server]
port=127.0.0.1:{port}
username=ops
password={password}

[supervisord]
nodaemon=true
logfile={dir}/supervisord.log
pidfile={dir}/supervisord.pid
childlogdir={dir}

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://{sock}

[program:payment-api]
command={python} -c "import time; time.sleep(3600)"
startsecs=0
stopwaitsecs=5

[group:workers]
programs=worker-a,worker-b

[program:worker-a]
command={python} -c "import time; time.sleep(3600)"
startsecs=0

[program:worker-b]
command={python} -c "import time; time.sleep(3600)"
startsecs=0
"""


@pytest.fixture(scope="module")
def supervisord(tmp_path_factory):
    require_module("supervisor")
    tmp = tmp_path_factory.mktemp("sv")
    sock = Path("/tmp") / f"aiops-sv-{tmp.name}.sock"  # unix socket paths must stay short
    port = free_port()
    conf = tmp / "supervisord.conf"
    conf.write_text(CONF.format(sock=sock, port=port, password="sv-pass-123", dir=tmp, python=sys.executable))
    argv = [sys.executable, "-m", "supervisor.supervisord", "-c", str(conf)]
    with process("supervisord", argv, log=tmp / "out.log"):
        proxy = server_proxy(SupervisordOptions(url=f"unix://{sock}"))

        def running() -> bool:
            states = {p["name"]: p["statename"] for p in proxy.supervisor.getAllProcessInfo()}
            return set(states.values()) == {"RUNNING"} and len(states) == 3

        wait_until(running, what="supervisord")
        yield {"sock": sock, "port": port, "dir": tmp}
    sock.unlink(missing_ok=True)


def environment(tmp_path, executor):
    spec = parse_environment(
        {
            "name": "sv",
            "inventory": {"type": "static", "services": {"payment-api": {}, "worker": {}}},
            "logs": {"type": "files", "pattern": "logs/{service}.log"},
            "metrics": {"type": "prometheus", "url": "http://127.0.0.1:1", "queries": {"cpu": "x"}},
            "executor": executor,
        },
        file=tmp_path / "env.yaml",
    )
    return build_environment(spec, state_dir=tmp_path / "state")


def pid(sock, name="payment-api"):
    return server_proxy(SupervisordOptions(url=f"unix://{sock}")).supervisor.getProcessInfo(name)["pid"]


def test_restart_changes_pid(supervisord, tmp_path):
    env = environment(tmp_path, {"type": "supervisord", "url": f"unix://{supervisord['sock']}"})
    before = pid(supervisord["sock"])
    result = env.executor.execute("restart", "payment-api", key="approval-1")
    after = pid(supervisord["sock"])
    assert result.ok, result.message
    assert after != before and after > 0
    assert result.details["before"][0]["pid"] == before and result.details["after"][0]["pid"] == after
    assert result.details["calls"] == ["stopProcess(payment-api)", "startProcess(payment-api)"]
    again = env.executor.execute("restart", "payment-api", key="approval-1")
    assert again.ok and again.details["replayed"] and pid(supervisord["sock"]) == after
    env.close()


def test_dry_run_and_refusals(supervisord, tmp_path):
    env = environment(tmp_path, {"type": "supervisord", "url": f"unix://{supervisord['sock']}"})
    before = pid(supervisord["sock"])
    dry = env.executor.execute("restart", "payment-api", dry_run=True)
    assert dry.ok and dry.dry_run and "would restart payment-api (RUNNING)" in dry.message
    assert pid(supervisord["sock"]) == before
    assert "unknown target" in env.executor.execute("restart", "nope").message
    assert "unsupported action" in env.executor.execute("scale_up", "payment-api").message
    missing = env.executor.execute("restart", "worker")  # in the inventory, but no such program
    assert not missing.ok and "BAD_NAME" in missing.message
    assert env.executor.check().startswith("supervisord 4.")


def test_http_with_password_from_env_and_groups(supervisord, tmp_path, monkeypatch):
    monkeypatch.setenv("SV_PASSWORD", "sv-pass-123")
    executor = {
        "type": "supervisord",
        "url": f"http://127.0.0.1:{supervisord['port']}/RPC2",
        "username": "ops",
        "password_env": "SV_PASSWORD",
        "programs": {"worker": "workers:*"},
        "actions": {"restart": "restart", "stop": "stop", "start": "start"},
    }
    env = environment(tmp_path, executor)
    proxy = server_proxy(SupervisordOptions(url=f"unix://{supervisord['sock']}"))
    before = sorted(p["pid"] for p in proxy.supervisor.getAllProcessInfo() if p["group"] == "workers")
    result = env.executor.execute("restart", "worker")
    assert result.ok, result.message
    after = sorted(p["pid"] for p in proxy.supervisor.getAllProcessInfo() if p["group"] == "workers")
    assert set(before).isdisjoint(after)
    stopped = env.executor.execute("stop", "payment-api")
    assert stopped.ok and proxy.supervisor.getProcessInfo("payment-api")["statename"] == "STOPPED"
    started = env.executor.execute("start", "payment-api")
    assert started.ok and proxy.supervisor.getProcessInfo("payment-api")["statename"] == "RUNNING"
    monkeypatch.setenv("SV_PASSWORD", "wrong")
    bad = environment(tmp_path / "bad", executor)
    denied = bad.executor.execute("restart", "payment-api", dry_run=True)
    assert not denied.ok and "401" in denied.message


def test_unreachable_is_a_clean_failure(tmp_path):
    env = environment(tmp_path, {"type": "supervisord", "url": "unix:///tmp/aiops-no-such.sock"})
    result = env.executor.execute("restart", "payment-api")
    assert not result.ok and "cannot reach" in result.message
    with pytest.raises(BackendError, match="cannot reach"):
        env.executor.check()
