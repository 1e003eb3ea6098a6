"""Every test here is an integration test against a real local server."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config, items):
    """Mark everything under tests/integration with `integration`."""
    for item in items:
        if "tests/integration/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL cluster for the whole run (see `pgserver`)."""
    from tests.integration.pgserver import postgres_server

    with postgres_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server):
    """A URL (with its password) of a fresh database, its schema upgraded with `aiops db upgrade`'s code."""
    from aiops.storage.config import resolve
    from aiops.storage.migrations import upgrade

    url = pg_server.url(pg_server.create_database())
    upgrade(resolve(environ={"AIOPS_DATABASE_URL": url}))
    return url


@pytest.fixture(params=["sqlite", "postgres"])
def state_home(request, tmp_path, monkeypatch):
    """A state home on each backend: SQLite files in a folder, or a fresh PostgreSQL database."""
    from aiops.runtime.home import StateHome

    monkeypatch.delenv("AIOPS_DATABASE_URL", raising=False)
    monkeypatch.delenv("AIOPS_ENV", raising=False)
    if request.param == "postgres":
        monkeypatch.setenv("AIOPS_DATABASE_URL", request.getfixturevalue("pg_url"))
    return StateHome.resolve(tmp_path / "state")
