"""Verifying recovery after an executed action: re-query the failing metrics of the target and
compare them with the pre-incident baseline and the incident peak the diagnosis recorded."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiops.agents.playbook.conversation import Conversation, ToolResult
from aiops.agents.playbook.evidence import metric_view

VERIFY_WINDOW = 15


def _plan(diagnosis: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    verify = diagnosis.get("verify") if isinstance(diagnosis.get("verify"), Mapping) else {}
    metrics = verify.get("metrics") if isinstance(verify.get("metrics"), Mapping) else {}
    plan = {str(k): dict(v) if isinstance(v, Mapping) else {} for k, v in metrics.items()}
    plan.setdefault("error_rate", {})
    return plan


def _after(conv: Conversation, last: ToolResult) -> list[ToolResult]:
    index = next((i for i, c in enumerate(conv.calls) if c.id == last.id), len(conv.calls))
    return conv.calls[index + 1 :]


def verify_calls(conv: Conversation, target: str, diagnosis: Mapping[str, Any], *, after: ToolResult) -> list[dict]:
    """query_metrics calls still needed to verify `target` after the action."""
    done = {(c.args.get("service"), c.args.get("metric")) for c in _after(conv, after) if c.name == "query_metrics"}
    return [
        {"name": "query_metrics", "args": {"service": target, "metric": m, "minutes": VERIFY_WINDOW}}
        for m in _plan(diagnosis)
        if (target, m) not in done
    ]


def recovered(current: float, baseline: float | None, peak: float | None) -> bool:
    """Back near the baseline: within the baseline's own range, and far below the incident peak."""
    if baseline is None:
        return peak is not None and current <= peak * 0.5
    near = current <= max(baseline * 1.5, baseline + abs(baseline) * 0.2 + 1e-9)
    if peak is not None and peak > baseline:
        near = near or current <= baseline + 0.2 * (peak - baseline)
    return near


def verdict(
    conv: Conversation, target: str, diagnosis: Mapping[str, Any], *, after: ToolResult
) -> tuple[bool | None, str]:
    """(recovered?, one line per metric) from the queries made after the action."""
    plan = _plan(diagnosis)
    lines: list[str] = []
    states: list[bool] = []
    for result in _after(conv, after):
        if result.name != "query_metrics" or result.args.get("service") != target or not result.answered:
            continue
        metric = str(result.args.get("metric"))
        view = metric_view(result.data)
        if view is None or view.current is None:
            lines.append(f"{metric}: no data")
            continue
        known = plan.get(metric, {})
        baseline = known.get("baseline", view.baseline)
        peak = known.get("peak")
        ok = recovered(view.current, baseline, peak)
        states.append(ok)
        base = f"{baseline:g}" if isinstance(baseline, int | float) else "n/a"
        lines.append(
            f"{target} {metric} {view.current:g} now vs baseline {base}"
            + (f", peak {peak:g}" if isinstance(peak, int | float) else "")
            + (" (recovered)" if ok else " (still degraded)")
        )
    if not states:
        return None, "; ".join(lines) or "the metrics could not be checked"
    return all(states), "; ".join(lines)
