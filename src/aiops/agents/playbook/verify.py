"""Verifying recovery after an executed action: re-query the failing metrics of the target (and
the error rate of the alerted service, when it is another one) and compare them with the
pre-incident baseline and the incident peak the diagnosis recorded. The health metrics decide
whether the service recovered; a cause metric still above baseline is reported as such (the rule is
`aiops.analysis.recovery`, the one the runtime's own check uses)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiops.agents.playbook.conversation import Conversation, ToolResult
from aiops.agents.playbook.evidence import metric_view
from aiops.analysis.recovery import back_to_baseline, is_health_metric, state_word
from aiops.core.units import with_unit

VERIFY_WINDOW = 15
Plan = dict[str, dict[str, dict[str, Any]]]


def _metrics(raw: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(raw, Mapping):
        return {}
    return {str(k): dict(v) if isinstance(v, Mapping) else {} for k, v in raw.items()}


def plan_for(target: str, diagnosis: Mapping[str, Any]) -> Plan:
    """service -> metric -> {baseline, peak}: the target's failing metrics, plus the other services
    the diagnosis asks to check (the alerted one)."""
    verify = diagnosis.get("verify") if isinstance(diagnosis.get("verify"), Mapping) else {}
    own = _metrics(verify.get("metrics"))
    own.setdefault("error_rate", {})
    plan: Plan = {target: own if verify.get("service") in (None, target) else {m: {} for m in own}}
    for service, metrics in (verify.get("also") or {}).items():
        if str(service) != target:
            plan[str(service)] = _metrics(metrics) or {"error_rate": {}}
    return plan


def _after(conv: Conversation, last: ToolResult) -> list[ToolResult]:
    index = next((i for i, c in enumerate(conv.calls) if c.id == last.id), len(conv.calls))
    return conv.calls[index + 1 :]


def verify_calls(conv: Conversation, target: str, diagnosis: Mapping[str, Any], *, after: ToolResult) -> list[dict]:
    """query_metrics calls still needed to verify recovery after the action."""
    done = {(c.args.get("service"), c.args.get("metric")) for c in _after(conv, after) if c.name == "query_metrics"}
    return [
        {"name": "query_metrics", "args": {"service": service, "metric": metric, "minutes": VERIFY_WINDOW}}
        for service, metrics in plan_for(target, diagnosis).items()
        for metric in metrics
        if (service, metric) not in done
    ]


def verdict(
    conv: Conversation, target: str, diagnosis: Mapping[str, Any], *, after: ToolResult
) -> tuple[bool | None, str]:
    """(recovered?, one line per metric) from the queries made after the action."""
    plan = plan_for(target, diagnosis)
    lines: list[str] = []
    states: list[bool] = []
    health: list[bool] = []
    for result in _after(conv, after):
        service = str(result.args.get("service"))
        if result.name != "query_metrics" or service not in plan or not result.answered:
            continue
        metric = str(result.args.get("metric"))
        view = metric_view(result.data)
        if view is None or view.current is None:
            lines.append(f"{service} {metric}: no data")
            continue
        known = plan[service].get(metric, {})
        baseline, peak = known.get("baseline", view.baseline), known.get("peak")
        ok = back_to_baseline(metric, baseline, view.current, peak)
        states.append(ok)
        if is_health_metric(metric):
            health.append(ok)
        base = with_unit(baseline, view.unit, metric) if isinstance(baseline, int | float) else "n/a"
        top = f", peak {with_unit(peak, view.unit, metric)}" if isinstance(peak, int | float) else ""
        lines.append(
            f"{service} {metric} {with_unit(view.current, view.unit, metric)} now vs baseline {base}{top} "
            f"({state_word(metric, ok)})"
        )
    if not states:
        return None, "; ".join(lines) or "the metrics could not be checked"
    return all(health or states), "; ".join(lines)
