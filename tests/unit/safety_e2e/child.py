"""Child process for the crash and race tests: resume one incident, optionally dying at a chosen point.

    python -m tests.unit.safety_e2e.child '{"home": ..., "incident": ..., "resume": {...}, ...}'

Options: `resume` (interrupt id -> decision value; empty: continue the thread as it stands),
`crash` ("claim": die right after the ledger claim; "executed": die after the executor acted,
before its result is recorded; "recorded": die right after the result is recorded, before the
graph saves the tool's answer), `slow` (seconds each sandbox action takes), `applied` (a file
that gets one line per action the sandbox applies, across processes), `ready` / `go` (files for
a start barrier), `decide` ("approve" or "pause" for further requests), `mark_running` (save the
incident as running first, as `aiops incidents resume` does). Prints the outcome as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def _install_hooks(opts: dict[str, Any]) -> None:
    from aiops.safety.ledger import ApprovalLedger
    from aiops.sandbox.executor import SandboxExecutor

    if opts.get("applied"):
        record, path = SandboxExecutor._record, Path(opts["applied"])

        def counted(self: SandboxExecutor, applied: Any) -> None:
            if applied.ok:
                with path.open("a", encoding="utf-8") as handle:
                    handle.write(f"{os.getpid()} {applied.action} {applied.target} {applied.key}\n")
            record(self, applied)

        SandboxExecutor._record = counted  # type: ignore[method-assign]
    if opts.get("slow"):
        describe, seconds = SandboxExecutor._describe, float(opts["slow"])

        def slow(self: SandboxExecutor, *args: Any, **kwargs: Any) -> Any:
            time.sleep(seconds)
            return describe(self, *args, **kwargs)

        SandboxExecutor._describe = slow  # type: ignore[method-assign]
    if opts.get("crash") == "claim":
        claim = ApprovalLedger.claim

        def claim_then_die(self: ApprovalLedger, *args: Any, **kwargs: Any) -> Any:
            claim(self, *args, **kwargs)
            os._exit(1)

        ApprovalLedger.claim = claim_then_die  # type: ignore[method-assign]
    if opts.get("crash") == "executed":

        def die_before_result(self: ApprovalLedger, *args: Any, **kwargs: Any) -> Any:
            os._exit(1)

        ApprovalLedger.record_result = die_before_result  # type: ignore[method-assign]
    if opts.get("crash") == "recorded":
        record_result = ApprovalLedger.record_result

        def die_after_result(self: ApprovalLedger, *args: Any, **kwargs: Any) -> Any:
            record_result(self, *args, **kwargs)
            os._exit(1)

        ApprovalLedger.record_result = die_after_result  # type: ignore[method-assign]


def _barrier(opts: dict[str, Any]) -> None:
    """Say `ready`, then wait for the `go` file (so two children start their race together)."""
    if opts.get("ready"):
        Path(opts["ready"]).touch()
        deadline = time.monotonic() + 60
        while not Path(opts["go"]).exists() and time.monotonic() < deadline:
            time.sleep(0.01)


def main(opts: dict[str, Any]) -> dict[str, Any]:
    """Open the incident in this process and drive it; return the outcome."""
    os.environ["AIOPS_HOME"] = opts["home"]
    _install_hooks(opts)
    from langgraph.types import Command

    from aiops.runtime.decisions import Decision
    from aiops.runtime.home import StateHome
    from aiops.runtime.runner import drive
    from aiops.runtime.session import open_session
    from aiops.runtime.store import IncidentStore
    from tests.unit.safety_e2e.harness import compromised_team

    home = StateHome.resolve(opts["home"])
    if opts.get("argv"):  # the real CLI, with the hooks above installed
        from aiops.cli.main import main as cli

        _barrier(opts)
        return {"exit_code": cli(opts["argv"])}
    store = IncidentStore(home.index)
    record = store.get(opts["incident"])
    if opts.get("mark_running"):
        record.status = "running"
        store.save(record)
    session = open_session(record, home, models=compromised_team(obey=False))
    _barrier(opts)
    payload = Command(resume=opts["resume"]) if opts.get("resume") else None
    decide = (lambda r: Decision("approve", "ann")) if opts.get("decide") == "approve" else (lambda r: None)
    try:
        outcome = drive(session, store, payload, decide, [])
    finally:
        session.close()
    report = outcome.report
    return {"status": outcome.status, "exit_code": outcome.exit_code,
            "actions": [a.model_dump() for a in report.actions] if report else []}


if __name__ == "__main__":
    options = json.loads(sys.argv[1])
    outcome = main(options)
    if options.get("argv"):
        sys.exit(outcome["exit_code"])
    print(json.dumps(outcome))
