"""Randomised scenarios: random service names, topologies, fault parameters, red herrings and false
alarms, in the sandbox's scenario file format. They keep the engine honest: nothing in them was
seen while the engine's knowledge was written.

The `expected` block is written here from the fault that was injected (ground truth for scoring);
the alert text names only the symptom, never the cause.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

CATEGORY = {
    "memory_leak": "out_of_memory",
    "traffic_spike": "traffic_spike",
    "connection_leak": "connection_pool_exhaustion",
    "slow_database": "database_slow",
    "db_deadlock": "database_deadlock",
    "disk_fill": "disk_full",
    "dns_failure": "network_dns",
    "cert_expiry": "certificate_expired",
    "bad_deployment": "bad_deployment",
    "dependency_down": "dependency_failure",
}
"""Fault type -> root-cause category (ground truth of the generator only)."""

KINDS = {
    "memory_leak": ("app",),
    "traffic_spike": ("app",),
    "connection_leak": ("app",),
    "slow_database": ("database",),
    "db_deadlock": ("database",),
    "disk_fill": ("app", "database", "cache"),
    "dns_failure": ("app",),
    "cert_expiry": ("app", "database", "cache"),
    "bad_deployment": ("app",),
    "dependency_down": ("app", "database", "cache"),
}
_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ter",
    "vos",
    "ul",
    "dra",
    "pen",
    "zu",
    "rix",
    "am",
    "bel",
    "cor",
    "dex",
    "fi",
    "gar",
    "hul",
    "jin",
    "nok",
    "pra",
    "qui",
    "sel",
    "tav",
    "wen",
    "yor",
)
_SUFFIX = ("", "", "-svc", "-api", "-store", "-core", "-edge", "-worker", "-hub", "-2")
_ALERTS = (
    "{s} error rate above SLO for 5 minutes",
    "{s}: elevated 5xx responses; customers report failures",
    "High error rate on {s} (burn rate alert)",
    "{s} p99 latency and errors above threshold",
    "Users report failures on {s}",
)
_VAGUE_ALERTS = (
    "Customers report failed requests; overall 5xx rate above SLO",
    "Synthetic checks failing for the main user journey",
    "Error budget burn rate alert (fast burn) for the platform",
)
VAGUE_SHARE = 0.15
"""Share of alerts that name no service at all (the team has to find the affected one)."""
_NOISE = ("benign_warnings", "slow_requests", "retries", "noisy_errors", "batch_job")


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(_SUFFIX)
        if name not in taken and name[0].isalpha():
            taken.add(name)
            return name


def topology(rng: random.Random) -> dict[str, dict[str, Any]]:
    """3-7 services: apps calling data stores and sometimes other apps (a DAG)."""
    taken: set[str] = set()
    stores = [(_name(rng, taken), "database") for _ in range(rng.randint(1, 2))]
    stores += [(_name(rng, taken), "cache") for _ in range(rng.randint(0, 1))]
    apps = [_name(rng, taken) for _ in range(rng.randint(2, 4))]
    services: dict[str, dict[str, Any]] = {}
    for index, app in enumerate(apps):
        deps = rng.sample([s for s, _ in stores], k=rng.randint(1, len(stores)))
        later = apps[index + 1 :]
        if later and rng.random() < 0.4:
            deps.append(rng.choice(later))
        services[app] = {
            "kind": "app",
            "replicas": rng.randint(2, 5),
            "memory_limit_mi": rng.choice((384, 512, 768, 1024)),
            "cpu": rng.choice((0.5, 1, 2)),
            "pool_size": rng.choice((40, 60, 80, 100, 150)),
            "depends_on": deps,
            "log_format": rng.choice(("java", "go", "node", "python")),
        }
    for store, kind in stores:
        spec: dict[str, Any] = {"kind": kind, "memory_limit_mi": rng.choice((1024, 2048, 4096))}
        if kind == "database":
            spec["max_connections"] = rng.choice((300, 500, 800))
        services[store] = spec
    order = list(services)
    rng.shuffle(order)
    return {name: services[name] for name in order}


def _callers(services: dict[str, dict[str, Any]], name: str) -> list[str]:
    return [s for s, spec in services.items() if name in spec.get("depends_on", [])]


def _params(rng: random.Random, kind: str, start: int, spec: dict[str, Any]) -> dict[str, Any]:
    """Parameters strong enough that the fault shows by the alert (it fired for a reason)."""
    elapsed = -start
    if kind == "memory_leak":
        headroom = spec["memory_limit_mi"] * 0.5
        return {"per_minute": round(headroom / elapsed * rng.uniform(1.4, 3.0), 2)}
    if kind == "connection_leak":
        return {"per_minute": round(spec["pool_size"] * 0.85 / elapsed * rng.uniform(1.3, 2.5), 2)}
    if kind == "traffic_spike":
        return {"factor": round(rng.uniform(2.5, 6.0), 2), "ramp_minutes": rng.randint(1, 6)}
    if kind == "slow_database":
        return {"factor": round(rng.uniform(6, 40), 1), "ramp_minutes": rng.randint(0, 5)}
    if kind == "db_deadlock":
        return {"per_minute": round(rng.uniform(4, 30), 1), "error_pct": round(rng.uniform(4, 15), 1)}
    if kind == "disk_fill":
        from_pct = round(rng.uniform(60, 85), 1)
        return {
            "from_pct": from_pct,
            "per_minute": round((100 - from_pct) / elapsed * rng.uniform(1.3, 2.5), 2),
        }
    if kind == "bad_deployment":
        return {"error_pct": round(rng.uniform(8, 35), 1), "latency_factor": round(rng.uniform(1.0, 2.5), 2)}
    return {"failure_pct": round(rng.uniform(70, 100), 1)}


def scenario(seed: int, *, fault: str | None = None, false_alarm: bool = False) -> dict[str, Any]:
    """One random scenario (plain data in the scenario file format)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    services = topology(rng)
    names = list(services)
    data: dict[str, Any] = {
        "name": f"random-{seed}",
        "description": "randomised scenario",
        "seed": seed,
        "window_minutes": 60,
        "topology": {"services": services},
        "events": [],
        "noise": [],
    }
    apps = [n for n in names if services[n]["kind"] == "app"]
    if false_alarm:
        alerted = rng.choice(apps)
        data["faults"] = []
        data["expected"] = {"root_cause": "none"}
        if rng.random() < 0.5:
            data["noise"].append(
                {
                    "type": "blip",
                    "target": alerted,
                    "start_minute": rng.randint(-30, -12),
                    "duration_minutes": rng.randint(1, 3),
                }
            )
    else:
        kind = fault or rng.choice(sorted(CATEGORY))
        targets = [n for n in names if services[n]["kind"] in KINDS[kind]]
        if kind in ("slow_database", "db_deadlock", "dependency_down", "cert_expiry"):
            targets = [t for t in targets if _callers(services, t)] or targets
        target = rng.choice(targets)
        start = (
            rng.randint(-40, -10)
            if kind not in ("memory_leak", "connection_leak", "disk_fill")
            else rng.randint(-50, -25)
        )
        if kind == "bad_deployment":
            start = rng.randint(-30, -6)
        data["faults"] = [
            {
                "type": kind,
                "target": target,
                "start_minute": start,
                "params": _params(rng, kind, start, services[target]),
            }
        ]
        callers = _callers(services, target)
        alerted = (
            target
            if services[target]["kind"] == "app" and (not callers or rng.random() < 0.6)
            else rng.choice(callers)
            if callers
            else target
        )
        data["expected"] = {"root_cause": CATEGORY[kind], "service": target, "fixes": []}
    _red_herrings(rng, data, services, alerted)
    vague = rng.random() < VAGUE_SHARE
    data["alert"] = rng.choice(_VAGUE_ALERTS) if vague else rng.choice(_ALERTS).format(s=alerted)
    return data


