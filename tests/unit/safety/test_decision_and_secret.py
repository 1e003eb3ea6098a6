"""Human decisions are validated before a resume; the state folder's secret is private and stable."""

from __future__ import annotations

import pytest

from aiops.core.errors import ConfigError
from aiops.safety import (
    HumanDecision,
    InvalidDecisionError,
    derive_key,
    load_or_create_secret,
    parse_decision,
)


@pytest.mark.parametrize(
    "value",
    [
        {"type": "approve", "approver": "sam"},
        {"type": "edit", "approver": "sam", "action": "scale_up"},
        {"type": "reject", "approver": "sam", "reason": "wrong service"},
    ],
)
def test_valid_decisions_parse(value):
    assert isinstance(parse_decision(value), HumanDecision)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "approve",
        ["approve"],
        {"type": "yes", "approver": "sam"},
        {"type": "approve"},
        {"type": "approve", "approver": ""},
        {"type": "approve", "approver": "sam\nroot"},
        {"type": "approve", "approver": "sam", "action": "failover_database"},
        {"type": "edit", "approver": "sam"},
        {"type": "reject", "approver": "sam"},
        {"type": "reject", "approver": "sam", "reason": "no", "token": "apv_x"},
        {"type": "approve", "approver": "sam", "extra": 1},
    ],
)
def test_malformed_decisions_are_refused_before_resuming(value):
    with pytest.raises(InvalidDecisionError) as info:
        parse_decision(value)
    assert info.value.exit_code == 2 and "\n" not in str(info.value)


def test_secret_is_created_once_with_private_permissions(tmp_path):
    key = load_or_create_secret(tmp_path)
    assert len(key) == 32
    assert (tmp_path / "secret.key").stat().st_mode & 0o777 == 0o600
    assert load_or_create_secret(tmp_path) == key


def test_secret_readable_by_others_is_refused(tmp_path):
    load_or_create_secret(tmp_path)
    (tmp_path / "secret.key").chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_or_create_secret(tmp_path)


def test_corrupt_secret_is_refused(tmp_path):
    path = tmp_path / "secret.key"
    path.write_text("not hex")
    path.chmod(0o600)
    with pytest.raises(ConfigError, match="corrupt"):
        load_or_create_secret(tmp_path)


def test_derived_keys_differ_by_purpose():
    secret = b"s" * 32
    assert derive_key(secret, "redaction:INC-1") != derive_key(secret, "redaction:INC-2")
    assert derive_key(secret, "redaction:INC-1") == derive_key(secret, "redaction:INC-1")
