"""The built-in redaction rules: what counts as a secret or personal data, as regexes plus checks.

A rule finds candidate matches (cheaply skipped when none of its trigger substrings occurs in
the lower-cased text) and a resolver returns the spans to mask with their kind. Rules run in
order on the progressively redacted text, so later rules never see what earlier ones masked.
Case-insensitive rules (`fold`) run a case-sensitive regex over the lower-cased text, which is
much faster in Python's `re` than `re.IGNORECASE`; resolvers read values from the original text.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Span = tuple[int, int, str]
Resolver = Callable[[re.Match[str], str], Sequence[Span]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One redaction rule: `kind` names it (config `disable` uses it); `triggers` are lower-case
    substrings one of which must occur for the regex to run (empty: always run). With `fold`,
    `regex` is matched against the lower-cased text (`regex_any`, case-insensitive, is the
    fallback when lower-casing changes the text's length)."""

    kind: str
    regex: re.Pattern[str]
    resolve: Resolver
    triggers: tuple[str, ...] = ()
    fold: bool = False
    regex_any: re.Pattern[str] | None = None


def _folded(kind: str, pattern: str, resolve: Resolver, triggers: tuple[str, ...]) -> Rule:
    return Rule(kind, re.compile(pattern), resolve, triggers, True, re.compile(pattern, re.IGNORECASE))


def _group(name: str, kind: str) -> Resolver:
    def resolve(match: re.Match[str], _text: str) -> Sequence[Span]:
        start, end = match.span(name)
        return [(start, end, kind)] if end > start else []

    return resolve


def _whole(kind: str, check: Callable[[str], bool] | None = None) -> Resolver:
    def resolve(match: re.Match[str], _text: str) -> Sequence[Span]:
        if check is not None and not check(match.group(0)):
            return []
        return [(match.start(), match.end(), kind)]

    return resolve


# --- key = value secrets -------------------------------------------------------------------
_WORDS = (
    r"password|passwd|passphrase|pwd|secret|token(?!s\b|iz)|api[_-]?key|apikey|access[_-]?key|"
    r"account[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|"
    r"auth[_-]?key|credentials?|cookie|signature"
)
SECRET_KEY = re.compile(rf"(?i)(?:{_WORDS})")
_NOT_SECRET_SUFFIX = re.compile(
    r"(?i)(?:^|[_.-])(?:count|counts|len|length|size|limit|max|min|ttl|expiry|expires|expires_at|expired|"
    r"exp|age|type|kind|name|id|ids|ref|path|file|dir|hint|policy|strength|required|enabled|valid|ok|"
    r"status|reset|changed|updated|created|rotated|rotation|attempts?|failures?|errors?|version|used|"
    r"remaining|usage|header|prefix|format|algorithm|alg|source|provider|url|endpoint|uri|tokens|"
    r"at|on|time|timestamp|date|ts)$"
)
_PASSWORD_WORD = re.compile(r"(?i)pass|pwd")
_EMPTY_VALUES = frozenset({"", "-", "null", "none", "nil", "undefined", "true", "false", "n/a", "na"})
_PROSE_VALUES = frozenset(
    {
        "expired",
        "invalid",
        "missing",
        "required",
        "not",
        "no",
        "none",
        "empty",
        "revoked",
        "rejected",
        "failed",
        "failure",
        "mismatch",
        "ok",
        "unknown",
        "denied",
        "changed",
        "reset",
        "set",
        "present",
        "provided",
        "malformed",
        "incorrect",
        "wrong",
        "refreshed",
        "rotated",
        "found",
        "valid",
        "error",
        "unauthorized",
        "forbidden",
        "verified",
        "accepted",
        "updated",
        "created",
        "deleted",
        "issued",
    }
)
_MASKED = re.compile(r"^(?:\[REDACTED[:\]]|[*xX•#]{3,}$|<redacted>$|<hidden>$)")
_STRUCTURE = frozenset("{[,;&?\"'\n\t:|(")


