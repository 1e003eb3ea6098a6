"""Names a service's logs use, derived from the service name: endpoints, classes, tables, users."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiops.sandbox.topology import ServiceSpec

SUFFIXES = ("-api", "-svc", "-service", "-server", "-worker", "-db", "-cache", "-app")


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@dataclass(frozen=True)
class Vocab:
    """Per-service words, e.g. `noun` payment, `plural` payments, `cap` Payment,
    `app_class` PaymentApiApplication."""

    service: str
    noun: str
    plural: str
    cap: str
    app_class: str
    module: str
    pkg: str
    host: str
    tables: tuple[str, ...]
    db_user: str
    db_name: str
    endpoints: tuple[tuple[str, str, float], ...]


def vocab_for(spec: ServiceSpec) -> Vocab:
    """The vocabulary of `spec` (pure function of its name)."""
    name = spec.name
    stem = name
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    noun = re.sub(r"[^a-z0-9]+", "_", stem).strip("_") or "item"
    plural = _plural(noun)
    cap = "".join(part.capitalize() for part in re.split(r"[^a-z0-9]+", stem) if part) or "Item"
    app_class = "".join(part.capitalize() for part in re.split(r"[^a-z0-9]+", name) if part) + "Application"
    path = plural.replace("_", "-")
    endpoints = (
        ("GET", f"/api/v1/{path}/{{id}}", 0.44),
        ("GET", f"/api/v1/{path}?page={{page}}", 0.14),
        ("POST", f"/api/v1/{path}", 0.2),
        ("PUT", f"/api/v1/{path}/{{id}}", 0.1),
        ("POST", f"/api/v1/{path}/{{id}}/confirm", 0.06),
        ("GET", f"/api/v1/{path}/{{id}}/history", 0.06),
    )
    return Vocab(
        service=name,
        noun=noun,
        plural=plural,
        cap=cap,
        app_class=app_class,
        module=re.sub(r"[^a-z0-9]+", "_", name),
        pkg=noun.replace("_", ""),
        host=f"{name}.prod.svc.cluster.local",
        tables=(plural, f"{noun}_events", f"{noun}_items"),
        db_user=f"{noun}_app",
        db_name=plural,
        endpoints=endpoints,
    )
