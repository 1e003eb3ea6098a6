"""One store test suite, run on both backends (`state_home` is parametrised: SQLite files in a state
folder, and a fresh PostgreSQL database of the throwaway cluster): the incident index, the approvals
ledger, the audit trail, the idempotency records and the incident memory behave the same."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from aiops.backends.idempotency import KeyStore
from aiops.core.types import ActionResult
from aiops.memory import Label
from aiops.runtime import state
from aiops.runtime.store import IncidentRecord
from aiops.safety import ApprovalLedger, Policy, PolicyConfig, Redactor
from aiops.safety import errors as e
from aiops.safety.secret import load_or_create_secret

RUNBOOKS = Path(__file__).parents[2] / "src/aiops/team/default/skills/remediation/runbooks.yaml"


def _record(incident_id: str, *, created: str, status: str = "running", fingerprint: str | None = None):
    return IncidentRecord(id=incident_id, alert=f"alert of {incident_id}", status=status, created_at=created,
                          updated_at=created, source={"kind": "sandbox", "scenario": "x"}, team_dir="/t",
                          fingerprint=fingerprint)


def _ledger(home, clock=None) -> ApprovalLedger:
    catalogue = yaml.safe_load(RUNBOOKS.read_text(encoding="utf-8"))["actions"]
    policy = Policy(catalogue, ("payment-api", "user-api"), PolicyConfig(senior_approvers=["dana"]))
    where = state.database(home) or home.approvals
    return ApprovalLedger(where, secret=load_or_create_secret(home.root), policy=policy,
                          audit=state.open_audit(home, Redactor()), clock=clock)


def _raw(home, sql: str, params: tuple = ()) -> None:
    """Change the data behind the stores' backs, as someone with access to the files or the database would."""
    db = state.database(home)
    if db is None:
        import sqlite3

        target = home.approvals if "approvals" in sql else home.index
        conn = sqlite3.connect(target)
        with conn:
            conn.execute(sql, params)
        conn.close()
        return
    with db.transaction() as conn:
        conn.execute(sql, params)


# --- the incident index ------------------------------------------------------------------------------
def test_index_saves_finds_pages_and_counts(state_home):
    store = state.open_index(state_home)
    for n in range(5):
        store.save(_record(f"inc-2026-{n}", created=f"2026-01-0{n + 1}T00:00:00+00:00",
                           status="resolved" if n % 2 else "running", fingerprint="fp-a" if n < 3 else "fp-b"))
    record = store.get("inc-2026-3")
    record.status = "awaiting_approval"
    store.save(record)  # an update, not a second row
    assert store.count() == 5
    assert store.count(status="awaiting_approval") == 1
    assert [r.id for r in store.list(limit=2)] == ["inc-2026-4", "inc-2026-3"]
    assert [r.id for r in store.list(limit=2, offset=2)] == ["inc-2026-2", "inc-2026-1"]
    assert [r.id for r in store.list(status="running")] == ["inc-2026-4", "inc-2026-2", "inc-2026-0"]
    assert store.by_fingerprint("fp-a").id == "inc-2026-2"
    assert store.by_fingerprint("fp-none") is None
    assert store.get("2026-4").id == "inc-2026-4"  # a unique part of an id is enough
    assert sorted(store.statuses())[3] == ("inc-2026-3", "awaiting_approval")


def test_index_names_close_matches_for_an_unknown_id(state_home):
    from aiops.core.errors import ConfigError

    store = state.open_index(state_home)
    store.save(_record("inc-a-1", created="2026-01-01T00:00:00+00:00"))
    store.save(_record("inc-a-2", created="2026-01-02T00:00:00+00:00"))
    with pytest.raises(ConfigError, match="did you mean one of: inc-a-1, inc-a-2"):
        store.get("inc-a")


