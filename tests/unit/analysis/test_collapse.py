"""The collapse safeguard: degenerate groupings are noticed and the next header hypothesis is tried;
`aiops logs parse --explain` reports the choice."""

from __future__ import annotations

import json
import random
import re
import string
from pathlib import Path

import pytest

from aiops.analysis.header import FieldSpec, HeaderModel, compile_header, learn_header
from aiops.analysis.header_choice import KEY_PROBLEM, ONE_GROUP, ONE_GROUP_PROBLEM, choose_header, try_header
from aiops.analysis.logparse import LogParser
from aiops.cli.main import main


def _word(rng: random.Random, size: int = 7) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(size))


def _lines(count: int = 200) -> list[str]:
    """Per-line unique letter-only session names, then one of three events."""
    rng = random.Random(9)
    events = ["session opened for user admin", "session closed for user admin", "ping timeout, reconnecting"]
    return [f"2024-01-0{1 + i % 9}T10:00:00Z {_word(rng)} {rng.choice(events)}" for i in range(count)]


def _time_only() -> HeaderModel:
    """A header hypothesis that cuts the timestamp only, leaving the per-line name in the message."""
    return HeaderModel(regex=re.compile(r"\S+ "), notes=["test: timestamp only"])


def _swallow_all() -> HeaderModel:
    """A header hypothesis that eats the whole line."""
    return HeaderModel(regex=re.compile(r".*"), notes=["test: everything is header"])


def test_one_group_per_line_is_degenerate() -> None:
    trial = try_header(_time_only(), _lines())
    assert trial.problem == "nearly one group per line"


def test_one_group_without_words_is_degenerate() -> None:
    trial = try_header(_swallow_all(), _lines())
    assert trial.problem.startswith("one group without constant words")


def test_a_good_grouping_is_not_degenerate() -> None:
    lines = _lines()
    assert try_header(learn_header(lines), lines).problem == ""


def test_next_hypothesis_is_tried_after_a_degenerate_one() -> None:
    lines = _lines()
    good = learn_header(lines)
    choice = choose_header(lines, candidates=[_swallow_all(), _time_only(), good])
    assert choice.header is good
    assert [bool(t.problem) for t in choice.trials] == [True, True, False]
    assert "degenerate" in choice.reason
    text = "\n".join(choice.explain())
    assert "1. " in text and "-> degenerate: one group without constant words" in text
    assert "3. " in text and "<- chosen" in text


def _access(rng: random.Random, i: int) -> str:
    """A proxy's access line with no syslog header: client, time, frontend, then only values."""
    path = "/".join(_word(rng, 5) for _ in range(rng.randint(1, 3)))
    return (f"10.0.{rng.randint(0, 9)}.{rng.randint(1, 250)}:{rng.randint(1024, 65535)} "
            f"[04/Dec/2026:20:{i // 60 % 60:02d}:{i % 60:02d}.{rng.randint(0, 999):03d}] web "
            f"app/app{rng.randint(1, 3)} 0/0/{rng.randint(0, 9)}/{rng.randint(1, 99)} {rng.choice([200, 404, 503])} "
            f"{rng.randint(100, 9000)} - - ---- {rng.randint(1, 9)}/1/0/0/0 0/0 "
            f'"{rng.choice(["GET", "POST", "PUT", "HEAD"])} /{path} HTTP/1.{rng.randint(0, 1)}"')


def test_after_a_header_that_ate_the_constant_words_only_shorter_ones_are_tried() -> None:
    rng = random.Random(5)
    events = ["Server app/app{n} is UP, reason: Layer7 check passed", "backend app has no server available!"]
    lines = [_access(rng, i) if i % 20 else rng.choice(events).format(n=rng.randint(1, 3)) for i in range(400)]
    choice = choose_header(lines)
    eaten = [t for t in choice.trials if t.problem.startswith("one group without constant words")]
    assert eaten, "the column statistics no longer propose a header running into the access fields"
    assert all(len(t.header.fields) < len(eaten[0].header.fields) for t in choice.trials[len(eaten):])
    assert not choice.trials[-1].problem and choice.header is choice.trials[-1].header
    assert "skipped, as long as or longer than a header that left no constant words" in "\n".join(choice.explain())


def test_all_degenerate_keeps_the_least_bad() -> None:
    """Degenerate both ways (one swallowed everything, one left a name per line): the least bad."""
    choice = choose_header(_lines(), candidates=[_swallow_all(), _time_only()])
    assert all(t.problem for t in choice.trials)
    assert choice.reason.startswith("every hypothesis was degenerate")