def _red_herrings(rng: random.Random, data: dict[str, Any], services: dict[str, Any], alerted: str) -> None:
    target = data["faults"][0]["target"] if data["faults"] else None
    others = [n for n in services if n != target]
    apps = [n for n in others if services[n]["kind"] == "app"]
    if apps and rng.random() < 0.5:
        data["events"].append(
            {
                "at_minute": rng.randint(-50, -5),
                "type": "deployment",
                "service": rng.choice(apps),
                "version": f"v{rng.randint(1, 4)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
            }
        )
    for _ in range(rng.randint(0, 2)):
        noisy = rng.choice(others or [alerted])
        data["noise"].append({"type": rng.choice(_NOISE), "target": noisy})


def with_fixes(data: dict[str, Any]) -> dict[str, Any]:
    """Fill `expected.fixes` with the catalogue actions that end the injected fault (from the sandbox's
    fault library and the default runbook catalogue)."""
    if data["expected"]["root_cause"] == "none":
        return data
    from aiops.sandbox._data import default_catalogue
    from aiops.sandbox.faults import FAULTS

    fault = data["faults"][0]
    kind = data["topology"]["services"][fault["target"]]["kind"]
    effects = FAULTS[fault["type"]](fault["target"], fault["start_minute"], fault["params"]).fix_effects(kind)
    data["expected"]["fixes"] = [name for name, spec in default_catalogue().items() if spec["effect"] in effects]
    return data


class _PlainDumper(yaml.SafeDumper):
    """Writes every value out in full: the strict scenario loader refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002
        return True


def write(folder: Path, seeds: range, *, false_alarm_every: int = 8) -> list[Path]:
    """Write one scenario file per seed into `folder` (every n-th a false alarm)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in seeds:
        data = with_fixes(scenario(seed, false_alarm=seed % false_alarm_every == 0))
        path = folder / f"{data['name']}.yaml"
        path.write_text(yaml.dump(data, Dumper=_PlainDumper, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths
