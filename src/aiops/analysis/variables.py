"""Evidence that two different words at the same place of a message are values of one variable.

Masking already turns digit-bearing words into `<*>`. What is left are words without digits, and
there two lines of one event (``user=root`` / ``user=uucp``) look just like two different events
(``layout begin`` / ``layout end``). The miner only merges such words on evidence:

- key=value: the same key with a different value (``force=true`` / ``force=false``);
- the word after a lone ``=`` or ``@`` (``Timeouts = None``, ``@ nserv``), unless it is a key or label;
- booleans and nulls (``true``, ``false``, ``null``, ``none``, ``yes``, ``no``);
- a word that stands for a missing value (``UNKNOWN``, ``N/A``, ``None``, ``<nil>``) against any
  other word after the first: the program printed it where the value was absent;
- dotted or slashed names: packages, classes, files, hosts (``com.example.Foo``, ``wcp.dll``);
- the word after a name word (``user cyrus``, ``host db``, ``vhost prod``, ``interface en0``,
  ``hook id: check-size``, ``name: web``);
- size and duration units (``KB`` / ``MB``);
- two words of one standard closed set of values (``A`` / ``AAAA``, ``NXDOMAIN`` / ``SERVFAIL``,
  ``up`` / ``down``), listed in `value_sets.txt`;
- a single quoted word (``for "cart"`` / ``for "search"``): quotes mark data;
- the one-word argument of a name written as a call (``RTCSctpTransport(client)`` /
  ``RTCSctpTransport(server)``): an object's repr naming its role, or a call's argument;
- two identifiers (``NPP_GetSitesWithData``, ``en0`` / ``awdl0``) after the first word: names in
  code style are values, while other plain words (``layout begin`` / ``end``) stay constant text,
  and so does a snake_case name closed by a colon (C's ``__func__`` labelling its statement);
- both words were already seen filling a variable slot of some template (``root``, ``uucp``);
- one noun in the singular and the plural right after a number (``1 packet`` / ``28 packets``).

Every rule is about what values look like in logs in general, never about one log format.
"""

from __future__ import annotations

import re
from pathlib import Path

from aiops.analysis.masking import MASK

VALUE_SETS_FILE = Path(__file__).resolve().parent / "value_sets.txt"

DELIMS = frozenset(" =:,;()[]{}\"'<>|`\u2018\u2019\u201c\u201d")
_CLOSERS = {'"': '"', "'": "'", "`": "`'", "\u2018": "\u2019", "\u201c": "\u201d"}
"""The quotes that may close a value each opening quote starts: its own mark, and for a backtick
also the apostrophe of GNU-style quoting (```mouse'``), for a curly quote its closing partner."""
BOOLEANS = frozenset({"true", "false", "null", "nil", "none", "yes", "no"})
ABSENT = frozenset({"UNKNOWN", "null", "None", "nil", "N/A", "n/a", "undefined", "<nil>", "(unknown)", "<unknown>",
                    "[unknown]"})
"""What programs print in place of a value they do not have: a constant's spelling (``UNKNOWN``,
``N/A``, Python's ``None``, JavaScript's ``null`` and ``undefined``, Go's ``<nil>``), never the
lower-case prose words (``unknown user``, ``none found``); ``NULL``, ``NONE`` and C's ``(null)`` are
left out, as they name things as often (a ``NULL`` service, an ``ExtSensors NONE`` plugin)."""
NAME_WORDS = frozenset({"user", "username", "host", "hostname", "account", "login", "vhost", "interface",
                        "application", "backend", "type", "id", "name"})
UNITS = frozenset({
    "b", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "bytes", "k", "m", "g",
    "ns", "us", "µs", "ms", "s", "sec", "secs", "min", "mins",
})


def load_value_sets(path: Path = VALUE_SETS_FILE) -> dict[str, str]:
    """Word -> name of its closed set, from `value_sets.txt` (``name: word word ...`` per line,
    ``#`` comments). Plain text, so the parse command loads no YAML library."""
    out: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, colon, words = line.partition(":")
        if not colon or not name.strip() or not words.split():
            raise ValueError(f"{path}:{number}: expected `name: word word ...`, got {line!r}")
        for word in words.split():
            if word in out:
                raise ValueError(f"{path}:{number}: {word!r} is already in {out[word]}")
            out[word] = name.strip()
    return out


