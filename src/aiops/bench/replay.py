"""`aiops bench --incidents`: replay every labelled incident's recorded evidence through the current
team (or model), score it against the confirmed outcome, and say how well stated confidence matches
observed accuracy.

The result (JSON):

    {"incidents": [{"incident_id", "label": {"root_cause", "service"}, "got": {"root_cause", "service",
                    "confidence"}, "correct": bool, "abstained": bool, "seconds": float}],
     "summary": {"incidents", "accuracy", "abstentions", "answered_accuracy", "errors"},
     "calibration": [{"confidence", "n", "correct", "accuracy"}]}

An abstention is `none`, `other` or `unknown` given for a confirmed real failure: counted apart from
wrong answers (it sends a person to look, it does not send them the wrong way).
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aiops.bench.bundles import run_bundle
from aiops.bench.scoring import got_from_report

ABSTAIN = ("none", "other", "unknown")
LEVELS = ("high", "medium", "low")


def score(label: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    """`correct` (root cause and, for a fault, the service) and `abstained`."""
    cause = label.get("root_cause")
    right = got.get("root_cause") == cause and (cause == "none" or got.get("service") == label.get("service"))
    abstained = cause != "none" and got.get("root_cause") in ABSTAIN and not right
    return {"correct": bool(right), "abstained": bool(abstained)}


def calibration(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per stated confidence: how many answers, how many right, the observed accuracy."""
    out = []
    for level in LEVELS:
        chosen = [r for r in rows if (r.get("got") or {}).get("confidence") == level]
        right = sum(1 for r in chosen if r.get("correct"))
        out.append({"confidence": level, "n": len(chosen), "correct": right,
                    "accuracy": round(right / len(chosen), 4) if chosen else None})
    return out


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy over all incidents; abstentions apart; accuracy over the answers that were not."""
    answered = [r for r in rows if not r.get("abstained")]
    n = len(rows)
    return {
        "incidents": n,
        "accuracy": round(sum(1 for r in rows if r.get("correct")) / n, 4) if n else 0.0,
        "abstentions": sum(1 for r in rows if r.get("abstained")),
        "answered_accuracy": round(sum(1 for r in answered if r.get("correct")) / len(answered), 4)
        if answered else 0.0,
        "errors": sum(1 for r in rows if r.get("error")),
    }


def replay_all(home: Any, *, team_dir: Path, model: str | None, work: Any,
               on_row: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Every labelled incident of `home`, replayed in the separate state folder `work` (a StateHome)."""
    from aiops.runtime.labels import bundle_of
    from aiops.runtime.state import open_memory

    rows = []
    for label in open_memory(home).labels():
        started = time.perf_counter()
        row: dict[str, Any] = {"incident_id": label.incident_id,
                               "label": {"root_cause": label.root_cause, "service": label.service}}
        try:
            result = run_bundle(bundle_of(home, label.incident_id), home=work, team_dir=team_dir, model=model)
            got = got_from_report(result["report"])
            row["got"] = {k: got.get(k) for k in ("root_cause", "service", "confidence")}
            row.update(score(row["label"], row["got"]))
        except Exception as exc:
            row.update(got={}, correct=False, abstained=False, error=f"{type(exc).__name__}: {exc}")
            print(f"aiops bench: {label.incident_id}: {row['error']}", file=sys.stderr)
            if "AIOPS_DEBUG" in os.environ:
                traceback.print_exc()
        row["seconds"] = round(time.perf_counter() - started, 3)
        rows.append(row)
        if on_row:
            on_row(row)
    return {"incidents": rows, "summary": summarise(rows), "calibration": calibration(rows)}


def compare(now: dict[str, Any], before_path: Path) -> list[str]:
    """Lines saying what changed since an earlier result file: the figures, then each incident that
    became right or wrong."""
    try:
        before = json.loads(before_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        from aiops.core.errors import ConfigError

        raise ConfigError(f"cannot read the earlier result: {exc}", file=str(before_path), path="--compare") from None
    lines = []
    for key in ("accuracy", "answered_accuracy", "abstentions"):
        old, new = (before.get("summary") or {}).get(key), now["summary"].get(key)
        lines.append(f"{key}: {old} -> {new}")
    was = {r.get("incident_id"): r.get("correct") for r in before.get("incidents") or []}
    for row in now["incidents"]:
        old = was.get(row["incident_id"])
        if old is not None and old != row.get("correct"):
            lines.append(f"{row['incident_id']}: {'now right' if row.get('correct') else 'now WRONG'} "
                         f"({(row.get('got') or {}).get('root_cause')} on {(row.get('got') or {}).get('service')})")
    return lines
