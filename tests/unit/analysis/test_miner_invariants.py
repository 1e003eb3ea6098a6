"""Invariants of the miner and the parser on random messages built from awkward tokens (empty
messages, bare keys, boxes, quotes, source locations): nothing crashes, every line gets a live
template, and the counts of the live templates add up to the lines, also after templates fold."""

from __future__ import annotations

import random

import pytest

from aiops.analysis.logparse import LogParser
from aiops.analysis.miner import TemplateMiner, current

ATOMS = ["a", "b=", "b=1", "text=", "[x]", "[a.b.]", "'q'", "'q r'", '"s t u"', "(r)", "<*>", "=", ":", "x:",
         "", "GET", "A", "AAAA", "IN", "conn=3", "rx/tx", "smb", "f.c.12", "(f.c.13)", "0x1f", "é", "[ ]", "-"]


def _lines(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(ATOMS) for _ in range(rng.randint(0, 9))) for _ in range(rng.randint(1, 250))]


@pytest.mark.parametrize("seed", range(40))
def test_counts_add_up_and_every_line_has_a_live_template(seed: int) -> None:
    lines = _lines(seed)
    miner = TemplateMiner()
    placed = [miner.add(line) for line in lines]
    assert sum(t.count for t in miner.templates) == len(lines)
    assert all(t.into is None and t in miner.templates for t in placed[-1:])
    assert all(current(t).id == t.id for t in placed), "a folded template answers with the live id"
    parser = LogParser()
    parsed = list(parser.parse(lines))
    assert len(parsed) == len(lines)
    assert sum(t.count for t in parser.miner.templates) == len(lines)