VALUE_SETS = load_value_sets()
"""Closed sets of values (DNS types and rcodes, states, directions...): word -> set name."""
_IDENT = re.compile(r"^[^=]*(?:[A-Za-z]_[A-Za-z]|[A-Za-z]<\*>|<\*>[A-Za-z])[^=]*$")
"""Identifier shape: snake_case, or a word with digits in it (masked), and no ``key=``: names in code
style, not prose and not a different key."""
_CALLER = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+:")
"""A snake_case name with a colon (C's ``__func__`` printed as ``%s:``): it names the statement."""
_LIST_KEY = re.compile(r"[A-Za-z_][\w-]*:")
"""A key with a colon, whose value closed by a comma is one of a list (``Class: throw, Exception: ...``)."""
_MEMBER = re.compile(r"\.[A-Za-z_][\w$]*[:,;]?")
"""The last part of a dotted name whose head the two words share (``*v1.Pod`` / ``*v1.Node``)."""
_SIGNS = frozenset({"=", "@"})
"""Signs written apart that a value follows: an equals sign, an at sign before a host or server."""
_DOTTED = re.compile(r"[\w$~-]+(?:[./\\@]+[\w$~*-]+)+[./]?")


BOXED_WORD = re.compile(r"\[[^\s\[\]]+\]")
"""One bracketed word or value (``[alice]``, ``[zone.]``, ``[<*>]``): at the start of a message, an
optional context field."""
_BOXED = re.compile(BOXED_WORD.pattern + r"[,;:.]?")
"""One value in square brackets, no blank inside."""


def _quoted(token: str) -> bool:
    """One quoted value with no blank in it (``'conf-begin'``, ``"[public]"``)."""
    body = token.rstrip(",;:.")
    return len(body) > 2 and body[-1] in _CLOSERS.get(body[0], "") and " " not in body


def cores(left: str, right: str) -> tuple[str, str, str, str]:
    """(prefix, left core, right core, suffix): the shared ends cut back to delimiter boundaries."""
    limit = min(len(left), len(right))
    start = 0
    while start < limit and left[start] == right[start]:
        start += 1
    while start > 0 and left[start - 1] not in DELIMS:
        start -= 1
    end = 0
    while end < limit - start and left[-1 - end] == right[-1 - end]:
        end += 1
    while end > 0 and left[len(left) - end] not in DELIMS:
        end -= 1
    return left[:start], left[start:len(left) - end], right[start:len(right) - end], left[len(left) - end:]


def generalise(left: str, right: str) -> str:
    """The pattern covering both words: shared delimiter-aligned ends around `<*>`."""
    prefix, _, _, suffix = cores(left, right)
    return f"{prefix}{MASK}{suffix}"


FIELD = "| "
"""How a token that is a whole pipe-delimited field after the message starts (see `tokenise`)."""
_LISTED = re.compile(r"[^\s{}]*\{[^{}]*, [^{}]*\}[^\s{}]*")
"""A token holding a braced list with blanks in it (kept whole by `tokenise`): a printed set or map."""


_BOX_IN = re.compile(r"\[[^\[\]\s]*\]")
"""A boxed value inside a word (``worker[bob]:``)."""


def _boxed_in(longer: str, shorter: str) -> bool:
    """`longer` is `shorter` with a boxed value after its start: a value printed only when known."""
    found = _BOX_IN.search(longer)
    return found is not None and found.start() > 0 and longer[:found.start()] + longer[found.end():] == shorter


_CALLED = re.compile(r"([A-Za-z_][\w.]*)\([\w.-]+\)([,:;.]?)")
"""A name written as a call with one word for its argument (``RTCSctpTransport(client)``), and the
punctuation closing the word."""


