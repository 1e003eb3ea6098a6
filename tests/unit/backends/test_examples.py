"""The shipped example environment files validate (no connection needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import aiops.backends
from aiops.backends import load_environment_file

EXAMPLES = sorted((Path(aiops.backends.__file__).parent / "examples").glob("*.yaml"))


def test_there_are_examples():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_validates(path):
    spec = load_environment_file(path)
    assert spec.name
