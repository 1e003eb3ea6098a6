"""Timestamps from log header text, in the common notations, without per-format settings.

`TimeParser.parse(text)` reads the first timestamp at the start of `text` (the header fields the
header learner marked as time-like, joined by blanks) and returns a timezone-aware UTC datetime,
or None. Notations: ISO 8601 and its relatives (``2024-01-15T10:23:45.123Z``, ``2015-10-18
18:01:47,978``, ``2005-06-03-15.42.50.675872``, ``2005.06.03``), slashed dates (``17/06/09
20:10:40``), syslog and ctime (``Jun 14 15:16:01``, ``Sun Dec 04 04:47:44 2005``), Apache/nginx
access (``10/Oct/2000:13:55:36 -0700``), day-month-year (``03 Jun 2025 13:30:00.100``, RFC 2822),
compact (``081109 203615``, ``20171223-22:15:29:606``),
month-day (``03-17 16:13:38.811``) and epoch seconds or milliseconds. A missing year is taken from
`default_year`; a missing zone means UTC. The parser remembers which notation worked and tries it
first on the next line.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}

_FRACTION = r"(?:[.,:](?P<frac>\d{1,9}))?"
_ZONE = r"\s*(?P<zone>Z|UTC|GMT|[+-]\d\d:?\d\d)?"
_HMS = r"(?P<H>\d{1,2})[:.](?P<M>\d{1,2})(?:[:.](?P<S>\d{1,2}))?" + _FRACTION

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\[?(?P<Y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[T\s_-]+|-)" + _HMS + _ZONE)),
    ("access", re.compile(r"\[?(?P<d>\d{1,2})/(?P<b>[A-Za-z]{3})/(?P<Y>\d{4}):" + _HMS + _ZONE)),
    ("ctime", re.compile(r"\[?(?:[A-Za-z]{3},?\s+)?(?P<b>[A-Za-z]{3})[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+"
                         r"(?:(?P<Y0>\d{4})\s+)?" + _HMS + r"(?:\s+(?P<Y>\d{4}))?" + _ZONE)),
    ("dmy", re.compile(r"\[?(?:[A-Za-z]{3},?\s+)?(?P<d>\d{1,2})[\s/-](?P<b>[A-Za-z]{3})[a-z]*\.?[\s/-](?P<Y>\d{4})"
                       r"[\s:T]+" + _HMS + _ZONE)),
    ("ymd_slash", re.compile(r"\[?(?P<y>\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})[\s:-]+" + _HMS)),
    ("compact", re.compile(r"(?P<y>\d{2})(?P<m>\d{2})(?P<d>\d{2})\s+(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})\b")),
    ("compact_dash", re.compile(r"(?P<Y>\d{4})(?P<m>\d{2})(?P<d>\d{2})[-\sT]" + _HMS)),
    ("month_day", re.compile(r"\[?(?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\s+" + _HMS)),
    ("epoch", re.compile(r"(?P<epoch>\d{10}|\d{13})(?:\.(?P<efrac>\d+))?\b")),
    ("date_only", re.compile(r"(?P<Y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b")),
]


def _zone(text: str | None) -> timezone:
    if not text or text in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def _build(groups: dict[str, str | None], default_year: int) -> datetime | None:
    if groups.get("epoch"):
        value = int(groups["epoch"] or 0)
        seconds = value / 1000 if len(groups["epoch"] or "") == 13 else float(value)
        if groups.get("efrac"):
            seconds += float("0." + (groups["efrac"] or "0"))
        return datetime.fromtimestamp(seconds, tz=UTC)
    year = groups.get("Y") or groups.get("Y0")
    if year:
        y = int(year)
    elif groups.get("y"):
        y = 2000 + int(groups["y"] or 0)
    else:
        y = default_year
    month = MONTHS.get((groups.get("b") or "").lower()[:3]) if groups.get("b") else int(groups.get("m") or 0)
    if not month:
        return None
    frac = (groups.get("frac") or "0")[:6].ljust(6, "0")
    try:
        stamp = datetime(y, month, int(groups.get("d") or 0), int(groups.get("H") or 0),
                         int(groups.get("M") or 0), int(groups.get("S") or 0), int(frac),
                         tzinfo=_zone(groups.get("zone")))
    except ValueError:
        return None
    return stamp.astimezone(UTC)


class TimeParser:
    """Parses header timestamps; remembers the notation that worked last."""

    def __init__(self, *, default_year: int | None = None) -> None:
        self.default_year = default_year or datetime.now(UTC).year
        self._order = list(_PATTERNS)

    def parse(self, text: str) -> datetime | None:
        """The timestamp at the start of `text` (UTC), or None."""
        text = text.strip()
        if not text:
            return None
        for index, (_name, pattern) in enumerate(self._order):
            match = pattern.match(text)
            if match is None:
                continue
            stamp = _build(match.groupdict(), self.default_year)
            if stamp is not None:
                if index:
                    self._order.insert(0, self._order.pop(index))
                return stamp
        return None


def parse_time(text: str, *, default_year: int | None = None) -> datetime | None:
    """One-off `TimeParser.parse`."""
    return TimeParser(default_year=default_year).parse(text)

