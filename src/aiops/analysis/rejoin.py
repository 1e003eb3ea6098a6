"""How the miner joins lines and templates that differ by more than a variable word: a context field
present or absent, a last ``key=`` value over more or fewer words, a last variable printed empty, a
variable printed empty where the line shows a double blank, a closing run of free text printed
shorter, a first word shown as a value elsewhere, and templates split off early that one template
comes to cover (folded into it). A mixin of `TemplateMiner`: it works on the miner's index and
tables."""

from __future__ import annotations

import re
from collections.abc import Iterator

from aiops.analysis.lists import listed
from aiops.analysis.template import WILD, Template, worded
from aiops.analysis.variables import VALUE_SETS
from aiops.analysis.wordshapes import (
    _LABEL,
    _OPEN_KEY,
    _TAG,
    KNOWN_FIRST,
    OPEN_VALUE,
    _context,
    _folds,
    _key,
    fits,
    tokenise,
)

LEVELS = tuple(word for word, name in VALUE_SETS.items() if name == "level-upper")
"""Upper-case level words (``DEBUG``, ``ERROR``) that may open a message whose header lacks them."""
SCAN = 64
"""Most templates compared per new message shape: the most frequent ones and the newest ones."""
_GAP = re.compile(r"(?<=\S)  (?=\S)")
"""Exactly two blanks between words: where a ``%s`` between two single blanks printed nothing."""


def gap_at(masked: str, tokens: list[str]) -> int:
    """The position in `tokens` where `masked` shows a value printed empty (``Serving  to 10.0.0.2``,
    ``FTP LOGIN FROM  as alice``): its one double blank, when the words on either side split as
    `tokens` do; -1 when there is none, or more than one, or a wider run of blanks, or the message is
    indented: a row padded into columns (a dump, a configuration echo)."""
    found = _GAP.search(masked)
    if found is None or masked[:1].isspace() or "   " in masked or _GAP.search(masked, found.end()) is not None:
        return -1
    head = tokenise(masked[:found.start()])
    return len(head) if [*head, *tokenise(masked[found.end():])] == tokens else -1


def _run_start(tokens: list[str]) -> int:
    """Where the closing run of bare variables of `tokens` starts (``:<*>``, ``<*>``), or len(tokens)."""
    start = len(tokens)
    while start > 0 and tokens[start - 1].lstrip(":") == WILD:
        start -= 1
    return start


