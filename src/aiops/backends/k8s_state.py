"""`StateSource` backends: Kubernetes state from snapshot files (`state: {type: snapshot}`) or from
the cluster (`state: {type: kubernetes}`), and none (`state: none`, the default).

Both hand their objects to `StateBook`, which decides whether a warning event still describes the
present: an event about an object that is in trouble now is current; one about an object that is
healthy now (the pod runs and is ready again, the node is Ready, the rollout completed) or that is
being deleted is history; without a current view of the object, recency decides.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import Field, field_validator

from aiops.backends.context import BuildContext
from aiops.backends.k8s_client import Kube, KubeOptions
from aiops.backends.k8s_objects import records as object_records
from aiops.backends.k8s_text import parse_text
from aiops.backends.metricfiles import expand
from aiops.backends.naming import resolve_service, workload_of
from aiops.backends.options import Options
from aiops.backends.registry import BackendType
from aiops.core.errors import BackendError, ConfigError
from aiops.core.types import StateRecord

RECENT = timedelta(minutes=60)
"""An event about an object with no current view counts as current when it last happened this
recently before the snapshot; older events are history."""
MAX_FILE_BYTES = 32 * 1024 * 1024
SNAPSHOT_NODES = 2_000_000
"""Values one YAML snapshot may hold (a namespace's pods as `get -o yaml`): strict loading still
refuses anchors, aliases and tags, so this bounds work, not expansion."""


class StateBook:
    """Records of one snapshot, with events placed in the present or in history."""

    def __init__(self, records: Iterable[StateRecord], *, ref: datetime | None = None) -> None:
        items = _dedupe(records)
        stamps = [r.ts for r in items if r.ts is not None]
        self.ref = ref or (max(stamps) if stamps else datetime.now(UTC))
        self._records = [self._place(r, items) if r.kind == "Event" else r for r in items]

    def _place(self, event: StateRecord, items: list[StateRecord]) -> StateRecord:
        target = event.attrs.get("object", event.name.rpartition("/")[2])
        now = [r for r in items if r.kind != "Event" and _same_object(r, target)]
        if not now and event.service:
            now = [r for r in items if r.kind != "Event" and r.service == event.service
                   and r.kind not in ("Container", "Pod")]
        old = event.ts is not None and event.ts < self.ref - RECENT
        if now:
            live = [r for r in now if r.current]
            troubled = any(r.healthy is False for r in live)
            current = troubled and not old
        else:
            current = not old
        return replace(event, current=current)

    def records(self, service: str | None = None) -> list[StateRecord]:
        """Records of `service` (every record with None), current ones first."""
        chosen = [r for r in self._records if service is None or r.service == service]
        return sorted(chosen, key=lambda r: (not r.current, r.kind == "Event"))

    def services(self) -> list[str]:
        """Services with at least one record."""
        return sorted({r.service for r in self._records if r.service})

    def __len__(self) -> int:
        return len(self._records)


def _dedupe(records: Iterable[StateRecord]) -> list[StateRecord]:
    """The same event read from two outputs (`describe` and `get events`) once, at its latest time."""
    out: dict[tuple, StateRecord] = {}
    for record in records:
        key: tuple = (record.kind, record.name, record.reason, record.message, record.status)
        if record.kind != "Event":
            key = (*key, id(record))
        kept = out.get(key)
        if kept is None or (record.ts and (kept.ts is None or record.ts > kept.ts)):
            out[key] = record
    return list(out.values())


def _same_object(record: StateRecord, target: str) -> bool:
    name = record.name.split("/")[0] if record.kind == "Container" else record.name
    return bool(target) and name == target


def read_snapshot(path: Path, resolve: object, ref: datetime | None) -> list[StateRecord]:
    """Records of one kubectl output file (JSON, YAML or text); ConfigError when unreadable."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ConfigError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; snapshot fewer objects", file=str(path))
    text = strip_prompt(path.read_text(encoding="utf-8", errors="replace"))
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(text)
        except ValueError as exc:
            try:  # JSON lines: one object a line
                data = [json.loads(line) for line in text.splitlines() if line.strip()]
            except ValueError:
                raise ConfigError(f"invalid JSON: {exc}", file=str(path)) from None
        return object_records(data, resolve)  # type: ignore[arg-type]
    if path.suffix.lower() in (".yaml", ".yml") or re.match(r"^(apiVersion|kind|items):", stripped):
        from aiops.core.yamlsafe import parse_yaml

        out: list[StateRecord] = []
        for number, doc in enumerate(re.split(r"(?m)^---\s*$", text)):
            if doc.strip():
                parsed = parse_yaml(doc, f"{path}#{number}", what="Kubernetes snapshot", max_bytes=MAX_FILE_BYTES,
                                    max_nodes=SNAPSHOT_NODES)
                out += object_records(parsed.data, resolve)  # type: ignore[arg-type]
        return out
    return parse_text(text, resolve, ref)  # type: ignore[arg-type]


_PROMPT = re.compile(r"^\s*(?:[$#>%] |kubectl )")


def strip_prompt(text: str) -> str:
    """The output without the command lines pasted above it (`$ kubectl get pods -n shop`)."""
    lines = text.splitlines()
    while lines and (not lines[0].strip() or _PROMPT.match(lines[0])):
        lines.pop(0)
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


