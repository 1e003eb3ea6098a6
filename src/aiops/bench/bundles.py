"""`aiops bench --bundles DIR`: every real-incident case as a bundle through the runtime, every action
request rejected (the evidence is a record of the past: nothing may be executed), scored."""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aiops.bench.cases import Case, make_bundle, score_case
from aiops.bench.scoring import got_from_report

APPROVER = "aiops-bench"
REJECTION = "benchmark on recorded evidence: nothing is executed"


def run_bundle(bundle: Path, *, home: Any, team_dir: Path, model: str | None) -> dict[str, Any]:
    """One incident on a bundle folder; returns the report, model calls, status and the proposals."""
    from aiops.backends.bundle import load_bundle
    from aiops.runtime.decisions import Decision
    from aiops.runtime.runner import new_record, start
    from aiops.runtime.session import open_session
    from aiops.runtime.state import open_index

    loaded, found = load_bundle(bundle)
    alert = loaded.alert or "Investigate the collected evidence of " + ", ".join(found.services)
    store = open_index(home)
    record = new_record(alert=alert, source={"kind": "bundle", "dir": str(loaded.root)}, team_dir=str(team_dir),
                        model_override=model)
    proposals: list[dict[str, Any]] = []

    def reject(request: dict[str, Any]) -> Decision:
        proposals.append({"action": request.get("action"), "target": request.get("target")})
        return Decision("reject", APPROVER, reason=REJECTION)

    session = open_session(record, home)
    try:
        outcome = start(session, store, reject, [])
    finally:
        session.close()
    report_path = home.incident_dir(record.id) / "report.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.is_file() else {}
    return {"report": report, "model_calls": record.model_calls, "status": outcome.status, "proposals": proposals}


def run_case(case: Case, *, home: Any, team_dir: Path, model: str | None, work: Path) -> dict[str, Any]:
    """Build, run and score one case; an error is recorded in the row, never raised."""
    started = time.perf_counter()
    error = None
    try:
        result = run_bundle(make_bundle(case, work), home=home, team_dir=team_dir, model=model)
        got = got_from_report(result["report"])
        got["actions"] = result["proposals"]
        calls = result["model_calls"]
    except Exception as exc:
        got = {"root_cause": None, "service": None, "confidence": None, "actions": []}
        calls, error = 0, f"{type(exc).__name__}: {exc}"
        print(f"aiops bench: {case.name}: {error}", file=sys.stderr)
        if os.environ.get("AIOPS_DEBUG"):
            traceback.print_exc()
    row = {"name": case.name, "expected": _expected(case.expected), "got": got, **score_case(case.expected, got),
           "seconds": round(time.perf_counter() - started, 3), "model_calls": calls}
    if error:
        row["error"] = error
    return row


def _expected(expected: dict[str, Any]) -> dict[str, Any]:
    return {"root_cause": expected.get("root_cause"), "service": expected.get("faulty_service"),
            "also_acceptable": expected.get("also_acceptable") or {}}


def run_cases(cases: Sequence[Case], *, home: Any, team_dir: Path, model: str | None, work: Path,
              on_row: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Every case in order; `{"cases": rows, "summary": ...}`."""
    rows = []
    for case in cases:
        row = run_case(case, home=home, team_dir=team_dir, model=model, work=work)
        rows.append(row)
        if on_row:
            on_row(row)
    return {"cases": rows, "summary": summarise(rows)}


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, the same on faulty and healthy cases apart, actions proposed on healthy cases, time."""
    faulty = [r for r in rows if not r["healthy"]]
    healthy = [r for r in rows if r["healthy"]]
    seconds = sorted(r["seconds"] for r in rows)

    def rate(items: Sequence[dict[str, Any]]) -> float:
        return round(sum(1 for r in items if r["rca_correct"]) / len(items), 4) if items else 0.0

    return {
        "cases": len(rows), "rca_accuracy": rate(rows), "faulty_accuracy": rate(faulty),
        "healthy_accuracy": rate(healthy), "proposed_on_healthy": sum(r["proposed_on_healthy"] for r in rows),
        "errors": sum(1 for r in rows if r.get("error")),
        "median_seconds": seconds[len(seconds) // 2] if seconds else 0.0,
        "max_seconds": seconds[-1] if seconds else 0.0,
    }


def row_line(row: dict[str, Any]) -> str:
    """One table line for a case."""
    got, exp = row["got"], row["expected"]
    mark = "ok " if row["rca_correct"] else "MISS"
    return (f"{mark} {row['name'][:46]:46} expected {exp['root_cause']}/{exp['service'] or '-'}  "
            f"got {got.get('root_cause')}/{got.get('service') or '-'} ({got.get('confidence') or '-'})  "
            f"proposed {len(got.get('actions') or [])}  {row['seconds']:.1f}s")