# --- the approvals ledger ----------------------------------------------------------------------------
def test_ledger_binds_claims_once_and_replays_the_result(state_home):
    ledger = _ledger(state_home)
    proposal = ledger.propose("inc-1", "restart", "payment-api", tool_call_id="call-1", reason="hung")
    assert ledger.propose("inc-1", "restart", "payment-api", tool_call_id="call-1").id == proposal.id
    approval = ledger.approve(proposal.id, approver="alice")
    with pytest.raises(e.ApprovalCrossIncidentError):
        ledger.claim(approval.token, incident_id="inc-2", action="restart", target="payment-api")
    with pytest.raises(e.ApprovalMismatchError):
        ledger.claim(approval.token, incident_id="inc-1", action="restart", target="user-api")
    claimed = ledger.claim(approval.token, incident_id="inc-1", action="restart", target="payment-api")
    assert claimed.state == "executing"
    ledger.record_result(approval.id, {"ok": True, "message": "restarted"})
    assert ledger.result_for(approval.id, incident_id="inc-1") == {"message": "restarted", "ok": True}
    with pytest.raises(e.ApprovalReplayedError):
        ledger.claim(approval.token, incident_id="inc-1", action="restart", target="payment-api")
    assert [p.status for p in ledger.proposals("inc-1")] == ["approved"]


def test_ledger_refuses_expired_forged_and_rolled_back_approvals(state_home):
    class Clock:
        now = datetime(2026, 1, 6, 12, 0, tzinfo=UTC)

        def __call__(self):
            return self.now

    clock = Clock()
    ledger = _ledger(state_home, clock)
    first = ledger.approve(ledger.propose("inc-1", "restart", "payment-api", tool_call_id="c1").id, approver="al")
    clock.now += timedelta(hours=2)
    with pytest.raises(e.ApprovalExpiredError):
        ledger.claim(first.token, incident_id="inc-1", action="restart", target="payment-api")
    second = ledger.approve(ledger.propose("inc-1", "scale_up", "payment-api", tool_call_id="c2").id, approver="al")
    with pytest.raises(e.ApprovalTamperedError):
        ledger.claim(f"{second.id}.{'0' * 64}", incident_id="inc-1", action="scale_up", target="payment-api")
    ledger.claim(second.token, incident_id="inc-1", action="scale_up", target="payment-api")
    ledger.record_result(second.id, {"ok": True})
    # put the used approval back to "approved" without the key: its seal no longer matches
    _raw(state_home, "UPDATE approvals SET state='approved', result=NULL WHERE id=?", (second.id,))
    with pytest.raises(e.ApprovalTamperedError, match="seal"):
        ledger.claim(second.token, incident_id="inc-1", action="scale_up", target="payment-api")


def test_ledger_high_risk_needs_a_senior(state_home):
    ledger = _ledger(state_home)
    proposal = ledger.propose("inc-1", "failover_database", "payment-api", tool_call_id="c1")
    assert proposal.needs_senior and proposal.risk == "high"
    with pytest.raises(e.ApprovalNotSeniorError):
        ledger.approve(proposal.id, approver="alice")
    approval = ledger.approve(proposal.id, approver="dana")
    assert approval.senior
    assert ledger.claim(approval.token, incident_id="inc-1", action="failover_database",
                        target="payment-api").state == "executing"


def test_two_ledgers_racing_for_one_approval_act_once(state_home):
    """Two ledger instances (two workers) claim the same approval at once: exactly one wins, the other is
    told the approval is being executed; after the result, nobody can claim it again."""
    first, second = _ledger(state_home), _ledger(state_home)
    approval = first.approve(first.propose("inc-1", "restart", "payment-api", tool_call_id="c1").id, approver="al")
    barrier, outcomes = threading.Barrier(2), []

    def claim(ledger):
        barrier.wait()
        try:
            ledger.claim(approval.token, incident_id="inc-1", action="restart", target="payment-api")
            outcomes.append("won")
        except (e.ApprovalInFlightError, e.ApprovalReplayedError) as exc:
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=claim, args=(ledger,)) for ledger in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ApprovalInFlightError", "won"]
    winner = first if first._leases._held else second
    winner.record_result(approval.id, {"ok": True})
    with pytest.raises(e.ApprovalReplayedError):
        (second if winner is first else first).claim(approval.token, incident_id="inc-1", action="restart",
                                                     target="payment-api")


