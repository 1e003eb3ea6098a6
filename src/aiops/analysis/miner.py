"""Streaming template miner: groups log messages (header already removed) into templates.

Each message is masked (see `masking`) and looked up in a bounded cache of masked texts. A miss is
tokenised on blanks and compared with the templates of the same length and first token:

- a position matches when the words are equal, the template has `<*>` there, one word is a
  pattern the other fits (``rhost=<*>`` / ``rhost=example.org``; never a quoted sentence against
  an all-value phrase), `variables.same_variable` finds evidence that the two words are values of
  one variable, or the word sits between two bare variables (``<*> IN <*>`` / ``<*> CH <*>``);
- the line joins the best template where every position matches (the template generalises);
- otherwise, a template with the same `skeleton.skeleton` (variables spanning a varying number of
  words, an optional leading context field) takes the line, or one with the same words before a
  closing parenthesised group when that group is a reason (`skeleton.reason_tail`) or has held a
  single value (``listenurl (<*>)`` / ``listenurl (birch sounds)``); a template that generalises to
  the skeleton of one of another length (``<*> has joined`` / ``<*> <*> has joined``) is folded into
  it, and lines that match it later go there too;
- otherwise it starts a new template. When lines keep differing from one template at the same
  one or two positions only (`spread` distinct values), those positions are taken as variables,
  later lines join the first template and so do the templates of the variants seen so far (unless
  their word there is a keyword or code in one case, which tells statements apart); a label
  (``save:``, ``Doc-Root :``) or a quoted sentence (``"230 Login successful."``) never becomes a
  variable that way.

`seed` starts a miner from a trial run over the first lines (see `header_choice`), so those lines
are grouped with what the whole first block taught. Digits inside constant words are shown as they
are while they never change (`readable`).

Modules: `template` (the `Template` record), `wordshapes` (tokens and what their shapes say),
`rejoin` (joins beyond one differing word, and folding), this one (the index, comparison and
spreading).

Memory: one `Template` per template, a bounded cache, a bounded table of variable values and a
small sibling table; nothing grows with the number of lines. Group ids are stable: a template keeps
its id while it generalises, so ids printed earlier stay valid.
"""

from __future__ import annotations

import re

from aiops.analysis.fields import level_of
from aiops.analysis.masking import SOURCE_FILE, SOURCE_HINT, SOURCE_RE, mask, plain, shapes
from aiops.analysis.readable import digit_constants, keep_constant, raw_tokens
from aiops.analysis.rejoin import SCAN, Rejoin, gap_at
from aiops.analysis.skeleton import reason_tail, skeleton, value_group
from aiops.analysis.template import WILD, Template, current, worded
from aiops.analysis.variables import VALUE_SETS, cores, counted_noun, generalise, same_variable, slot_value
from aiops.analysis.wordshapes import (
    _LABEL,
    _WORD,
    KNOWN_FIRST,
    _bare,
    _covers,
    _event_word,
    _key,
    _labelled,
    _prose,
    _random_id,
    fits,
    same_key_value,
    tokenise,
)

__all__ = ["WILD", "Template", "TemplateMiner", "current", "fits", "tokenise"]

