"""Tokens (hashed, roles), browser sessions with CSRF, loopback-only without tokens, the approver's
identity on decisions, and the senior rule for high-risk actions — through a real server."""

from __future__ import annotations

import re
import sqlite3
import time

import httpx
import pytest

from aiops.cli.main import main
from aiops.runtime.home import StateHome
from aiops.server.db import ServerDB
from aiops.server.tokens import TokenStore

from .harness import read_events, serve, wait_for

pytestmark = pytest.mark.loopback
FINAL = {"resolved", "unresolved", "no_action"}


def _tokens(root):
    home = StateHome.resolve(root)
    return TokenStore(ServerDB(home.root), home.root)


def test_tokens_are_stored_hashed_and_can_be_revoked(tmp_path):
    store = _tokens(tmp_path / "state")
    _, token = store.create("alice", "approver")
    assert token.startswith("aiops_") and len(token) > 40
    raw = b"".join(p.read_bytes() for p in (tmp_path / "state").glob("server.sqlite*"))
    assert token.encode() not in raw and token[6:].encode() not in raw
    assert store.verify(token).name == "alice" and store.verify(token + "x") is None
    assert oct((tmp_path / "state" / "server.sqlite").stat().st_mode & 0o777) == "0o600"
    assert store.revoke("alice") == 1 and store.verify(token) is None
    with pytest.raises(Exception, match="role must be"):
        store.create("bob", "root")
    with pytest.raises(Exception, match="token name"):
        store.create("bob smith", "viewer")


def test_cli_token_commands(tmp_path, capsys):
    home = str(tmp_path / "state")
    assert main(["tokens", "create", "--name", "carol", "--role", "viewer", "--home", home]) == 0
    token = capsys.readouterr().out.strip()
    assert _tokens(home).verify(token).role == "viewer"
    assert main(["tokens", "list", "--home", home]) == 0
    assert "carol" in capsys.readouterr().out
    assert main(["tokens", "revoke", "carol", "--home", home]) == 0
    assert main(["tokens", "revoke", "carol", "--home", home]) == 2


def test_without_tokens_the_server_refuses_other_addresses(tmp_path, capsys):
    home = str(tmp_path / "state")
    code = main(["serve", "--scenario", "pool-leak-payment", "--host", "0.0.0.0", "--home", home])
    assert code == 2
    assert "loopback only" in capsys.readouterr().err
    assert main(["serve", "--home", home]) == 2, "neither --env nor --scenario"


def test_a_request_for_another_host_name_is_refused_without_tokens(tmp_path):
    with serve(tmp_path / "state", start_workers=False) as srv, srv.client() as client:
        assert client.get("/api/v1/incidents").status_code == 200
        rebound = client.get("/api/v1/incidents", headers={"Host": "attacker.example:8080"})
        assert rebound.status_code == 403 and "loopback" in rebound.json()["detail"]
        cross = client.post("/api/v1/incidents", json={"alert": "x"}, headers={"Origin": "http://evil.example"})
        assert cross.status_code == 403 and "CSRF" in cross.json()["detail"]


def test_roles_decide_what_a_token_may_do(tmp_path):
    store = _tokens(tmp_path / "state")
    _, viewer = store.create("vic", "viewer")
    _, approver = store.create("alice", "approver")
    _, admin = store.create("root-admin", "admin")
    with serve(tmp_path / "state") as srv:
        with srv.client() as anon:
            assert anon.get("/healthz").status_code == 200
            assert anon.get("/api/v1/incidents").status_code == 401
            assert anon.get("/metrics").status_code == 401
            assert anon.post("/api/v1/incidents", json={"alert": "x"}).status_code == 401
            assert anon.get("/incidents", follow_redirects=False).status_code == 303
        with srv.client(viewer) as v, srv.client(approver) as a, srv.client(admin) as ad:
            incident = v.post("/api/v1/incidents", json={"alert": "payment-api 503s", "service": "payment-api"}
                              ).json()["incident_id"]
            wait_for(v, incident, {"awaiting_approval"})
            assert v.get("/metrics").status_code == 200
            refused = v.post(f"/api/v1/incidents/{incident}/decision", json={"decision": "approve"})
            assert refused.status_code == 403 and "viewer" in refused.json()["detail"]
            assert a.get("/api/v1/tokens").status_code == 403
            assert {t["name"] for t in ad.get("/api/v1/tokens").json()["tokens"]} == {"vic", "alice", "root-admin"}
            high = a.post(f"/api/v1/incidents/{incident}/decision",
                          json={"decision": "edit", "action": "failover_database", "target": "postgres"})
            assert high.status_code == 403 and "senior" in high.json()["detail"]
            reason = {"decision": "reject", "reason": "change freeze until 18:00"}
            ok = a.post(f"/api/v1/incidents/{incident}/decision", json=reason)
            assert ok.status_code == 200 and ok.json()["approver"] == "alice"
            deadline = time.monotonic() + 90
            while (done := a.get(f"/api/v1/incidents/{incident}").json())["status"] not in FINAL:
                assert time.monotonic() < deadline, done
                if done["pending"]:  # the team may propose an alternative after a rejection
                    assert a.post(f"/api/v1/incidents/{incident}/decision", json=reason).status_code == 200
                time.sleep(0.2)
            assert done["status"] == "unresolved"
            assert {x["decision"] for x in done["actions"]} == {"rejected"}
            approvals = sqlite3.connect(tmp_path / "state" / "approvals.sqlite")
            assert {r[0] for r in approvals.execute("SELECT decided_by FROM proposals")} == {"alice"}


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_browser_session_login_and_csrf_on_the_decision_form(tmp_path):
    store = _tokens(tmp_path / "state")
    _, token = store.create("alice", "approver")
    with serve(tmp_path / "state") as srv, srv.client(token) as api, \
            httpx.Client(base_url=srv.url, timeout=30) as browser:
        incident = api.post("/api/v1/incidents", json={"alert": "payment-api 503s", "service": "payment-api"}
                            ).json()["incident_id"]
        read_events(api, incident, until="approval")
        wait_for(api, incident, {"awaiting_approval"})
        login = browser.get("/login")
        bad = browser.post("/login", data={"token": "aiops_wrong", "csrf_token": _csrf(login.text)})
        assert bad.status_code == 401
        no_csrf = browser.post("/login", data={"token": token, "csrf_token": "forged"})
        assert no_csrf.status_code == 403
        good = browser.post("/login", data={"token": token, "csrf_token": _csrf(browser.get("/login").text)},
                            follow_redirects=False)
        assert good.status_code == 303
        page = browser.get(f"/incidents/{incident}")
        assert page.status_code == 200 and "reset_connection_pool" in page.text and "alice" in page.text
        assert "default-src 'self'" in page.headers["content-security-policy"]
        form = {"decision": "approve", "csrf_token": "not-the-token"}
        assert browser.post(f"/incidents/{incident}/decision", data=form).status_code == 403
        as_json = browser.post(f"/api/v1/incidents/{incident}/decision", json={"decision": "approve"})
        assert as_json.status_code == 403, "a session-authenticated API call needs the CSRF header too"
        form["csrf_token"] = _csrf(page.text)
        sent = browser.post(f"/incidents/{incident}/decision", data=form, follow_redirects=False)
        assert sent.status_code == 303 and "done=approve" in sent.headers["location"]
        done = wait_for(api, incident, {"resolved"})
        assert done["verification"] == {"recovered": True}
        audit = (tmp_path / "state" / "audit.jsonl").read_text()
        assert '"approver":"alice"' in audit.replace(" ", "")
