"""The `service_state` tool: what the orchestrator reports about a service's runtime objects, with
the known failure signatures (Kubernetes reasons, exit codes, events) flagged as in a log digest.

The artifact:

    {"service": str, "available": bool, "verdict": "trouble" | "healthy" | "unknown",
     "at": iso, "records": [{"kind", "name", "status", "reason", "message", "current", "healthy",
                             "ts", "first_ts", "count", "attrs"}],            # current first
     "signatures": [{"name", "category", "severity", "description", "count", "current",
                     "last_seen", "example", "source": "state"}],
     "nodes": [names of the nodes its pods run on], "ips": [its pods' addresses], "omitted": int}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiops.analysis.signatures import Signature, as_signatures, match_signatures
from aiops.core.types import StateRecord

MAX_RECORDS = 40
MAX_TEXT_LINES = 25


def line(record: StateRecord) -> str:
    """One record as a line: `Container payments-api-x/app: Waiting CrashLoopBackOff (restarts 8, exit
    code 137) - back-off 5m0s restarting failed container`."""
    attrs = record.attrs
    extra = []
    if attrs.get("restarts") not in (None, "", "0"):
        extra.append(f"restarts {attrs['restarts']}")
    if attrs.get("exit_code") not in (None, ""):
        extra.append(f"exit code {attrs['exit_code']}")
    if record.count > 1:
        extra.append(f"x{record.count}")
    if attrs.get("terminating"):
        extra.append("pod terminating")
    head = f"{record.kind} {record.name}: {record.status}"
    if record.reason and record.reason != record.status:
        head += f" {record.reason}"
    if extra:
        head += f" ({', '.join(extra)})"
    if record.message:
        head += f" - {record.message[:300]}"
    return head


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def verdict(records: Sequence[StateRecord]) -> str:
    """`trouble` when a current record shows trouble, `healthy` when current records show health and
    none trouble, `unknown` otherwise."""
    current = [r for r in records if r.current and r.kind != "Event"]
    if any(r.healthy is False for r in records if r.current):
        return "trouble"
    if any(r.healthy for r in current):
        return "healthy"
    return "unknown"


def state_view(service: str, records: Sequence[StateRecord], signatures: Sequence[Any] | None,
               at: Any = None) -> tuple[str, dict[str, Any]]:
    """(text, artifact) for the records of one service."""
    catalogue: list[Signature] = as_signatures(signatures)
    hits: dict[str, dict[str, Any]] = {}
    rows = []
    for record in records:
        text = line(record)
        rows.append({"kind": record.kind, "name": record.name, "status": record.status, "reason": record.reason,
                     "message": record.message[:300], "current": record.current, "healthy": record.healthy,
                     "ts": _iso(record.ts), "first_ts": _iso(record.first_ts), "count": record.count,
                     "attrs": dict(record.attrs), "line": text})
        for sig in match_signatures(catalogue, text):
            if record.healthy is not False and sig.severity != "info":
                continue  # failure wording counts on trouble; informational facts (a job completed) on any
            hit = hits.setdefault(sig.name, {**sig.to_dict(), "count": 0, "current": False, "last_seen": None,
                                             "first_seen": None, "example": text[:300], "source": "state"})
            hit["count"] += max(1, record.count)
            hit["current"] = hit["current"] or record.current
            stamp = _iso(record.ts)
            if stamp and (hit["last_seen"] is None or stamp > hit["last_seen"]):
                hit["last_seen"] = stamp
            first = _iso(record.first_ts or record.ts)
            if first and (hit["first_seen"] is None or first < hit["first_seen"]):
                hit["first_seen"] = first
            if record.current and not hits[sig.name].get("_current_example"):
                hit["example"], hit["_current_example"] = text[:300], True
    for hit in hits.values():
        hit.pop("_current_example", None)
    nodes = sorted({r.attrs["node"] for r in records if r.attrs.get("node") and r.kind in ("Pod", "Container")})
    ips = sorted({r.attrs["ip"] for r in records if r.attrs.get("ip") and r.kind in ("Pod", "Container")})
    artifact = {"service": service, "available": bool(records), "verdict": verdict(records), "at": _iso(at),
                "records": rows[:MAX_RECORDS], "signatures": list(hits.values()), "nodes": nodes, "ips": ips,
                "omitted": max(0, len(rows) - MAX_RECORDS)}
    return render(artifact), artifact


def render(artifact: dict[str, Any]) -> str:
    """Text for a model: the verdict, current facts, then history, then the flagged signatures."""
    service = artifact["service"]
    if not artifact["available"]:
        return f"{service}: the orchestrator reports nothing about this service (state unknown)"
    now = [r for r in artifact["records"] if r["current"]]
    past = [r for r in artifact["records"] if not r["current"]]
    out = [f"state of {service}: {artifact['verdict']} ({len(now)} current facts, {len(past)} past)"]
    out += [f"  now   {r['line']}" for r in now[:MAX_TEXT_LINES]]
    out += [f"  past  {r['line']}" + (f" (last {r['ts']})" if r["ts"] else "") for r in past[:10]]
    if artifact["omitted"]:
        out.append(f"  ... {artifact['omitted']} more records not shown")
    for hit in artifact["signatures"]:
        when = "now" if hit["current"] else f"earlier (last {hit['last_seen']})"
        out.append(f"  signature {hit['name']} [{hit['severity']}] x{hit['count']} {when}: {hit['description']}")
    return "\n".join(out)