def test_a_resume_gets_an_executing_approval_back_only_when_its_claimant_is_gone(state_home):
    """A worker resuming an incident (`resume=True`) must not take over an approval a live worker is
    executing; once that worker is gone (its lease dropped, as when its process or connection dies),
    the approval comes back marked `resumed`, for the executor's idempotency key to settle."""
    first, second = _ledger(state_home), _ledger(state_home)
    approval = first.approve(first.propose("inc-1", "restart", "payment-api", tool_call_id="c1").id, approver="al")
    first.claim(approval.token, incident_id="inc-1", action="restart", target="payment-api")
    with pytest.raises(e.ApprovalInFlightError):
        second.claim(approval.token, incident_id="inc-1", action="restart", target="payment-api", resume=True)
    first.close()
    again = second.claim(approval.token, incident_id="inc-1", action="restart", target="payment-api", resume=True)
    assert again.resumed and again.state == "executing"


def test_one_decision_wins_when_two_are_recorded_at_once(state_home):
    """Two nodes decide the same proposal at once (one approves, one rejects): one decision is recorded,
    the other is refused with the decision on record."""
    first, second = _ledger(state_home), _ledger(state_home)
    proposal = first.propose("inc-1", "restart", "payment-api", tool_call_id="c1")
    barrier, outcomes = threading.Barrier(2), {}

    def approve():
        barrier.wait()
        try:
            outcomes["approve"] = first.approve(proposal.id, approver="alice").state
        except e.ApprovalStateError as exc:
            outcomes["approve"] = str(exc)

    def reject():
        barrier.wait()
        try:
            outcomes["reject"] = second.reject(proposal.id, approver="bob", reason="freeze").status
        except e.ApprovalStateError as exc:
            outcomes["reject"] = str(exc)

    threads = [threading.Thread(target=approve), threading.Thread(target=reject)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    won = [k for k, v in outcomes.items() if v in ("approved", "rejected")]
    assert len(won) == 1, outcomes
    lost = "reject" if won == ["approve"] else "approve"
    assert "already" in outcomes[lost] or "rejected by bob" in outcomes[lost]
    final = first.get_proposal(proposal.id).status
    assert final == ("approved" if won == ["approve"] else "rejected")


# --- the audit trail ---------------------------------------------------------------------------------
def _verify(home):
    audit = state.open_audit(home)
    if state.database(home) is None:
        from aiops.safety import verify

        return verify(home.audit)
    return audit.verify()


def test_audit_chain_verifies_and_catches_an_edit_and_a_cut(state_home):
    audit = state.open_audit(state_home, Redactor())
    for n in range(4):
        audit.append("proposal", incident_id="inc-1", proposal_id=f"p{n}", action="restart")
    assert _verify(state_home).ok
    db = state.database(state_home)
    if db is None:
        lines = state_home.audit.read_text().splitlines()
        state_home.audit.write_text("\n".join([*lines[:1], lines[1].replace("p1", "pX"), *lines[2:]]) + "\n")
    else:
        with db.transaction() as conn:
            conn.execute("UPDATE audit_entries SET line = replace(line, '\"p1\"', '\"pX\"') WHERE seq = 2")
    result = _verify(state_home)
    assert not result.ok and "hash mismatch at seq 2" in result.reason


def test_audit_cut_at_the_end_is_detected_and_recorded(state_home):
    audit = state.open_audit(state_home, Redactor())
    for n in range(3):
        audit.append("decision", incident_id="inc-1", proposal_id=f"p{n}")
    db = state.database(state_home)
    if db is None:
        lines = state_home.audit.read_text().splitlines()
        state_home.audit.write_text("\n".join(lines[:2]) + "\n")
    else:
        with db.transaction() as conn:
            conn.execute("DELETE FROM audit_entries WHERE seq = 3")
    assert "removed from the end" in (audit.tail_problem() or "")
    audit.append("decision", incident_id="inc-1", proposal_id="after")
    result = _verify(state_home)
    assert not result.ok and "cut" in result.reason


def test_concurrent_appends_keep_one_chain(state_home):
    audits = [state.open_audit(state_home, Redactor()) for _ in range(4)]

    def write(audit, n):
        for i in range(10):
            audit.append("proposal", incident_id=f"inc-{n}", proposal_id=f"{n}-{i}")

    threads = [threading.Thread(target=write, args=(a, n)) for n, a in enumerate(audits)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = _verify(state_home)
    assert result.ok and result.lines == 40


# --- idempotency records -----------------------------------------------------------------------------
def test_idempotency_key_acts_once_across_instances(state_home):
    db = state.database(state_home)
    stores = [KeyStore(db if db is not None else state_home.root / "keys.sqlite") for _ in range(3)]
    barrier, free = threading.Barrier(3), []

    def claim(store):
        barrier.wait()
        if store.claim("apv_1", "restart", "payment-api") is None:
            free.append(store)

    threads = [threading.Thread(target=claim, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(free) == 1
    assert "not acting twice" in stores[0].claim("apv_1", "restart", "payment-api").message
    free[0].record("apv_1", ActionResult("restart", "payment-api", ok=True, message="done"))
    free[0].record("apv_1", ActionResult("restart", "payment-api", ok=False, message="a second result is ignored"))
    replay = stores[1].claim("apv_1", "restart", "payment-api")
    assert replay.ok and replay.message == "done" and replay.details["replayed"] is True
    assert "already used for restart" in stores[2].claim("apv_1", "scale_up", "payment-api").message
    assert stores[2].has("apv_1") and not stores[2].has("apv_2")


# --- incident memory ---------------------------------------------------------------------------------
def test_memory_labels_and_recalls_the_most_similar(state_home):
    memory = state.open_memory(state_home)

    def label(incident_id, cause, service, terms, at):
        memory.label(Label(incident_id=incident_id, root_cause=cause, service=service, by="sre", at=at),
                     services=[service], terms=terms)

    label("inc-pool", "connection_pool_exhaustion", "payment-api",
          ["sig_pool_exhausted", "payment_api__sig_pool_exhausted", "shape_connections_rising", "word_payment"],
          "2026-01-01T00:00:00+00:00")
    label("inc-oom", "oom", "user-api", ["sig_oom_killed", "user_api__sig_oom_killed", "shape_memory_rising"],
          "2026-01-02T00:00:00+00:00")
    label("inc-disk", "disk_full", "orders-db", ["sig_disk_full", "shape_disk_rising"], "2026-01-03T00:00:00+00:00")
    found = memory.recall(["sig_pool_exhausted", "shape_connections_rising", "word_checkout"], services=["payment-api"])
    assert found[0].incident_id == "inc-pool"
    assert found[0].shared == ["payment_api", "shape_connections_rising", "sig_pool_exhausted"]
    assert all(r.incident_id != "inc-pool" for r in memory.recall(["sig_pool_exhausted"], exclude="inc-pool"))
    assert memory.recall(["nothing_like_it"]) == []
    label("inc-pool", "slow_database", "payment-api", ["sig_slow_query"], "2026-01-04T00:00:00+00:00")
    assert memory.get("inc-pool").root_cause == "slow_database"
    assert [x.incident_id for x in memory.labels()] == ["inc-oom", "inc-disk", "inc-pool"]
    assert [r.incident_id for r in memory.recall(["sig_slow_query"])] == ["inc-pool"]
