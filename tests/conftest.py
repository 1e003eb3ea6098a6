"""Shared test setup: isolate every test from the user's environment and state folder."""

from __future__ import annotations

import os

import pytest

_PROVIDER_VARS = (
    "ANTHROPIC_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL", "GOOGLE_API_KEY", "GEMINI_API_KEY",
    "AIOPS_MODEL", "AIOPS_TEAM", "AIOPS_ENV", "AIOPS_BASE_URL", "AIOPS_APPROVER",
)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    """No real credentials, no inherited team/model overrides, a private AIOPS_HOME per test."""
    for var in _PROVIDER_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AIOPS_HOME", os.fspath(tmp_path / ".aiops"))
    yield
