"""Choosing among header hypotheses by what they do to the first lines, and guarding against collapse.

`header.header_hypotheses` ranks layouts by column statistics alone. Here each is tried, best
first, by mining the first lines (the learning buffer) with it. A hypothesis is *degenerate* when
the grouping it gives is useless: nearly one group per line (the header left per-line values in
the message that the miner cannot see as variables) or one group for most lines with no constant
word (the header swallowed the message, or the words that name its events). The first hypothesis
that is not degenerate is kept; when all are, the first when every one left nearly one group per
line (the first lines are then one of a kind whatever the header: a start-up banner, a settings
dump), else the least degenerate. Once a header that ends at a level field left nearly one group
per line, the hypotheses without a level are not tried: leaving the level in the message only keys
the same one-of-a-kind lines on the level word (``INFO <*> <*>``), fewer groups that say nothing.
The trial miner of the kept hypothesis seeds the real one, so the first lines are grouped with
what the whole buffer taught (values seen in variable slots, positions found variable), not only
with what came before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aiops.analysis.header import FieldSpec, HeaderModel, header_hypotheses
from aiops.analysis.miner import WILD, TemplateMiner

MANY_GROUPS = 0.5
"""Groups per line above which a grouping counts as one group per line."""
ONE_GROUP = 0.6
"""Share of lines in one group without a constant word above which the grouping collapsed: the
header took the words that name events (uhub's padded ``LoginOK`` / ``Logout`` column), and a
shorter hypothesis is tried; not under a header of values only (`_values_only`), which took none."""
LONE_VALUE_GROUP = 0.45
"""The same share for a group whose message is one value under a header: the header took all but
the last field of those lines (a request logger's ``GET / 200 12.4 ms - 5`` read as six header
fields and a message of ``5``), so it took the words that name their events, and a shorter
hypothesis is tried. Without a header nothing was taken: a large group of lone values is the
file's own (a dump), judged at `ONE_GROUP`."""
KEY_ATE = 0.5
"""Share of the lines under a header that ends in a ``name:`` field above which that field took the
statements' own labels (Hexo's ``DEBUG Generator: asset``, ``DEBUG Processed: images/a.gif``): most
messages left are one word, so a shorter hypothesis is tried."""
KEY_PROBLEM = "its last field, a name with a colon, left most lines a message of one word"
MIN_LINES = 20
"""Fewer sample lines than this prove nothing either way."""
ONE_GROUP_PROBLEM = "one group without constant words holds most lines"
MANY_PROBLEM = "nearly one group per line"
EATEN = "as long as or longer than a header that left no constant words"
LEVEL_LEFT = "it leaves in the message the level of a header that left nearly one group per line"
_WORD = re.compile(r"[^\W\d_]{2,}")
_LABEL = re.compile(r"[A-Za-z][A-Za-z_.-]*:")
"""A name of letters with a colon (``Generator:``), as a statement's label prints."""
_VALUE_FAMILIES = frozenset({"var", "sep", "bracket", "key"})
"""Header field families that hold values or punctuation, never a word that could name an event."""


def message_of(header: HeaderModel, line: str) -> str:
    """The message part of `line` under `header` (the whole line when it does not fit)."""
    if header.json or header.logfmt:
        parts = header.structured(line)
        return parts[0] if parts is not None else line
    return header.split(line)[1]


@dataclass
class Trial:
    """One hypothesis tried on the sample: its grouping and why it is (not) degenerate."""

    header: HeaderModel
    miner: TemplateMiner
    lines: int
    groups: int
    largest: float
    problem: str = ""

    def summary(self) -> str:
        """One line for `--explain`."""
        verdict = f"degenerate: {self.problem}" if self.problem else "ok"
        return (f"{self.header.describe()}: {self.groups} groups for {self.lines} lines, "
                f"largest {self.largest:.0%} -> {verdict}")


@dataclass
class HeaderChoice:
    """The kept hypothesis, its trial miner, and every trial made (for `aiops logs parse --explain`)."""

    header: HeaderModel
    miner: TemplateMiner | None
    trials: list[Trial] = field(default_factory=list)
    reason: str = ""
    candidates: list[HeaderModel] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)
    """Why a candidate was not tried, by `id` of the candidate."""

    def explain(self) -> list[str]:
        """Why this header: every hypothesis tried on the first lines, the verdicts, the pick."""
        out = [f"header: {self.header.describe()} ({self.reason})"]
        if self.header.fields:
            out.append("  fields: " + ", ".join(_field_words(spec) for spec in self.header.fields))
        out.append(f"  hypotheses (best first by column statistics; {len(self.candidates)} in all), "
                   f"tried on the first {self.trials[0].lines if self.trials else 0} lines:")
        tried = {id(trial.header): trial for trial in self.trials}
        for number, candidate in enumerate(self.candidates):
            if (trial := tried.get(id(candidate))) is not None:
                mark = "  <- chosen" if trial.header is self.header else ""
                out.append(f"    {number + 1}. {trial.summary()}{mark}")
            elif (why := self.skipped.get(id(candidate))) is not None:
                out.append(f"    {number + 1}. {candidate.describe()}: skipped, {why}")
            else:
                out.append(f"    {number + 1}. {candidate.describe()}: not needed")
        return out


