"""Word shapes the miner reads: how a masked message splits into tokens, which tokens are text a
program wrote (a plain word, a label, a quoted sentence, a camel-case name) and which are values
(a random id, a context field, a ``key=`` value), and when one token list covers another."""

from __future__ import annotations

import re
from itertools import pairwise

from aiops.analysis.template import WILD
from aiops.analysis.variables import BOXED_WORD, FIELD

KNOWN_FIRST = 2
"""Times a word must have filled a variable slot before, as a first word, it stops keying the index."""


_PLAIN = re.compile(r"[A-Za-z_][A-Za-z_]*(?:-[A-Za-z_]+)*[:.,;]?")
"""A first word that looks like a word (not a value) keys the template index."""
_TOKEN = re.compile(r"""(?<!\S)[A-Za-z_][\w.-]*[=:](?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[,;]?(?!\S)"""
                    r"""|(?<!\S)[^\s"']*(?:"[^"\s]+(?: [^"\s]+){1,3}"|'[^'\s]+(?: [^'\s]+){1,3}')[^\s"']*"""
                    r"""|(?<!\S)[^\s=()]+=\([^()\s]+(?: [^()\s]+){1,3}\)[,;]?(?!\S)"""
                    r"""|(?<!\S)(?:[^\s=\[\]]+=)?\[[^\[\]\s]+(?: [^\[\]\s]+){1,3}\][,;:]?(?!\S)"""
                    r"""|(?<!\S)(?:\[ \]|\( \))(?!\S)|(?<!\S)[^\s{}]*\{[^{}]*, [^{}]*\}[^\s{}]*|(?:\\ |\S)+""")


_PROSE_WORD = re.compile(r"(?<![\w<*>./])[A-Za-z][a-z]{2,}[.,;:!]?(?=[\s\"']|$)")


def _prose(token: str) -> bool:
    """A quoted phrase of two plain words or more (``"230 Login successful."``): text a program wrote,
    not a value; the quoted value of a key is a value, except under a text key (`_TEXT_KEY`)."""
    if _VALUED.match(token) and not _TEXT_KEY.match(token):
        return False
    return " " in token and len(_PROSE_WORD.findall(token)) >= 2


_VALUED = re.compile(r"[A-Za-z_][\w.-]*[=:][\"']")
"""A ``key="..."``, ``key='...'`` or ``key:'...'`` token: a quoted value, however many words it has."""
_TEXT_KEY = re.compile(r"(?:msg|message|text|event|summary|description)=", re.IGNORECASE)
"""Keys whose quoted value is the text a program wrote for the event (``msg="Scrape failed"``)."""


def same_key_value(left: str, right: str, before: list[str]) -> bool:
    """Two quoted values of one key (``message='<38>Dec 5 ...'`` / ``message='2026-12-05T...'``) are
    one variable, except the text a program wrote for the event: a text key's value when only
    ``key=value`` fields come before it (``level=info msg="Scrape failed"``)."""
    key = _VALUED.match(left)
    if key is None or not right.startswith(key.group()):
        return False
    return not _TEXT_KEY.match(left) or any("=" not in token for token in before)


_CAMEL = re.compile(r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)*|[A-Z]+")
"""A word, a camel-case name or an acronym: text a programmer wrote."""


def _random_id(word: str) -> bool:
    """A generated id without digits (``connfjGypAcrlMMS``): long, its letters change case four
    times or more, and it is no camel-case name (``minSessionTimeout``)."""
    if len(word) < 10 or _CAMEL.fullmatch(word):
        return False
    changes = sum(a.isupper() != b.isupper() for a, b in pairwise(word) if a.isalpha() and b.isalpha())
    return changes >= 4


def _labelled(tokens: list[str], index: int) -> bool:
    """A word before a lone colon names the field after it (``Request-URI     : /a``,
    ``Doc-Root     : /srv``), and the colon itself is structure: neither is a value."""
    return tokens[index] == ":" or (index + 1 < len(tokens) and tokens[index + 1] == ":")


def _bare(token: str) -> bool:
    """A token that is one variable and nothing else (punctuation aside)."""
    return token.strip(",;:()[]") == WILD


_JOINED = re.compile(r"[\"']|=\(|\[[^\]\s]* |[\[(] [\])]|\{[^{}]*, |\\ ")
"""Text that `_TOKEN` may keep together across a blank."""
_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*[.,;:]?")
"""A plain word of text."""
_LABEL = re.compile(r"[a-z][a-z_]*:")
"""A plain lower-case word and a colon: a label naming what follows, not a value."""