_NAME = re.compile(r"[a-z][a-z_]*")
"""A lower-case name of letters."""
_ONE_CASE = re.compile(r"[a-z][a-z_-]*|\[?[A-Z][A-Z0-9_-]*\]?")
"""A word in one case, maybe joined with hyphens or underscores (``priority``, ``admin-port-state``,
``THROWAWAY``, ``[ZW1GY-R46JE]``): a keyword or code, of the kind that tells statements apart."""
_FUNCTION = re.compile(r"[A-Za-z_][\w.:]*\((?:\)|(?=[\"']))")
"""A function name with empty parentheses (C's ``__func__`` printed as ``%s()``), or called with a quoted
argument (a storage driver's trace, ``filesystem.Stat("/a/b")``): it names the call site or the
operation, while the argument is the value."""
_SNAKE_CALL = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+\((?=[^()]*\)\Z)")
"""A snake_case function printed with its arguments, which close the word (C's ``__func__`` and
``__LINE__`` as ``%s(%d)``, ``mtask_alloc(589)``; a traced call, ``set_socket_timeout(5,500000)``):
where both words are such calls, two names are two statements."""
_COMMAND = re.compile(r"[A-Z][A-Z_]+(?::[A-Z][A-Z_]+)*:")
"""An upper-case label with a colon (``REGISTER:``, ``SET:PROPERTY:``): a command or category that
names the statement, as a lower-case label does."""
_CODE_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+:|[A-Za-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+:")
"""An identifier in code with a colon, its words joined by underscores or capitals (``Xrootd_Protocol:``,
``sec_PM:``, ``XrdLinkScan:``, ``handleRequest:``): a component or function, which names the
statement as a label does."""
_VALUE_START = re.compile(r"[/'\"#@]")
"""A token opening like a value (a path, a quoted value, a channel, a handle), not like a word."""
_LONE_WORD = re.compile(r"[\[(<#]?[A-Za-z][A-Za-z_-]*[\])>]?[.:!]*|[-=*#~_^+.\u2500-\u257f]{3,}")
"""A message that is one word, bare, in brackets or after a ``#`` (``[SOF]``, ``Reloading...``,
``#end``), or a rule of dashes or box lines: a statement's own text, no value."""
_PLAIN_WORD = re.compile(r"[A-Za-z][\w.-]*")
"""A name or word with no value in it."""
TABLE_LIMIT = 50_000
"""Entries kept in each bounded table (cache, known values) before it is reset."""


def _function(word: str) -> str:
    """The function name `word` starts with (``send_buffer()`` of ``send_buffer():FAIL``, ``Stat(`` of
    ``Stat("<*>")``), or ""."""
    found = _FUNCTION.match(word)
    return found.group() if found is not None else ""


def _two_functions(left: str, right: str) -> bool:
    """The two words name different functions: one names a function the other does not (`_function`),
    or both are snake_case calls with arguments (`_SNAKE_CALL`) of different functions."""
    if _function(left) != _function(right):
        return True
    first, second = _SNAKE_CALL.match(left), _SNAKE_CALL.match(right)
    return first is not None and second is not None and first.group() != second.group()


def _two_components(template: list[str], index: int, word: str) -> bool:
    """`word` and the template's word at `index` are two code identifiers with a colon (`_CODE_LABEL`)
    that open the message or follow a value (``anon.0:24@[::1] Xrootd_Protocol:`` / ``... Xrootd_File:``):
    two components or functions, so two statements. After a word (``state to GST_STATE_READY:``) such
    an identifier is a value."""
    return bool(_CODE_LABEL.fullmatch(template[index]) and _CODE_LABEL.fullmatch(word)
                and (index == 0 or WILD in template[index - 1]))


def _two_statements(template: list[str], index: int, word: str) -> bool:
    """`word` and the template's word at `index` name two statements: two functions (`_two_functions`)
    or two components (`_two_components`); never one variable, by comparison or by spreading."""
    return _two_functions(template[index], word) or _two_components(template, index, word)


def _source(word: str) -> bool:
    """A source location (``verify.c:52``) in the word, or the word is a source file closed by a colon
    (C's ``__FILE__ ": "``, ``dbus-protocol.c:``): either names where the statement is."""
    return bool(SOURCE_RE.search(word) or SOURCE_FILE.fullmatch(word))


def _names_statement(tokens: list[str], index: int) -> bool:
    """True when the word at `index` is text that names the statement, never a value to spread: a
    label with a colon, lower-case or upper-case (``save:`` / ``expunge:``, ``REGISTER:``), a source
    location or file, a quoted phrase of words (``"230 Login successful."``), or a field name before
    a lone colon."""
    word = tokens[index]
    return bool(_LABEL.fullmatch(word) or _COMMAND.fullmatch(word) or _source(word) or _prose(word)
                or _labelled(tokens, index))


def _alike(left: list[str], right: list[str], share: float = 0.0) -> bool:
    """Two templates share a constant word besides their source location, and at least `share` of
    all their constant words."""
    ours = {token for token in left if WILD not in token and not SOURCE_RE.search(token)}
    theirs = {token for token in right if WILD not in token and not SOURCE_RE.search(token)}
    common = len(ours & theirs)
    return common > 0 and common >= share * len(ours | theirs)


class TemplateMiner(Rejoin):
    """Group messages into templates, one message at a time (`add`)."""

    def __init__(self, *, spread: int = 3, cache_size: int = TABLE_LIMIT, id_prefix: str = "g") -> None:
        self.spread = spread
        self.cache_size = cache_size
        self.id_prefix = id_prefix
        self.templates: list[Template] = []
        self.folds = 0
        """How many templates were folded into others so far (callers that keep templates in
        their own tables re-resolve them with `current` when this changes)."""
        self._made = 0
        self._cache: dict[str, Template] = {}
        self._index: dict[int, dict[str, list[Template]]] = {}
        """Templates by length, then by the word that keys them (`_key`)."""
        self._known: dict[str, int] = {}
        self._shapes: dict[str, Template] = {}
        self._siblings: dict[tuple[int, tuple[int, ...]], set[tuple[str, ...]]] = {}
        """Per template (by object, as seeds share the empty id) and differing places: the variants seen."""
        self._skeletons: dict[tuple[str, ...], Template] = {}
        self._reasons: dict[tuple[int, str], list[Template]] = {}
        self._kept: dict[int, list[Template]] = {}
        """Templates folded into one of another length (`_same_skeleton`), by length: lines they
        match go to the template that stands for them."""
        self._gapped: dict[int, list[tuple[Template, int]]] = {}
        """Templates made from a line with a value printed empty, by length, with its position."""
        self._sources: dict[str, Template] = {}
        """The first template seen per source location in a message (`_by_source`)."""
        self._groups: dict[tuple[int, str], list[Template]] = {}
        """Templates ending in a closing group that is no reason (`reason_tail` loose only)."""

    def add(self, message: str) -> Template:
        """Assign `message` to a template (creating or generalising one) and return it."""
        message = plain(message)
        masked = mask(message)
        template = self._cache.get(masked)
        if template is None:
            template = self.add_masked(masked)
        else:
            template = current(template)
            template.count += 1
        if SOURCE_HINT.search(message) is not None:
            template = self._by_source(message, template)
        if template.shown is None:
            words = raw_tokens(message, len(template.tokens))
            template.shown = digit_constants(template.tokens, words) if words else {}
            if template.shown:
                template.refresh()
        elif template.shown and keep_constant(template.shown, raw_tokens(message, len(template.tokens))):
            template.refresh()
        return template

    def _by_source(self, message: str, template: Template) -> Template:
        """The template of the first line that named the same source location (``(verify.c:52)``,
        ``caller=scrape.go:1234``) when `message` names exactly one: a call site prints one
        statement, however its values (a name over one word or three) change the words around it.
        Lines of one location that share no other constant word come from a logging helper, which
        names itself rather than its callers: they keep their own templates."""
        found = SOURCE_RE.findall(message)
        return self.at_location(found[0], template) if len(found) == 1 else template

    def at_location(self, location: str, template: Template, *, share: float = 0.0) -> Template:
        """`template`, or the first template of the same call site `location` when the two share a
        constant word besides it, and at least `share` of their constant words (see `_by_source`;
        the parser passes a location it found in the header, such as ``NIOServerCnxn@629``)."""
        first = self._sources.get(location)
        if first is None:
            if len(self._sources) >= TABLE_LIMIT:
                self._sources.clear()
            self._sources[location] = template
            return template
        first = current(first)
        if first is template or not _alike(first.tokens, template.tokens, share):
            return template
        template.count -= 1
        first.count += 1
        return first

    def add_batch(self, messages: list[str]) -> list[Template]:
        """`add` for many messages at once, with a fast path for messages of an already seen shape
        (`masking.shapes`: every digit turned into 0 but a source location's line number)."""
        found = shapes(messages, sep="\x1e")
        if len(found) != len(messages):
            return [self.add(message) for message in messages]
        table = self._shapes
        if len(table) >= self.cache_size:
            table.clear()
        out: list[Template] = []
        for shape, message in zip(found, messages, strict=True):
            template = table.get(shape)
            if template is None:
                template = self.add(message)
                if len(shape) <= 2_000 and not template.shown:
                    table[shape] = template
            else:
                template = current(template)
                template.count += 1
            out.append(template)
        return out

    def add_masked(self, masked: str) -> Template:
        """Like `add` for a message already masked (and not found in the cache)."""
        tokens = tokenise(masked)
        template = current(self._place(tokens, gap_at(masked, tokens) if "  " in masked else -1))
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[masked] = template
        template.count += 1
        return template

    def _candidates(self, tokens: list[str]) -> tuple[list[Template], list[Template]]:
        """(the index bucket a new template of `tokens` goes to, the templates to compare with)."""
        key = _key(tokens)
        if key != WILD and self._known.get(key, 0) >= KNOWN_FIRST:
            key = WILD  # a first word the file shows as a value elsewhere does not name the event
        bucket = self._bucket(len(tokens), key)
        candidates = bucket if len(bucket) <= SCAN else bucket[: SCAN - SCAN // 4] + bucket[-(SCAN // 4):]
        if key == WILD and tokens and _key(tokens) != WILD:
            candidates = [*candidates, *self._valued_first(len(tokens))]
        elif key != WILD and not bucket and _random_id(key):
            # a random-looking id never seen first: one more value where templates already vary
            candidates = [t for t in self._peek(len(tokens), WILD)[:SCAN]
                          if t.tokens and t.tokens[0] == WILD and self._compare(t.tokens, tokens)[0] == len(tokens) - 1]
        return bucket, candidates

    def _place(self, tokens: list[str], gap: int = -1) -> Template:
        bucket, candidates = self._candidates(tokens)
        best, best_exact = None, -1
        near, near_blocked = None, tuple(range(len(tokens) + 1))
        for candidate in candidates:
            exact, blocked = self._compare(candidate.tokens, tokens)
            if not blocked:
                if exact > best_exact:
                    best, best_exact = candidate, exact
            elif len(blocked) < len(near_blocked):
                near, near_blocked = candidate, blocked
        if best is not None:
            return self._join(best, tokens)
        for kept in self._kept.get(len(tokens), [])[-SCAN:]:
            if not self._compare(kept.tokens, tokens)[1]:
                return current(kept)
        if near is not None and self._spread_out(near, near_blocked, tokens):
            return self._join(near, tokens, near_blocked)
        around = (self._around_context(tokens) or self._open_value(tokens)
                  or (self._empty_gap(tokens, gap) if gap >= 0 else None) or self._empty_last(tokens)
                  or (self._filled_gap(tokens) if gap < 0 else None) or self._closing_run(tokens))
        if around is not None:
            return around
        shape = skeleton(tokens)
        same = self._skeletons.get(shape)
        if same is not None:
            same = current(same)
            self._adopt(same)
            if same.tokens != tokens and not same.collapsed:
                same.collapsed = True
                same.refresh()
            return same
        tail = reason_tail(tokens)
        earlier = self._same_context(tail[0]) if tail else None
        if tail is None:
            tail = reason_tail(tokens, loose=True)
            earlier = (self._same_context(tail[0], value_only=True)
                       or self._same_context(tail[0], value_only=True, table=self._groups)) if tail else None
        elif earlier is None and value_group(tokens):
            earlier = self._same_context(tail[0], table=self._groups)
        if earlier is not None and tail is not None:
            self._adopt(earlier)
            if earlier.reason_at < 0:
                earlier.reason_at = len(tail[0])
                earlier.refresh()
            return earlier
        self._made += 1
        template = Template(id=f"{self.id_prefix}{self._made}", tokens=list(tokens))
        template.refresh()
        self.templates.append(template)
        bucket.append(template)
        self._file(template, shape, gap)
        if len(bucket) > SCAN and len(bucket) % SCAN == 0:
            bucket.sort(key=lambda t: -t.count)
        return template

    def _file(self, template: Template, shape: tuple[str, ...], gap: int) -> None:
        """Enter a new template in the side tables (skeletons, closing groups, and `_gapped` when its
        line showed a value printed empty at `gap`), clearing them all once they are full."""
        if len(self._skeletons) >= TABLE_LIMIT:
            self._skeletons.clear()
            self._kept.clear()
            self._reasons.clear()
            self._groups.clear()
            self._gapped.clear()
        self._skeletons.setdefault(shape, template)
        self._register_tail(template)
        if gap >= 0:
            self._gapped.setdefault(len(template.tokens), []).append((template, gap))

    def _adopt(self, template: Template) -> None:
        """Give a seeded template its id on first use (ids follow first use, as for new ones); a
        template that has one already keeps it."""
        if template.id:
            return
        self._made += 1
        template.id = f"{self.id_prefix}{self._made}"
        template.refresh()
        self.templates.append(template)

    def seed(self, other: TemplateMiner) -> None:
        """Start from what `other` (a trial run over the first lines) learned: its templates that no
        other template of it covers, and the values it saw in variable slots. Seeds get an id only
        when a line first joins them, so unused seeds never show."""
        self._known.update(other._known)
        for template in other.templates:
            if any(o is not template and _covers(o.tokens, template.tokens) for o in
                   other._peek(len(template.tokens), _key(template.tokens))):
                continue
            seed = Template(id="", tokens=list(template.tokens))
            self._bucket(len(seed.tokens), _key(seed.tokens)).append(seed)
            self._skeletons.setdefault(skeleton(seed.tokens), seed)
            self._register_tail(seed)

    def _register_tail(self, template: Template) -> None:
        """File a new template under the words before its closing group: in `_reasons` when the
        group is a reason (`reason_tail`), else in `_groups` when there is a closing group at all."""
        tail = reason_tail(template.tokens)
        table = self._reasons
        if tail is None:
            tail, table = reason_tail(template.tokens, loose=True), self._groups
        if tail is not None:
            table.setdefault((len(tail[0]), _key(list(tail[0]))), []).append(template)

    def _same_context(self, context: tuple[str, ...], *, value_only: bool = False,
                      table: dict[tuple[int, str], list[Template]] | None = None) -> Template | None:
        """An earlier template whose words before its closing reason match `context` throughout
        (with `value_only`, one whose group has held a single value; `table` defaults to `_reasons`)."""
        found = (self._reasons if table is None else table).get((len(context), _key(list(context))), ())
        for template in found[:SCAN]:
            if value_only and template.reason_at != len(context) and (
                    len(template.tokens) != len(context) + 1 or not value_group(template.tokens)):
                continue  # its group has not shown a single value
            if len(template.tokens) >= len(context) and not self._compare(template.tokens[:len(context)],
                                                                          list(context))[1]:
                return template
        return None

    def compatible(self, left: list[str], right: list[str]) -> bool:
        """True when two token lists of one length differ only where words can be one variable."""
        return len(left) == len(right) and not self._compare(left, right)[1]

    def _compare(self, template: list[str], tokens: list[str]) -> tuple[int, tuple[int, ...]]:
        """(number of equal words, positions where the words cannot be one variable)."""
        exact = 0
        blocked: list[int] = []
        known = self._known
        previous = ""
        for index, (left, right) in enumerate(zip(template, tokens, strict=True)):
            if left == right:
                exact += 1
            elif _source(left) or _source(right):
                blocked.append(index)  # two source locations or files are two statements
            elif _two_statements(template, index, right):
                blocked.append(index)  # so are two functions (``End of send_buffer():SUCCEED``)
            elif len(tokens) == 1 and left == WILD and _LONE_WORD.fullmatch(right):
                blocked.append(index)  # a word alone is a message of its own, no value of a lone variable
            elif WILD in (left, right) and _LABEL.fullmatch(right if left == WILD else left) and not level_of(
                    right if left == WILD else left):
                blocked.append(index)  # a label (``created:``) names what follows: no value of a variable
            elif not (left == WILD or ((fits(right, left) or fits(left, right)) and _prose(left) == _prose(right))
                      or same_variable(left, right, previous, known)
                      or same_key_value(left, right, template[:index])
                      or _transition(template, tokens, index)
                      or self._between_values(template, index, right)):
                blocked.append(index)
            previous = left
        if not blocked and all(WILD in token for token in template):
            words = tuple(i for i, token in enumerate(tokens) if _WORD.fullmatch(token) and token not in VALUE_SETS)
            if words:
                return exact, words  # a word (not of a closed set) is no value of an all-value record
        return exact, tuple(blocked)

    @staticmethod
    def _between_values(template: list[str], index: int, word: str) -> bool:
        """A code between two variables of a record-like message (``<*> IN <*>`` / ``<*> CH <*>``) is
        a value too; a label ending in a colon (``init:`` / ``common_init:``) is not, nor is a plain
        word on either side (``<*> from <*>`` / ``<*> to <*>``: the words of two statements)."""
        left = template[index]
        return (0 < index < len(template) - 1 and _bare(template[index - 1]) and _bare(template[index + 1])
                and not left.endswith(":") and not word.endswith(":")
                and not (_WORD.fullmatch(left) or _WORD.fullmatch(word)))

    def _spread_out(self, near: Template, blocked: tuple[int, ...], tokens: list[str]) -> bool:
        """Count the distinct variants that differ from `near` only at `blocked` (one or two places);
        true once there are so many that those places must be variables (`spread`, or 4x that for two
        places, since pairs of constants such as state transitions come in larger sets). In a message
        of two or three tokens only a value-shaped token spreads (``POST /upload``; never ``Connection
        closed`` / ``Connection reset``), and a one-character mark never does (tinydns's ``+``, ``-``,
        ``I``, ``C`` after a query's address: a status its statement writes as text)."""
        if len(blocked) > 2 or (len(blocked) * 3 >= len(tokens) and not all(
                _VALUE_START.match(near.tokens[i]) and _VALUE_START.match(tokens[i]) for i in blocked)):
            return False
        if any(_names_statement(near.tokens, index) or _names_statement(tokens, index)
               or _two_statements(near.tokens, index, tokens[index]) for index in blocked):
            return False
        if any(len(near.tokens[index]) == len(tokens[index]) == 1 for index in blocked):
            return False  # one-character marks (``+`` / ``-`` / ``C``) are status codes a statement prints
        pairs = list(zip(near.tokens, tokens, strict=True))
        if (not any(left == right and WILD not in left and len(left) > 1 for left, right in pairs)
                and any(left != right and _WORD.fullmatch(left) and _WORD.fullmatch(right) for left, right in pairs)):
            return False  # two words of text differ, and no constant word would be left (a one-letter level
            # mark, socat's ``I``, is none): not a row of values
        if _event_word(near.tokens) in blocked and _event_word(tokens) in blocked:
            return False  # the first word after leading values names the event (<*> <*> query[A] ...)
        if _text_start(near.tokens) in blocked and _text_start(tokens) in blocked:
            return False  # so does the first word after a logger's name and context fields
        if any(index + 1 < len(tokens) and _bare(near.tokens[index + 1]) and _bare(tokens[index + 1])
               and not (tokens[index + 1].startswith("(") and index and _NAME.fullmatch(tokens[index - 1]))
               and _NAME.fullmatch(near.tokens[index]) and _NAME.fullmatch(tokens[index])
               and not (index and _LABEL.fullmatch(tokens[index - 1]) and not level_of(tokens[index - 1]))
               for index in blocked):
            return False  # a lower-case name right before a value names that value (new maxpoll 4),
            # unless a label's colon precedes it: then it is that label's value (command: motd (0x5583)),
            # or the value is in parentheses after a word: it describes the name (to bravo (10.0.0.2 port 655))
        key = (id(near), blocked)
        values = self._siblings.setdefault(key, set())
        values.add(tuple(tokens[i] for i in blocked))
        if len(self._siblings) >= TABLE_LIMIT:
            self._siblings.clear()
        return len(values) + 1 >= self.spread * (1 if len(blocked) == 1 else 4)

    def _join(self, template: Template, tokens: list[str], spread: tuple[int, ...] = ()) -> Template:
        """Add `tokens` to `template`; with `spread`, the places that just became variables."""
        self._adopt(template)
        self._merge(template, tokens)
        if spread:
            self._take_siblings(template, spread)
        return template

    def _take_siblings(self, general: Template, blocked: tuple[int, ...]) -> None:
        """Fold into `general` the templates of the variants that made its `blocked` places
        variables (`_spread_out`): they were kept apart only until the file showed those places vary.
        Elsewhere they hold the same words, or values `general` covers by a pattern (``[RID#<*>]``
        under ``[<*>]``)."""
        values = self._siblings.get((id(general), blocked), set()) if general.into is None else set()
        for other in self._others_of_length(general) if values else ():
            if (other.id and _covers(general.tokens, other.tokens)
                    and tuple(other.tokens[i] for i in blocked) in values
                    and not any(_ONE_CASE.fullmatch(other.tokens[i].strip(",.;:")) for i in blocked)
                    and all(g == o or (WILD in g and WILD in o)
                            for i, (g, o) in enumerate(zip(general.tokens, other.tokens, strict=True))
                            if i not in blocked)):
                self._fold(other, general)

    def _merge(self, template: Template, tokens: list[str]) -> None:
        changed = False
        current = template.tokens
        known = self._known
        if len(known) >= TABLE_LIMIT:
            known.clear()
        for index, (left, right) in enumerate(zip(current, tokens, strict=True)):
            if left == right:
                continue
            if left == WILD or fits(right, left):
                value = right if left == WILD else slot_value(right, left)
                if value and WILD not in value:
                    known[value] = known.get(value, 0) + 1
                continue
            if fits(left, right):
                current[index] = right
            elif counted_noun(left, right):
                current[index] = min(left, right, key=len).rstrip(",.;:") + WILD + left[len(left.rstrip(",.;:")):]
            else:
                current[index] = generalise(left, right)
                for word in cores(left, right)[1:3]:
                    if word and WILD not in word:
                        known[word] = known.get(word, 0) + 1
            changed = True
        if changed:
            template.refresh()
            if current and current[0] == WILD and tokens[0] != WILD:
                wild = self._bucket(len(current), WILD)
                if template not in wild:
                    wild.append(template)
            self._absorb(template)
            if template.into is None:
                self._same_skeleton(template)

    def _same_skeleton(self, template: Template) -> None:
        """Fold a template that generalised into one of another length with the same skeleton: the
        runs of variable text in the two differ only in how many words they took."""
        shape = skeleton(template.tokens, lead=True)
        if not worded(shape):
            return
        other = current(self._skeletons.setdefault(shape, template))
        if other is template or not other.id or not template.id or len(other.tokens) == len(template.tokens):
            return
        self._fold(template, other)
        self._kept.setdefault(len(template.tokens), []).append(template)
        if not other.collapsed:
            other.collapsed = True
            other.refresh()


def _text_start(tokens: list[str]) -> int:
    """Where the statement's own text starts after a logger's name and bracketed context fields
    (``asyncssh: [conn=<*>] Beginning key exchange``): the index of that first plain word, or -1
    when the message opens with no name, or no plain word follows."""
    if len(tokens) < 3 or not tokens[0].endswith(":") or not _PLAIN_WORD.fullmatch(tokens[0][:-1]):
        return -1
    index = 1
    while index < len(tokens) and tokens[index].startswith("[") and tokens[index].endswith("]"):
        index += 1
    return index if index > 1 and index < len(tokens) and _PLAIN_WORD.fullmatch(tokens[index]) else -1


def _transition(template: list[str], tokens: list[str], index: int) -> bool:
    """One side of a transition whose other side varies too, both sides written alike (upper,
    lower or title case): the states a state machine went from and to (``state: IDLE -> RUNNING`` /
    ``RUNNING -> IDLE``, ``Changing state: stopped -> playing``) are values. An arrow after a
    constant word (``HTMLopt -> CSS``) names what follows; ``method failed -> FAILURE`` is a
    sentence and its decision; three letters or fewer are endpoints (ZNC's ``IRC -> ZNC`` /
    ``ZNC -> IRC``: which way a line went), not states."""
    for arrow, other in ((index - 1, index - 2), (index + 1, index + 2)):
        if 0 <= other < len(template) and template[arrow] == tokens[arrow] == "->" \
                and (WILD in template[other] or template[other] != tokens[other]) \
                and _case(tokens[index]) == _case(tokens[other]) != "" \
                and min(len(tokens[index]), len(tokens[other])) > 3:
            return True
    return False


def _case(word: str) -> str:
    """"upper", "lower" or "title" for a word written in one of those cases, else ""."""
    if word.isupper() or word.islower():
        return "upper" if word.isupper() else "lower"
    return "title" if word.istitle() else ""