def test_one_of_a_kind_first_lines_keep_the_first_hypothesis() -> None:
    """A start-up dump of settings leaves nearly one group per line under every header: that says
    nothing against the hypothesis ranked first, which is kept (not the one with fewest groups)."""
    rng = random.Random(5)
    lines = [f"2024-01-01T10:00:00Z INFO {_word(rng)}: {_word(rng)} {_word(rng)}" for _ in range(100)]
    first, second = HeaderModel(regex=re.compile(r"\S+ \S+ ")), _time_only()
    choice = choose_header(lines, candidates=[first, second])
    assert all(t.problem == "nearly one group per line" for t in choice.trials)
    assert choice.header is first
    assert choice.reason.startswith("every hypothesis left nearly one group per line")


def test_a_settings_dump_under_a_level_does_not_push_the_level_into_the_message() -> None:
    """A daemon dumps its settings at start (``name   value``, one name per line) under an
    ``[epoch] LEVEL`` header: the header that ends at the level leaves nearly one group per line,
    and the one that leaves the level in the message has fewer groups only because every setting
    is keyed on the level word (``INFO <*> <*>``). It is not taken; the level stays header."""
    rng = random.Random(6)
    lines = [f"[{1796400000 + 3 * i}] {rng.choice(['INFO', 'WARN', 'ERROR', 'DEBUG'])} "
             f"{_word(rng, 5)}_{_word(rng, 6):<20}{rng.randint(0, 9)}" for i in range(300)]
    levelled = HeaderModel(fields=(FieldSpec("bracket"), FieldSpec("level", is_level=True)),
                           regex=re.compile(r"\[\d+\] [A-Z]+ "))
    bracket = HeaderModel(fields=(FieldSpec("bracket"),), regex=re.compile(r"\[\d+\] "))
    choice = choose_header(lines, candidates=[levelled, bracket, HeaderModel()])
    assert [t.problem for t in choice.trials] == ["nearly one group per line"]
    assert choice.header is levelled


def test_parser_uses_the_safeguard_and_keeps_groups_of_the_chosen_header() -> None:
    lines = _lines(300)
    parser = LogParser()
    groups = {p.template.id for p in parser.parse(lines)}
    assert parser.choice is not None and parser.choice.header is parser.header
    assert len(groups) == 3


def test_compile_header_roundtrip_of_chosen_fields() -> None:
    lines = _lines()
    header = learn_header(lines)
    assert compile_header  # the public compiler stays importable
    assert header.split(lines[0])[1].split()[0] not in {"2024-01-01T10:00:00Z"}


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    path = tmp_path / "app.log"
    path.write_text("\n".join(_lines(120)) + "\n")
    return path