def tokenise(masked: str) -> list[str]:
    """Split a masked message on blanks, keeping the quoted value of a key, however long, with the
    comma after it (``err="dial tcp: refused"``, ``error='Broken pipe (32)',``, ``title:'[idle]'``), a short
    quoted phrase (``"View Lock"``, ``'connecting host'``), a short parenthesised value of a key
    (``flags=(\\Seen \\Recent)``), a short boxed value, alone or of a key (``[bob/<via Auth-Type =
    CHAP>]``, ``cid=[no info]``), an empty box (``[ ]``, the unticked form of ``[x]``) and a braced
    list (``{aes256-cts(18), aes128-cts(17)}``, ``{a=1, b=2}``) whole, and a word whose blanks are
    escaped with a backslash (a shell-quoted file name, ``sp\\ ace\\ 2``). Where two `` | `` or more
    follow the message text (log4j's ``%m | %c | %t``), each field after them is one token."""
    if masked.count(" | ") >= 2:  # fields of a pipe layout after the message (``msg | logger | thread``)
        first, *fields = masked.split(" | ")
        return [*tokenise(first), *(FIELD + field for field in fields)]
    if not _JOINED.search(masked):
        return masked.split()
    return _TOKEN.findall(masked)


def fits(token: str, pattern: str) -> bool:
    """True when `pattern` holds `<*>` and `token` matches it (`<*>` standing for any text)."""
    if WILD not in pattern:
        return False
    parts = pattern.split(WILD)
    head, tail = parts[0], parts[-1]
    if not token.startswith(head) or not token.endswith(tail) or len(token) < len(head) + len(tail):
        return False
    position, end = len(head), len(token) - len(tail)
    for middle in parts[1:-1]:
        found = token.find(middle, position, end)
        if found < 0:
            return False
        position = found + len(middle)
    return True


def _folds(general: list[str], specific: list[str], known: dict[str, int]) -> bool:
    """True when `general` covers `specific`, `specific` already has variables of its own (a
    template of constants stays as the more exact match) and they differ at one or two positions,
    where `specific` has a value each time: a word the file showed in a variable slot, or the value
    of a pattern (``write=No`` / ``write=<*>``), never a word a bare `<*>` happens to cover."""
    if WILD not in "".join(specific) or not _covers(general, specific):
        return False
    differ = [(g, s) for g, s in zip(general, specific, strict=True) if g != s]
    if not 1 <= len(differ) <= 2:
        return False
    return all(not (_prose(word) or _LABEL.fullmatch(word) or (word.endswith(":") and not _pure_value(word)))
               and (wide != WILD or WILD in word or known.get(word, 0) >= KNOWN_FIRST) for wide, word in differ)




_OPEN_KEY = re.compile(r"[A-Za-z_][\w.-]*=")
"""The key of a last ``key=value`` token."""
OPEN_VALUE = 8
"""Most extra words a message's last ``key=`` value may span beyond a template's."""


_TAG = re.compile(r"[\w.<>*/-]+\[<\*>\]:")
"""A syslog tag, a program and its pid (``ser2net[25109]:``, masked ``ser<*>net[<*>]:``)."""


def _context(token: str) -> bool:
    """An opening context field: one bracketed word or value, maybe closed by a colon
    (``[plain.test.]``, ``[<*>]``, a call id ``[call-9020db14@127.0.0.1]:``), or a syslog tag that
    some lines carry and others do not (a program's stderr and its syslog copy)."""
    return bool(BOXED_WORD.fullmatch(token.removesuffix(":")) or _TAG.fullmatch(token))


_LEAD_PAIR = re.compile(r"[A-Za-z_][\w.-]*=\S*")
"""A ``key=value`` field before a message's first word (``conn=1000 op=1 SRCH ...``)."""
LEAD_PAIRS = 3
"""Most leading ``key=value`` fields looked past for the word that keys the index."""


def _pure_value(token: str) -> bool:
    """A token of variables and punctuation only (``<*>``, ``<*>/<*>``, ``[<*>]``)."""
    return WILD in token and not token.replace(WILD, "").strip("()[]{}<>/:;,.#|-")


def _lead(tokens: list[str], *, values: bool) -> int:
    """How many leading ``key=value`` fields (with `values`, also tokens of variables only) come
    before the record's first word: at most `LEAD_PAIRS`, and never the last token."""
    index = 0
    while index < LEAD_PAIRS and index + 1 < len(tokens) and (
            _LEAD_PAIR.fullmatch(tokens[index]) or (values and _pure_value(tokens[index]))):
        index += 1
    return index


def _event_word(tokens: list[str]) -> int:
    """Where the first plain word after leading values or ``key=value`` fields sits (``<*> <*>
    query[A] ...``, ``<<*> set ...``), or -1 when the message opens with a word or has none there:
    the word naming the record's event."""
    index = _lead(tokens, values=True)
    return index if index and _PLAIN.fullmatch(tokens[index]) else -1


def _key(tokens: list[str]) -> str:
    """The index key part of a token list: its first word when that is a plain word, looking past
    up to `LEAD_PAIRS` leading ``key=value`` fields (the context of the record, not its event)."""
    first = tokens[_lead(tokens, values=False)] if tokens else ""
    return first if _PLAIN.fullmatch(first) else WILD


def _covers(general: list[str], specific: list[str]) -> bool:
    """True when template `general` differs from `specific` and accepts everything it accepts."""
    if general == specific:
        return False
    return all(g in (s, WILD) or fits(s, g) for g, s in zip(general, specific, strict=True))
