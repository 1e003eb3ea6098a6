"""Alertmanager webhook payloads (version 4) into incoming alerts: the incident's alert text, the
target service (from labels, in a configurable order) and the fingerprint (duplicate
fingerprints belong to the same incident; the runtime maps them)."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.backends.naming import pod_workload, resolve_service
from aiops.core.errors import ConfigError

DEFAULT_SERVICE_LABELS: tuple[str, ...] = (
    "service",
    "app",
    "app_kubernetes_io_name",
    "app.kubernetes.io/name",
    "k8s_app",
    "deployment",
    "statefulset",
    "daemonset",
    "container",
    "job",
    "pod",
)


@dataclass(frozen=True)
class IncomingAlert:
    """One alert from a webhook: what the team is told, where to look, and how to deduplicate."""

    alert: str
    service: str | None
    fingerprint: str
    status: str
    alertname: str
    severity: str | None = None
    starts_at: datetime | None = None
    labels: dict[str, str] = field(default_factory=dict)
    annotations: dict[str, str] = field(default_factory=dict)
    generator_url: str | None = None
    group_key: str | None = None

    @property
    def text(self) -> str:
        """The incident's alert text (same as `alert`)."""
        return self.alert


def pick_service(
    labels: dict[str, str], order: tuple[str, ...] | list[str], known: set[str] | None = None
) -> str | None:
    """The target service from the labels: the first label in `order` that has a value (a value that is
    a known service wins when `known` is given); pod names lose their generated suffix."""
    candidates: list[str] = []
    for label in order:
        value = labels.get(label)
        if not value:
            continue
        candidates += [pod_workload(value), value] if label == "pod" else [value]
    if known:
        for value in candidates:
            if value in known:
                return value
        for value in candidates:  # a pod or container named after a known service
            match = resolve_service(value, known)
            if match:
                return match
    return candidates[0] if candidates else None


def _strings(value: Any, where: str, source: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ConfigError("must be a mapping of strings to strings", file=source, path=where)
    return dict(value)


def _time(value: Any, where: str, source: str) -> datetime | None:
    if value in (None, "", "0001-01-01T00:00:00Z"):
        return None
    if not isinstance(value, str):
        raise ConfigError("must be an RFC 3339 time string", file=source, path=where)
    text = re.sub(r"(\.\d{6})\d+", r"\1", value.replace("Z", "+00:00"))
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"not an RFC 3339 time: {value!r}", file=source, path=where) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def fingerprint_of(labels: dict[str, str]) -> str:
    """A stable fingerprint from the label set (used when the payload carries none)."""
    return hashlib.sha256(json.dumps(labels, sort_keys=True).encode()).hexdigest()[:16]


def alert_text(
    alertname: str,
    severity: str | None,
    service: str | None,
    annotations: dict[str, str],
    starts_at: datetime | None,
) -> str:
    """The incident's alert line: name, severity, service, summary and description, start time."""
    summary = annotations.get("summary") or annotations.get("message") or annotations.get("title") or ""
    description = annotations.get("description") or ""
    head = f"{alertname}" + (f" [{severity}]" if severity else "") + (f" on {service}" if service else "")
    parts = [p for p in (summary, description if description != summary else "") if p]
    text = head + (": " + " - ".join(parts) if parts else "")
    if starts_at is not None:
        text += f" (firing since {starts_at.isoformat(timespec='seconds').replace('+00:00', 'Z')})"
    return text


MAX_PAYLOAD_BYTES = 16_000_000
"""A webhook payload larger than this is refused (Alertmanager's own default limit is far lower)."""


def _decode(payload: str | bytes, source: str) -> Any:
    """JSON text or bytes into data; ConfigError for bytes that are not UTF-8, text that is not JSON,
    or JSON nested so deeply that it cannot be an Alertmanager payload."""
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ConfigError(f"payload is larger than {MAX_PAYLOAD_BYTES:,} bytes; not an Alertmanager webhook",
                          file=source)
    if isinstance(payload, bytes):
        try:
            payload = payload.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"not UTF-8 text (byte 0x{payload[exc.start]:02x} at offset {exc.start}); "
                              "Alertmanager sends UTF-8 JSON", file=source) from None
    try:
        return json.loads(payload)
    except RecursionError:
        raise ConfigError("the JSON nests too deeply to be an Alertmanager payload", file=source) from None
    except ValueError as exc:
        raise ConfigError(f"not JSON: {exc}", file=source) from None


