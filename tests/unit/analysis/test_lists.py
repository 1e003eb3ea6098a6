"""A statement that prints each name of a fixed list after a label (`lists`): one template once the
file shows every name printed equally often, and only then."""

from __future__ import annotations

from aiops.analysis.lists import label_at
from aiops.analysis.logparse import LogParser

STEPS = ["Finding an empty port", "Checking online status", "Resolve user plugins from options",
         "Setting Internal Events", "Starting the Control Panel Server"]


def _groups(lines: list[str]) -> dict[str, set[str]]:
    """Final group id of every distinct line text (ids read after the whole file was parsed)."""
    parsed = list(LogParser().parse(lines))
    found: dict[str, set[str]] = {}
    for line in parsed:
        found.setdefault(line.raw.split(" ", 2)[2], set()).add(line.template.id)
    return found


def _passes(names: list[str], label: str, passes: int) -> list[str]:
    lines = []
    for run in range(passes):
        lines.append(f"2026-12-07T01:0{run}:00Z app[{100 + run}] server starting on port {4000 + run}")
        lines.extend(f"2026-12-07T01:0{run}:01Z app[{100 + run}] {label} {name}" for name in names)
        lines.append(f"2026-12-07T01:0{run}:02Z app[{100 + run}] server ready after {run + 3} ms")
    return lines


def test_names_printed_once_per_pass_after_a_label_are_one_statement() -> None:
    groups = _groups(_passes(STEPS, "-> Starting Step:", 4))
    ids = {next(iter(groups[f"-> Starting Step: {name}"])) for name in STEPS}
    assert len(ids) == 1
    parser = LogParser()
    texts = {line.template.text for line in parser.parse(_passes(STEPS, "-> Starting Step:", 4))}
    assert "-> Starting Step: <*>" in texts


def test_a_name_after_the_fold_joins_the_same_statement() -> None:
    lines = _passes(STEPS, "Plugin loaded:", 3) * 400  # several blocks: the fold happens at a block's end
    groups = _groups(lines)
    assert len({gid for name in STEPS for gid in groups[f"Plugin loaded: {name}"]}) == 1


def test_a_list_printed_once_stays_apart() -> None:
    groups = _groups(_passes(STEPS, "Plugin loaded:", 1))
    assert len({next(iter(groups[f"Plugin loaded: {name}"])) for name in STEPS}) == len(STEPS)


def test_statements_behind_a_shared_prefix_stay_apart() -> None:
    """A component or level prefix opening the message, a severity label, sentences after the
    label and unequal counts all say the texts are distinct statements."""
    sentences = ["ICMP socket opened.", "ICMPv6 socket opened.", "Initialising ICMP pinger ..."]
    for label, names in (("pinger:", ["ICMP socket", "ICMPv6 socket", "pinger set up"]),
                         ("sFlow error:", ["bad agent address type", "datagram too short", "unknown sample"]),
                         ("pinger said:", sentences)):
        groups = _groups(_passes(names, label, 3))
        assert len({next(iter(groups[f"{label} {name}"])) for name in names}) == 3, label
    lines = _passes(STEPS, "Plugin loaded:", 3) + _passes(STEPS[:1], "Plugin loaded:", 1)
    groups = _groups(lines)
    assert len({next(iter(groups[f"Plugin loaded: {name}"])) for name in STEPS}) == len(STEPS)


def test_the_label_needs_text_before_it_and_a_word_after_it() -> None:
    assert label_at(["Plugin", "loaded:", "rand"]) == 1
    assert label_at(["pinger:", "ICMP", "socket"]) == -1
    assert label_at(["ERROR", "CODE:", "disk", "full"]) == -1
    assert label_at(["Plugin", "loaded:", "<*>"]) == -1
