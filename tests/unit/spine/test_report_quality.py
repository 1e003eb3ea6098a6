"""The report an engineer reads: units on figures, no repeated evidence, one labelled clock, duration
and time to recover, a verification that agrees with itself (and re-checks the cause's own metric,
e.g. disk usage after clear_disk_space), and follow-ups for a false alarm."""

from __future__ import annotations

import re

import pytest

from aiops.runtime.decisions import Decision
from tests.unit.spine.harness import new_record, run_incident

APPROVE = lambda request: Decision("approve", "ann")  # noqa: E731


def _playbook(scenario: str):
    from aiops.sandbox import load_scenario

    record = new_record(scenario=scenario, alert=load_scenario(scenario).alert)
    run = run_incident(APPROVE, models={}, record=record)
    return run, run.outcome.report, (run.session.dir / "report.md").read_text()


@pytest.fixture(scope="module")
def pool_leak(tmp_path_factory):
    import os

    os.environ["AIOPS_HOME"] = str(tmp_path_factory.mktemp("state"))
    return _playbook("pool-leak-payment")


def _section(markdown: str, title: str) -> str:
    return markdown.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_every_figure_has_its_unit(pool_leak):
    markdown = pool_leak[2]
    for line in markdown.splitlines():
        for number in re.findall(r"error[ _]rate:? (\d[\d.,]*)(\S*)", line):
            assert number[1].startswith("%"), line
        for number in re.findall(r"latency[ _]p99:? (\d[\d.,]*)( ?\S*)", line):
            assert number[1].strip().startswith("ms"), line
    assert "%" in _section(markdown, "Impact")


def test_no_evidence_line_repeats_a_fact(pool_leak):
    _, report, _ = pool_leak
    facts = [line.rsplit(": ", 1)[-1] for line in report.root_cause.evidence]
    assert len(facts) == len(set(facts)), report.root_cause.evidence


def test_one_labelled_clock(pool_leak):
    run, report, markdown = pool_leak
    head = markdown.split("## Summary", 1)[0]
    assert "telemetry clock" in head and "wall clock" in head
    assert report.alert_time and report.alert_time.startswith(run.record.alert_time[:16])
    timeline = _section(markdown, f"Timeline ({report.telemetry_clock}, UTC)")
    assert "telemetry clock" in report.telemetry_clock
    times = re.findall(r"^- `([^`]+)`", timeline, re.M)
    assert times and all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", t) for t in times), times
    wall_day = report.created_at[:10]
    assert wall_day not in timeline


def test_duration_and_time_to_recover(pool_leak):
    _, report, markdown = pool_leak
    assert report.verification.recovered is True
    assert report.verification.recovered_at is not None
    assert "**Duration" in markdown and "**Time to recover" in markdown
    assert re.search(r"Time to recover[^\n]*\d+ min", markdown)


def test_verification_agrees_with_itself(pool_leak):
    _, report, markdown = pool_leak
    verification = _section(markdown, "Verification")
    assert report.verification.recovered is True
    assert "still degraded" not in verification and "NOT" not in verification
    assert not any("did not clearly restore" in f for f in report.follow_ups)
    assert any("connections" in line for line in report.verification.checked)


def test_disk_usage_is_rechecked_after_clear_disk_space():
    _, report, markdown = _playbook("user-api-disk-full")
    assert [a.action for a in report.actions] == ["clear_disk_space"]
    disk = [line for line in report.verification.checked if "disk_usage" in line]
    assert disk and "%" in disk[0]
    assert "no data" not in markdown and " disk:" not in markdown


def test_a_false_alarm_gets_follow_ups_on_the_alert():
    _, report, markdown = _playbook("false-alarm-blip")
    assert report.status == "no_action"
    assert any("alert" in f.lower() and ("tune" in f.lower() or "threshold" in f.lower()) for f in report.follow_ups)
    assert "none** on **n/a" not in markdown
    assert "no fault found" in _section(markdown, "Root cause").lower()
