"""Helpers for backend unit tests: write an environment file and build it without any network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from aiops.backends import build_environment, parse_environment

BASE: dict[str, Any] = {
    "name": "unit",
    "inventory": {
        "type": "static",
        "services": {
            "payment-api": {
                "kind": "app",
                "replicas": 3,
                "memory_limit_mi": 512,
                "pool_size": 100,
                "depends_on": ["postgres"],
            },
            "postgres": {"kind": "database", "memory_limit_mi": 4096, "max_connections": 500},
        },
    },
    "logs": {"type": "files", "pattern": "logs/{service}.log"},
    "metrics": {
        "type": "prometheus",
        "url": "http://prometheus.invalid:9090",
        "queries": {"cpu": 'sum(rate(cpu_seconds{service="{service}"}[{step}s]))'},
    },
}


@pytest.fixture
def write_env(tmp_path: Path):
    """Write `BASE` merged with overrides as env.yaml; returns its path."""

    def write(**overrides: Any) -> Path:
        data = {**BASE, **overrides}
        path = tmp_path / "env.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def build(tmp_path: Path):
    """Parse + build an environment from a mapping (relative paths against tmp_path)."""

    def make(**overrides: Any):
        spec = parse_environment({**BASE, **overrides}, file=tmp_path / "env.yaml")
        return build_environment(spec, state_dir=tmp_path / "state")

    return make
