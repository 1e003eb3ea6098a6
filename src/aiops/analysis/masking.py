"""Variable masking: replace the parts of a log message that vary between occurrences of the same event
(numbers, ids, IPv4 and IPv6 addresses, hex, UUIDs, paths, URLs, dates, durations) with `<*>`.

The rules are generic (no per-format settings). They run as one compiled alternation so a message is
scanned once, in C. Order matters: the first rule that matches at a position wins.

A "word" here is a run of characters between delimiters (whitespace and ``=:,;()[]{}"'<>|``): a word
that starts with a digit or holds a run of two digits or two separate digits is a variable as a
whole (``blk_-1608``, ``attempt_1445_0020_m_0``, ``10.251.73.220``, ``v6.1.7601``, ``12ms``,
``0x7fed``, ``a64f992``), because an event's constant text almost never carries digits that change;
a lone digit inside letters is masked alone (``eth0`` -> ``eth<*>``, ``A2dp`` -> ``A<*>dp``) so that
names such as ``log4j`` or ``ssh2`` keep their shape. Words without digits are masked only when
their shape says they are variable (UUIDs, URLs, e-mail addresses, paths with two or more parts, hex
strings, dates, file modes as ``ls -l`` prints them: ``drwxr-x---``, a Java object printed with its
identity hash: ``Ctx@d21a74c{...}``, a Perl reference printed with its address:
``Perlbal::ClientProxy=HASH(0x55f7...)``, a module or class named by three ``::``-joined parts or
more and not called (``Ocsinventory::Agent::Backend::OS::AIX``,
``WEBrick::HTTPServlet::FileHandler``: what a plugin loader fills in; a call,
``DB::Exception::what()``, names the statement), a quoted ``User-Agent`` value of any number of
words: ``"Mozilla/5.0 (X11; ...)"``, and one written bare at the end of a message, as some access
logs do: ``Mozilla/5.0 (X11; Linux x86_64)``). A record of ``;``-separated fields after some text is
one value up to the end of the message (see `_RECORD`), and so is a Python or JSON value printed
whole, an object's repr or a single-quoted string over several words (see `literals`; a string keeps
its quotes). A C library's error text after a colon, in parentheses or after a bracketed number is
one value too (see `error_texts`).
"""

from __future__ import annotations

import re
from functools import cache

from aiops.analysis.error_texts import ERROR_TEXT
from aiops.analysis.literals import spans

MASK = "<*>"
"""The placeholder written for a variable part."""
_ZEROS = str.maketrans("123456789", "000000000")
_BYTE_ZEROS = bytes.maketrans(b"123456789", b"000000000")
"""The same table for UTF-8 bytes (no byte of a multi-byte character is an ASCII digit)."""

_DELIM = r"\s=:,;()\[\]{}\"'<>|"
"""Characters that end a word for the digit rule."""

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"

_TLD = ("com|net|org|edu|gov|mil|int|info|biz|io|co|us|uk|de|cn|ru|jp|fr|br|it|nl|pl|kr|in|au|es|ca|ch|"
        "se|tw|hk|mx|ar|cz|eu|local|internal|lan|localdomain|example")

_REASONS = ("Continue|Switching Protocols|OK|Created|Accepted|Non-Authoritative Information|No Content|"
            "Reset Content|Partial Content|Multi-Status|Multiple Choices|Moved Permanently|Found|See Other|"
            "Not Modified|Temporary Redirect|Permanent Redirect|Bad Request|Unauthorized|Payment Required|"
            "Forbidden|Not Found|Method Not Allowed|Not Acceptable|Proxy Authentication Required|"
            "Request Time-?out|Conflict|Gone|Length Required|Precondition Failed|Payload Too Large|"
            "Request Entity Too Large|Content Too Large|Request-URI Too Long|URI Too Long|"
            "Unsupported Media Type|Requested Range Not Satisfiable|Range Not Satisfiable|Expectation Failed|"
            "Misdirected Request|Unprocessable Entity|Unprocessable Content|Locked|Failed Dependency|Too Early|"
            "Upgrade Required|Precondition Required|Too Many Requests|Request Header Fields Too Large|"
            "Unavailable For Legal Reasons|Internal Server Error|Not Implemented|Bad Gateway|"
            "Service Unavailable|Gateway Time-?out|HTTP Version Not Supported|Insufficient Storage|"
            "Network Authentication Required")
"""The standard reason phrases of HTTP status codes (RFC 9110 and the IANA registry)."""

_PRODUCT = r"[A-Za-z][\w.!#$%&'*+^`|~-]*/[^\s\"/]*\d[^\s\"]*"
"""A product token with a version that holds a digit (``curl/7.88.1``, ``Mozilla/5.0``): how a
``User-Agent`` or ``Server`` header value starts (RFC 9110, section 10.1.5)."""

