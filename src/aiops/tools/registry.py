"""Builds the LangChain tools of one incident from the tool names a team file lists.

Every tool goes through the same wrapper: a timeout for backend calls, errors turned into one
short line the model can act on (never a stack trace), the output delimited as untrusted data,
and the structured artifact recorded as evidence for the report.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from langchain.tools import ToolRuntime
from langchain_core.tools import BaseTool, StructuredTool
from langgraph.errors import GraphBubbleUp
from pydantic import BaseModel, ConfigDict, Field

from aiops.core.errors import BackendError
from aiops.core.report import ReportDraft
from aiops.tools import observe, remediation
from aiops.tools.context import ToolContext
from aiops.tools.names import TOOL_SUMMARIES

log = logging.getLogger(__name__)
REPORT_TOOL = "submit_report"


def _agent(runtime: ToolRuntime | None) -> str | None:
    config = getattr(runtime, "config", None) or {}
    return (config.get("metadata") or {}).get("lc_agent_name")


def _with_timeout(fn: Callable[[], tuple[str, dict[str, Any]]], seconds: float) -> tuple[str, dict[str, Any]]:
    ctx = contextvars.copy_context()
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(ctx.run, fn).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _run(ctx: ToolContext, name: str, args: dict[str, Any], runtime: ToolRuntime | None,
         fn: Callable[[], tuple[str, dict[str, Any]]], *, timeout: bool = True) -> tuple[str, dict[str, Any]]:
    from aiops.safety import wrap_untrusted

    try:
        text, artifact = _with_timeout(fn, ctx.tool_timeout_s) if timeout else fn()
    except GraphBubbleUp:
        raise
    except FutureTimeout:
        text = f"error: {name} timed out after {ctx.tool_timeout_s:.0f} s; try a shorter window or another source"
        artifact = {"error": "timeout"}
    except BackendError as exc:
        text, artifact = f"error: {exc}", {"error": str(exc)}
    except Exception as exc:
        log.exception("tool %s failed", name)
        text = f"error: {name} failed internally ({type(exc).__name__}); continue with the other tools"
        artifact = {"error": type(exc).__name__}
    ctx.evidence.record(name, args, artifact, agent=_agent(runtime))
    return wrap_untrusted(name, text), artifact


class _Args(BaseModel):
    """Base of every tool's arguments: `runtime` is injected by LangGraph (tool call id, agent) and
    never shown to the model."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    runtime: ToolRuntime


class _FetchLogs(_Args):
    service: str = Field(description="service name, as listed by list_services")
    minutes: int = Field(default=30, description="how far back to look, in minutes (1-1440)")


class _QueryMetrics(_Args):
    service: str = Field(description="service name, as listed by list_services")
    metric: str = Field(description="metric name: cpu, memory, connections, error_rate, latency_p99, ...")
    minutes: int = Field(default=60, description="how far back to look, in minutes (1-1440)")


class _RecentChanges(_Args):
    minutes: int = Field(default=120, description="how far back to look, in minutes")
    service: str | None = Field(default=None, description="only this service (default: all)")


class _ServiceState(_Args):
    service: str = Field(description="service name, as listed by list_services")


class _Recall(_Args):
    service: str | None = Field(default=None, description="the service to weigh most (default: the evidence decides)")


class _Timeline(_Args):
    minutes: int = Field(default=60, description="how far back to look, in minutes")


class _Execute(_Args):
    action: str = Field(description="runbook action from the remediation catalogue, e.g. restart, scale_up")
    target: str = Field(description="the service to act on")
    reason: str = Field(default="", description="why this action, in one sentence (shown to the approver)")


class _Empty(_Args):
    """No arguments besides the injected runtime."""