def same_variable(left: str, right: str, previous: str, known: dict[str, int]) -> bool:
    """True when `left` and `right` (different words at one position) are values of one variable."""
    if previous == MASK and (counted_noun(left, right) or scaled_unit(left, right) or described(left, right)):
        return True
    if left.startswith(FIELD) and right.startswith(FIELD):
        return True  # two values of a pipe-delimited field after the message (a logger, a thread)
    if previous in _SIGNS and not any("=" in word or word.endswith(":") for word in (left, right)):
        return True  # the value after a lone sign (``Timeouts = 0``, ``... @ nserv (127.0.0.1)``)
    prefix, a, b, suffix = cores(left, right)
    key = prefix.rstrip("([{<\"'")  # the value of a key may open with a bracket or a quote
    if not a or not b:
        return bool(key) and key.endswith("=")
    if key.endswith("=") and key[:-1].strip(" =:,;()[]{}\"'<>|"):
        return True
    lower_a, lower_b = a.lower(), b.lower()
    if lower_a in BOOLEANS and lower_b in BOOLEANS:
        return True
    if previous and _absent(left, a) != _absent(right, b) and suffix != ":" and "=" not in prefix + suffix:
        return True  # a value printed as the word for its absence (``from UNKNOWN (...)`` / ``from db1 (...)``)
    group = VALUE_SETS.get(a)
    if group is not None and group == VALUE_SETS.get(b):
        return True
    if lower_a in UNITS and lower_b in UNITS:
        return True
    if _DOTTED.fullmatch(a.replace(MASK, "0")) and _DOTTED.fullmatch(b.replace(MASK, "0")):
        return True
    if _MEMBER.fullmatch(a) and _MEMBER.fullmatch(b):
        return True
    if _boxed_in(left, right) or _boxed_in(right, left):
        return True  # a word with and without its boxed value (``worker[bob]:`` / ``worker:``)
    if _LISTED.fullmatch(left) and _LISTED.fullmatch(right):
        return True  # two braced lists, of any length (``{a(18), b(17)}`` / ``{c(20)}, ...``)
    if _quoted(left) and _quoted(right) and left[0] == right[0]:
        return True  # two quoted values ('zone[a.test].sync' / 'zone[b.test]')
    if previous and _BOXED.fullmatch(left) and _BOXED.fullmatch(right):
        return True  # two boxed values inside a message (user [root] / user [alice])
    if suffix[:1] and suffix[:1] in _CLOSERS.get(prefix[-1:], "") and " " not in a + b:
        return True  # a quoted value inside a longer token (``("cart")`` / ``("search")``)
    if (called := _CALLED.fullmatch(left)) and (other := _CALLED.fullmatch(right)) \
            and called.groups() == other.groups():  # the right side is read only when the left is a call
        return True  # the argument of a name written as a call (``Transport(client)`` / ``Transport(server)``)
    if previous and _IDENT.search(a) and _IDENT.search(b) and not (_CALLER.fullmatch(left)
                                                                   or _CALLER.fullmatch(right)):
        return True  # two identifiers, unless one labels what follows (``temporarily_use_uid:``)
    if _LIST_KEY.fullmatch(previous) and left.endswith(",") and right.endswith(","):
        return True  # the value of one key of a list (``scope: helo, ...`` / ``scope: mfrom, ...``)
    if previous.strip(" =:,;()[]{}\"'<>|").lower() in NAME_WORDS and suffix != ":":
        return True  # a word closing a label (``Login OK:`` / ``Login incorrect:``) is text
    return a in known and b in known


def _absent(word: str, core: str) -> bool:
    """`word` (or its differing `core`) is the word for a missing value (`ABSENT`)."""
    return core in ABSENT or word.rstrip(",.;") in ABSENT


def counted_noun(left: str, right: str) -> bool:
    """One noun in the singular and the plural (``packet`` / ``packets,``): right after a number,
    the count decides the ending, not the event."""
    a, b = left.rstrip(",.;:"), right.rstrip(",.;:")
    return left[len(a):] == right[len(b):] and len(a) > 1 and a != b and (a + "s" == b or b + "s" == a)


SI_PREFIXES = frozenset({"k", "K", "M", "G", "T", "P", "Ki", "Mi", "Gi", "Ti"})
"""Decimal and binary prefixes a program picks for a large quantity by its size (``kpixels``,
``MiB``); the small ones are left out, as ``m`` + ``in`` would make ``min`` a scaled ``in``."""


def scaled_unit(left: str, right: str) -> bool:
    """One unit with and without a size prefix (``pixels`` / ``kpixels``, ``bit/s`` / ``Mbit/s``):
    right after a number, the size of the value picks the prefix, not the event."""
    a, b = left.rstrip(",.;:)"), right.rstrip(",.;:)")
    if left[len(a):] != right[len(b):] or a == b:
        return False
    short, long = sorted((a, b), key=len)
    return len(short) > 1 and long.endswith(short) and long[:-len(short)] in SI_PREFIXES


DESCRIPTION = re.compile(r"\([A-Za-z][\w.<>*-]*\)([:,;]?)")
"""One word in parentheses (``(peerB):``, masked ``(spk<*>):``), maybe closed by punctuation (group 1)."""


def described(left: str, right: str) -> bool:
    """Two words in parentheses right after a value (``127.0.0.2 (peerB):`` / ``127.0.0.5 (dyn):``),
    each closed by the same colon, comma or semicolon: the name or description a program prints
    beside the value it stands for. A bare closing word (Linux's e820 ``(usable)`` / ``(reserved)``,
    each from its own statement) is not taken for one."""
    first, second = DESCRIPTION.fullmatch(left), DESCRIPTION.fullmatch(right)
    return first is not None and second is not None and first.group(1) == second.group(1) != ""


def slot_value(token: str, pattern: str) -> str:
    """The text `<*>` stands for when `token` fills `pattern` (one `<*>`), else ""."""
    if pattern.count(MASK) != 1 or MASK in token:
        return ""
    head, tail = pattern.split(MASK)
    return token[len(head):len(token) - len(tail)] if len(token) >= len(head) + len(tail) else ""
