"""Kubernetes objects as `StateRecord`s: pods and their containers, events, workloads (Deployment,
StatefulSet, DaemonSet, ReplicaSet, Job) and nodes.

Reads the API's own shape (`kubectl get -o json|yaml`, the live client's dicts) and looser
records that carry the same facts under snake_case or flattened keys (exports from other tools:
`restart_count`, `involved_object: "Pod/name"`, `ready: "True"`). Only structure is interpreted
here; what a reason means (OOMKilled, ImagePullBackOff, ...) is knowledge in the team's skills.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from aiops.backends.logparse import parse_timestamp
from aiops.core.types import StateRecord

Resolve = Callable[[str], str]
"""Maps an object name to the service it belongs to ("" when none)."""
WORKLOADS = ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController")
TRANSIENT_WAITING = frozenset({"ContainerCreating", "PodInitializing"})
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def get(item: Any, *keys: str, default: Any = None) -> Any:
    """The first present value among `keys` (camelCase or snake_case, dotted paths allowed)."""
    if not isinstance(item, Mapping):
        return default
    for key in keys:
        for variant in (key, _CAMEL.sub("_", key).lower()):
            node: Any = item
            for part in variant.split("."):
                node = node.get(part) if isinstance(node, Mapping) else None
                if node is None:
                    break
            if node is not None:
                return node
    return default


def when(value: Any) -> datetime | None:
    """A timestamp from an API time string (None when absent or unreadable)."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value:
        return None
    found = parse_timestamp(value)
    return found[0] if found else None


def truthy(value: Any) -> bool | None:
    """`True`/`"True"`/`true` -> True, `False`/`"False"` -> False, anything else (Unknown) -> None."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return True if text == "true" else False if text == "false" else None


def kind_of(item: Mapping[str, Any]) -> str:
    """The object kind: `kind`, else guessed from the keys a record carries."""
    kind = item.get("kind")
    if isinstance(kind, str) and kind:
        return kind
    if get(item, "involvedObject", "involved_object", "regarding") is not None or (
        "reason" in item and "message" in item and ("count" in item or "type" in item)
    ):
        return "Event"
    if get(item, "containers", "status.containerStatuses") is not None or "phase" in item:
        return "Pod"
    if get(item, "desired", "spec.replicas", "status.readyReplicas", "available") is not None:
        return "Deployment"
    if get(item, "memoryPressure", "capacity_cpu", "status.nodeInfo", "internal_ip") is not None or (
        "ready" in item and "instance_type" in item
    ):
        return "Node"
    return ""


def objects(data: Any) -> Iterator[Mapping[str, Any]]:
    """Every object in a document: a `List`, `items`, any list value of a wrapper mapping
    (`{"pods": [...]}`), or the object itself."""
    if isinstance(data, list):
        for item in data:
            yield from objects(item)
        return
    if not isinstance(data, Mapping):
        return
    if isinstance(data.get("items"), list):
        yield from objects(data["items"])
        return
    if kind_of(data):
        yield data
        return
    for value in data.values():
        if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            yield from objects(value)


def records(data: Any, resolve: Resolve) -> list[StateRecord]:
    """The state records of every object in `data`."""
    out: list[StateRecord] = []
    for item in objects(data):
        kind = kind_of(item)
        handler = _HANDLERS.get(kind) or (workload if kind in WORKLOADS else conditioned if kind else None)
        if handler is not None:
            out.extend(handler(item, resolve))
    return out


def _name(item: Mapping[str, Any]) -> str:
    return str(get(item, "metadata.name", "name", default="") or "")


def _attrs(**values: Any) -> dict[str, str]:
    return {k: str(v) for k, v in values.items() if v not in (None, "")}


def pod(item: Mapping[str, Any], resolve: Resolve) -> Iterator[StateRecord]:
    """A pod: scheduling, each container's current and last state, and an eviction."""
    name = _name(item)
    service = resolve(name)
    phase = str(get(item, "status.phase", "phase", default="") or "")
    deleting = get(item, "metadata.deletionTimestamp", "deletion_timestamp") is not None
    node = str(get(item, "spec.nodeName", "node_name", "node", default="") or "")
    started = when(get(item, "status.startTime", "start_time"))
    base = _attrs(namespace=get(item, "metadata.namespace", "namespace"), node=node, phase=phase,
                  terminating="true" if deleting else None, ip=get(item, "status.podIP", "pod_ip", "ip"))
    for cond in get(item, "status.conditions", "conditions", default=[]) or []:
        ok = truthy(get(cond, "status"))
        ctype, reason = str(get(cond, "type", default="")), str(get(cond, "reason", default="") or "")
        if ok is not True and (reason or ok is None) and ctype in ("PodScheduled", "Ready"):
            if ctype == "Ready" and reason in ("ContainersNotReady", ""):
                continue  # the containers' own states say why
            yield StateRecord("Pod", name, service, status=f"{ctype}={get(cond, 'status')}", reason=reason,
                              message=str(get(cond, "message", default="") or ""), current=not deleting,
                              healthy=False, ts=when(get(cond, "lastTransitionTime")) or started, attrs=base)
    reason = str(get(item, "status.reason", "reason", default="") or "")
    if phase in ("Failed", "Unknown") and reason:
        yield StateRecord("Pod", name, service, status=phase, reason=reason,
                          message=str(get(item, "status.message", "message", default="") or ""),
                          current=not deleting, healthy=False, ts=started, attrs=base)
    statuses = get(item, "status.containerStatuses", default=None)
    containers = statuses if isinstance(statuses, list) else get(item, "containers", default=[]) or []
    for init in get(item, "status.initContainerStatuses", default=[]) or []:
        yield from _since(_container(name, service, init, base, deleting, init_container=True), started)
    for container in containers:
        yield from _since(_container(name, service, container, base, deleting), started)


