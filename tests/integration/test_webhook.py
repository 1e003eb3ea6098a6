"""Webhook executor against a local HTTP server."""

from __future__ import annotations

import http.server
import json

import pytest

from aiops.backends import build_environment, parse_environment

from .servers import stub_server

pytestmark = pytest.mark.integration

RECEIVED: list[dict] = []


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        RECEIVED.append(
            {
                "path": self.path,
                "body": body,
                "auth": self.headers.get("Authorization"),
                "team": self.headers.get("X-Team"),
            }
        )
        if body["target"] == "user-api":
            status, answer = 200, {"ok": False, "message": "change freeze in effect"}
        elif body["target"] == "postgres":
            status, answer = 500, {"message": "runner crashed"}
        else:
            status, answer = 202, {"ok": True, "message": f"queued {body['action']} job 41"}
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook_env(tmp_path, monkeypatch):
    RECEIVED.clear()
    monkeypatch.setenv("HOOK_TOKEN", "hook-secret")
    with stub_server(Receiver) as url:

        def make(**extra):
            spec = parse_environment(
                {
                    "name": "hook",
                    "inventory": {
                        "type": "static",
                        "services": {"payment-api": {}, "user-api": {}, "postgres": {}},
                    },
                    "logs": {"type": "files", "pattern": "logs/{service}.log"},
                    "metrics": {"type": "prometheus", "url": "http://127.0.0.1:1", "queries": {"cpu": "x"}},
                    "executor": {
                        "type": "webhook",
                        "url": f"{url}/hooks/remediate",
                        "token_env": "HOOK_TOKEN",
                        "headers": {"X-Team": "sre"},
                        "actions": ["restart", "scale_up"],
                        "check_path": "/healthz",
                        **extra,
                    },
                },
                file=tmp_path / "env.yaml",
            )
            return build_environment(spec, state_dir=tmp_path / "state")

        yield make


def test_posts_action_with_auth(webhook_env):
    env = webhook_env()
    result = env.executor.execute("restart", "payment-api", key="appr-9")
    assert result.ok and "queued restart job 41" in result.message
    [got] = RECEIVED
    assert got["path"] == "/hooks/remediate"
    assert got["body"] == {
        "action": "restart",
        "target": "payment-api",
        "dry_run": False,
        "key": "appr-9",
        "environment": "hook",
    }
    assert got["auth"] == "Bearer hook-secret" and got["team"] == "sre"
    assert result.details["response"]["status"] == 202
    assert "Authorization" not in json.dumps(result.details)
    replay = env.executor.execute("restart", "payment-api", key="appr-9")
    assert replay.details["replayed"] and len(RECEIVED) == 1
    assert env.executor.check().startswith("HTTP 204")


def test_refusals_and_failures(webhook_env):
    env = webhook_env()
    frozen = env.executor.execute("restart", "user-api")
    assert not frozen.ok and "change freeze" in frozen.message
    crashed = env.executor.execute("restart", "postgres")
    assert not crashed.ok and "HTTP 500" in crashed.message
    assert not env.executor.execute("rollback_deployment", "payment-api").ok
    assert len(RECEIVED) == 2


def test_dry_runs(webhook_env):
    env = webhook_env()
    dry = env.executor.execute("scale_up", "payment-api", dry_run=True)
    assert dry.ok and dry.dry_run and not dry.details["sent"] and not RECEIVED
    env = webhook_env(send_dry_run=True)
    sent = env.executor.execute("scale_up", "payment-api", dry_run=True)
    assert sent.ok and RECEIVED[0]["body"]["dry_run"] is True


def test_unreachable(tmp_path, monkeypatch):
    monkeypatch.setenv("HOOK_TOKEN", "x")
    spec = parse_environment(
        {
            "inventory": {"type": "static", "services": {"payment-api": {}}},
            "logs": {"type": "files", "pattern": "logs/{service}.log"},
            "metrics": {"type": "prometheus", "url": "http://127.0.0.1:1", "queries": {"cpu": "x"}},
            "executor": {
                "type": "webhook",
                "url": "http://127.0.0.1:1/hook",
                "actions": ["restart"],
                "timeout_s": 2,
            },
        }
    )
    env = build_environment(spec, state_dir=tmp_path)
    result = env.executor.execute("restart", "payment-api")
    assert not result.ok and "cannot reach" in result.message
