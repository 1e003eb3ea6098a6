"""Fixtures shared by the spine tests."""

from __future__ import annotations

import pytest
import yaml

from tests.unit.spine.test_resume_process import SCRIPT


@pytest.fixture
def scripted(tmp_path, monkeypatch):
    """`--model scripted` replays the default team's script (pause on reset_connection_pool); the
    approver is `ann`."""
    script = tmp_path / "script.yaml"
    script.write_text(yaml.safe_dump(SCRIPT))
    monkeypatch.setenv("AIOPS_SCRIPT", str(script))
    monkeypatch.setenv("AIOPS_APPROVER", "ann")
