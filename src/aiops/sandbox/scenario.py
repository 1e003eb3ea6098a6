"""Scenario files: schema, strict validation (errors name the file and key path) and loading.

Shape (minutes are relative to the alert; negative = before it)::

    name, description, seed, window_minutes, alert,
    topology: default | {services: {...}},
    events:  [{at_minute, type, service, version?, previous_version?, summary?, author?}],
    faults:  [{type, target, start_minute, params?}],
    noise:   [{type, target, start_minute?, end_minute?, <type's own keys>}],
    expected: {root_cause, service, fixes}      # scoring only, never shown to agents
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError
from aiops.sandbox import _data
from aiops.sandbox.faults import FAULTS, ChangeSpec, Param
from aiops.sandbox.noise import NOISE_PARAMS, NoiseSpec
from aiops.sandbox.topology import Topology, parse_topology
from aiops.sandbox.validate import Checker, join, load_yaml

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"
EVENT_TYPES = (
    "deployment",
    "config_change",
    "scaling",
    "restart",
    "feature_flag",
    "maintenance",
    "certificate",
)
TOP_KEYS = (
    "name",
    "description",
    "seed",
    "window_minutes",
    "alert",
    "topology",
    "events",
    "faults",
    "noise",
    "expected",
)
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,80}$")
MAX_PAST = 7 * 24 * 60


@dataclass(frozen=True)
class FaultSpec:
    """A fault of the scenario; `fixes` are the catalogue actions whose effect ends it."""

    type: str
    target: str
    start: int
    params: dict[str, Any]
    fixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Expected:
    """The right answer, for scoring only."""

    root_cause: str
    service: str | None
    fixes: tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    """A validated scenario. `expected` is for scoring and must never reach an agent."""

    name: str
    description: str
    seed: int
    window_minutes: int
    alert: str
    topology: Topology
    events: tuple[ChangeSpec, ...]
    faults: tuple[FaultSpec, ...]
    noise: tuple[NoiseSpec, ...]
    expected: Expected
    source: str | None = None
    custom_topology: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def fingerprint(self) -> str:
        """Stable digest of the scenario's content (used to match saved world state)."""
        text = json.dumps(self.raw, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def list_scenarios() -> list[str]:
    """Names of the shipped scenarios, sorted."""
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))


def scenario_path(name_or_path: str | Path) -> Path:
    """The file for a shipped scenario name, or the given path."""
    text = str(name_or_path)
    candidate = Path(text)
    if candidate.suffix in (".yaml", ".yml") or "/" in text or candidate.is_file():
        if not candidate.is_file():
            raise ConfigError("scenario file not found", file=text)
        return candidate
    shipped = SCENARIO_DIR / f"{text}.yaml"
    if not shipped.is_file():
        raise ConfigError(
            f"unknown scenario {text!r}; shipped scenarios: {', '.join(list_scenarios())} "
            "(or give a path to a YAML file)"
        )
    return shipped


