"""Kubernetes inventory: Deployments and StatefulSets of a namespace as services.

Replicas from the spec, memory and CPU limits from the first container, and what Kubernetes does
not know from annotations (prefix `aiops.dev/` by default): `kind` (app, database, cache),
`pool-size`, `max-connections`, `depends-on` (comma-separated service names).
"""

from __future__ import annotations

import re
import time
from typing import Any, Literal

from pydantic import Field

from aiops.backends.context import BuildContext
from aiops.backends.k8s_client import Kube, KubeOptions
from aiops.backends.registry import BackendType
from aiops.core.types import ServiceInfo

BINARY = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60}
DECIMAL = {
    "n": 1e-9,
    "u": 1e-6,
    "m": 1e-3,
    "": 1,
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "G": 1e9,
    "T": 1e12,
    "P": 1e15,
    "E": 1e18,
}
QUANTITY_RE = re.compile(r"^([0-9.]+(?:[eE][+-]?\d+)?)([A-Za-z]{0,2})$")


def quantity(value: str | int | float | None) -> float | None:
    """A Kubernetes quantity ("512Mi", "500m", "1.5") as a plain number; None when absent or invalid."""
    if value is None:
        return None
    m = QUANTITY_RE.match(str(value).strip())
    if m is None:
        return None
    number, suffix = float(m.group(1)), m.group(2)
    if suffix in BINARY:
        return number * BINARY[suffix]
    return number * DECIMAL[suffix] if suffix in DECIMAL else None


class KubeInventoryOptions(KubeOptions):
    """Cluster access plus which workloads count as services."""

    kinds: list[Literal["deployment", "statefulset"]] = Field(default_factory=lambda: ["deployment", "statefulset"])
    label_selector: str | None = None
    annotation_prefix: str = "aiops.dev/"
    cache_s: float = Field(default=30.0, ge=0)


def service_from_workload(item: dict[str, Any], kind: str, prefix: str) -> ServiceInfo:
    """A ServiceInfo from a Deployment/StatefulSet object (JSON)."""
    meta = item.get("metadata") or {}
    notes = meta.get("annotations") or {}
    spec = item.get("spec") or {}
    containers = ((spec.get("template") or {}).get("spec") or {}).get("containers") or [{}]
    limits = (containers[0].get("resources") or {}).get("limits") or {}
    memory = quantity(limits.get("memory"))
    cpu = quantity(limits.get("cpu"))

    def note_int(name: str) -> int | None:
        value = notes.get(prefix + name)
        return int(value) if value and value.strip().isdigit() else None

    depends = tuple(d.strip() for d in (notes.get(prefix + "depends-on") or "").split(",") if d.strip())
    default_kind = "database" if kind == "statefulset" and note_int("max-connections") else "app"
    return ServiceInfo(
        name=meta.get("name", "?"),
        kind=notes.get(prefix + "kind", default_kind),
        replicas=int(spec.get("replicas", 1) if spec.get("replicas") is not None else 1),
        memory_limit_mi=round(memory / 2**20) if memory else None,
        cpu=cpu,
        pool_size=note_int("pool-size"),
        max_connections=note_int("max-connections"),
        depends_on=depends,
    )


class KubeInventory:
    """`Inventory` from the cluster, cached for `cache_s` seconds."""

    def __init__(self, options: KubeInventoryOptions, kube: Kube) -> None:
        self.options = options
        self.kube = kube
        self._cached: tuple[float, list[ServiceInfo]] | None = None

    def services(self) -> list[ServiceInfo]:
        if self._cached and time.monotonic() - self._cached[0] < self.options.cache_s:
            return list(self._cached[1])
        found: list[ServiceInfo] = []
        methods = {"deployment": "list_namespaced_deployment", "statefulset": "list_namespaced_stateful_set"}
        kwargs = {"label_selector": self.options.label_selector} if self.options.label_selector else {}
        for kind in self.options.kinds:
            listing = self.kube.call("apps", methods[kind], self.kube.namespace, **kwargs)
            found += [
                service_from_workload(item, kind, self.options.annotation_prefix) for item in listing.get("items") or []
            ]
        found.sort(key=lambda s: s.name)
        self._cached = (time.monotonic(), found)
        return list(found)

    def check(self) -> str:
        self._cached = None
        return f"{len(self.services())} workloads in namespace {self.kube.namespace}"

    def close(self) -> None:
        self.kube.close()


def build_kube_inventory(options: KubeInventoryOptions, ctx: BuildContext) -> KubeInventory:
    """Factory for `inventory: {type: kubernetes}`."""
    return KubeInventory(options, Kube(options, ctx))


INVENTORY = BackendType(
    "inventory",
    "kubernetes",
    KubeInventoryOptions,
    build_kube_inventory,
    "Deployments and StatefulSets of a namespace",
)
