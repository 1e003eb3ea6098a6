"""`kubectl` text output as `StateRecord`s: `describe` (pods, jobs, deployments, nodes), `get events`
and `get pods` tables (with or without their header row), and object trees such as kube-lineage's.

Relative ages (`3m19s`, `56m (x5 over 58m)`) become times before `ref`, the moment the output
was taken (unknown in the text itself; the bundle's investigation time stands in for it). Without
`ref` such times stay unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from aiops.backends.k8s_objects import Resolve, conditioned, event, job, node, pod, workload
from aiops.core.types import StateRecord

_AGE_PART = re.compile(r"(\d+)([dhms])")
_AGE = re.compile(r"^(?:\d+[dhms])+$")
_EVENT_AGE = re.compile(r"^\s*((?:\d+[dhms])+|<unknown>)(?:\s+\(x(\d+) over ((?:\d+[dhms])+)\))?\s*$")
_TOP = re.compile(r"^([A-Z][\w .-]*?):\s*(.*)$")
_KV = re.compile(r"^\s*([A-Z][\w .-]*?):\s*(.*)$")
_READY = re.compile(r"^\d+/\d+$")
_OBJECT = re.compile(r"([A-Z][A-Za-z]+)/([a-z0-9][a-z0-9.-]*)")
_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def age(text: str) -> timedelta | None:
    """`1h2m3s` -> timedelta (None when it is not an age)."""
    text = text.strip()
    if not _AGE.match(text):
        return None
    return timedelta(seconds=sum(int(n) * _SECONDS[u] for n, u in _AGE_PART.findall(text)))


def looks_like_describe(text: str) -> bool:
    """True for `kubectl describe` output (a `Name:` line near the top)."""
    return any(line.startswith("Name:") for line in text.splitlines()[:5])


def parse_text(text: str, resolve: Resolve, ref: datetime | None) -> list[StateRecord]:
    """Records from any kubectl text output (several `describe` documents may follow each other)."""
    if looks_like_describe(text):
        out: list[StateRecord] = []
        for block in re.split(r"\n(?=Name:\s)", text):
            out.extend(describe(block, resolve, ref))
        return out
    return list(tables(text, resolve, ref))


def _sections(text: str) -> dict[str, list[str]]:
    """Top-level `Key: value` lines and the indented lines under each."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line and not line[0].isspace() and (match := _TOP.match(line)):
            current = match.group(1)
            out[current] = [match.group(2)]
        elif current:
            out[current].append(line)
    return out


def describe(text: str, resolve: Resolve, ref: datetime | None) -> list[StateRecord]:
    """Records of one `kubectl describe` document (the kind is told by its fields)."""
    sections = _sections(text)
    head = {k: v[0].strip() for k, v in sections.items()}
    name = head.get("Name", "")
    item: dict[str, Any] = {"metadata": {"name": name, "namespace": head.get("Namespace")}}
    out: list[StateRecord] = []
    if "Containers" in sections and "Pods Statuses" not in sections:
        item |= {"kind": "Pod", "status": {"phase": head.get("Status"), "reason": head.get("Reason"),
                                           "startTime": head.get("Start Time"),
                                           "message": head.get("Message"),
                                           "containerStatuses": _containers(sections["Containers"]),
                                           "conditions": _conditions(sections.get("Conditions", []))},
                 "spec": {"nodeName": head.get("Node", "").split("/")[0]}}
        if head.get("IP"):
            item["status"]["podIP"] = head["IP"]
        if head.get("Status", "").startswith("Terminating"):
            item["metadata"]["deletionTimestamp"] = head.get("Status")
        out.extend(pod(item, resolve))
    elif "Pods Statuses" in sections:
        counts = {w: int(n) for n, w in re.findall(r"(\d+) (Active|Succeeded|Failed)", head["Pods Statuses"])}
        failed = counts.get("Failed", 0)
        item |= {"kind": "Job", "status": {"failed": failed, "succeeded": counts.get("Succeeded", 0)}}
        out.extend(job(item, resolve))
    elif "Replicas" in sections:
        numbers = {w: int(n) for n, w in re.findall(r"(\d+) (desired|updated|total|available|unavailable)",
                                                          head["Replicas"])}
        item |= {"kind": _kind(sections), "spec": {"replicas": numbers.get("desired")},
                 "status": {"availableReplicas": numbers.get("available"), "readyReplicas": numbers.get("available"),
                            "unavailableReplicas": numbers.get("unavailable"),
                            "conditions": _conditions(sections.get("Conditions", []))}}
        out.extend(workload(item, resolve))
    elif "Taints" in sections or "Capacity" in sections:
        item |= {"kind": "Node", "status": {"conditions": _conditions(sections.get("Conditions", []))}}
        out.extend(node(item, resolve))
    elif head.get("Kind") and "Status" in sections:  # a custom resource, printed as a tree of fields
        labels = dict(re.findall(r"([\w./-]+)=(\S+)", " ".join(sections.get("Labels", []))))
        item |= {"kind": head["Kind"], "metadata": {**item["metadata"], "labels": labels},
                 "status": {"conditions": _tree_conditions(sections["Status"])}}
        out.extend(conditioned(item, resolve))
    kind = item.get("kind") or "Pod"
    for row in _event_rows(sections.get("Events", []), ref):
        out.extend(event({**row, "involvedObject": {"kind": kind, "name": name}}, resolve))
    return out


