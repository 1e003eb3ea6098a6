"""Names and one-line summaries of the agent tools a team file may list. No LangChain import here:
the team loader validates tool names against this table; `aiops.tools.registry` builds the tools."""

from __future__ import annotations

TOOL_SUMMARIES: dict[str, str] = {
    "fetch_logs": "digest of a service's recent logs: templates, bursts, error sequences, known signatures",
    "query_metrics": "one metric of a service vs its baseline: change point, trend, saturation",
    "recent_changes": "deployments, config changes, scaling and restarts in a recent window",
    "list_services": "the services with kind, replicas, limits, pool sizes and dependencies",
    "service_state": "orchestrator state of a service: containers, restarts, exit codes, rollouts, scheduling, nodes",
    "incident_timeline": "merged timeline of anomalies across services, change events and metrics",
    "search_past_incidents": "confirmed past incidents similar to this evidence: their cause and the fixes that worked",
    "execute_remediation": "run a runbook action on a service; always pauses for a human decision",
}
"""Every tool name a team file may list, with what it does."""

READ_ONLY_TOOLS: frozenset[str] = frozenset(TOOL_SUMMARIES) - {"execute_remediation"}