def _since(found: Iterator[StateRecord], started: datetime | None) -> Iterator[StateRecord]:
    """A current record without a time of its own holds at least since the pod started."""
    for record in found:
        yield record if record.ts is not None or not record.current else replace(record, ts=started)


def _container(pod_name: str, service: str, item: Mapping[str, Any], base: dict[str, str], deleting: bool,
               *, init_container: bool = False) -> Iterator[StateRecord]:
    cname = str(get(item, "name", default="") or "")
    restarts = get(item, "restartCount", "restart_count")
    ready = truthy(get(item, "ready"))
    attrs = {**base, **_attrs(container=cname, restarts=restarts, ready=ready,
                              init="true" if init_container else None)}
    state = get(item, "state", default={}) or {}
    name = f"{pod_name}/{cname}" if cname else pod_name
    waiting = state.get("waiting") if isinstance(state, Mapping) else None
    terminated = state.get("terminated") if isinstance(state, Mapping) else None
    running = state.get("running") if isinstance(state, Mapping) else None
    if isinstance(state, Mapping) and state.get("waiting") is True:  # flattened: {"waiting": true, "reason": ...}
        waiting = state
    if isinstance(waiting, Mapping):
        reason = str(get(waiting, "reason", default="") or "")
        transient = reason in TRANSIENT_WAITING or not reason
        yield StateRecord("Container", name, service, status="Waiting", reason=reason,
                          message=str(get(waiting, "message", default="") or ""), current=not deleting,
                          healthy=None if transient else False,
                          attrs={**attrs, **_attrs(exit_code=get(waiting, "exitCode", "exit_code"))})
    elif isinstance(terminated, Mapping):
        code = get(terminated, "exitCode", "exit_code")
        reason = str(get(terminated, "reason", default="") or "")
        clean = str(code) == "0" and reason in ("Completed", "")
        yield StateRecord("Container", name, service, status="Terminated", reason=reason,
                          message=str(get(terminated, "message", default="") or ""), current=not deleting,
                          healthy=bool(clean), ts=when(get(terminated, "finishedAt", "finished_at")),
                          attrs={**attrs, **_attrs(exit_code=code)})
    elif running is not None or (isinstance(state, Mapping) and state.get("running") is True):
        info = running if isinstance(running, Mapping) else state
        yield StateRecord("Container", name, service, status="Running" if ready is not False else "Running, not ready",
                          reason="", current=not deleting, healthy=ready is not False,
                          ts=when(get(info, "startedAt", "started_at")),
                          attrs={**attrs, **_attrs(exit_code=get(info, "exit_code", "exitCode"))})
    last = get(item, "lastState.terminated", "last_state.terminated", default=None)
    if isinstance(last, Mapping):
        code = get(last, "exitCode", "exit_code")
        yield StateRecord("Container", name, service, status="Last terminated",
                          reason=str(get(last, "reason", default="") or ""),
                          message=str(get(last, "message", default="") or ""), current=False,
                          healthy=str(code) == "0", ts=when(get(last, "finishedAt", "finished_at")),
                          attrs={**attrs, **_attrs(exit_code=code)})