class Rejoin:
    """The joins beyond one differing word (see the module docstring)."""

    templates: list[Template]
    folds: int
    _index: dict[int, dict[str, list[Template]]]
    _known: dict[str, int]
    _kept: dict[int, list[Template]]
    _gapped: dict[int, list[tuple[Template, int]]]

    def _compare(self, template: list[str], tokens: list[str]) -> tuple[int, tuple[int, ...]]:
        raise NotImplementedError

    def _merge(self, template: Template, tokens: list[str]) -> None:
        raise NotImplementedError

    def _candidates(self, tokens: list[str]) -> tuple[list[Template], list[Template]]:
        raise NotImplementedError

    def _join(self, template: Template, tokens: list[str], spread: tuple[int, ...] = ()) -> Template:
        raise NotImplementedError

    def _adopt(self, template: Template) -> None:
        raise NotImplementedError

    def _bucket(self, length: int, key: str) -> list[Template]:
        """The index bucket of templates of `length` words keyed by `key` (made when missing)."""
        return self._index.setdefault(length, {}).setdefault(key, [])

    def _peek(self, length: int, key: str) -> list[Template]:
        """The index bucket of `length` and `key`, without making one (empty when missing)."""
        return self._index.get(length, {}).get(key, [])

    def _around_context(self, tokens: list[str]) -> Template | None:
        """A template that is this message with, or without, an opening context field (``[zone.]``,
        ``[alice]``, a syslog tag ``ser2net[25109]:`` before two words or more) or level (``DEBUG``,
        where two loggers share a file and one prints levels): some lines of one event carry it and
        others do not."""
        if len(tokens) < 3:
            return None
        if _context(tokens[0]) or tokens[0] in LEVELS:
            found = self._context_join(tokens, tokens[1:], 0, self._peek(len(tokens) - 1, _key(tokens[1:])))
            if found is not None or not _context(tokens[0]):
                return found
        pool = [t for t in self._peek(len(tokens) + 1, WILD) if _context(t.tokens[0])]
        pool.extend(t for level in LEVELS for t in self._peek(len(tokens) + 1, level)[:SCAN])
        return self._context_join(tokens, tokens, 1, pool)

    def _context_join(self, tokens: list[str], rest: list[str], offset: int, pool: list[Template]) -> Template | None:
        """The first template of `pool` that `rest` matches past its first `offset` tokens (see
        `_around_context`), generalised with it."""
        if not worded(rest):  # a tag before values is a label (``Members[3]: 1 2``)
            pool = [t for t in pool if not _TAG.fullmatch(t.tokens[0] if offset else tokens[0])]
        for candidate in pool[:SCAN]:
            if candidate.into is None and not self._compare(candidate.tokens[offset:], rest)[1]:
                self._adopt(candidate)
                self._merge(candidate, [*candidate.tokens[:offset], *rest])
                return candidate
        return None

    def _open_value(self, tokens: list[str]) -> Template | None:
        """A template that is this message with the value of its last ``key=`` running over fewer
        or more words of free text (``text=`` / ``text=invalid DN``, ``attr=cn`` / ``attr=cn mail``;
        never over more ``key=value`` pairs, nor a quoted value, which ends where its quote
        does). The template keeps the shorter form, ``key=<*>``."""
        size, key = len(tokens), _key(tokens)
        if size < 2:
            return None
        for length in range(max(size - OPEN_VALUE, 2), size + OPEN_VALUE + 1):
            if length == size:
                continue
            short, long_ = min(length, size), max(length, size)
            for candidate in self._peek(length, key)[:SCAN]:
                ours, theirs = (candidate.tokens, tokens) if length < size else (tokens, candidate.tokens)
                opened = _OPEN_KEY.match(ours[-1])
                if (candidate.into is not None or opened is None
                        or not theirs[short - 1].startswith(opened.group())
                        or theirs[short - 1][opened.end():opened.end() + 1] in ("'", '"')
                        or any("=" in token for token in theirs[short:long_])
                        or self._compare(candidate.tokens[:short - 1], tokens[:short - 1])[1]):
                    continue
                value = opened.group() + WILD
                self._adopt(candidate)
                if length > size:
                    self._index[length][key].remove(candidate)
                    del candidate.tokens[short:]
                    self._bucket(short, key).append(candidate)
                self._merge(candidate, [*tokens[:short - 1], value])
                if candidate.tokens[-1] != value:
                    candidate.tokens[-1] = value
                    candidate.refresh()
                return candidate
        return None

    def _empty_last(self, tokens: list[str]) -> Template | None:
        """A template one word longer whose last word is a variable, this message being the rest:
        that variable printed empty (``No upstream proxy for cdn.test`` / ``No upstream proxy for``);
        likewise a variable right after a label, printed empty before the next label (``for
        metric: <*> host: <*>`` / ``for metric:  host: h1``). The template needs two constant
        words: a row of values says nothing about a missing one."""
        if len(tokens) < 2:
            return None
        for candidate in self._peek(len(tokens) + 1, _key(tokens))[:SCAN]:
            if candidate.into is not None or not worded(candidate.tokens):
                continue
            words = candidate.tokens
            for at in (len(words) - 1, *(i for i in range(1, len(words) - 1) if _LABEL.fullmatch(words[i - 1])
                                         and _LABEL.fullmatch(words[i + 1]))):
                if words[at] == WILD and not self._compare([*words[:at], *words[at + 1:]], tokens)[1]:
                    self._adopt(candidate)
                    self._merge(candidate, [*tokens[:at], WILD, *tokens[at:]])
                    return candidate
        return None

    def _empty_gap(self, tokens: list[str], gap: int) -> Template | None:
        """A template one word longer with a variable at `gap`, where this message shows a double blank
        (`gap_at`): that variable printed empty. The template needs two constant words, as in
        `_empty_last`."""
        filled = [*tokens[:gap], WILD, *tokens[gap:]]
        for candidate in self._candidates(filled)[1]:
            if (candidate.into is None and WILD in candidate.tokens[gap]
                    and worded(candidate.tokens)
                    and not self._compare(candidate.tokens, filled)[1]):
                return self._join(candidate, filled)
        return None

    def _filled_gap(self, tokens: list[str]) -> Template | None:
        """A template one word shorter made from a line with a value printed empty (`gap_at`), which
        this message matches with that value present: the template takes a variable there."""
        for template, gap in self._gapped.get(len(tokens) - 1, [])[-SCAN:]:
            rest = [*tokens[:gap], *tokens[gap + 1:]]
            if (template.into is not None or len(template.tokens) != len(rest)
                    or not worded(rest) or self._compare(template.tokens, rest)[1]):
                continue
            self._adopt(template)
            self._unindex(template)
            template.tokens.insert(gap, WILD)
            if template.shown:
                template.shown = {index + (index >= gap): word for index, word in template.shown.items()}
            self._bucket(len(template.tokens), _key(template.tokens)).append(template)
            self._merge(template, tokens)
            template.refresh()
            return template
        return None

    def _closing_run(self, tokens: list[str]) -> Template | None:
        """A longer template that ends in a run of two variables or more (free text: a request line,
        a real name) where this message ends in fewer words after the same start, with two plain
        words before it (``Request (fd 5): GET /a HTTP/1.0`` / ``Request (fd 6): HELLO``). The run's
        first word keeps its shape (``:idle`` fits ``:<*>``); the template shows the run as one
        ``<*>``. Never more words than the run held: after a label, a longer text is another
        statement's message (``Local file system at <*>: <*> <*>`` / ``...: poll-interval is not
        supported``)."""
        size, key = len(tokens), _key(tokens)
        for length in range(size + 1, size + OPEN_VALUE + 1):
            pool = self._peek(length, key)[:SCAN]
            if key != WILD:
                pool = [*pool, *self._peek(length, WILD)[:SCAN]]
            for candidate in pool:
                start = _run_start(candidate.tokens)
                if (candidate.into is not None or start < 2 or length - start < 2 or start >= size
                        or sum(word.isalpha() for word in candidate.tokens[:start]) < 2
                        or not fits(tokens[start], candidate.tokens[start])
                        or any("=" in word for word in tokens[start:])
                        or self._compare(candidate.tokens[:start], tokens[:start])[1]):
                    continue
                self._adopt(candidate)
                if not candidate.collapsed:
                    candidate.collapsed = True
                    candidate.refresh()
                return candidate
        return None

    def _valued_first(self, length: int) -> list[Template]:
        """Templates of `length` words indexed under a first word that has since shown up as a value
        (they were made before the file showed it; at most `SCAN`)."""
        found: list[Template] = []
        known = self._known
        for word, bucket in self._index.get(length, {}).items():
            if word != WILD and known.get(word, 0) >= KNOWN_FIRST:
                found.extend(bucket[:SCAN - len(found)])
                if len(found) >= SCAN:
                    break
        return found

    def _absorb(self, changed: Template) -> None:
        """Fold templates split off before the file showed a position varies: after `changed`
        generalised, every template of its length it now covers at one position (see `_folds`) is
        folded into it, or it is folded into one that covers it. A folded template takes the
        general one's id and count, and its later lines go to the general one."""
        for other in self._others_of_length(changed):
            if changed.into is not None:
                continue
            if _folds(changed.tokens, other.tokens, self._known):
                self._fold(other, changed)
            elif _folds(other.tokens, changed.tokens, self._known) and other.id:
                self._fold(changed, other)

    def fold_lists(self) -> bool:
        """Fold the templates that one statement printed over a list of names (`lists.listed`) into
        the first of them, which becomes ``label: <*>``. The others, and the first's own words, stay
        as kept templates, so a name seen again goes to it. True when anything was folded."""
        groups = listed(self.templates)
        for at, (first, *others) in groups:
            for other in others:
                self._fold(other, first)
                self._kept.setdefault(len(other.tokens), []).append(other)
            own = Template(id=first.id, tokens=list(first.tokens), into=first)
            first.folded.append(own)
            self._kept.setdefault(len(own.tokens), []).append(own)
            self._unindex(first)
            del first.tokens[at + 1:]
            first.tokens.append(WILD)
            self._bucket(len(first.tokens), _key(first.tokens)).append(first)
            first.refresh()
        return bool(groups)

    def _others_of_length(self, template: Template) -> Iterator[Template]:
        """The other templates of `template`'s length not folded away, each bucket taken as it stands
        when it is reached (the caller may fold as it goes)."""
        for bucket in list(self._index.get(len(template.tokens), {}).values()):
            for other in list(bucket):
                if other is not template and other.into is None:
                    yield other

    def _unindex(self, template: Template) -> None:
        """Take `template` out of the index buckets of its length, whichever word keys it."""
        for bucket in self._index.get(len(template.tokens), {}).values():
            if template in bucket:
                bucket.remove(template)

    def _fold(self, template: Template, general: Template) -> None:
        """Make `general` stand for `template` (and whatever was folded into it)."""
        self.folds += 1
        self._unindex(template)
        general.count += template.count
        template.count = 0
        members = [template, *template.folded]
        template.folded = []
        general.folded.extend(members)
        for member in members:
            member.id, member.into = general.id, general
            member.text, member.json_tail = general.text, general.json_tail
        if template in self.templates:
            self.templates.remove(template)