def try_header(header: HeaderModel, sample: list[str]) -> Trial:
    """Mine `sample` under `header` and judge the grouping."""
    miner = TemplateMiner()
    messages = [message_of(header, line) for line in sample]
    for message in messages:
        miner.add(message)
    lines = len(sample)
    groups = len(miner.templates)
    top = max(miner.templates, key=lambda t: t.count, default=None)
    largest = top.count / lines if top and lines else 0.0
    trial = Trial(header, miner, lines, groups, largest)
    if lines >= MIN_LINES:
        if groups > MANY_GROUPS * lines:
            trial.problem = MANY_PROBLEM
        elif top is not None and not _WORD.search(top.text.replace(WILD, " ")) and not _values_only(header) \
                and largest >= (LONE_VALUE_GROUP if header.fields and top.text.strip() == WILD else ONE_GROUP):
            trial.problem = ONE_GROUP_PROBLEM
        elif header.fields and header.fields[-1].family == "key" and _key_ate(sample, messages):
            trial.problem = KEY_PROBLEM
    return trial


def _key_ate(sample: list[str], messages: list[str]) -> bool:
    """Whether the ``name:`` field that ends the header took the statements' labels, from the sample
    lines and the `messages` the header left of them: on most of the lines it fits it is a word of
    letters (a label, not a program's tag with its pid: ``sshd[12]:``), and it leaves more than
    `KEY_ATE` of them a message of one word or none."""
    fitted = [(line, message) for line, message in zip(sample, messages, strict=True) if message != line]
    names = [line[:len(line) - len(message)].split() for line, message in fitted]
    labels = sum(1 for words in names if words and _LABEL.fullmatch(words[-1]))
    bare = sum(1 for _line, message in fitted if len(message.split()) <= 1)
    return bool(fitted) and labels > len(fitted) / 2 and bare > KEY_ATE * len(fitted)


def _values_only(header: HeaderModel) -> bool:
    """Whether every field of `header` after the line's time holds values, times, levels or
    punctuation: then it ate no word that names events (a name before the time, a host or a user,
    is the record's, since a statement's words follow the time), and a message without constant
    words under it is a record of values (an access line), not a collapse."""
    fields = header.fields
    first = next((index for index, spec in enumerate(fields) if spec.is_time and not spec.is_level), -1)
    after = fields[first + 1:]  # a name before the line's time is no statement's word
    return bool(fields) and all(spec.is_level or spec.is_time or spec.family in _VALUE_FAMILIES for spec in after)


def choose_header(sample: list[str], header: HeaderModel | None = None,
                  candidates: list[HeaderModel] | None = None) -> HeaderChoice:
    """Pick the header for a log from its first lines and its trial miner: among `candidates`
    (default: `header_hypotheses` of the sample), or just check a given `header`."""
    sample = [line for line in sample if line.strip()]
    if candidates is None:
        candidates = [header] if header is not None else header_hypotheses(sample)
    trials: list[Trial] = []
    skipped: dict[int, str] = {}
    longest = None
    level_many = False
    for number, candidate in enumerate(candidates, start=1):
        if longest is not None and len(candidate.fields) >= longest:
            skipped[id(candidate)] = EATEN  # a header that ate the constant words was shorter: this eats more
            continue
        if level_many and not _has_level(candidate):
            skipped[id(candidate)] = LEVEL_LEFT  # see below
            continue
        trial = try_header(candidate, sample)
        trials.append(trial)
        if trial.problem == ONE_GROUP_PROBLEM and candidate.fields:
            longest = len(candidate.fields)
        # one of a kind under a header that ends at a level: a header that leaves the level in the
        # message only keys the same lines on the level word (a settings dump ``INFO name value``)
        level_many = level_many or (trial.problem == MANY_PROBLEM and _has_level(candidate))
        if not trial.problem:
            reason = "first hypothesis" if number == 1 else \
                f"hypothesis {number} of {len(candidates)}: the ones before were degenerate or skipped"
            return HeaderChoice(candidate, trial.miner, trials, reason, candidates, skipped)
    if all(trial.problem == MANY_PROBLEM for trial in trials):
        # the first lines are mostly one of a kind (a start-up banner, a settings dump) under every
        # header: that says nothing against the hypothesis the header statistics ranked first
        return HeaderChoice(trials[0].header, trials[0].miner, trials,
                            "every hypothesis left nearly one group per line; kept the first", candidates, skipped)
    best = min(trials, key=lambda t: abs(t.groups / max(1, t.lines) - 0.1))
    return HeaderChoice(best.header, best.miner, trials, "every hypothesis was degenerate; kept the least so",
                        candidates, skipped)


def _has_level(header: HeaderModel) -> bool:
    return any(spec.is_level for spec in header.fields)


def _field_words(spec: FieldSpec) -> str:
    """One header field in words: its family and roles (``var=time``, ``word(optional)``)."""
    roles = [name for name, on in (("time", spec.is_time), ("level", spec.is_level),
                                   ("may be -", spec.nil), ("optional or two words", spec.flex)) if on]
    name = repr(spec.literal) if spec.literal else spec.family
    return f"{name}[{', '.join(roles)}]" if roles else name