def event(item: Mapping[str, Any], resolve: Resolve) -> Iterator[StateRecord]:
    """A core/v1 or events.k8s.io event (or a record with the same fields)."""
    involved = get(item, "involvedObject", "involved_object", "regarding", "object", default={})
    if isinstance(involved, Mapping):
        kind, target = str(get(involved, "kind", default="")), str(get(involved, "name", default=""))
    else:
        kind, _, target = str(involved).rpartition("/")
    last = when(get(item, "lastTimestamp", "last_time", "last_seen", "series.lastObservedTime", "eventTime",
                    "deprecatedLastTimestamp", "metadata.creationTimestamp"))
    first = when(get(item, "firstTimestamp", "first_time", "first_seen", "deprecatedFirstTimestamp")) or last
    count = get(item, "count", "series.count", "deprecatedCount", default=1)
    etype = str(get(item, "type", default="") or "")
    yield StateRecord("Event", f"{kind}/{target}" if kind else target, resolve(target), status=etype,
                      reason=str(get(item, "reason", default="") or ""), message=str(get(item, "message", "note",
                                                                                         default="") or ""),
                      current=True, healthy=False if etype == "Warning" else None, ts=last, first_ts=first,
                      count=int(count) if str(count).isdigit() else 1,
                      attrs=_attrs(object_kind=kind, object=target, namespace=get(item, "namespace",
                                                                                  "metadata.namespace")))


def workload(item: Mapping[str, Any], resolve: Resolve) -> Iterator[StateRecord]:
    """A Deployment (StatefulSet, DaemonSet, ReplicaSet): replicas ready vs desired, and its failing
    conditions (ProgressDeadlineExceeded, FailedCreate, MinimumReplicasUnavailable)."""
    kind = str(item.get("kind") or "Deployment")
    name = _name(item)
    service = resolve(name)
    desired = _int(get(item, "spec.replicas", "desired", "status.desiredNumberScheduled", "replicas"))
    ready = _int(get(item, "status.readyReplicas", "ready", "status.numberReady"))
    available = _int(get(item, "status.availableReplicas", "available", "status.numberAvailable"))
    unavailable = _int(get(item, "status.unavailableReplicas", "unavailable", "status.numberUnavailable"))
    if desired is not None:
        ready_now = ready if ready is not None else available or 0
        healthy = ready_now >= desired and not unavailable
        yield StateRecord(kind, name, service, status=f"{ready_now}/{desired} ready", current=True,
                          healthy=healthy if desired else None,
                          attrs=_attrs(desired=desired, ready=ready, available=available, unavailable=unavailable,
                                       namespace=get(item, "metadata.namespace", "namespace")))
    for cond in get(item, "status.conditions", "conditions", default=[]) or []:
        ok, ctype = truthy(get(cond, "status")), str(get(cond, "type", default=""))
        bad = (ctype == "ReplicaFailure" and ok) or (ctype in ("Progressing", "Available") and ok is False)
        if bad:
            yield StateRecord(kind, name, service, status=f"{ctype}={get(cond, 'status')}",
                              reason=str(get(cond, "reason", default="") or ""),
                              message=str(get(cond, "message", default="") or ""), current=True, healthy=False,
                              ts=when(get(cond, "lastUpdateTime", "lastTransitionTime")))


