"""The skills' machine-readable data files, read strictly and checked against their schemas:
`log-analysis/signatures.yaml`, `diagnostics/failure_modes.yaml`, `remediation/runbooks.yaml` and the
optional `log-analysis/metric_names.yaml`.

Checked when the team loads (so `team validate` and `respond` refuse a broken file before anything
starts): the strict YAML rules of team files (no tags, anchors, duplicate keys; bounded size),
each file's shape and types, unknown keys (a typo would otherwise be ignored silently), and the
references between the files: signature and failure-mode categories are in `categories`, runbook
`fixes` name categories, failure-mode `remedies` name runbook actions, the decision tree and the
failure modes name signals and failure modes that exist.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError
from aiops.team.errors import did_you_mean, located
from aiops.team.skills import plain_entry
from aiops.team.yamlsafe import Loc, YamlDoc, load_yaml_file

DATA_FILES: dict[str, tuple[str, str]] = {
    "signatures": ("log-analysis", "signatures.yaml"),
    "failure_modes": ("diagnostics", "failure_modes.yaml"),
    "runbooks": ("remediation", "runbooks.yaml"),
    "metric_names": ("log-analysis", "metric_names.yaml"),
}
"""kind -> (skill folder, file name) of the data files the runtime and the offline engine read."""
OPTIONAL = frozenset({"metric_names"})
"""Kinds a team may go without (no metric-name aliases: only the team's own names are understood)."""

RISKS = ("low", "medium", "high")
_ACTION_KEYS = {"risk": "text", "when": "text", "procedure": "texts", "impact": "text", "recovery_time": "text",
                "recovery_minutes": "number", "rollback": "text", "effect": "text", "fixes": "texts"}
_MODE_KEYS = {"category": "text", "role": "text", "kinds": "texts", "summary": "text", "plain_language": "text",
              "symptoms": "texts", "checks": "texts", "common_causes": "texts", "evidence": "weights",
              "against": "weights", "requires": "groups", "remedies": "texts", "verify": "texts",
              "prevention": "text"}
_SIGNAL_KEYS = frozenset({
    "about", "logs", "min_count", "rising", "metric", "trend", "saturated", "min_ratio", "max_ratio", "min_value",
    "min_increase", "min_saturation", "sustained", "missing", "stale_minutes", "log_volume_below", "change",
    "summary", "before_onset_minutes", "anytime", "of", "signal", "min", "named_by", "in_logs", "names", "onset",
    "log_errors", "new_error_patterns", "all", "any", "none", "active", "at_baseline", "kind", "min_severity",
    "source", "state", "covered", "past"})
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def data_path(skills_root: Path, kind: str) -> Path:
    """Where the data file of `kind` lives under the team's skills folder."""
    skill, name = DATA_FILES[kind]
    return skills_root / skill / name


def regular_file(path: Path) -> None:
    """Refuse anything but a regular file (see `plain_entry`; a folder is refused too)."""
    if stat.S_ISDIR(plain_entry(path).st_mode):
        raise ConfigError("is a folder; a data file is expected here", file=str(path), path="(file)")


def load_skill_data(skills_root: Path, *, required: bool = False) -> dict[str, Any]:
    """kind -> parsed data of each data file present (all three when `required`), checked."""
    docs: dict[str, YamlDoc] = {}
    for kind in DATA_FILES:
        path = data_path(skills_root, kind)
        if not path.exists() and not path.is_symlink():
            if required and kind not in OPTIONAL:
                raise ConfigError("missing: the safety policy, the runtime and the offline engine read this file; "
                                  "copy it from `aiops team init`", file=str(path), path="(file)")
            continue
        regular_file(path)
        docs[kind] = load_yaml_file(path)
    categories = _check_modes_shape(docs["failure_modes"]) if "failure_modes" in docs else None
    actions = _check_runbooks(docs["runbooks"], categories) if "runbooks" in docs else None
    if "failure_modes" in docs:
        _check_modes_refs(docs["failure_modes"], actions)
    if "signatures" in docs:
        _check_signatures(docs["signatures"], categories)
    if "metric_names" in docs:
        from aiops.backends.aliases import parse_metric_names

        parse_metric_names(docs["metric_names"].data, file=docs["metric_names"].file)
    return {kind: doc.data for kind, doc in docs.items()}


def _mapping(doc: YamlDoc, loc: Loc, value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise located(f"{what} must be a mapping", doc, loc, "write 'key: value' lines")
    return value


def _typed(doc: YamlDoc, loc: Loc, value: Any, kind: str) -> None:
    if kind == "text" and not isinstance(value, str):
        raise located("must be text", doc, loc, "quote it if YAML reads it as a number, yes/no or a date")
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float) or value < 0):
        raise located(f"must be a number of at least 0, not {value!r}", doc, loc, "write a number such as 2")
    if kind == "texts":
        if not isinstance(value, list):
            raise located("must be a list", doc, loc, "write a list: [a, b]")
        for i, item in enumerate(value):
            _typed(doc, (*loc, i), item, "text")
    if kind == "weights":
        for key, weight in _mapping(doc, loc, value, "weights").items():
            _typed(doc, (*loc, key), weight, "number")
    if kind == "groups":
        if not isinstance(value, list):
            raise located("must be a list of signal lists", doc, loc, "write [[signal_a, signal_b], [signal_c]]")
        for i, group in enumerate(value):
            _typed(doc, (*loc, i), group, "texts")


def _known_keys(doc: YamlDoc, loc: Loc, item: Mapping[str, Any], keys: Any) -> None:
    for key in item:
        if key not in keys:
            raise located(f"unknown key {key!r}", doc, (*loc, key),
                          f"{did_you_mean(key, sorted(keys))}known keys: {', '.join(sorted(keys))}")


