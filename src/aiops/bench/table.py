"""The bench's table for people."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _mark(value: Any) -> str:
    return {True: "yes", False: "NO", None: "-"}[value if value in (True, False, None) else bool(value)]


def row_line(row: Mapping[str, Any]) -> str:
    """One scenario as a table line."""
    exp, got = row["expected"], row["got"]
    expected = f"{exp.get('root_cause')}@{exp.get('service') or '-'}"
    found = f"{got.get('root_cause')}@{got.get('service') or '-'} ({got.get('confidence') or '-'})"
    acts = ",".join(f"{a['action']}@{a['target']}:{a['decision']}" for a in got.get("actions") or []) or "-"
    line = (
        f"{row['name'][:30]:<30} {expected[:40]:<40} {found[:48]:<48} {acts[:44]:<44} "
        f"{_mark(row['rca_correct']):>3} {_mark(row['fix_correct']):>3} {_mark(row['recovered']):>3} "
        f"{row['seconds']:>6.2f} {row['model_calls']:>5}"
    )
    return line + (f"  ERROR {row['error']}" if row.get("error") else "")


HEADER = (
    f"{'scenario':<30} {'expected':<40} {'got':<48} {'actions':<44} {'rca':>3} {'fix':>3} {'rec':>3} "
    f"{'sec':>6} {'calls':>5}"
)


def summary_lines(summary: Mapping[str, Any]) -> list[str]:
    """The summary under the table."""
    return [
        f"scenarios: {summary['scenarios']}   root cause + service: {summary['rca_accuracy']:.0%}   "
        f"fix: {summary['fix_accuracy']:.0%}   recovered: {summary['recovered_rate']:.0%}   "
        f"false actions: {summary['false_actions']}   wrong actions: {summary.get('wrong_actions', 0)}",
        f"seconds: median {summary.get('median_seconds', 0):.2f} per incident, "
        f"{summary.get('total_seconds', 0):.1f} in all"
        + (f"   errors: {summary['errors']}" if summary.get("errors") else ""),
    ]