def is_secret_key(key: str) -> bool:
    """Whether a field name (JSON key, header, config key) names a secret: `password`, `api_key`,
    `X-Auth-Token`, `client_secret`... but not `max_tokens`, `token_count`, `password_changed_at`."""
    return bool(SECRET_KEY.search(key)) and not _NOT_SECRET_SUFFIX.search(key)


def secret_kind(key: str) -> str:
    """`password` for password-like keys, else `secret`."""
    return "password" if _PASSWORD_WORD.search(key) else "secret"


def skip_secret_value(value: str) -> bool:
    """Values that reveal nothing: empty, booleans, null, already masked."""
    return value.strip().lower() in _EMPTY_VALUES or bool(_MASKED.match(value))


def _looks_secret(value: str) -> bool:
    """For `word: value` in prose: a secret has a digit, a symbol, mixed case or some length."""
    if value.lower() in _PROSE_VALUES:
        return False
    return (
        any(ch.isdigit() for ch in value)
        or any(not ch.isalnum() for ch in value)
        or (value.lower() != value and value.upper() != value)
        or len(value) >= 16
    )


def _structured_key(text: str, key_start: int) -> bool:
    index = key_start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in _STRUCTURE


_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_KV = (
    r"(?:" + _WORDS + r")(?P<rest>[a-z0-9_.-]{0,40})"
    r"(?P<kq>\\?[\"'])?[ \t]*(?P<sep>=>|:=|[:=])[ \t]*"
    r"(?:\"(?P<v1>(?:[^\"\\\n]|\\.)*)\"|\\\"(?P<v2>(?:[^\"\\\n]|\\\\)*)\\\"|'(?P<v3>[^'\n]*)'"
    r"|(?P<v4>[^\s,;&\"'<>{}\[\]()|\\]+))"
)


def _key_start(text: str, word_start: int) -> int:
    start = word_start
    while start > 0 and word_start - start < 40 and text[start - 1] in _KEY_CHARS:
        start -= 1
    return start


def _resolve_kv(match: re.Match[str], text: str) -> Sequence[Span]:
    key_start = _key_start(text, match.start())
    key = text[key_start : match.end("rest")]
    if _NOT_SECRET_SUFFIX.search(key):
        return []
    name = next(n for n in ("v1", "v2", "v3", "v4") if match.group(n) is not None)
    value = text[match.start(name) : match.end(name)]
    if skip_secret_value(value):
        return []
    kind = secret_kind(key)
    if kind == "secret" and re.fullmatch(r"\d{1,6}(?:\.\d+)?", value):
        return []  # counts and sizes next to "token"-like keys
    if name == "v4" and match.group("sep") == ":" and match.group("kq") is None:
        # "refresh token: connection refused" is prose; password-like keys are always masked
        prose = kind != "password" and not _structured_key(text, key_start)
        if value.lower() in _PROSE_VALUES or (prose and not _looks_secret(value)):
            return []
    start, end = match.span(name)
    return [(start, end, kind)]


_FLAG = (
    r"(?<!\S)--?(?P<key>[a-z0-9_-]{0,30}(?:" + _WORDS + r")[a-z0-9_-]{0,30})"
    r"[ \t]+(?P<v>[^\s-][^\s]*)"
)


def _resolve_flag(match: re.Match[str], text: str) -> Sequence[Span]:
    key, value = match.group("key"), text[match.start("v") : match.end("v")]
    if _NOT_SECRET_SUFFIX.search(key) or skip_secret_value(value):
        return []
    return [(match.start("v"), match.end("v"), secret_kind(key))]


# --- card numbers ----------------------------------------------------------------------------
_CARD = re.compile(
    r"(?<![\w.])[2-6]\d{3}(?:\d{9,15}|([ -])\d{4}\1\d{4}\1\d{1,7}|([ -])\d{6}\2\d{5})(?!\w|\.\d)"
)
"""A card number stands alone: digits inside an identifier (``apv_2458716967482a1d``, a random id that
happens to hold a Luhn-valid run) are no card."""
_CARD_IIN = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6)")


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum of a digit string."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def is_card_number(text: str) -> bool:
    """13-19 digits (spaces or dashes allowed) with a card-network prefix and a valid Luhn checksum."""
    digits = re.sub(r"[ -]", "", text)
    return 13 <= len(digits) <= 19 and bool(_CARD_IIN.match(digits)) and luhn_ok(digits)


