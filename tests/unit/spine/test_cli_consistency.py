"""CLI consistency: --home wherever the state folder is used, `--json` a switch everywhere (bench keeps
`--json FILE`), help on every argument, README lists every command, resume hints that run as printed,
colour only on terminals (NO_COLOR respected), paging for `incidents list`."""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from aiops.cli import _invocation, _style
from aiops.cli.main import build_parser, main
from aiops.runtime import runner
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentStore
from aiops.sandbox.scenario import scenario_path
from aiops.team import default_team_dir

README = Path(__file__).resolve().parents[3] / "README.md"
STATE_COMMANDS = [("respond",), ("incidents", "list"), ("incidents", "show"), ("incidents", "report"),
                  ("incidents", "resume"), ("incidents", "close"), ("audit", "verify"), ("audit", "show"), ("bench",)]


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def _parsers() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    return dict(_commands(build_parser()))


def test_every_argument_has_help():
    missing = [f"{' '.join(path)} {action.dest}" for path, parser in _parsers().items()
               for action in parser._actions
               if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction | argparse._VersionAction)
               and not action.help]
    assert missing == []


@pytest.mark.parametrize("command", STATE_COMMANDS, ids=" ".join)
def test_home_is_accepted_wherever_the_state_folder_is_used(command):
    options = {s for a in _parsers()[command]._actions for s in a.option_strings}
    assert "--home" in options


def test_home_selects_the_state_folder(scripted, tmp_path, capsys):
    home = tmp_path / "elsewhere"
    assert main(["respond", "--home", str(home), "--scenario", "pool-leak-payment", "--model", "scripted",
                 "--json", "--quiet"]) == 3
    incident = json.loads(capsys.readouterr().out)["incident_id"]
    assert (home / "incidents" / incident).is_dir()
    assert main(["incidents", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["incidents", "list", "--home", str(home), "--json"]) == 0
    assert [i["incident_id"] for i in json.loads(capsys.readouterr().out)] == [incident]


def test_bench_json_is_a_switch_and_the_file_form_still_works(tmp_path, capsys):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(scenario_path("false-alarm-blip"), folder / "false-alarm-blip.yaml")
    base = ["bench", "--scenarios", str(folder), "--model", "playbook", "--home", str(tmp_path / "state"), "--quiet"]
    assert main([*base, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["scenarios"] == 1
    out = tmp_path / "bench.json"
    assert main([*base, "--json", str(out)]) == 0
    assert json.loads(out.read_text())["summary"]["scenarios"] == 1


def test_readme_names_every_command():
    text = README.read_text(encoding="utf-8")
    leaves = [path for path, parser in _parsers().items() if path and not any(
        isinstance(a, argparse._SubParsersAction) for a in parser._actions)]
    for path in leaves:
        words = list(path)
        found = re.search(r"aiops " + r"\s+(?:\S+\s+)*?".join(map(re.escape, words)) + r"\b", text) or (
            len(words) == 2 and re.search(rf"aiops {words[0]} [^\n]*\b{words[1]}\b", text))
        assert found, f"README.md does not show `aiops {' '.join(path)}`"


def test_resume_hints_run_as_printed(monkeypatch, tmp_path):
    venv = tmp_path / ".venv" / "bin"
    venv.mkdir(parents=True)
    script = venv / "aiops"
    script.write_text("#!/bin/sh\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert _invocation.command_prefix(str(script)) == ".venv/bin/aiops"
    monkeypatch.setattr(shutil, "which", lambda name: str(script) if name == "aiops" else None)
    assert _invocation.command_prefix(str(script)) == "aiops"
    main_py = Path(_invocation.__file__).resolve().parents[1] / "__main__.py"
    assert _invocation.command_prefix(str(main_py)).endswith(" -m aiops")


def test_paused_outcome_prints_the_runnable_resume_command(tmp_path, monkeypatch, capsys):
    from aiops.cli._incident import print_outcome

    monkeypatch.setattr(_invocation, "command_prefix", lambda argv0=None: ".venv/bin/aiops")
    monkeypatch.setattr("aiops.cli._incident.command_prefix", lambda argv0=None: ".venv/bin/aiops")
    outcome = runner.Outcome("inc-1", "awaiting_approval", 3, pending=[{
        "action": "restart", "target": "payment-api", "risk": "low"}])
    print_outcome(outcome, None, [], as_json=False)
    assert ".venv/bin/aiops incidents resume inc-1 --approve" in capsys.readouterr().out


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_terminals_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert "\033[" in _style.paint("resolved", "good", _Tty())
    assert _style.paint("resolved", "good", io.StringIO()) == "resolved"
    monkeypatch.setenv("NO_COLOR", "1")
    assert _style.paint("resolved", "good", _Tty()) == "resolved"


def test_incidents_list_pages(capsys):
    store = IncidentStore(StateHome.resolve().index)
    for n in range(25):
        record = runner.new_record(alert=f"alert {n}", source={"kind": "sandbox", "scenario": "pool-leak-payment"},
                                   team_dir=str(default_team_dir()))
        record.created_at = f"2026-01-01T00:{n:02d}:00+00:00"
        record.status = "resolved"
        store.save(record)
    assert main(["incidents", "list"]) == 0
    out = capsys.readouterr().out
    assert out.count("alert ") == 20 and "alert 24" in out and "alert 4\n" not in out
    assert "1-20 of 25" in out and "--page 2" in out
    assert main(["incidents", "list", "--page", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("alert ") == 5 and "alert 0" in out
    assert main(["incidents", "list", "--limit", "3", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_printed_commands_carry_the_home_they_were_given(tmp_path, monkeypatch, capsys):
    """A resume hint printed by a command run with --home works as printed from another folder."""
    import shlex

    from aiops.cli.main import main

    home = tmp_path / "state"
    monkeypatch.delenv("AIOPS_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["respond", "--scenario", "pool-leak-payment", "--home", str(home), "--quiet"]) == 3  # paused
    hint = next(line.strip() for line in capsys.readouterr().out.splitlines() if line.strip().endswith("--approve"))
    assert f"--home {home.resolve()}" in hint
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main([*shlex.split(hint)[1:], "--quiet"]) == 0
    assert not (elsewhere / ".aiops").exists()
    assert main(["incidents", "list", "--limit", "1"]) == 0  # no --home now: hints say nothing about one
    assert "--home" not in capsys.readouterr().out


def test_list_filters_by_the_queued_status_of_service_mode(capsys):
    from aiops.cli.main import main

    assert main(["incidents", "list", "--status", "queued"]) == 0
    assert "no incidents" in capsys.readouterr().out