def _lone_surrogate(data: Any) -> str | None:
    """The dotted path of the first string (key or value) holding a lone UTF-16 surrogate, if any."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return where or "(document)"
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((f"{where}.{key}" if where else str(key), key))
                stack.append((f"{where}.{key}" if where else str(key), item))
        elif isinstance(value, list):
            stack.extend((f"{where}.{i}", item) for i, item in enumerate(value))
    return None


def _payload(payload: dict[str, Any] | str | bytes, source: str) -> dict[str, Any]:
    if isinstance(payload, str | bytes):
        payload = _decode(payload, source)
        if (where := _lone_surrogate(payload)) is not None:
            raise ConfigError("holds a lone UTF-16 surrogate (\\ud800-\\udfff escape without its pair); "
                              "not valid Unicode text", file=source, path=where)
    if not isinstance(payload, dict):
        raise ConfigError("an Alertmanager webhook payload is a JSON object", file=source)
    version = payload.get("version")
    if version is not None and str(version) != "4":
        raise ConfigError(
            f'unsupported webhook version {version!r}; expected "4"', file=source, path="version"
        )
    if not isinstance(payload.get("alerts"), list):
        raise ConfigError(
            "missing `alerts` list (is this an Alertmanager webhook payload?)", file=source, path="alerts"
        )
    return payload


def parse_alertmanager(
    payload: dict[str, Any] | str | bytes,
    *,
    service_labels: tuple[str, ...] | list[str] = DEFAULT_SERVICE_LABELS,
    known_services: list[str] | set[str] | None = None,
    include_resolved: bool = False,
    source: str = "alertmanager payload",
) -> list[IncomingAlert]:
    """The firing alerts of a webhook payload (resolved ones too with `include_resolved`)."""
    data = _payload(payload, source)
    common_labels = _strings(data.get("commonLabels"), "commonLabels", source)
    common_notes = _strings(data.get("commonAnnotations"), "commonAnnotations", source)
    known = set(known_services) if known_services else None
    out = []
    for index, item in enumerate(data["alerts"]):
        where = f"alerts.{index}"
        if not isinstance(item, dict):
            raise ConfigError("each alert must be an object", file=source, path=where)
        labels = {**common_labels, **_strings(item.get("labels"), f"{where}.labels", source)}
        notes = {**common_notes, **_strings(item.get("annotations"), f"{where}.annotations", source)}
        if not labels:
            raise ConfigError(
                "an alert needs labels (at least alertname)", file=source, path=f"{where}.labels"
            )
        status = item.get("status") or data.get("status") or "firing"
        if status not in ("firing", "resolved"):
            raise ConfigError(
                f"status must be firing or resolved, not {status!r}", file=source, path=f"{where}.status"
            )
        if status == "resolved" and not include_resolved:
            continue
        starts = _time(item.get("startsAt"), f"{where}.startsAt", source)
        service = pick_service(labels, service_labels, known)
        alertname = labels.get("alertname", "alert")
        severity = labels.get("severity")
        fingerprint = item.get("fingerprint")
        if fingerprint is not None and not isinstance(fingerprint, str):
            raise ConfigError("must be a string", file=source, path=f"{where}.fingerprint")
        out.append(
            IncomingAlert(
                alert=alert_text(alertname, severity, service, notes, starts),
                service=service,
                fingerprint=fingerprint or fingerprint_of(labels),
                status=status,
                alertname=alertname,
                severity=severity,
                starts_at=starts,
                labels=labels,
                annotations=notes,
                generator_url=item.get("generatorURL") or None,
                group_key=data.get("groupKey") if isinstance(data.get("groupKey"), str) else None,
            )
        )
    return out


def read_alertmanager(source: str | Path, **kwargs: Any) -> list[IncomingAlert]:
    """`parse_alertmanager` on a file, or on standard input for `-`."""
    if str(source) == "-":
        return parse_alertmanager(sys.stdin.buffer.read(MAX_PAYLOAD_BYTES + 1), source="<stdin>", **kwargs)
    path = Path(source)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PAYLOAD_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    return parse_alertmanager(data, source=str(path), **kwargs)
