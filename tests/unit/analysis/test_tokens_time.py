"""estimate_tokens is conservative; timestamps parse in the common notations."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aiops.analysis import estimate_tokens, parse_time
from aiops.analysis.fields import kind_of, level_of


@pytest.mark.parametrize(("text", "at_least"), [
    ("hello world", 2), ("The quick brown fox jumps over the lazy dog.", 10),
    ("2024-01-15T10:23:45.123Z ERROR pool exhausted", 15), ("HikariPool-1", 4), ("", 0),
])
def test_estimate_is_not_below_real_tokenizers(text: str, at_least: int) -> None:
    assert estimate_tokens(text) >= at_least


def test_estimate_grows_with_text() -> None:
    assert estimate_tokens("word " * 1000) >= 1000
    assert estimate_tokens("a\n" * 100) >= 200


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-01-15T10:23:45.123Z", datetime(2024, 1, 15, 10, 23, 45, 123000, tzinfo=UTC)),
    ("2024-01-15T12:23:45+02:00", datetime(2024, 1, 15, 10, 23, 45, tzinfo=UTC)),
    ("2015-10-18 18:01:47,978", datetime(2015, 10, 18, 18, 1, 47, 978000, tzinfo=UTC)),
    ("Jun 14 15:16:01", datetime(2005, 6, 14, 15, 16, 1, tzinfo=UTC)),
    ("[Sun Dec 04 04:47:44 2005]", datetime(2005, 12, 4, 4, 47, 44, tzinfo=UTC)),
    ("10/Oct/2000:13:55:36 -0700", datetime(2000, 10, 10, 20, 55, 36, tzinfo=UTC)),
    ("081109 203615 148", datetime(2008, 11, 9, 20, 36, 15, tzinfo=UTC)),
    ("17/06/09 20:10:40", datetime(2017, 6, 9, 20, 10, 40, tzinfo=UTC)),
    ("1117838570 2005.06.03", datetime(2005, 6, 3, 22, 42, 50, tzinfo=UTC)),
    ("no time here", None),
])
def test_time_notations(text: str, expected: datetime | None) -> None:
    assert parse_time(text, default_year=2005) == expected


def test_a_time_closed_by_a_colon_needs_a_clock() -> None:
    """A time may close with a colon (``12:00:01.123:``, GLib's and watchman's), a version may not
    (``syslogd 1.4.1:``): without a clock's colon inside, a dotted number with a colon is a name."""
    assert kind_of("06:58:55.600:") == "time"
    assert kind_of("2026-12-07T06:28:46,314:") == "time"
    assert kind_of("1.4.1:") == "key"
    assert kind_of("127.0.0.1:60560:") == "key"


def test_glibs_domain_and_level_is_a_level() -> None:
    """GLib writes a message's level after its log domain (``GLib-CRITICAL``, ``web-protocol-DEBUG:``)."""
    assert level_of("web-protocol-DEBUG:") == "DEBUG"
    assert level_of("GLib-CRITICAL") != ""
    assert level_of("round-trip") == ""