def job(item: Mapping[str, Any], resolve: Resolve) -> Iterator[StateRecord]:
    """A Job: succeeded and failed pods, and a Failed condition (BackoffLimitExceeded, DeadlineExceeded)."""
    name = _name(item)
    service = resolve(name)
    failed, succeeded = _int(get(item, "status.failed")), _int(get(item, "status.succeeded"))
    completions = _int(get(item, "spec.completions"))
    conditions = get(item, "status.conditions", default=[]) or []
    failure = next((c for c in conditions if get(c, "type") == "Failed" and truthy(get(c, "status"))), None)
    if failure is not None or failed:
        yield StateRecord("Job", name, service, status="Failed" if failure is not None else "failing pods",
                          reason=str(get(failure, "reason", default="") or ""),
                          message=str(get(failure, "message", default="") or ""), current=True, healthy=False,
                          ts=when(get(failure, "lastTransitionTime")),
                          attrs=_attrs(failed=failed, succeeded=succeeded, completions=completions))
    elif succeeded is not None:
        yield StateRecord("Job", name, service, status=f"{succeeded} succeeded", current=True, healthy=True)


def node(item: Mapping[str, Any], resolve: Resolve) -> Iterator[StateRecord]:
    """A node: Ready and the pressure conditions."""
    name = _name(item)
    service = resolve(name) or name
    conditions = get(item, "status.conditions", default=None)
    flat = {"Ready": item.get("ready"), "MemoryPressure": get(item, "memory_pressure"),
            "DiskPressure": get(item, "disk_pressure"), "PIDPressure": get(item, "pid_pressure"),
            "NetworkUnavailable": get(item, "network_unavailable")}
    rows = [(str(get(c, "type")), get(c, "status"), str(get(c, "reason", default="") or ""),
             str(get(c, "message", default="") or ""), when(get(c, "lastTransitionTime")))
            for c in conditions or []] if isinstance(conditions, list) else [
        (k, v, "", "", None) for k, v in flat.items() if v is not None]
    for ctype, status, reason, message, ts in rows:
        ok = truthy(status)
        if ctype == "Ready":
            yield StateRecord("Node", name, service, status="Ready" if ok else f"NotReady (Ready={status})",
                              reason=reason or ("" if ok else "NodeNotReady"), message=message, current=True,
                              healthy=bool(ok), ts=ts)
        elif ok is True:
            yield StateRecord("Node", name, service, status=f"{ctype}=True", reason=reason or ctype,
                              message=message, current=True, healthy=False, ts=ts)


READY_TYPES = ("Ready", "Available", "Healthy", "Synced", "Reconciled")
"""Condition types that say an object works, by the convention controllers share (cert-manager,
Flux, Crossplane, Argo, operators): the first one an object carries decides."""


def conditioned(item: Mapping[str, Any], resolve: Resolve) -> Iterator[StateRecord]:
    """Any other object (a custom resource: a Certificate, a HelmRelease, a database cluster) by its
    readiness condition; the service is the object's name, else its `app` labels."""
    conditions = get(item, "status.conditions", "conditions", default=None)
    if not isinstance(conditions, list):
        return
    by_type = {str(get(c, "type", default="")): c for c in conditions if isinstance(c, Mapping)}
    ready = next((by_type[t] for t in READY_TYPES if t in by_type), None)
    if ready is None:
        return
    kind, name = kind_of(item), _name(item)
    labels = get(item, "metadata.labels", "labels", default={}) or {}
    service = resolve(name) or next((found for key in ("app.kubernetes.io/name", "app.kubernetes.io/instance", "app")
                                     if isinstance(labels, Mapping) and (found := resolve(str(labels.get(key) or "")))),
                                    "")
    ok = truthy(get(ready, "status"))
    yield StateRecord(kind, name, service, status=f"{get(ready, 'type')}={get(ready, 'status')}",
                      reason=str(get(ready, "reason", default="") or ""),
                      message=str(get(ready, "message", default="") or ""), current=True,
                      healthy=ok, ts=when(get(ready, "lastTransitionTime")),
                      attrs=_attrs(namespace=get(item, "metadata.namespace", "namespace")))


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def recorded(item: Mapping[str, Any], resolve: Resolve) -> Iterator[StateRecord]:
    """A record an incident recorded as evidence (`aiops.StateRecord`), exactly as it was."""
    del resolve
    from aiops.backends.bundle.recorder import state_from_dict

    if isinstance(item.get("record"), Mapping):
        yield state_from_dict(dict(item["record"]))


_HANDLERS: dict[str, Callable[[Mapping[str, Any], Resolve], Iterator[StateRecord]]] = {
    "Pod": pod, "Event": event, "Job": job, "Node": node, "aiops.StateRecord": recorded,
}