def build_tools(ctx: ToolContext, names: list[str] | None = None) -> dict[str, BaseTool]:
    """The incident's tools by name (all registered tools when `names` is None)."""

    def fetch_logs(service: str, minutes: int = 30, *, runtime: ToolRuntime):
        return _run(ctx, "fetch_logs", {"service": service, "minutes": minutes}, runtime,
                    lambda: observe.fetch_logs(ctx, service, minutes))

    def query_metrics(service: str, metric: str, minutes: int = 60, *, runtime: ToolRuntime):
        return _run(ctx, "query_metrics", {"service": service, "metric": metric, "minutes": minutes}, runtime,
                    lambda: observe.query_metrics(ctx, service, metric, minutes))

    def recent_changes(minutes: int = 120, service: str | None = None, *,
                       runtime: ToolRuntime):
        return _run(ctx, "recent_changes", {"minutes": minutes, "service": service}, runtime,
                    lambda: observe.recent_changes(ctx, minutes, service))

    def list_services(runtime: ToolRuntime):
        return _run(ctx, "list_services", {}, runtime, lambda: observe.list_services(ctx))

    def service_state(service: str, *, runtime: ToolRuntime):
        return _run(ctx, "service_state", {"service": service}, runtime, lambda: observe.service_state(ctx, service))

    def search_past_incidents(service: str | None = None, *, runtime: ToolRuntime):
        from aiops.tools.recall import search_past_incidents as recall

        return _run(ctx, "search_past_incidents", {"service": service}, runtime, lambda: recall(ctx, service))

    def incident_timeline(minutes: int = 60, *, runtime: ToolRuntime):
        return _run(ctx, "incident_timeline", {"minutes": minutes}, runtime,
                    lambda: observe.incident_timeline(ctx, minutes))

    def execute_remediation(action: str, target: str, reason: str = "", *, runtime: ToolRuntime):
        call_id = runtime.tool_call_id or "direct"
        return _run(ctx, "execute_remediation", {"action": action, "target": target, "reason": reason}, runtime,
                    lambda: remediation.execute_remediation(ctx, action, target, reason, tool_call_id=call_id,
                                                            agent=_agent(runtime)), timeout=False)

    functions: dict[str, tuple[Callable[..., Any], type[BaseModel]]] = {
        "fetch_logs": (fetch_logs, _FetchLogs),
        "query_metrics": (query_metrics, _QueryMetrics),
        "recent_changes": (recent_changes, _RecentChanges),
        "list_services": (list_services, _Empty),
        "service_state": (service_state, _ServiceState),
        "search_past_incidents": (search_past_incidents, _Recall),
        "incident_timeline": (incident_timeline, _Timeline),
        "execute_remediation": (execute_remediation, _Execute),
    }
    missing = set(TOOL_SUMMARIES) ^ set(functions)
    if missing:  # the name table and the implementations must agree
        raise RuntimeError(f"tool table out of sync: {sorted(missing)}")
    wanted = list(functions) if names is None else names
    return {name: _make(name, *functions[name]) for name in wanted}


def _make(name: str, func: Callable[..., Any], schema: type[BaseModel]) -> BaseTool:
    doc = _DESCRIPTIONS[name]
    return StructuredTool.from_function(func=func, name=name, description=doc, args_schema=schema,
                                        response_format="content_and_artifact")


_DESCRIPTIONS = {
    "fetch_logs": "Digest of a service's recent logs: log templates with counts by level, bursts and rate changes, "
                  "error sequences, a few verbatim examples, and known failure signatures flagged by name.",
    "query_metrics": "One metric of a service compared with its baseline: current value, baseline, change point, "
                     "trend (gradual climb, sudden jump, spike, steady) and saturation against known limits.",
    "recent_changes": "Change events (deployments, config changes, scaling, restarts) in a recent window.",
    "list_services": "The services of the environment with kind, replicas, memory limit, CPU, pool sizes and "
                     "dependencies, plus the metric names available.",
    "service_state": "What the orchestrator (Kubernetes, or a snapshot of it) reports about a service now and "
                     "recently: containers waiting or terminated with reasons and exit codes (OOMKilled, "
                     "CrashLoopBackOff, ImagePullBackOff), restarts, pods that cannot be scheduled, rollouts short "
                     "of replicas, node conditions and warning events, with known failure signatures flagged.",
    "search_past_incidents": "Confirmed past incidents of this team that resemble the evidence gathered so far "
                             "(same services, failure signatures, metric shapes): what was confirmed as the "
                             "cause, the fix that worked and the one that did not. A prior, never a substitute "
                             "for the current evidence.",
    "incident_timeline": "A merged timeline across all services: which metric went anomalous first, what "
                         "followed, and change events near the onsets. Use it to find the origin of a cascade.",
    "execute_remediation": "Execute a runbook action on a service. Always pauses for a human decision (approve, "
                           "edit or reject); only runbook actions on known services are accepted. Returns what "
                           "was done, or the rejection reason.",
}


def build_report_tool(ctx: ToolContext, categories: list[str], on_submit: Callable[[ReportDraft], None]) -> BaseTool:
    """The orchestrator's `submit_report` tool: a typed report draft, validated against the vocabulary."""

    def submit_report(**kwargs: Any) -> str:
        draft = ReportDraft.model_validate(kwargs)
        if draft.root_cause.category not in categories:
            return (f"error: root_cause.category {draft.root_cause.category!r} is not in the vocabulary; "
                    f"use one of: {', '.join(categories)}. Submit again.")
        on_submit(draft)
        ctx.evidence.record(REPORT_TOOL, {}, {"draft": draft.model_dump()})
        return "report recorded"

    return StructuredTool.from_function(
        func=submit_report, name=REPORT_TOOL, args_schema=ReportDraft,
        description="Submit the final incident report (call once, at the end, after remediation and verification "
                    "or when no action is needed). Fields are validated; fix and resubmit on error.",
    )
