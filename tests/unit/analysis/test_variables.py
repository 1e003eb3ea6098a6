"""Evidence that two words at one place of a message are values of one variable (`variables`)."""

from __future__ import annotations

from collections import Counter

from aiops.analysis.logparse import LogParser
from aiops.analysis.variables import same_variable


def test_the_argument_of_a_name_written_as_a_call_is_a_value() -> None:
    assert same_variable("RTCSctpTransport(server)", "RTCSctpTransport(client)", "", {})
    assert same_variable("Peer(alice)", "Peer(bob.example)", "from", {})
    assert not same_variable("(server)", "(client)", "", {}), "a bare parenthesis names no call"
    assert not same_variable("Transport(a b)", "Transport(c)", "", {}), "one word only"
    assert not same_variable("start(server)", "stop(server)", "", {}), "the name is the statement's own"


def test_an_objects_role_in_its_repr_does_not_split_its_statements() -> None:
    """A library that prefixes each line with its object's repr (``RTCSctpTransport(client)``):
    the role is a value, so each statement keeps one event whichever side logged it, and the
    statements stay apart."""
    lines = []
    for index in range(60):
        role = ("server", "client")[index % 2]
        lines.append(f"2026-12-08 04:24:29,{index:03d} DEBUG transport: RTCSctpTransport({role}) > "
                     f"DataChunk(flags=3, tsn={index})")
        lines.append(f"2026-12-08 04:24:29,{index:03d} DEBUG transport: RTCSctpTransport({role}) - T3 expired")
    templates = [parsed.template.id for parsed in LogParser().parse(lines)]
    assert len(set(templates[0::2])) == 1
    assert len(set(templates[1::2])) == 1
    assert set(templates[0::2]) != set(templates[1::2])
    assert Counter(templates).most_common(1)[0][1] == 60


def test_the_word_after_an_id_or_a_name_key_is_a_value() -> None:
    """``- hook id: check-size`` / ``- hook id: strip-trailing``: an identifier's or a name's key
    is followed by data, as ``user`` and ``host`` are."""
    assert same_variable("check-size", "strip-trailing", "id:", {})
    assert same_variable("web", "db", "name:", {})
    assert not same_variable("begin", "end", "layout", {})
    lines = [f"- hook id: {hook}" for hook in ("check-size", "strip-trailing", "shell-fail", "forbid-todo") * 5]
    assert len({parsed.template.id for parsed in LogParser().parse(lines)}) == 1


def test_a_calls_argument_is_a_value_whatever_letters_two_values_share() -> None:
    """Two arguments that open or close with the same letters are still two values of one slot."""
    assert same_variable("Peer(alice)", "Peer(alfred)", "", {})
    assert same_variable("Peer(alice):", "Peer(bruce):", "", {})
    assert not same_variable("Peer(alice):", "Peer(bruce)", "", {}), "a colon after one only labels it"