def test_cli_explain_text(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["logs", "parse", "--explain", str(log_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("header: ")
    assert "hypotheses" in out and "<- chosen" in out
    assert "\nheader: " in out and "3 templates" in out  # the usual summary follows unchanged


def test_cli_explain_with_json_keeps_stdout_contract(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["logs", "parse", "--json", "--explain", str(log_file)]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(row) for row in captured.out.splitlines()]
    assert [row["line"] for row in rows] == list(range(1, 121))
    assert all(set(row) == {"line", "group", "template"} for row in rows)
    assert "<- chosen" in captured.err


def test_cli_without_explain_is_unchanged(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["logs", "parse", str(log_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("header: ") and "hypotheses" not in out



def test_most_lines_in_one_group_without_words_is_degenerate() -> None:
    """uhub pads its event word to a column (``LoginOK     <sid> <ip> "<nick>" (<reason>)``), which
    reads as a header field: the messages left hold two thirds of the lines in one template without
    a word, so that header is degenerate and a shorter one is tried (the real file is in the corpus
    test)."""
    rng = random.Random(4)
    lines = [f'AAA{i % 7}/{rng.randint(10**6, 10**7)} 127.0.0.{i % 250} "{i}" ({rng.randint(1, 9)})'
             if i % 3 else f"Loaded plugin: /usr/lib/uhub/mod_{i % 5}.so, version 1.{i % 4}." for i in range(300)]
    trial = try_header(HeaderModel(), lines)
    assert trial.largest > 0.6
    assert trial.problem == ONE_GROUP_PROBLEM


def test_a_header_of_values_and_a_level_over_access_lines_is_kept() -> None:
    """A collector's time stamp and level over an access log whose lines are values only (client,
    quoted request, quoted user agent): the one template without words is the statement, not a
    collapse, since a header of values and a level ate no word that names an event; a shorter one
    would key templates on the level."""
    rng = random.Random(6)
    agents = ["curl/7.88.1", "Wget/1.21.3", "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0"]
    lines = []
    for i in range(300):
        level = rng.choice(["INFO", "WARN", "ERROR", "DEBUG"])
        request = f"{rng.choice(['GET', 'PUT', 'POST'])} /{_word(rng, 5)}/{rng.randint(1, 99)}"
        message = (f'10.0.0.{rng.randint(1, 250)} "{request}" "{rng.choice(agents)}"' if i % 5
                   else f'10.0.0.{rng.randint(1, 250)} "{request}" Error ({rng.choice([404, 405])}): "Not found"')
        lines.append(f"[{1796400000 + i * 3}] {level} {message}")
    choice = choose_header(lines)
    assert choice.header is not None and any(spec.is_level for spec in choice.header.fields)
    assert not choice.trials[0].problem
    parsed = list(LogParser().parse(lines))
    assert len({p.template.id for p in parsed}) == 2


def test_a_header_that_leaves_half_the_lines_one_value_is_degenerate() -> None:
    """A request logger's lines (morgan's ``PATCH /api/v1/config 200 12.345 ms - -``) among a
    program's own: their fields line up into a header that ends one field short of the line, which
    leaves each of those lines a lone value as its message. Under a header, that one group holding
    more than two lines in five is already a collapse (the header took the words that name the
    event), so a shorter header is tried, and the request lines keep their words."""
    rng = random.Random(11)
    keys = ["prefix", "theme", "columns", "confirmCopy", "confirmMove", "vim", "keysPanel"]
    lines = []
    for _ in range(400):
        if rng.random() < 0.55:
            path = rng.choice(["config", "rename", "move", f"fs/docs/f{rng.randint(1, 9)}.txt", "fs/"])
            lines.append(f"{rng.choice(['GET', 'PUT', 'PATCH', 'PATCH'])} /api/v1/{path} "
                         f"{rng.choice([200, 200, 404])} {rng.randint(1, 90)}.{rng.randint(100, 999)} ms - "
                         f"{rng.choice(['-', '-', str(rng.randint(2, 9000))])}")
        else:
            lines.append(f"{rng.randint(1, 9)}.{rng.randint(1, 9)} 10:{rng.randint(10, 59)}:{rng.randint(10, 59)} -> "
                         f"import: {rng.choice(keys)} = {rng.choice(['true', 'false', _word(rng)])}")
    choice = choose_header(lines)
    first = choice.trials[0]
    assert first.header.fields and first.problem == ONE_GROUP_PROBLEM
    assert first.largest < ONE_GROUP
    requests = [line for line in lines if " ms - " in line]
    assert all(" ms " in f" {choice.header.split(line)[1]} " for line in requests)


def test_a_last_header_field_that_leaves_most_lines_one_word_is_degenerate() -> None:
    """Hexo's debug lines (``06:48:37.486 DEBUG Generator: asset``, ``... DEBUG Processed:
    images/a.gif``) line up into a header that ends in a ``name:`` field; what it leaves of most lines
    is one word, so that field took the statements' own labels, and a shorter header is tried."""
    rng = random.Random(21)
    generators = ["asset", "page", "post", "archive", "category", "tag", "index"]
    lines = []
    for n in range(400):
        stamp = f"06:{n // 60 % 60:02d}:{n % 60:02d}.{rng.randint(100, 999)}"
        draw = rng.random()
        if draw < 0.45:
            lines.append(f"{stamp} DEBUG Processed: images/{_word(rng, 5)}.gif")
        elif draw < 0.8:
            lines.append(f"{stamp} DEBUG Generator: {rng.choice(generators)}")
        elif draw < 0.9:
            lines.append(f"{stamp} DEBUG Rendering post: {_word(rng, 6)}/index.html")
        else:
            lines.append(f"GET /{_word(rng, 5)}/ {rng.choice([200, 404])} {rng.randint(1, 90)}.{rng.randint(100, 999)} "
                         f"ms - {rng.randint(100, 900)}")
    choice = choose_header(lines)
    first = choice.trials[0]
    assert first.header.fields[-1].family == "key" and first.problem == KEY_PROBLEM
    assert all(choice.header.split(line)[1].split()[-2].endswith(":") for line in lines if " DEBUG " in line)


def test_a_program_tag_over_one_word_messages_is_kept() -> None:
    """Under a syslog prefix, the ``program[pid]:`` field ends the header, and a program whose
    messages are one word each (a function's name, a request path) leaves most lines a message of
    one word: that tag is no statement's label, so the header stands."""
    rng = random.Random(22)
    calls = ["dlt_daemon_udp_clientmsg_send()", "dlt_daemon_find_users_list()", "/GET/queue:jobs.xml",
             "/ZADD/lb:scores/213/player1"]
    lines = [f"Dec  4 10:{n // 60 % 60:02d}:{n % 60:02d} {rng.choice(['web-01', 'db-1'])} "
             f"{rng.choice(['app', 'cron', 'sshd'])}[{rng.randint(100, 9999)}]: {rng.choice(calls)}"
             for n in range(400)]
    choice = choose_header(lines)
    assert choice.trials[0].problem == ""
    assert choice.header.split(lines[0])[1] in calls
