"""Choosing a runbook action from the remediation skill's catalogue (`actions` in its data file)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

RISK_ORDER = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True, slots=True)
class Action:
    """One catalogue entry, as the remediator states it in its plan."""

    name: str
    risk: str
    when: str
    impact: str
    recovery_time: str
    rollback: str
    fixes: tuple[str, ...]
    procedure: tuple[str, ...] = ()


def catalogue(data: Mapping[str, Any]) -> dict[str, Action]:
    """The actions of a remediation data file (`actions:` mapping), in file order."""
    out: dict[str, Action] = {}
    raw = data.get("actions")
    if not isinstance(raw, Mapping):
        return out
    for name, spec in raw.items():
        if not isinstance(spec, Mapping):
            continue
        out[str(name)] = Action(
            name=str(name),
            risk=str(spec.get("risk") or "medium"),
            when=str(spec.get("when") or ""),
            impact=str(spec.get("impact") or "not stated"),
            recovery_time=str(spec.get("recovery_time") or "not stated"),
            rollback=str(spec.get("rollback") or "not stated"),
            fixes=tuple(str(f) for f in spec.get("fixes") or ()),
            procedure=tuple(str(p) for p in spec.get("procedure") or ()),
        )
    return out


def candidates(actions: Mapping[str, Action], category: str, preferred: Sequence[str] = ()) -> list[Action]:
    """Actions that fix `category`: the diagnosis' preferred ones first (in its order), then the rest
    in catalogue order (the catalogue lists the usual first choice first)."""
    fitting = [a for a in actions.values() if category in a.fixes]
    rank = {name: i for i, name in enumerate(preferred)}
    return sorted(fitting, key=lambda a: (rank.get(a.name, len(rank)), list(actions).index(a.name)))