# --- public IPv4 -----------------------------------------------------------------------------
_IPV4 = re.compile(
    r"(?<![0-9.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    r"(?![0-9]|\.\d)"
)


def _is_public_ip(text: str) -> bool:
    try:
        return ipaddress.ip_address(text).is_global
    except ValueError:
        return False


_AWS_PREFIXES = ("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA")
_API_KEY = re.compile(
    r"(?<![A-Za-z0-9_-])(?:sk-(?:ant-(?:api\d\d-)?|proj-|live-|test-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"
    r"|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|xox[abposre]-[A-Za-z0-9-]{10,}"
    r"|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"
    r"|hv[sb]\.[A-Za-z0-9_-]{24,}|dop_v1_[a-f0-9]{64})(?![A-Za-z0-9_-])"
    r"|hooks\.slack\.com/services/[A-Za-z0-9/_-]+"
)

BUILTIN_RULES: tuple[Rule, ...] = (
    Rule(
        "private_key",
        re.compile(
            r"-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----"
            r"(?:[\s\S]*?-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|[\s\S]*\Z)"
        ),
        _whole("private_key"),
        ("private key",),
    ),
    Rule(
        "url_password",
        re.compile(r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\s:/@\"'<>]*:(?P<s>[^\s/\"'<>]+)@"),
        _group("s", "url_password"),
        ("://",),
    ),
    _folded(
        "auth_header",
        r"\b(?:proxy-)?authorization\b\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?"
        r"(?:(?:bearer|basic|digest|token|bot|apikey|api-key|negotiate|ntlm|aws4-hmac-sha256)[ \t]+)?"
        r"(?P<s>[^\s\"',;\\]+)",
        _group("s", "auth_header"),
        ("authorization",),
    ),
    _folded(
        "auth_header", r"\bbearer[ \t]+(?P<s>[a-z0-9._~+/-]{8,}=*)", _group("s", "auth_header"), ("bearer",)
    ),
    Rule(
        "aws_key",
        re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(_AWS_PREFIXES) + r")[A-Z0-9]{16}(?![A-Za-z0-9])"),
        _whole("aws_key"),
        tuple(prefix.lower() for prefix in _AWS_PREFIXES),
    ),
    Rule(
        "github_token",
        re.compile(
            r"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])"
        ),
        _whole("github_token"),
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    ),
    Rule(
        "api_key",
        _API_KEY,
        _whole("api_key"),
        (
            "sk-",
            "sk_",
            "rk_",
            "aiza",
            "xox",
            "glpat-",
            "npm_",
            "sg.",
            "hvs.",
            "hvb.",
            "dop_v1",
            "hooks.slack",
        ),
    ),
    Rule(
        "jwt",
        re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"),
        _whole("jwt"),
        ("eyj",),
    ),
    _folded(
        "password",
        _KV,
        _resolve_kv,
        ("pass", "pwd", "secret", "token", "key", "credential", "cookie", "signature"),
    ),
    _folded("password", _FLAG, _resolve_flag, ("--",)),
    Rule(
        "email",
        re.compile(
            r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}"
            r"(?![A-Za-z0-9-])"
        ),
        _whole("email"),
        ("@",),
    ),
    Rule("card_number", _CARD, _whole("card_number", is_card_number)),
)
"""The built-in rules, in the order they run. `password` covers key=value secrets of every kind
(its spans are labelled `password` or `secret` by the key name)."""

PUBLIC_IP_RULE = Rule("ip", _IPV4, _whole("ip", _is_public_ip), (".",))
"""Opt-in (`redaction.public_ips`): public IPv4 addresses; private and loopback ones stay."""


def disabled_kinds(disable: Sequence[str]) -> set[str]:
    """Rule kinds switched off by config (`secret` switches off the key=value rule with `password`)."""
    kinds = set(disable)
    if "secret" in kinds:
        kinds.add("password")
    return kinds
