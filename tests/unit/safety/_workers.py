"""Functions run in child processes by the concurrency tests (module level, so they can be pickled)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import yaml

from aiops.core.types import ActionResult
from aiops.safety import ApprovalError, ApprovalLedger, AuditLog, Policy, PolicyConfig, load_or_create_secret

RUNBOOKS = Path(__file__).parents[3] / "src/aiops/team/default/skills/remediation/runbooks.yaml"
TARGETS = ("payment-api", "inventory-api", "user-api", "postgres-primary")


def open_ledger(state_dir: str) -> ApprovalLedger:
    catalogue = yaml.safe_load(RUNBOOKS.read_text(encoding="utf-8"))["actions"]
    policy = Policy(catalogue, TARGETS, PolicyConfig(senior_approvers=["dana"]))
    folder = Path(state_dir)
    return ApprovalLedger(folder / "approvals.sqlite", secret=load_or_create_secret(folder), policy=policy)


class FileExecutor:
    """An executor that honours its idempotency key, remembering keys in a JSON file; every real
    action appends a line to `actions.log` so tests can count them."""

    def __init__(self, folder: Path) -> None:
        self.keys = folder / "executor-keys.json"
        self.log = folder / "actions.log"

    def supported_actions(self) -> list[str]:
        return ["restart"]

    def execute(
        self, action: str, target: str, *, dry_run: bool = False, key: str | None = None
    ) -> ActionResult:
        done = json.loads(self.keys.read_text()) if self.keys.exists() else {}
        if key in done:
            return ActionResult(action, target, True, done[key])
        with self.log.open("a") as handle:
            handle.write(f"{action} {target} {key}\n")
        message = f"{action} on {target} done"
        done[key] = message
        self.keys.write_text(json.dumps(done))
        return ActionResult(action, target, True, message)


def claim_once(state_dir: str, token: str, incident_id: str, start, results, delay: float = 0.3) -> None:
    """Wait for the start signal, try to claim, report `ok` or the refusal code.

    `delay` holds the claim's transaction open between its read and its write, widening the
    race window so that a claim without proper locking would let two processes through.
    """
    ledger = open_ledger(state_dir)
    check = ledger._check_binding

    def slow_check(*args, **kwargs):
        check(*args, **kwargs)
        time.sleep(delay)

    ledger._check_binding = slow_check  # type: ignore[method-assign]
    start.wait(10)
    try:
        ledger.claim(token, incident_id=incident_id, action="restart", target="payment-api")
        results.put("ok")
    except ApprovalError as exc:
        results.put(exc.code)
    except Exception as exc:
        results.put(type(exc).__name__)


def claim_execute_and_crash(state_dir: str, token: str, incident_id: str) -> None:
    """Claim, act, then die before the result is recorded (a crash in the worst place)."""
    ledger = open_ledger(state_dir)
    approval = ledger.claim(token, incident_id=incident_id, action="restart", target="payment-api")
    FileExecutor(Path(state_dir)).execute("restart", "payment-api", key=approval.id)
    os._exit(17)


def append_many(path: str, worker: int, count: int, start) -> None:
    """Append `count` audit entries after the start signal."""
    log = AuditLog(Path(path))
    start.wait(10)
    for index in range(count):
        log.append("proposal", incident_id=f"INC-{worker}", index=index, note="x" * (index % 50))


def create_secret(state_dir: str, results) -> None:
    """Create (or read) the state folder's secret and report it."""
    results.put(load_or_create_secret(Path(state_dir)).hex())
