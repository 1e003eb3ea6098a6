"""Kubernetes change events: rollouts from the Deployments' ReplicaSet history (a new revision is a
deployment, with its image tag as the version) and the namespace's Events (scaling, kills,
restarts, OOM kills, back-offs, and other warnings), mapped to inventory services by name."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from aiops.backends.context import BuildContext
from aiops.backends.k8s_client import Kube, KubeOptions
from aiops.backends.logparse import parse_timestamp
from aiops.backends.naming import resolve_service
from aiops.backends.registry import BackendType
from aiops.core.protocols import Inventory
from aiops.core.types import ChangeEvent

REASON_TYPES = {
    "ScalingReplicaSet": "scaling",
    "SuccessfulRescale": "scaling",
    "Killing": "restart",
    "Started": "restart",
    "BackOff": "crash_loop",
    "OOMKilling": "oom_kill",
    "Evicted": "eviction",
    "Unhealthy": "probe_failure",
    "FailedScheduling": "scheduling",
    "DeploymentRollback": "rollback",
}
REVISION = "deployment.kubernetes.io/revision"


class KubeEventOptions(KubeOptions):
    """Cluster access plus whether unmapped Warning events and ReplicaSet rollouts are included."""

    include_warnings: bool = True
    rollouts: bool = True
    max_events: int = Field(default=2000, gt=0)


def _time(value: str | None) -> datetime | None:
    found = parse_timestamp(value) if value else None
    return found[0] if found else None


def service_for(name: str, services: list[str]) -> str | None:
    """The service an object belongs to (see `naming.resolve_service`)."""
    return resolve_service(name, services)


def from_event(item: dict[str, Any], services: list[str], include_warnings: bool) -> ChangeEvent | None:
    """A ChangeEvent from a core/v1 Event (None when it is not interesting or maps to no service)."""
    reason = item.get("reason") or ""
    kind = REASON_TYPES.get(reason)
    if kind is None and not (include_warnings and item.get("type") == "Warning"):
        return None
    obj = item.get("involvedObject") or item.get("regarding") or {}
    service = service_for(obj.get("name", ""), services)
    meta = item.get("metadata") or {}
    ts = _time(
        item.get("lastTimestamp")
        or item.get("eventTime")
        or item.get("firstTimestamp")
        or meta.get("creationTimestamp")
    )
    if service is None or ts is None:
        return None
    attrs = {
        "reason": reason,
        "object": f"{obj.get('kind', '?')}/{obj.get('name', '?')}",
        "count": str(item.get("count") or 1),
        "k8s_type": item.get("type") or "",
    }
    return ChangeEvent(
        ts=ts, type=kind or "warning", service=service, summary=item.get("message") or reason, attrs=attrs
    )


def from_replica_set(item: dict[str, Any], services: list[str]) -> ChangeEvent | None:
    """A `deployment` ChangeEvent from a Deployment-owned ReplicaSet (one per revision)."""
    meta = item.get("metadata") or {}
    owner = next((o for o in meta.get("ownerReferences") or [] if o.get("kind") == "Deployment"), None)
    revision = (meta.get("annotations") or {}).get(REVISION)
    ts = _time(meta.get("creationTimestamp"))
    if owner is None or revision is None or ts is None:
        return None
    service = service_for(owner.get("name", ""), services)
    if service is None:
        return None
    containers = ((item.get("spec") or {}).get("template") or {}).get("spec", {}).get("containers") or []
    images = [c.get("image", "") for c in containers]
    version = images[0].rsplit(":", 1)[-1] if images and ":" in images[0] else ""
    return ChangeEvent(
        ts=ts,
        type="deployment",
        service=service,
        summary=f"rollout of revision {revision}: {', '.join(images)}",
        attrs={"revision": revision, "version": version, "replicaset": meta.get("name", "")},
    )


class KubeEvents:
    """`EventSource` over the cluster."""

    def __init__(self, options: KubeEventOptions, kube: Kube, inventory: Inventory) -> None:
        self.options = options
        self.kube = kube
        self.inventory = inventory

    def _list(self, group: str, method: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        token: str | None = None
        while len(items) < self.options.max_events:
            kwargs: dict[str, Any] = {"limit": min(500, self.options.max_events - len(items))}
            if token:
                kwargs["_continue"] = token
            page = self.kube.call(group, method, self.kube.namespace, **kwargs)
            items += page.get("items") or []
            token = (page.get("metadata") or {}).get("continue")
            if not token:
                break
        return items

    def events(self, *, start: datetime, end: datetime, service: str | None = None) -> list[ChangeEvent]:
        services = [svc.name for svc in self.inventory.services()]
        found: list[ChangeEvent | None] = []
        if self.options.rollouts:  # first, so a rollout sorts before the scaling it causes
            found += [from_replica_set(i, services) for i in self._list("apps", "list_namespaced_replica_set")]
        found += [
            from_event(i, services, self.options.include_warnings) for i in self._list("core", "list_namespaced_event")
        ]
        chosen = [
            ev
            for ev in found
            if ev is not None and start <= ev.ts <= end and (service is None or ev.service == service)
        ]
        return sorted(chosen, key=lambda ev: ev.ts)

    def check(self) -> str:
        page = self.kube.call("core", "list_namespaced_event", self.kube.namespace, limit=1)
        return f"events readable in namespace {self.kube.namespace} ({len(page.get('items') or [])} listed)"

    def close(self) -> None:
        self.kube.close()


def build_kube_events(options: KubeEventOptions, ctx: BuildContext) -> KubeEvents:
    """Factory for `events: {type: kubernetes}`."""
    return KubeEvents(options, Kube(options, ctx), ctx.inventory)


EVENTS = BackendType("events", "kubernetes", KubeEventOptions, build_kube_events, "rollouts and Events of a namespace")