_BARE_PRODUCT = r"[A-Za-z][\w.-]*/\d[^\s\"'/()]*(?![^\s])"
"""A product token whose version starts with a digit, standing alone (``Mozilla/5.0``,
``curl/7.88.1``). Narrower than `_PRODUCT` on purpose: with no quotes to bound an unquoted
``User-Agent``, `_PRODUCT`'s looser shape took a path and a parenthesised note for one
(``erin/bad24651] (from client ...)``, ``digits/9.gsm' (language 'en')``)."""

WORD_RULES: tuple[tuple[str, str], ...] = (
    ("error_text", ERROR_TEXT),
    ("user_agent", rf"(?<=\"){_PRODUCT}(?:[ \t][^\"\n]*)?(?=\")"),
    ("bare_agent", rf"{_BARE_PRODUCT}(?:[ \t]+(?:\([^()\n]*\)|{_BARE_PRODUCT}))+[ \t]*$"),
    ("perl_ref", r"(?=[A-Z])(?:[A-Za-z_][\w:]*=)?(?:HASH|ARRAY|SCALAR|CODE|GLOB|REF|IO|Regexp)\(0x[0-9a-f]+\)"),
    ("module_path", r"[A-Za-z_]\w*(?:::\w+){2,}(?![\w(:])"),
    ("object", r"[A-Za-z_$][\w.$]*@[0-9a-f]{4,}(?:\{[^\s{}]*\}|\[[^\s\[\]]*\])*"),
    ("url", r"[A-Za-z][A-Za-z0-9+.-]{1,15}://(?:[^\s\"'<>()]|\([^\s\"'<>()]*\))+"),
    ("email", r"[\w.+=-]++@[\w-]+(?:\.[\w-]+)+"),
    ("date", rf"(?:{_DAY},?[ \t]+)?{_MONTH}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?[ \t]+\d{{1,2}}:\d\d"
             rf"(?::\d\d)?(?:[.,]\d+)?(?:[ \t]+\d{{4}})?\b"),
    ("host", rf"(?i:(?:[a-z0-9-]++\.)++(?:{_TLD})\.?(?![^{_DELIM}]))"),
    ("win_path", r"[A-Za-z]:\\[^\s\"'<>|]*"),
    ("path", rf"(?:~|\.{{1,2}})?(?:/[^{_DELIM}/]+){{2,}}/?"),
    ("ipv6", r"(?=[0-9A-Fa-f:.]*\d)(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
             r"|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?"
             r"(?:\.\d{1,3}){0,3})(?:%[\w.]+)?(?![\w.])"),
    ("http_status", rf"\d{{3}}[ \t]+(?:{_REASONS})(?![^{_DELIM}])"),
    ("hex", rf"(?:0[xX])?[0-9a-fA-F]{{8,}}+(?![^{_DELIM}])"),
    ("file_mode", rf"[-dlcbpsD][-r][-w][-xsS][-r][-w][-xsS][-r][-w][-xtT][.+@]?(?![^{_DELIM}])"),
    ("word_with_digit", rf"(?:[-+#@$/.~]?\d|[^{_DELIM}\d]*+\d(?:\d|[^{_DELIM}\d]++\d))[^{_DELIM}]*+"),
)
"""(name, regex) pairs tried, in this order, where a word starts (after a delimiter or the start)."""

DIGIT_RULE = ("digit", r"\d+")
"""A digit left inside a word (``eth0``, ``A2dp``) is masked alone."""

MASK_RULES: tuple[tuple[str, str], ...] = (*WORD_RULES, DIGIT_RULE)

_WORD_START = rf"(?<![^{_DELIM}])(?![a-z_]++(?:[\s=,;()\[\]{{}}\"'<>|]|:(?!//)|$))"
"""A word starts here, and it is not a plain lower-case word (those are never variables by shape)."""
MASK_RE = re.compile(_WORD_START + "(?:" + "|".join(f"(?:{p})" for _, p in WORD_RULES) + ")|" + DIGIT_RULE[1])