def _member(doc: YamlDoc, loc: Loc, value: str, known: Any, what: str) -> None:
    if known is not None and value not in known:
        raise located(f"{value!r} is not one of the {what}", doc, loc,
                      f"{did_you_mean(value, sorted(known))}known: {', '.join(sorted(known))}")


def _check_runbooks(doc: YamlDoc, categories: list[str] | None) -> set[str]:
    data = _mapping(doc, (), doc.data, "the runbook file")
    _known_keys(doc, (), data, {"actions", "version"})
    actions = _mapping(doc, ("actions",), data.get("actions"), "`actions`")
    for name, raw in actions.items():
        loc: Loc = ("actions", name)
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", name):
            raise located("action names may use only letters, digits, _ . : -", doc, loc)
        spec = _mapping(doc, loc, raw, "an action")
        _known_keys(doc, loc, spec, _ACTION_KEYS)
        for key, kind in _ACTION_KEYS.items():
            if key in spec:
                _typed(doc, (*loc, key), spec[key], kind)
        if spec.get("risk") not in RISKS:
            raise located(f"risk must be one of {', '.join(RISKS)}, got {spec.get('risk')!r}", doc, (*loc, "risk"))
        for i, category in enumerate(spec.get("fixes") or []):
            _member(doc, (*loc, "fixes", i), category, categories, "root-cause categories")
    return set(actions)


def _check_modes_shape(doc: YamlDoc) -> list[str]:
    data = _mapping(doc, (), doc.data, "the diagnostics file")
    _known_keys(doc, (), data, {"version", "categories", "signals", "decision_tree", "origin", "confidence",
                                "failure_modes"})
    categories = data.get("categories")
    _typed(doc, ("categories",), categories, "texts")
    for i, name in enumerate(categories):
        if not _NAME.match(name):
            raise located(f"category {name!r} must be snake_case", doc, ("categories", i))
    signals = _mapping(doc, ("signals",), data.get("signals", {}), "`signals`")
    for name, raw in signals.items():
        spec = _mapping(doc, ("signals", name), raw, "a signal")
        _known_keys(doc, ("signals", name), spec, _SIGNAL_KEYS)
        if not set(spec) - {"about"}:
            raise located("a signal needs a test (logs, metric, change, of, all, any, ...)", doc, ("signals", name))
    modes = _mapping(doc, ("failure_modes",), data.get("failure_modes"), "`failure_modes`")
    for name, raw in modes.items():
        loc: Loc = ("failure_modes", name)
        spec = _mapping(doc, loc, raw, "a failure mode")
        _known_keys(doc, loc, spec, _MODE_KEYS)
        for key, kind in _MODE_KEYS.items():
            if key in spec:
                _typed(doc, (*loc, key), spec[key], kind)
        _member(doc, (*loc, "category"), str(spec.get("category")), set(categories), "`categories`")
        if spec.get("role", "origin") not in ("origin", "symptom"):
            raise located("role must be origin or symptom", doc, (*loc, "role"))
    return list(categories)


def _check_modes_refs(doc: YamlDoc, actions: set[str] | None) -> None:
    data = doc.data
    signals, modes = set(data.get("signals") or {}), set(data["failure_modes"])
    for name, spec in (data.get("signals") or {}).items():
        for key in ("all", "any", "none"):
            for i, ref in enumerate(spec.get(key) or []):
                _member(doc, ("signals", name, key, i), str(ref), signals, "signals")
        if "signal" in spec:
            _member(doc, ("signals", name, "signal"), str(spec["signal"]), signals, "signals")
    steps = data.get("decision_tree") or []
    if not isinstance(steps, list):
        raise located("must be a list of steps", doc, ("decision_tree",))
    for s, raw_step in enumerate(steps):
        step = _mapping(doc, ("decision_tree", s), raw_step, "a step")
        for b, raw_branch in enumerate(step.get("branches") or []):
            loc: Loc = ("decision_tree", s, "branches", b)
            branch = _mapping(doc, loc, raw_branch, "a branch")
            for key, known, what in (("when", signals, "signals"), ("consider", modes, "failure modes")):
                _typed(doc, (*loc, key), branch.get(key, []), "texts")
                for i, ref in enumerate(branch.get(key, [])):
                    _member(doc, (*loc, key, i), ref, known, what)
    for name, spec in data["failure_modes"].items():
        loc = ("failure_modes", name)
        for key in ("evidence", "against"):
            for ref in spec.get(key) or {}:
                _member(doc, (*loc, key, ref), ref, signals, "signals")
        for g, group in enumerate(spec.get("requires") or []):
            for i, ref in enumerate(group):
                _member(doc, (*loc, "requires", g, i), ref, signals, "signals")
        for i, ref in enumerate(spec.get("remedies") or []):
            _member(doc, (*loc, "remedies", i), ref, actions, "runbook actions (remediation/runbooks.yaml)")
    none = (data.get("confidence") or {}).get("none") or {}
    for key in ("unless_any", "requires_quiet"):
        for i, ref in enumerate(none.get(key) or []):
            _member(doc, ("confidence", "none", key, i), str(ref), signals, "signals")


def _check_signatures(doc: YamlDoc, categories: list[str] | None) -> None:
    from aiops.analysis.signatures import parse_signatures

    parsed = parse_signatures(doc.data, file=doc.file)
    for i, signature in enumerate(parsed):
        _member(doc, ("signatures", i, "category"), signature.category, categories, "root-cause categories")