def _kind(sections: dict[str, list[str]]) -> str:
    if "Update Strategy" in sections and "Selector" in sections and "Pods Status" in sections:
        return "StatefulSet"
    return "ReplicaSet" if "Controlled By" in sections else "Deployment"


def _containers(lines: list[str]) -> list[dict[str, Any]]:
    """Container blocks of a pod description as containerStatuses-shaped dicts."""
    out: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    block: dict[str, Any] | None = None
    for line in lines[1:]:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if indent == 2 and stripped.endswith(":") and " " not in stripped[:-1]:
            current = {"name": stripped[:-1], "state": {}, "lastState": {}}
            out.append(current)
            block = None
            continue
        if current is None or not (match := _KV.match(line)):
            continue
        key, value = match.group(1), match.group(2).strip()
        if key in ("State", "Last State"):
            target = current["state" if key == "State" else "lastState"]
            block = target[value.lower()] = {} if value else None
        elif block is not None and key in ("Reason", "Exit Code", "Message", "Started", "Finished"):
            field = {"Exit Code": "exitCode", "Finished": "finishedAt", "Started": "startedAt"}.get(key, key.lower())
            block[field] = value
        elif key == "Ready":
            current["ready"] = value == "True"
            block = None
        elif key == "Restart Count":
            current["restartCount"] = int(value) if value.isdigit() else value
            block = None
    return out


def _conditions(lines: list[str]) -> list[dict[str, str]]:
    """`Conditions:` tables (`Type  Status  [...]  Reason  Message`) as condition dicts."""
    rows = [line for line in lines[1:] if line.strip() and not set(line.strip()) <= {"-", " "}]
    if not rows:
        return []
    header = rows[0].split()
    out = []
    for line in rows[1:]:
        parts = re.split(r"\s{2,}", line.strip())
        if len(parts) < 2:
            continue
        cond = {"type": parts[0], "status": parts[1]}
        if "Reason" in header and len(parts) >= 4:
            cond["reason"], cond["message"] = parts[-2], parts[-1]
        out.append(cond)
    return out


def _tree_conditions(lines: list[str]) -> list[dict[str, str]]:
    """`Conditions:` of a custom resource's description: one `Key: value` block per condition (keys in
    alphabetical order, so a key seen again starts the next condition)."""
    out: list[dict[str, str]] = []
    inside, indent = False, 0
    for line in lines:
        if line.strip() == "Conditions:":
            inside, indent = True, len(line) - len(line.lstrip())
            continue
        if not inside or not (match := _KV.match(line)):
            continue
        if len(line) - len(line.lstrip()) <= indent:
            break
        key = {"Last Transition Time": "lastTransitionTime"}.get(match.group(1), match.group(1).lower())
        if not out or key in out[-1]:
            out.append({})
        out[-1][key] = match.group(2).strip()
    return out


def _event_rows(lines: list[str], ref: datetime | None) -> Iterator[dict[str, Any]]:
    """`Events:` table rows of a description (`Type Reason Age From Message`), cut at the header's
    column positions."""
    header = next((line for line in lines[1:] if line.strip().startswith("Type")), None)
    if header is None:
        return
    cols = [(name.upper(), start) for name, start in _columns(header)]
    for line in lines[1:]:
        row = _cut(line, cols)
        if row.get("TYPE") not in ("Normal", "Warning"):
            continue
        yield {"type": row["TYPE"], "reason": row.get("REASON", ""), "message": row.get("MESSAGE", ""),
               **_event_times(row.get("AGE", ""), ref)}


def _event_times(text: str, ref: datetime | None) -> dict[str, Any]:
    match = _EVENT_AGE.match(text)
    if match is None:
        return {}
    last = age(match.group(1)) if match.group(1) != "<unknown>" else None
    span = age(match.group(3)) if match.group(3) else None
    out: dict[str, Any] = {"count": int(match.group(2)) if match.group(2) else 1}
    if last is not None and ref is not None:
        out["lastTimestamp"] = (ref - last).isoformat()
        out["firstTimestamp"] = (ref - (span or last)).isoformat()
    return out