SOURCE_EXT = "c|cc|cpp|cxx|h|hpp|go|py|rs|java|kt|scala|js|ts|rb|cs|lua|php|pl|erl|ex|swift|m"
_FUNCTION = r"(?:[A-Za-z_][\w.<>]*(?:\(\))?:)?L?"
"""A function between a source file and its line (C's ``__FILE__:__func__:__LINE__``, Python's
``%(filename)s:%(funcName)s():L%(lineno)d``), or the ``L`` some formats put before the line."""
SOURCE_RE = re.compile(rf"(?<![^{_DELIM}/])[A-Za-z_][\w-]*\.(?:{SOURCE_EXT})(?:[.:]{_FUNCTION})\d+(?![^{_DELIM}])")
"""A source location (``response.c.517``, ``reflector.go:148``, with its function
``core.py:handle_event():L307``, also at the end of a path: ``lib/graphite/parser.go:160``): it
names the log statement, so its line number is constant text, not a variable. Only the first of a
message does: a later one is the caller's, passed in as a value (``newups.c:102 write_lock at
action.c:356``)."""
SOURCE_FILE = re.compile(rf"[A-Za-z_][\w-]*\.(?:{SOURCE_EXT}):")
"""A source file name closed by a colon (C's ``__FILE__ ": "``, ``dbus-protocol.c:``): it names the
module that logs, like a source location without its line."""
SOURCE_HINT = re.compile(rf"\.(?:{SOURCE_EXT})[.:]{_FUNCTION}\d")
SOURCE_LINE = re.compile(rf"\.(?:{SOURCE_EXT})[.:]{_FUNCTION}(\d+)")
"""The line number of a source location, wherever it sits (``raft/raft.go:706`` in a JSON value)."""


def shapes(texts: list[str], *, sep: str = "\n") -> list[str]:
    """The shape of every text: each digit turned into ``0``, computed in one pass over the texts
    joined by `sep` (which no text may hold), with the line numbers of source locations added back
    (they name statements and masking keeps them, so two texts of one shape always mask alike)."""
    joined = sep.join(texts)
    # str.translate is fast on ASCII text only; one non-ASCII character (a name, ``µs``) makes it
    # look up every character, so such text goes through its UTF-8 bytes
    if joined.isascii():
        zeroed = joined.translate(_ZEROS)
    else:
        zeroed = joined.encode("utf-8", "surrogatepass").translate(_BYTE_ZEROS).decode("utf-8", "surrogatepass")
    out = zeroed.split(sep)
    if SOURCE_HINT.search(joined) is not None:
        for index, text in enumerate(texts):
            found = SOURCE_LINE.findall(text)
            if found:
                out[index] += "\x1f" + ":".join(found)
    return out


_RECORD = re.compile(r"(?<!\S)[^\s;]+(?:;[^\s;]*){3,}(?:\s.*)?\Z")
"""A record of four or more fields separated by ``;`` (``web1;http;CRITICAL;SOFT;1;CRITICAL -
Socket timeout``, ``PROCESS_SERVICE_CHECK_RESULT;db1;disk;2;DISK CRITICAL``): data, whose last field
(a check's output, free text) runs to the end of the message, so the whole record is one value."""


ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
"""A terminal control sequence (ECMA-48 CSI: colours, bold, cursor moves), as programs write to
a terminal and keep writing when their output is captured to a file."""


def plain(text: str) -> str:
    """`text` without terminal control sequences: a colour names no event, and the same statement
    printed with and without one is one."""
    return ANSI_RE.sub("", text) if "\x1b" in text else text


def mask(text: str) -> str:
    """Return `text` with every variable part replaced by `<*>` (its first source location kept whole, a data
    literal as one `<*>`, a quoted string as ``'<*>'``)."""
    found = spans(text)
    if not found:
        return _words(text)
    out: list[str] = []
    start = 0
    for left, right in found:
        out.append(_words(text[start:left]))
        out.append(MASK)
        start = right
    out.append(_words(text[start:]))
    return "".join(out)


def _words(text: str) -> str:
    """`mask` without data literals: records, source locations and the word rules."""
    if text.count(";") >= 3:
        record = _RECORD.search(text)
        if record is not None and record.start() > 0:
            return _words(text[:record.start()]) + MASK
    if SOURCE_HINT.search(text) is None:
        return MASK_RE.sub(MASK, text)
    out: list[str] = []
    start = 0
    for match in SOURCE_RE.finditer(text):
        out.append(MASK_RE.sub(MASK, text[start:match.start()]))
        out.append(MASK if start else match.group())  # the first names the statement, later ones are values
        start = match.end()
    out.append(MASK_RE.sub(MASK, text[start:]))
    return "".join(out)


def rule_names(text: str) -> list[str]:
    """Which rule masked each variable part of `text`, in order (for tests and debugging)."""
    return [match.lastgroup or "" for match in _named().finditer(text)]


@cache
def _named() -> re.Pattern[str]:
    return re.compile(_WORD_START + "(?:" + "|".join(f"(?P<{n}>{p})" for n, p in WORD_RULES) + ")"
                      + f"|(?P<{DIGIT_RULE[0]}>{DIGIT_RULE[1]})")