def load_scenario(name_or_path: str | Path, *, catalogue: Mapping[str, Any] | None = None) -> Scenario:
    """Load and validate a shipped scenario by name, or a scenario YAML file by path."""
    path = scenario_path(name_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read scenario: {exc}", file=str(path)) from exc
    data = load_yaml(text, str(path))
    return parse_scenario(data, file=str(path), catalogue=catalogue)


def parse_scenario(
    data: Any, *, file: str | None = None, catalogue: Mapping[str, Any] | None = None
) -> Scenario:
    """Validate plain scenario data (as loaded from YAML)."""
    check = Checker(file)
    body = check.mapping(data, "")
    check.keys(body, "", allowed=TOP_KEYS, required=("name", "seed", "alert", "faults", "expected"))
    name = check.text(body["name"], "name")
    if not NAME_RE.match(name):
        raise check.fail("name", f"use lower-case letters, digits, '.', '_' and '-', got {name!r}")
    seed = check.integer(body["seed"], "seed", low=0, high=2**63 - 1)
    window = check.integer(body.get("window_minutes", 60), "window_minutes", low=30, high=MAX_PAST)
    alert = check.text(body["alert"], "alert")
    description = check.text(body.get("description", ""), "description", allow_empty=True)
    topology = parse_topology(body.get("topology", "default"), check, "topology")
    actions = _data.normalize_catalogue(catalogue) if catalogue is not None else _data.default_catalogue()
    faults = tuple(
        _parse_fault(f, check, f"faults[{i}]", topology, actions)
        for i, f in enumerate(check.list(body["faults"], "faults"))
    )
    events = tuple(
        _parse_event(e, check, f"events[{i}]", topology, window)
        for i, e in enumerate(check.list(body.get("events"), "events"))
    )
    noise = tuple(
        _parse_noise(n, check, f"noise[{i}]", topology, window)
        for i, n in enumerate(check.list(body.get("noise"), "noise"))
    )
    expected = _parse_expected(body["expected"], check, topology, faults, actions)
    return Scenario(
        name=name,
        description=description,
        seed=seed,
        window_minutes=window,
        alert=alert,
        topology=topology,
        events=events,
        faults=faults,
        noise=noise,
        expected=expected,
        source=file,
        custom_topology=body.get("topology", "default") != "default",
        raw=dict(body),
    )


def parse_params(raw: Any, spec: Mapping[str, Param], check: Checker, path: str) -> dict[str, Any]:
    """Typed params with defaults; unknown or out-of-range values are errors."""
    given = check.mapping(raw if raw is not None else {}, path)
    check.keys(given, path, allowed=spec)
    out: dict[str, Any] = {}
    for key, param in spec.items():
        where = join(path, key)
        if key not in given:
            if param.default is None:
                raise check.fail(where, f"missing required key {key!r}")
            out[key] = param.default
            continue
        value = given[key]
        if param.kind == "number":
            out[key] = check.number(value, where, low=param.low, high=param.high)
        elif param.kind == "int":
            out[key] = check.integer(value, where, low=int(param.low), high=int(param.high))
        elif param.kind == "choice":
            out[key] = check.choice(value, where, param.choices)
        else:
            out[key] = check.text(value, where, allow_empty=param.default is not None)
    return out


def _target(value: Any, check: Checker, path: str, topology: Topology) -> str:
    return check.choice(check.text(value, path), path, topology.names(), what="service")


def _minute(value: Any, check: Checker, path: str, *, low: int, high: int = 0) -> int:
    return check.integer(value, path, low=low, high=high)


def _parse_fault(
    raw: Any, check: Checker, path: str, topology: Topology, actions: Mapping[str, Any]
) -> FaultSpec:
    body = check.mapping(raw, path)
    check.keys(body, path, allowed=("type", "target", "start_minute", "params"), required=("type", "target"))
    kind = check.choice(body["type"], join(path, "type"), FAULTS, what="fault type")
    cls = FAULTS[kind]
    target = _target(body["target"], check, join(path, "target"), topology)
    service_kind = topology.services[target].kind
    if service_kind not in cls.kinds:
        raise check.fail(
            join(path, "target"),
            f"{kind} applies to {' or '.join(cls.kinds)} services; {target!r} is a {service_kind}",
        )
    start = _minute(body.get("start_minute", -20), check, join(path, "start_minute"), low=-MAX_PAST)
    params = parse_params(body.get("params"), cls.params_spec, check, join(path, "params"))
    effects = cls(target, start, params).fix_effects(service_kind)
    fixes = tuple(name for name, spec in actions.items() if spec["effect"] in effects)
    if not fixes:
        raise check.fail(
            join(path, "type"),
            f"no runbook action in the catalogue fixes {kind} "
            f"(it needs an action with effect {' or '.join(sorted(effects))})",
        )
    return FaultSpec(kind, target, start, params, fixes)


def _parse_event(raw: Any, check: Checker, path: str, topology: Topology, window: int) -> ChangeSpec:
    body = check.mapping(raw, path)
    allowed = ("at_minute", "type", "service", "version", "previous_version", "summary", "author")
    check.keys(body, path, allowed=allowed, required=("at_minute", "type", "service"))
    at = _minute(body["at_minute"], check, join(path, "at_minute"), low=-max(window, MAX_PAST))
    kind = check.choice(body["type"], join(path, "type"), EVENT_TYPES, what="event type")
    service = _target(body["service"], check, join(path, "service"), topology)
    attrs = {
        k: check.text(body[k], join(path, k)) for k in ("version", "previous_version", "author") if k in body
    }
    if kind == "deployment" and "version" not in attrs:
        raise check.fail(join(path, "version"), "a deployment event needs a version")
    summary = check.text(body["summary"], join(path, "summary")) if "summary" in body else ""
    return ChangeSpec(at, kind, service, summary, tuple(sorted(attrs.items())))


def _parse_noise(raw: Any, check: Checker, path: str, topology: Topology, window: int) -> NoiseSpec:
    body = check.mapping(raw, path)
    kind = check.choice(body.get("type"), join(path, "type"), NOISE_PARAMS, what="noise type")
    own = NOISE_PARAMS[kind]
    check.keys(
        body, path, allowed=("type", "target", "start_minute", "end_minute", *own), required=("target",)
    )
    target = _target(body["target"], check, join(path, "target"), topology)
    start = _minute(
        body.get("start_minute", -window), check, join(path, "start_minute"), low=-MAX_PAST, high=MAX_PAST
    )
    end = None
    if body.get("end_minute") is not None:
        end = _minute(body["end_minute"], check, join(path, "end_minute"), low=start + 1, high=MAX_PAST)
    own_values = {k: v for k, v in body.items() if k in own}
    params = parse_params(own_values, own, check, path)
    return NoiseSpec(kind, target, start, end, params)


def _parse_expected(
    raw: Any, check: Checker, topology: Topology, faults: tuple[FaultSpec, ...], actions: Mapping[str, Any]
) -> Expected:
    body = check.mapping(raw, "expected")
    check.keys(body, "expected", allowed=("root_cause", "service", "fixes"), required=("root_cause",))
    cause = check.choice(
        body["root_cause"], "expected.root_cause", _data.categories(), what="root-cause category"
    )
    fixes = check.list(body.get("fixes"), "expected.fixes")
    if cause == "none":
        if body.get("service") is not None:
            raise check.fail("expected.service", "a false alarm (root_cause none) has no service")
        if fixes:
            raise check.fail("expected.fixes", "a false alarm (root_cause none) takes no action")
        if faults:
            raise check.fail("expected.root_cause", "root_cause none but the scenario has faults")
        return Expected(cause, None, ())
    if not faults:
        raise check.fail("expected.root_cause", f"root_cause {cause!r} but the scenario has no faults")
    service = _target(body.get("service"), check, "expected.service", topology)
    if not fixes:
        raise check.fail("expected.fixes", "list at least one runbook action that fixes the incident")
    fixing = {f for spec in faults if spec.target == service for f in spec.fixes}
    if not fixing:
        raise check.fail("expected.service", f"no fault of this scenario targets {service!r}")
    for i, fix in enumerate(fixes):
        check.choice(fix, f"expected.fixes[{i}]", actions, what="runbook action")
        if fix not in fixing:
            raise check.fail(
                f"expected.fixes[{i}]",
                f"{fix!r} (effect {actions[fix]['effect']}) does not fix the "
                f"faults on {service}; those are fixed by {', '.join(sorted(fixing))}",
            )
    return Expected(cause, service, tuple(fixes))
