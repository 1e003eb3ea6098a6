"""Fixtures of the safety tests: the real runbook catalogue, a policy, a ledger with an audit log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from aiops.safety import Policy, PolicyConfig

RUNBOOKS = Path(__file__).parents[3] / "src/aiops/team/default/skills/remediation/runbooks.yaml"
TARGETS = ("payment-api", "inventory-api", "user-api", "postgres-primary")


class FakeClock:
    """A settable wall clock for expiry tests."""

    def __init__(self) -> None:
        self.now = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(scope="session")
def catalogue() -> dict:
    return yaml.safe_load(RUNBOOKS.read_text(encoding="utf-8"))["actions"]


@pytest.fixture
def config() -> PolicyConfig:
    return PolicyConfig(senior_approvers=["dana"])


@pytest.fixture
def policy(catalogue, config) -> Policy:
    return Policy(catalogue, TARGETS, config)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def state_dir(tmp_path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def audit(state_dir):
    from aiops.safety import AuditLog, Redactor

    return AuditLog(state_dir / "audit.jsonl", Redactor())


@pytest.fixture
def ledger(state_dir, policy, audit, clock):
    from aiops.safety import ApprovalLedger, load_or_create_secret

    secret = load_or_create_secret(state_dir)
    return ApprovalLedger(
        state_dir / "approvals.sqlite", secret=secret, policy=policy, audit=audit, clock=clock
    )