def tables(text: str, resolve: Resolve, ref: datetime | None) -> Iterator[StateRecord]:
    """`get events` / `get pods` / `get jobs` tables (with their header row or without) and object trees."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return
    header = lines[0]
    if _HEADER.match(header):
        cols = _columns(header)
        rows = [_cut(line, cols) for line in lines[1:]]
        if "REASON" in header and "MESSAGE" in header:
            yield from _events_table(rows, resolve, ref)
        else:
            for row in rows:
                yield from _object_row(row, resolve)
        return
    for line in lines:
        yield from _status_row(line, resolve)


_HEADER = re.compile(r"^\s*[A-Z][A-Z-]*(?:\s+[A-Z][A-Z-]*(?: [A-Z][A-Z-]*)?)+\s*$")


def _columns(header: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start()) for m in re.finditer(r"\S+(?: \S+)?", header)]


def _cut(line: str, cols: list[tuple[str, int]]) -> dict[str, str]:
    row = {}
    for i, (name, start) in enumerate(cols):
        end = cols[i + 1][1] if i + 1 < len(cols) else None
        row[name] = (line[start:end] if end is not None else line[start:]).strip()
    return row


def _events_table(rows: list[dict[str, str]], resolve: Resolve, ref: datetime | None) -> Iterator[StateRecord]:
    for row in rows:
        kind, _, target = row.get("OBJECT", "").partition("/")
        item = {"type": row.get("TYPE", ""), "reason": row.get("REASON", ""), "message": row.get("MESSAGE", ""),
                "involvedObject": {"kind": kind, "name": target}, "namespace": row.get("NAMESPACE"),
                **_event_times(row.get("LAST SEEN", ""), ref)}
        yield from event(item, resolve)


def _object_row(row: dict[str, str], resolve: Resolve) -> Iterator[StateRecord]:
    """One row of a `get` table: a pod (READY, STATUS, RESTARTS), a job (COMPLETIONS, STATUS), or any
    object with a STATUS."""
    raw = row.get("NAME", "")
    found = _OBJECT.search(raw)
    kind, name = (found.group(1), found.group(2)) if found else ("", raw)
    status = row.get("STATUS", "")
    if not name or not status:
        return
    if "COMPLETIONS" in row:
        done, _, want = row["COMPLETIONS"].partition("/")
        healthy = status in ("Complete", "Completed") or (done == want and done != "")
        yield StateRecord(kind or "Job", name, resolve(name), status=status, reason="" if healthy else status,
                          current=True, healthy=healthy, attrs={"completions": row["COMPLETIONS"]})
        return
    if kind == "Node" or (not kind and "ROLES" in row and "VERSION" in row):  # `get nodes`
        flags = status.split(",")
        ready_node = "Ready" in flags
        yield StateRecord("Node", name, resolve(name) or name, status=status,
                          reason="" if ready_node else "NodeNotReady", current=True, healthy=ready_node,
                          attrs={"schedulable": str("SchedulingDisabled" not in flags).lower()})
        return
    ready = row.get("READY", "")
    fine = _fine(status, ready)
    attrs = {k.lower(): v for k, v in row.items() if k in ("READY", "RESTARTS", "NODE", "IP") and v
             and v != "<none>"}
    yield StateRecord(kind or "Pod", name, resolve(name), status=status, reason="" if fine else _trouble(status, ready),
                      current=True, healthy=fine, attrs=attrs)


def _trouble(status: str, ready: str) -> str:
    """The reason a row is not fine: its status, or `not ready` for a running pod short of ready containers."""
    return f"not ready ({ready})" if status == "Running" and ready else status


def _fine(status: str, ready: str) -> bool:
    if status in ("Completed", "Succeeded", "Complete"):
        return True
    if status != "Running":
        return False
    have, _, want = ready.partition("/")
    return not ready or have == want


def _status_row(line: str, resolve: Resolve) -> Iterator[StateRecord]:
    """A header-less row naming an object, its READY count and its STATUS (`get pods`, object trees)."""
    tokens = line.split()
    index = next((i for i, t in enumerate(tokens) if _READY.match(t)), None)
    if index is None or index == 0 or index + 1 >= len(tokens):
        return
    ref = tokens[index - 1].lstrip("├└│─ ")
    found = _OBJECT.search(ref)
    if found is None and not re.match(r"^[a-z0-9][a-z0-9.-]*$", ref):
        return
    kind, name = (found.group(1), found.group(2)) if found else ("Pod", ref)
    status = tokens[index + 1]
    restarts = tokens[index + 2] if index + 2 < len(tokens) and tokens[index + 2].isdigit() else None
    fine = _fine(status, tokens[index])
    attrs = {"ready": tokens[index]}
    if restarts is not None:
        attrs["restarts"] = restarts
    yield StateRecord(kind, name, resolve(name), status=status, reason="" if fine else _trouble(status, tokens[index]),
                      current=True, healthy=fine, attrs=attrs)
