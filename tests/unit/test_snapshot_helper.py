"""The snapshot helper must fail on a missing snapshot instead of writing it."""

import pytest

from tests import snapshot


def test_missing_snapshot_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "SNAPSHOT_DIR", tmp_path)
    monkeypatch.delenv("AIOPS_UPDATE_SNAPSHOTS", raising=False)
    with pytest.raises(pytest.fail.Exception, match="missing"):
        snapshot.assert_snapshot("nope.txt", "x")
    assert not (tmp_path / "nope.txt").exists()


def test_changed_snapshot_fails_with_diff(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "SNAPSHOT_DIR", tmp_path)
    (tmp_path / "a.txt").write_text("old\n")
    with pytest.raises(pytest.fail.Exception, match="differs"):
        snapshot.assert_snapshot("a.txt", "new\n")
    snapshot.assert_snapshot("a.txt", "old\n")