def _resolver(known: list[str] | None):
    def resolve(name: str) -> str:
        if not name:
            return ""
        if known is None:
            return workload_of(name)
        return resolve_service(name, known) or ""

    return resolve


class SnapshotOptions(Options):
    """`paths`: globs of kubectl output files; `at`: when they were taken (default: the latest time in them)."""

    paths: list[str] = Field(min_length=1)
    at: datetime | None = None

    @field_validator("paths", mode="before")
    @classmethod
    def _list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class SnapshotState:
    """`StateSource` over kubectl output files, read once."""

    def __init__(self, files: list[Path], *, known: list[str] | None, at: datetime | None = None) -> None:
        self.files = files
        self.notes: list[str] = []
        found: list[StateRecord] = []
        for path in files:
            try:
                found += read_snapshot(path, _resolver(known), at)
            except (ConfigError, OSError) as exc:
                self.notes.append(f"{path.name}: {exc}")
        self.book = StateBook(found, ref=at)

    def records(self, service: str | None = None) -> list[StateRecord]:
        return self.book.records(service)

    def services(self) -> list[str]:
        return self.book.services()

    def check(self) -> str:
        if not len(self.book):
            raise BackendError(f"no Kubernetes objects found in {len(self.files)} file(s)")
        return f"{len(self.book)} state records for {len(self.book.services())} services from {len(self.files)} files"


def build_snapshot(options: SnapshotOptions, ctx: BuildContext) -> SnapshotState:
    """Factory for `state: {type: snapshot}`."""
    files = expand(str(ctx.resolve(p)) for p in options.paths)
    if not files:
        raise BackendError(f"no snapshot file matches {', '.join(options.paths)}")
    at = options.at.astimezone(UTC) if options.at and options.at.tzinfo else options.at
    if at is None and "clock" in ctx.built:
        at = ctx.built["clock"].now()
    return SnapshotState(files, known=ctx.service_names(), at=at)


class KubeStateOptions(KubeOptions):
    """Cluster access; the namespace's pods, events, workloads and (when allowed) nodes are read."""

    nodes: bool = True
    max_objects: int = Field(default=2000, gt=0)


class KubeState:
    """`StateSource` over a live cluster (one namespace), read on every call: the service's pods (by the
    label selector), the namespace's events and workloads, and the nodes when the role may list them.
    Workload kinds the role may not list are skipped; pods and events must be readable."""

    OPTIONAL = (("apps", "list_namespaced_deployment"), ("apps", "list_namespaced_stateful_set"),
                ("apps", "list_namespaced_daemon_set"), ("batch", "list_namespaced_job"))

    def __init__(self, options: KubeStateOptions, kube: Kube, known: list[str]) -> None:
        self.options = options
        self.kube = kube
        self.known = known

    def _book(self, service: str | None) -> StateBook:
        resolve = _resolver(self.known)
        pods_args: dict[str, object] = {"limit": self.options.max_objects}
        if service:
            pods_args["label_selector"] = self.kube.selector(service)
        pods = self.kube.call("core", "list_namespaced_pod", self.kube.namespace, **pods_args)
        found = object_records(pods, (lambda name: resolve(name) or service) if service else resolve)
        found += object_records(self.kube.call("core", "list_namespaced_event", self.kube.namespace,
                                               limit=self.options.max_objects), resolve)
        for group, method in self.OPTIONAL:
            with contextlib.suppress(BackendError):  # a kind the role may not list: the rest still stands
                found += object_records(self.kube.call(group, method, self.kube.namespace,
                                                       limit=self.options.max_objects), resolve)
        if self.options.nodes:
            with contextlib.suppress(BackendError):  # nodes need a cluster role
                found += object_records(self.kube.call("core", "list_node", limit=200), resolve)
        return StateBook(found, ref=datetime.now(UTC))

    def records(self, service: str | None = None) -> list[StateRecord]:
        return self._book(service).records(service)

    def check(self) -> str:
        return f"{len(self._book(None))} state records in namespace {self.kube.namespace}"

    def close(self) -> None:
        self.kube.close()


def build_kube_state(options: KubeStateOptions, ctx: BuildContext) -> KubeState:
    """Factory for `state: {type: kubernetes}`."""
    return KubeState(options, Kube(options, ctx), ctx.service_names())


class NoStateOptions(Options):
    """No options."""


class NoState:
    """No orchestrator view: every service's state is unknown (the environment gets `state=None`)."""

    configured = False

    def records(self, service: str | None = None) -> list[StateRecord]:  # noqa: ARG002
        return []

    def check(self) -> str:
        return "no orchestrator state configured"


def build_no_state(options: NoStateOptions, ctx: BuildContext) -> NoState:  # noqa: ARG001
    """Factory for `state: none`."""
    return NoState()


SNAPSHOT = BackendType("state", "snapshot", SnapshotOptions, build_snapshot,
                       "kubectl output files: get -o json|yaml, describe, get events/pods tables")
KUBERNETES = BackendType("state", "kubernetes", KubeStateOptions, build_kube_state,
                         "pods, events, workloads and nodes of a namespace, live")
NONE = BackendType("state", "none", NoStateOptions, build_no_state, "no orchestrator state")
