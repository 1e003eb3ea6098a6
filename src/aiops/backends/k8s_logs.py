"""Kubernetes pod logs: the service's pods (label selector), every container, current and - after a
restart - previous logs, with the kubelet's timestamps. Each container read is capped by
`tail_lines` and `limit_bytes` on the server side."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from pydantic import Field

from aiops.backends.context import BuildContext
from aiops.backends.k8s_client import Kube, KubeOptions
from aiops.backends.logparse import level_and_message, parse_timestamp
from aiops.backends.registry import BackendType
from aiops.core.errors import BackendError, UnknownServiceError
from aiops.core.protocols import Inventory
from aiops.core.types import LogRecord


class KubeLogOptions(KubeOptions):
    """Cluster access, the pod selector (`app={service}`), optional `container`, caps."""

    container: str | None = None
    previous: bool = True
    max_bytes_per_container: int = Field(default=16 * 1024 * 1024, gt=0)
    max_pods: int = Field(default=20, gt=0)


def parse_pod_log(text: str, service: str, pod: str) -> list[LogRecord]:
    """Lines of `kubectl logs --timestamps` output as LogRecords (lines without a stamp are skipped)."""
    out = []
    for line in text.splitlines():
        found = parse_timestamp(line)
        if found is None:
            continue
        ts, end = found
        body = line[end:].lstrip(" ")
        level, message = level_and_message(body)
        out.append(LogRecord(ts=ts, service=service, level=level, message=message, raw=f"{pod} {line}"))
    return out


class KubeLogs:
    """`LogSource` over the pods' logs."""

    def __init__(self, options: KubeLogOptions, kube: Kube, inventory: Inventory) -> None:
        self.options = options
        self.kube = kube
        self.inventory = inventory

    def pods(self, service: str) -> list[dict[str, Any]]:
        """The service's pods (JSON objects)."""
        known = {svc.name for svc in self.inventory.services()}
        if service not in known:
            raise UnknownServiceError(service, list(known))
        listing = self.kube.call(
            "core", "list_namespaced_pod", self.kube.namespace, label_selector=self.kube.selector(service)
        )
        return (listing.get("items") or [])[: self.options.max_pods]

    def fetch(self, service: str, *, start: datetime, end: datetime, limit: int = 200_000) -> Iterator[LogRecord]:
        """Records in `[start, end]`, oldest first, at most the newest `limit`."""
        since = max(1, math.ceil((datetime.now(UTC) - start).total_seconds()))
        streams = []
        for pod in self.pods(service):
            name = pod["metadata"]["name"]
            for container, restarts in _containers(pod, self.options.container):
                for previous in (True, False) if restarts and self.options.previous else (False,):
                    text = self._read(name, container, since=since, tail=limit, previous=previous)
                    records = [r for r in parse_pod_log(text, service, name) if start <= r.ts <= end]
                    streams.append(records)
        merged = list(heapq.merge(*streams, key=lambda r: r.ts))
        return iter(merged[-limit:] if limit > 0 else [])

    def _read(self, pod: str, container: str, *, since: int, tail: int, previous: bool) -> str:
        try:
            data = self.kube.raw(
                "core",
                "read_namespaced_pod_log",
                pod,
                self.kube.namespace,
                container=container,
                timestamps=True,
                since_seconds=since,
                tail_lines=max(tail, 1),
                limit_bytes=self.options.max_bytes_per_container,
                previous=previous or None,
            )
        except BackendError:
            if previous:  # no previous container (any more): not an error
                return ""
            raise
        return data.decode("utf-8", "replace")

    def check(self) -> str:
        listing = self.kube.call("core", "list_namespaced_pod", self.kube.namespace, limit=1)
        return f"pods readable in namespace {self.kube.namespace} ({len(listing.get('items') or [])} listed)"

    def close(self) -> None:
        self.kube.close()


def _containers(pod: dict[str, Any], only: str | None) -> list[tuple[str, int]]:
    statuses = {
        s.get("name"): int(s.get("restartCount") or 0) for s in (pod.get("status") or {}).get("containerStatuses") or []
    }
    names = [c["name"] for c in (pod.get("spec") or {}).get("containers") or []]
    return [(name, statuses.get(name, 0)) for name in names if only is None or name == only]


def build_kube_logs(options: KubeLogOptions, ctx: BuildContext) -> KubeLogs:
    """Factory for `logs: {type: kubernetes}`."""
    return KubeLogs(options, Kube(options, ctx), ctx.inventory)


LOGS = BackendType("logs", "kubernetes", KubeLogOptions, build_kube_logs, "pod logs via the official client")
