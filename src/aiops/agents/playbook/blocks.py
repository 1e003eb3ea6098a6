"""Fenced ```json findings blocks: how agents hand their findings to each other.

Every agent ends its work with one block; the orchestrator passes the blocks on verbatim in the
next delegation. Blocks are recognised by their content (keys), never by which agent wrote them,
so blocks written by a language model on the same team are read too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

_FENCE = re.compile(r"```(?:json|JSON)[ \t]*\n(.*?)\n[ \t]*```", re.DOTALL)

ROOT_KEYS = ("root_cause", "diagnosis")
ACTION_KEYS = ("actions", "remediation", "action")


def find_blocks(text: str) -> list[dict[str, Any]]:
    """Every fenced json object in `text`, in order (malformed ones are skipped)."""
    found: list[dict[str, Any]] = []
    for match in _FENCE.finditer(text or ""):
        try:
            value = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(value, dict):
            found.append(value)
    return found


def render_block(data: Mapping[str, Any]) -> str:
    """A fenced json block (strings cleaned of backtick fences so the block stays one block)."""
    return "```json\n" + json.dumps(_clean(data), indent=1, ensure_ascii=False) + "\n```"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("```", "'''")
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def fenced_sources(text: str) -> list[str]:
    """The verbatim fenced blocks of `text` (to pass on unchanged)."""
    return [f"```json\n{m.group(1)}\n```" for m in _FENCE.finditer(text or "")]


def block_kind(block: Mapping[str, Any]) -> str:
    """What a block reports, from its content: analysis, diagnosis, remediation, communication, other."""
    kind = str(block.get("kind") or block.get("stage") or "").lower()
    for name in ("analysis", "diagnosis", "remediation", "communication", "topology"):
        if name in kind:
            return name
    if any(k in block for k in ("execution", "action_taken", "remediation", "plan", "decision")):
        return "remediation"
    if "root_cause" in block or "category" in block:
        return "diagnosis"
    if any(k in block for k in ("customer_update", "status_update", "communications", "internal_summary")):
        return "communication"
    if any(k in block for k in ("signatures", "patterns", "anomalies", "error_patterns")):
        return "analysis"
    return "other"


def latest(blocks: Iterable[Mapping[str, Any]], kind: str) -> dict[str, Any] | None:
    """The last block of `kind`, if any."""
    chosen = None
    for block in blocks:
        if block_kind(block) == kind:
            chosen = dict(block)
    return chosen
