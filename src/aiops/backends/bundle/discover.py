"""What a bundle is about: its services (declared, and found in logs, metric labels, Kubernetes
objects and change events), what kind each one is, and the investigation time.

A service's kind matters to the diagnosis (a slow database is diagnosed on a database). It is read
from the evidence where it says so (a CloudWatch namespace, a Kubernetes node), else from the
common names of data stores; everything else is an application.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from aiops.backends.bundle.layout import Bundle
from aiops.backends.k8s_state import StateBook, read_snapshot
from aiops.backends.logparse import parse_line
from aiops.backends.metricfiles import FileMetrics
from aiops.backends.naming import resolve_service, workload_of
from aiops.backends.tail import ByteBudget, reverse_lines
from aiops.core.errors import ConfigError
from aiops.core.types import StateRecord

NAMESPACE_KINDS = {
    "AWS/RDS": "database", "AWS/DocDB": "database", "AWS/Neptune": "database", "AWS/DynamoDB": "database",
    "AWS/ElastiCache": "cache", "AWS/MemoryDB": "cache", "AWS/EC2": "host", "AWS/ApplicationELB": "loadbalancer",
    "AWS/ELB": "loadbalancer", "AWS/NetworkELB": "loadbalancer", "AWS/SQS": "queue", "AWS/Kafka": "queue",
}
"""CloudWatch namespaces that say what a resource is."""
STORE_NAMES = re.compile(
    r"(^|[-_.])(db|database|postgres(ql)?|pg|mysql|mariadb|mongo(db)?|cassandra|cockroach(db)?|oracle|mssql|"
    r"sqlserver|rds|aurora|clickhouse|elasticsearch|opensearch)([-_.]|\d|$)", re.IGNORECASE)
CACHE_NAMES = re.compile(r"(^|[-_.])(redis|memcached?|valkey|elasticache|cache)([-_.]|\d|$)", re.IGNORECASE)
DNS_NAMES = re.compile(r"^(coredns|kube-dns|node-local-dns|nodelocaldns|dnsmasq|unbound|bind9?|named|powerdns)"
                       r"([-_.]|\d|$)", re.IGNORECASE)
"""Cluster and resolver DNS servers (CoreDNS and kube-dns in Kubernetes, the usual resolvers elsewhere)."""
TAIL_LINES = 200
TAIL_BYTES = 256 * 1024


@dataclass
class Discovered:
    """Services with their kinds, the investigation time, and the Kubernetes records read."""

    services: dict[str, str] = field(default_factory=dict)
    at: datetime | None = None
    state: list[StateRecord] = field(default_factory=list)
    metrics: FileMetrics | None = None
    notes: list[str] = field(default_factory=list)
    depends_on: dict[str, list[str]] = field(default_factory=dict)


def kind_by_name(name: str) -> str:
    """`dns` for DNS servers, `database` / `cache` for the usual names of data stores, else `app`."""
    if DNS_NAMES.search(name):
        return "dns"
    if STORE_NAMES.search(name):
        return "database"
    if CACHE_NAMES.search(name):
        return "cache"
    return "app"


def discover(bundle: Bundle) -> Discovered:
    """Services, kinds and time of a scanned bundle (reads metric files, snapshots and log tails)."""
    found = Discovered()
    names: dict[str, str] = {name: str(row.get("kind") or "") for name, row in bundle.topology.items()}
    names.update({name: "" for name in bundle.services if name not in names})
    names.update({name: "" for name in bundle.logs if name not in names})
    times: list[datetime] = []
    if bundle.metrics:
        found.metrics = FileMetrics(bundle.metrics, service_labels=_metric_labels(), known=None)
        for series in found.metrics.all_series():
            if series.service:
                service = series.service if series.service in names else (
                    resolve_service(series.service, names) or series.service)
                namespace = series.labels.get("namespace", "")
                kind = NAMESPACE_KINDS.get(namespace, "")
                names[service] = names.get(service) or kind
        found.notes += found.metrics.notes.notes
        span = found.metrics.time_range()
        if span:
            times.append(span[1])
    for path, ts in _log_times(bundle):
        times.append(ts)
        del path
    times += [t for t, _ in _event_times_and_services(bundle, found)]  # change events name services, but a
    # service known only from a change event has no evidence of its own: it stays out of the inventory
    state = _state(bundle, found, names, times)
    for record in state:
        if record.kind == "Node":
            if record.healthy is False or record.service in bundle.services:
                names[record.service] = "node"
        elif record.service and record.kind in OWNERS and not resolve_service(record.service, names):
            names[record.service] = ""
    for record in state:  # pods whose owner is not in the snapshot: their workload
        if record.service and record.kind in ("Pod", "Container") and not resolve_service(record.service, names):
            names[record.service] = ""
    found.at = bundle.at or (max(times) if times else None)
    kinds = {name: kind or kind_by_name(name) for name, kind in names.items() if name}
    found.services = {name: _derived_kind(name, kind, kinds) for name, kind in kinds.items()}
    found.depends_on = {name: [parent] for name in found.services if (parent := _store_parent(name, kinds))}
    return found


OWNERS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"})


def _store_parent(name: str, kinds: dict[str, str]) -> str | None:
    """The data store whose name `name` extends (`orders-db-replica-1` -> `orders-db`): a replica or
    standby of it, which depends on it (replication flows from it)."""
    parents = [other for other, kind in kinds.items()
               if other != name and name.startswith(other + "-") and kind not in ("app", "node")]
    return max(parents, key=len) if parents else None


def _derived_kind(name: str, kind: str, kinds: dict[str, str]) -> str:
    """A name made from a data store's name (`orders-db-replica-1`, `payments-prod-standby`) is a data
    store of the same kind (a replica, a standby)."""
    if kind != "app":
        return kind
    parent = _store_parent(name, kinds)
    return kinds[parent] if parent else kind


def _metric_labels() -> list[str]:
    from aiops.backends.metricfiles import SERVICE_LABELS

    return list(SERVICE_LABELS)


def _log_times(bundle: Bundle) -> list[tuple[Path, datetime]]:
    """The latest timestamp in the tail of every log file."""
    out = []
    for files in bundle.logs.values():
        for path in files:
            if path.suffix == ".gz":
                continue
            budget = ByteBudget(TAIL_BYTES)
            for number, line in enumerate(reverse_lines(path, budget)):
                if number >= TAIL_LINES:
                    break
                header = parse_line(line)
                if header is not None:
                    out.append((path, header.ts))
                    break
    return out


def _event_times_and_services(bundle: Bundle, found: Discovered) -> list[tuple[datetime, str]]:
    from aiops.backends.static import _event_from_json

    if bundle.events is None:
        return []
    out = []
    with bundle.events.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                event = _event_from_json(line, number, bundle.events)
            except (ValueError, json.JSONDecodeError) as exc:
                found.notes.append(str(exc))
                continue
            out.append((event.ts, event.service))
    return out


def _state(bundle: Bundle, found: Discovered, names: dict[str, str], times: list[datetime]) -> list[StateRecord]:
    """Kubernetes records of the snapshot files. Their absolute times count towards the investigation
    time; relative ages (`3m ago`) are then placed before it (the bundle's `at`, else the latest
    time found anywhere)."""
    del names
    if not bundle.k8s:
        return []
    absolute = _read_all(bundle, found, None)
    times += [r.ts for r in absolute if r.ts is not None]
    ref = bundle.at or (max(times) if times else None)
    records = _read_all(bundle, Discovered(), ref) if ref is not None else absolute
    found.state = StateBook(records, ref=ref).records()
    return found.state


def _read_all(bundle: Bundle, found: Discovered, ref: datetime | None) -> list[StateRecord]:
    records: list[StateRecord] = []
    for path in bundle.k8s:
        try:
            records += read_snapshot(path, workload_of, ref)
        except (ConfigError, OSError) as exc:
            found.notes.append(f"{bundle.rel(path)}: {exc}")
    return records
