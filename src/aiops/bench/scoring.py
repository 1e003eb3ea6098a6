"""Scoring one incident against its scenario's `expected` block, and the suite summary.

The `got` side comes only from the incident's structured report (report.json): root cause,
actions with their decisions and results (from the approval ledger), and the runtime's own
recovery check.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

EXECUTED = ("approved", "edited")


def got_from_report(report: Mapping[str, Any]) -> dict[str, Any]:
    """`{"root_cause", "service", "confidence", "actions": [...], "recovered"}` from report.json."""
    root = report.get("root_cause") or {}
    actions = [{k: a.get(k) for k in ("action", "target", "decision", "result")} for a in report.get("actions") or []]
    verification = report.get("verification") or {}
    return {
        "root_cause": root.get("category"),
        "service": root.get("service"),
        "confidence": root.get("confidence"),
        "actions": actions,
        "recovered": verification.get("recovered"),
    }


def _executed(action: Mapping[str, Any]) -> bool:
    return action.get("decision") in EXECUTED and action.get("result") == "succeeded"


def score(expected: Mapping[str, Any], got: Mapping[str, Any]) -> dict[str, Any]:
    """`rca_correct`, `fix_correct`, `recovered` (None when no fix is expected), and the action counts."""
    cause = expected.get("root_cause")
    actions = list(got.get("actions") or [])
    if cause == "none":
        return {
            "rca_correct": got.get("root_cause") == "none",
            "fix_correct": not actions,
            "recovered": None,
            "false_actions": len(actions),
            "wrong_actions": 0,
        }
    service = expected.get("service")
    target = expected.get("target") or service
    fixes = set(expected.get("fixes") or [])
    right = [a for a in actions if _executed(a) and a.get("action") in fixes and a.get("target") == target]
    wrong = [a for a in actions if _executed(a) and a not in right]
    return {
        "rca_correct": got.get("root_cause") == cause and (service is None or got.get("service") == service),
        "fix_correct": bool(right),
        "recovered": bool(right) and got.get("recovered") is True,
        "false_actions": 0,
        "wrong_actions": len(wrong),
    }


def summary(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Accuracies over all scenarios; recovery over the scenarios that expect a fix."""
    n = len(rows)
    fixable = [r for r in rows if r.get("recovered") is not None]

    def rate(items: Sequence[Mapping[str, Any]], key: str) -> float:
        return round(sum(1 for r in items if r.get(key)) / len(items), 4) if items else 0.0

    seconds = sorted(float(r.get("seconds") or 0) for r in rows)
    return {
        "rca_accuracy": rate(rows, "rca_correct"),
        "fix_accuracy": rate(rows, "fix_correct"),
        "recovered_rate": rate(fixable, "recovered"),
        "false_actions": sum(int(r.get("false_actions") or 0) for r in rows),
        "scenarios": n,
        "wrong_actions": sum(int(r.get("wrong_actions") or 0) for r in rows),
        "errors": sum(1 for r in rows if r.get("error")),
        "median_seconds": round(seconds[n // 2] if n % 2 else (sum(seconds[n // 2 - 1 : n // 2 + 1]) / 2), 3)
        if n
        else 0.0,
        "total_seconds": round(sum(seconds), 3),
    }
