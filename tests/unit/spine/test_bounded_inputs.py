"""Unbounded inputs are bounded: a 10 MB alert is cut (with a note saying so) before it reaches the
index, the checkpoints and the reports; a huge skill data file is refused before it is copied."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from aiops.cli.main import main
from aiops.intake.text import MAX_ALERT_CHARS, clean_alert
from aiops.runtime.home import StateHome
from tests.unit.spine.test_alert_intake import PAYLOAD
from tests.unit.team.helpers import cli, copy_default

HUGE = 10_000_000




def _largest_cell(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return max((len(cell) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"') for cell in row
                    if isinstance(cell, str | bytes)), default=0)
    finally:
        conn.close()


def _check_bounded(result: dict, err: str) -> None:
    home = StateHome.resolve()
    assert "alert truncated" in err
    assert _largest_cell(home.index) < 3 * MAX_ALERT_CHARS
    assert _largest_cell(home.checkpoints) < 200_000
    folder = home.incident_dir(result["incident_id"])
    report = json.loads((folder / "report.json").read_text())
    assert len(report["alert"]) <= MAX_ALERT_CHARS + 200 and "alert truncated" in report["alert"]
    assert (folder / "report.md").stat().st_size < 100_000


def test_a_10mb_typed_alert_is_cut_with_a_note(scripted, capsys):
    alert = "payment-api 503s " + "x" * HUGE
    assert main(["respond", alert, "--scenario", "pool-leak-payment", "--model", "scripted", "--approve", "all",
                 "--json", "--quiet"]) == 0
    captured = capsys.readouterr()
    _check_bounded(json.loads(captured.out), captured.err)


def test_a_10mb_alertmanager_description_is_cut_with_a_note(scripted, tmp_path, capsys):
    payload = json.loads(json.dumps(PAYLOAD))
    payload["alerts"][0]["annotations"]["description"] = "y" * HUGE
    path = tmp_path / "alert.json"
    path.write_text(json.dumps(payload))
    assert main(["respond", "--alertmanager", str(path), "--scenario", "pool-leak-payment", "--model", "scripted",
                 "--approve", "all", "--json", "--quiet"]) == 0
    captured = capsys.readouterr()
    _check_bounded(json.loads(captured.out), captured.err)


def test_clean_alert_repairs_undecodable_argv_bytes_and_keeps_short_alerts():
    assert clean_alert("payment-api 503s") == "payment-api 503s"
    assert clean_alert("caf\udcc3\udca9 down") == "café down"
    assert "\ufffd" in clean_alert("bad \udcff byte")
    cut = clean_alert("z" * (MAX_ALERT_CHARS * 3))
    assert cut.startswith("z" * MAX_ALERT_CHARS) and len(cut) < MAX_ALERT_CHARS + 200
    assert f"{MAX_ALERT_CHARS * 3:,} characters" in cut


def test_a_50mb_skill_data_file_is_refused_before_it_is_copied(tmp_path, capsys):
    team = copy_default(tmp_path / "team")
    data = team / "skills" / "log-analysis" / "signatures.yaml"
    with data.open("ab") as handle:
        handle.truncate(50_000_000)
    code, _, err = cli(capsys, "team", "validate", "--team", str(team))
    assert code == 2 and str(data) in err
    assert main(["respond", "--team", str(team), "--scenario", "pool-leak-payment", "--quiet"]) == 2
    assert not StateHome.resolve().incidents_dir.exists()
