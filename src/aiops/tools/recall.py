"""The `search_past_incidents` tool: confirmed incidents of this state folder similar to the evidence
gathered so far (same services, same failure signatures, same metric shapes), with what was
confirmed, the fix that worked and the fix that did not."""

from __future__ import annotations

from typing import Any

from aiops.memory import evidence_terms
from aiops.tools.context import ToolContext


def search_past_incidents(ctx: ToolContext, service: str | None = None) -> tuple[str, dict[str, Any]]:
    """Recall from the incident memory, using this incident's evidence log as the query."""
    memory = ctx.extras.get("memory")
    if memory is None:
        return "no incident memory is available here", {"available": False, "matches": []}
    services, terms = evidence_terms(ctx.evidence.entries(), alert=str(ctx.extras.get("alert") or ""))
    if service:
        services = [service, *services]
    found = memory.recall(terms, services=services, exclude=ctx.incident_id)
    matches = [{"incident_id": r.incident_id, "score": r.score, "root_cause": r.label.root_cause,
                "service": r.label.service, "fix": r.label.fix, "worked": r.label.worked, "failed": r.label.failed,
                "team_was_right": r.label.correct, "note": r.label.note, "shared": r.shared[:12]} for r in found]
    artifact = {"available": True, "matches": matches, "query_terms": len(terms)}
    if not matches:
        return "no confirmed past incident resembles this evidence", artifact
    lines = ["confirmed past incidents that resemble this evidence (best first):"]
    for m in matches:
        fixes = "; ".join(filter(None, [f"fix that worked: {', '.join(m['worked'])}" if m["worked"] else "",
                                        f"did not work: {', '.join(m['failed'])}" if m["failed"] else "",
                                        f"confirmed fix: {m['fix']}" if m["fix"] else ""]))
        lines.append(f"  {m['incident_id']} (score {m['score']:g}): {m['root_cause']} on {m['service'] or '-'}"
                     + (f"; {fixes}" if fixes else "") + f"; shared: {', '.join(m['shared'][:6])}")
    lines.append("A past incident is a prior, not evidence: the current evidence decides.")
    return "\n".join(lines), artifact
