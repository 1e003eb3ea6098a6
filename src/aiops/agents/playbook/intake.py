"""Reading the incident's task text: the alert, the affected service, and the topology."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from aiops.backends.naming import resolve_service

_HINT = re.compile(r"^\s*affected service[^:\n]*:\s*([\w.-]+)\s*$", re.IGNORECASE | re.MULTILINE)
_PROSE_HINT = re.compile(r"\b(?:affected|alerting|impacted|failing) service (?:is|was|=)\s*`?([\w.-]+)", re.IGNORECASE)
_ALERT_LINE = re.compile(r"^\s*alert:\s*(.+)$", re.IGNORECASE | re.MULTILINE)


def alert_text(task: str) -> str:
    """The alert inside a task: an `Alert:` line, or the text after an `Incident ...:` header line."""
    if match := _ALERT_LINE.search(task):
        return match.group(1).strip()
    lines = task.strip().split("\n")
    if lines and lines[0].lower().startswith("incident") and lines[0].rstrip().endswith(":"):
        lines = lines[1:]
    return "\n".join(line for line in lines if not _HINT.match(line)).strip()


def hinted_service(task: str) -> str | None:
    """The service the task names explicitly ("Affected service: X"), if any."""
    match = _HINT.search(task) or _PROSE_HINT.search(task)
    if not match:
        return None
    value = match.group(1).strip().strip(".")
    return None if value.lower() in {"unknown", "none", "n/a"} else value


_TOKEN = re.compile(r"(?<![\w./-])[A-Za-z0-9][\w.-]*[A-Za-z0-9](?:/[\w.-]+)*")


def services_in_text(text: str, names: Iterable[str]) -> list[str]:
    """Known service names mentioned in `text`, in order of first mention (longest name wins); a name
    generated from a service's (a pod, a ReplicaSet, `Deployment/ns/name`) counts as a mention of it."""
    known = list(names)
    hits: list[tuple[int, int, str]] = []
    for name in known:
        match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
        if match:
            hits.append((match.start(), -len(name), name))
    for token in _TOKEN.finditer(text):
        if "-" in token.group(0) or "/" in token.group(0):
            found = resolve_service(token.group(0), known, prefix=False)
            if found:
                hits.append((token.start(), -len(found), found))
    return list(dict.fromkeys(name for _, _, name in sorted(hits)))


def affected_service(task: str, names: Iterable[str]) -> str | None:
    """The affected service: the explicit hint if it is a known name, else the first one mentioned."""
    known = list(names)
    hint = hinted_service(task)
    if hint and (not known or hint in known):
        return hint
    found = services_in_text(alert_text(task) or task, known)
    return found[0] if found else None


def topology_of(services: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """name -> {kind, depends_on, limits...} from list_services rows."""
    out: dict[str, dict[str, Any]] = {}
    for row in services:
        name = str(row.get("name") or "")
        if name:
            out[name] = {k: v for k, v in row.items() if k != "name" and v is not None}
            out[name]["depends_on"] = list(row.get("depends_on") or [])
    return out
