"""Every test here is an integration test against a real local server."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config, items):
    """Mark everything under tests/integration with `integration`."""
    for item in items:
        if "tests/integration/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.integration)
