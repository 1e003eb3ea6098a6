"""Several processes at once: one claim wins, a crash after the claim still acts exactly once,
audit appends interleave without breaking the chain, one secret per state folder."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from aiops.safety import ApprovalInFlightError, ApprovalLedger, AuditLog, Redactor, verify

from . import _workers

CTX = multiprocessing.get_context("spawn")


def _run(processes, timeout=60):
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout)
        assert not process.is_alive()


@pytest.mark.parametrize("contenders", [2, 4])
def test_concurrent_claims_from_several_processes_exactly_one_wins(state_dir, contenders):
    ledger = _workers.open_ledger(str(state_dir))
    for round_ in range(2):
        proposal = ledger.propose("INC-1", "restart", "payment-api", tool_call_id=f"call-{round_}")
        token = ledger.approve(proposal.id, approver="sam").token
        start, results = CTX.Event(), CTX.Queue()
        procs = [
            CTX.Process(target=_workers.claim_once, args=(str(state_dir), token, "INC-1", start, results))
            for _ in range(contenders)
        ]
        for process in procs:
            process.start()
        start.set()
        outcomes = sorted(results.get(timeout=60) for _ in procs)
        for process in procs:
            process.join(30)
        assert outcomes == ["in_flight"] * (contenders - 1) + ["ok"]


def test_crash_after_claim_before_result_then_resume_acts_exactly_once(state_dir):
    ledger = _workers.open_ledger(str(state_dir))
    proposal = ledger.propose("INC-1", "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    child = CTX.Process(
        target=_workers.claim_execute_and_crash, args=(str(state_dir), approval.token, "INC-1")
    )
    _run([child])
    assert child.exitcode == 17
    executor = _workers.FileExecutor(state_dir)

    def run_protocol(fresh: ApprovalLedger) -> dict:
        """The caller's protocol from aiops.safety's docstring, in a new process after the crash."""
        recorded = fresh.result_for(approval.id)
        if recorded is not None:
            return recorded
        claimed = fresh.claim(
            approval.token, incident_id="INC-1", action="restart", target="payment-api", resume=True
        )
        result = executor.execute("restart", "payment-api", key=claimed.id)
        fresh.record_result(claimed.id, {"ok": result.ok, "message": result.message})
        return fresh.result_for(claimed.id)

    first = run_protocol(_workers.open_ledger(str(state_dir)))
    second = run_protocol(_workers.open_ledger(str(state_dir)))  # and once more, as if re-run again
    assert first == second == {"ok": True, "message": "restart on payment-api done"}
    assert (state_dir / "actions.log").read_text().splitlines() == [f"restart payment-api {approval.id}"]


def test_without_resume_an_in_flight_approval_is_not_acted_on_again(state_dir):
    ledger = _workers.open_ledger(str(state_dir))
    proposal = ledger.propose("INC-1", "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    child = CTX.Process(
        target=_workers.claim_execute_and_crash, args=(str(state_dir), approval.token, "INC-1")
    )
    _run([child])
    with pytest.raises(ApprovalInFlightError):
        ledger.claim(approval.token, incident_id="INC-1", action="restart", target="payment-api")
    assert [a.id for a in ledger.in_flight("INC-1")] == [approval.id]


def test_concurrent_audit_appends_keep_one_valid_chain(tmp_path):
    path = tmp_path / "audit.jsonl"
    start = CTX.Event()
    procs = [
        CTX.Process(target=_workers.append_many, args=(str(path), worker, 40, start)) for worker in range(4)
    ]
    for process in procs:
        process.start()
    start.set()
    for process in procs:
        process.join(60)
        assert process.exitcode == 0
    result = verify(path)
    assert result.ok, result
    assert result.lines == 160


def test_concurrent_threads_append_safely(tmp_path):
    import threading

    log = AuditLog(tmp_path / "audit.jsonl", Redactor())
    threads = [
        threading.Thread(
            target=lambda n=n: [log.append("proposal", incident_id=str(n), i=i) for i in range(25)]
        )
        for n in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert verify(tmp_path / "audit.jsonl").ok


def test_processes_creating_the_secret_at_once_agree_on_one_key(tmp_path):
    folder = tmp_path / "fresh"
    results = CTX.Queue()
    procs = [CTX.Process(target=_workers.create_secret, args=(str(folder), results)) for _ in range(4)]
    _run(procs)
    keys = {results.get(timeout=10) for _ in procs}
    assert len(keys) == 1
    assert Path(folder / "secret.key").stat().st_mode & 0o777 == 0o600
