"""Running scenarios in-process through the runtime, approvals granted, and scoring each one."""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aiops.bench.scenarios import ScenarioFile
from aiops.bench.scoring import got_from_report, score, summary

APPROVER = "aiops-bench"


def run_incident(scenario: Path, *, home: Any, team_dir: Path, model: str | None) -> dict[str, Any]:
    """One incident from the scenario's alert to its report, approving every request.

    Returns `{"report": report.json as a dict, "model_calls": n, "status": ...}`.
    """
    from aiops.runtime.decisions import Decision
    from aiops.runtime.runner import new_record, start
    from aiops.runtime.session import open_session
    from aiops.runtime.state import open_index
    from aiops.sandbox import load_scenario

    loaded = load_scenario(str(scenario))
    store = open_index(home)
    record = new_record(alert=loaded.alert, source={"kind": "sandbox", "scenario": str(scenario.resolve())},
                        team_dir=str(team_dir), model_override=model)
    session = open_session(record, home)
    try:
        outcome = start(session, store, lambda _request: Decision("approve", APPROVER), [])
    finally:
        session.close()
    report_path = home.incident_dir(record.id) / "report.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.is_file() else {}
    return {"report": report, "model_calls": record.model_calls, "status": outcome.status}


def run_one(scenario: ScenarioFile, *, home: Any, team_dir: Path, model: str | None) -> dict[str, Any]:
    """Run and score one scenario; an error is recorded in the row, never raised."""
    started = time.perf_counter()
    try:
        result = run_incident(scenario.path, home=home, team_dir=team_dir, model=model)
        got = got_from_report(result["report"])
        calls, error = result["model_calls"], None
    except Exception as exc:
        got = {"root_cause": None, "service": None, "confidence": None, "actions": [], "recovered": None}
        calls, error = 0, f"{type(exc).__name__}: {exc}"
        print(f"aiops bench: {scenario.name}: {error}", file=sys.stderr)
        if os.environ.get("AIOPS_DEBUG"):
            traceback.print_exc()
    seconds = round(time.perf_counter() - started, 3)
    row = {
        "name": scenario.name,
        "expected": scenario.expected,
        "got": got,
        **score(scenario.expected, got),
        "seconds": seconds,
        "model_calls": calls,
    }
    if error:
        row["error"] = error
    return row


def _worker(args: tuple[ScenarioFile, str, str, str | None]) -> dict[str, Any]:
    scenario, home_dir, team_dir, model = args
    from aiops.runtime.home import StateHome

    return run_one(scenario, home=StateHome.resolve(home_dir, local=True), team_dir=Path(team_dir), model=model)


def run_suite(
    scenarios: Sequence[ScenarioFile],
    *,
    home: Any,
    team_dir: Path,
    model: str | None,
    on_row: Callable[[dict[str, Any]], None] | None = None,
    jobs: int = 1,
) -> dict[str, Any]:
    """Every scenario (in order, or `jobs` at a time in worker processes, each scenario in its own
    sub-folder of the state folder); returns `{"scenarios": rows, "summary": ...}`."""
    rows: list[dict[str, Any] | None] = [None] * len(scenarios)
    if jobs <= 1:
        for index, scenario in enumerate(scenarios):
            rows[index] = run_one(scenario, home=home, team_dir=team_dir, model=model)
            if on_row:
                on_row(rows[index])
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        work = [(s, str(Path(home.root) / f"scenario-{i:03d}"), str(team_dir), model) for i, s in enumerate(scenarios)]
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
            futures = {pool.submit(_worker, item): i for i, item in enumerate(work)}
            for future in as_completed(futures):
                rows[futures[future]] = future.result()
                if on_row:
                    on_row(future.result())
    done = [r for r in rows if r is not None]
    return {"scenarios": done, "summary": summary(done)}
