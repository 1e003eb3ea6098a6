"""Templates a human can read: constant words stay, only the variables become <*>."""

from __future__ import annotations

import random

from aiops.analysis.logparse import LogParser
from aiops.analysis.miner import TemplateMiner
from aiops.analysis.skeleton import collapsed_text


def _templates(messages: list[str]) -> list[str]:
    miner = TemplateMiner()
    return [t.text for t in (miner.add(m) for m in messages)]


def test_digits_inside_constant_words_are_shown() -> None:
    miner = TemplateMiner()
    for port in range(30):
        template = miner.add(f"Failed password for root from 10.0.0.{port} port {4000 + port} ssh2")
    assert template.text == "Failed password for root from <*> port <*> ssh2"
    assert miner.add("jk2_init() Found child 6725 in scoreboard slot 10").text == \
        "jk2_init() Found child <*> in scoreboard slot <*>"


def test_a_digit_that_changes_is_masked_again() -> None:
    miner = TemplateMiner()
    first = miner.add("link eth0 is up")
    assert first.text == "link eth0 is up"
    assert miner.add("link eth1 is up") is first
    assert first.text == "link eth<*> is up"


def test_values_after_a_delimiter_stay_variables() -> None:
    assert _templates(["auth failure uid=0 euid=0 tty=ssh"])[0] == "auth failure uid=<*> euid=<*> tty=ssh"


def test_lines_of_one_shape_still_see_changed_digits() -> None:
    """The parser's digit-blind shape table must not hide `ssh1` behind a template showing `ssh2`."""
    lines = [f"2024-01-01 10:00:{i % 60:02d} sshd[{900 + i}]: session from 10.0.0.{i} via ssh2" for i in range(50)]
    lines.append("2024-01-01 10:01:00 sshd[999]: session from 10.0.0.9 via ssh1")
    parsed = list(LogParser().parse(lines))
    assert parsed[-1].template is parsed[0].template
    assert parsed[0].template.text == "session from <*> via ssh<*>"


def test_variables_of_varying_length_share_one_template() -> None:
    rng = random.Random(5)
    sizes = ["0 bytes", "512 bytes", "1190 bytes (1.16 KB)", "73400320 bytes (70.00 MB)"]
    lifetimes = ["<1 sec", "00:02", "01:12:03"]
    miner = TemplateMiner()
    ids = {miner.add(f"close, {rng.choice(sizes)} sent, {rng.choice(sizes)} received, lifetime "
                     f"{rng.choice(lifetimes)}").id for _ in range(200)}
    assert len(ids) == 1


def test_different_constant_words_are_not_merged_by_length() -> None:
    texts = set(_templates(["Accepted password for root from 10.0.0.1 port 22",
                            "Accepted password for invalid user bob from 10.0.0.1 port 22"]))
    assert len(texts) == 2


def test_quoted_single_words_are_values() -> None:
    miner = TemplateMiner()
    for name in ("cart", "search", "alpha", "orders"):
        template = miner.add(f'failed to "StartContainer" for "{name}" with CrashLoopBackOff')
    assert template.text == 'failed to "StartContainer" for "<*>" with CrashLoopBackOff'


def test_closing_reason_in_parentheses_is_free_text() -> None:
    miner = TemplateMiner()
    reasons = ["(KILLED)", "(Too many connections)", "(Got an error reading communication packets)"]
    ids = {miner.add(f"Aborted connection {n} to db: 'shop' user: 'app' host: 'localhost' {reasons[n % 3]}").id
           for n in range(30)}
    assert len(ids) == 1
    assert miner.templates[0].text == "Aborted connection <*> to db: 'shop' user: 'app' host: 'localhost' (<*>)"


def test_a_value_in_parentheses_may_run_over_words_in_other_lines() -> None:
    """``listenurl (http://host/a)`` and ``listenurl (not configured yet)``: one value, whichever
    shape comes first (a masked URL takes its closing parenthesis with it)."""
    urls = [f"DBUG stats/update node /m{n}.mp3 listenurl (http://localhost:8000/m{n}.mp3)" for n in range(3)]
    texts = [f"DBUG stats/update node /m{n}.mp3 listenurl ({w} configured yet)" for n, w in enumerate(["not", "never"])]
    for lines in (urls + texts, texts + urls):
        miner = TemplateMiner()
        assert len({miner.add(line).id for line in lines}) == 1
    # after fewer words, a group of two words is no reason by itself; a group of one value elsewhere
    # with the same words before it shows that it is a value
    short = [f"update /m{n}.mp3 listenurl (http://localhost:8000/m{n}.mp3)" for n in range(3)]
    named = [f"update /m{n}.mp3 listenurl (birch {w})" for n, w in enumerate(["sounds", "radio"])]
    for lines in (short + named, named[:1] + short + named[1:]):
        miner = TemplateMiner()
        assert len({miner.add(line).id for line in lines}) == 1
    miner = TemplateMiner()
    assert len({miner.add(f"update /m1.mp3 listenurl (birch {w})").id for w in ["sounds", "radio"]}) == 2


def test_short_messages_keep_their_parenthesised_words() -> None:
    texts = set(_templates(["BIOS-e820: 0000 - 0009 (usable)", "BIOS-e820: 0000 - 0009 (reserved)"]))
    assert len(texts) == 2


def test_a_prose_reason_closes_a_short_message_too() -> None:
    miner = TemplateMiner()
    reasons = ["(terminated by SIGTERM; not expected)", "(exit status 3; not expected)", "(exit status 0; expected)"]
    names = ["web", "worker", "cron", "flaky"]
    ids = set()
    for n in range(24):
        miner.add(f"spawned: '{names[n % 4]}' with pid {100 + n}")  # teaches the names as values
        ids.add(miner.add(f"exited: {names[n % 4]} {reasons[n % 3]}").id)
    assert len(ids) == 1
    assert miner.templates[1].text == "exited: <*> (<*>)"


def test_a_short_message_with_values_in_parentheses_is_not_a_reason() -> None:
    miner = TemplateMiner()
    first = miner.add("closing connection <0.1.0> (127.0.0.1:5 -> 127.0.0.1:6 - worker-1)").id
    second = miner.add("closing connection <0.2.0> (127.0.0.1:7 -> 127.0.0.1:8 - worker-2, vhost: '/', user: 'app')").id
    assert first != second


def test_a_boxed_value_closing_the_message_may_run_over_words_in_other_lines() -> None:
    """``Sending back [6.0.14]`` and ``Sending back [sh: 1: nosuchcmd: not found]``: one value in
    a box, as in parentheses."""
    values = [f"Sending back [{v}]" for v in ("6.0.14", "1796462405", "0.25")]
    texts = [f"Sending back [sh: 1: {name}: not found]" for name in ("nosuchcmd47", "gone", "nope")]
    for lines in (values + texts, texts + values):
        miner = TemplateMiner()
        assert len({miner.add(line).id for line in lines}) == 1
        assert miner.templates[0].text == "Sending back [<*>]"


def test_a_closing_list_of_values_is_not_a_reason() -> None:
    miner = TemplateMiner()
    short = miner.add("New client connected from 127.0.0.1:5 as web-1 (p2, c1, k15).").id
    longer = miner.add("New client connected from 127.0.0.1:6 as web-2 (p2, c1, k60, u'bob').").id
    assert short != longer


def test_a_collapsed_run_keeps_the_brackets_a_shown_word_opened() -> None:
    """A run of variable text shown as one `<*>` keeps a closing bracket whose opening bracket is in
    a shown word (``(Client <*>)``), and drops the brackets it opened and closed itself."""
    joined = ["***", "<*>", "<*>", "has", "joined", "(Client", "<*>)"]
    assert collapsed_text(joined) == "*** <*> has joined (Client <*>)"
    assert collapsed_text(["close,", "<*>", "bytes", "(<*>", "KB)", "sent,"]) == "close, <*> sent,"
    assert collapsed_text(["a", "<*>", "(<*>:<*>", "->", "<*>:<*>)"]) == "a <*> -> <*>"
    assert collapsed_text(["[queue", "<*>],", "done"]) == "[queue <*>], done"


def test_a_collapsed_template_keeps_a_quoted_value_amid_its_text_in_quotes() -> None:
    """``Setting "<*>" => "<*>" in archive "<*>"``: a template shown with its runs collapsed keeps the
    quotes of a value standing alone amid the text, and an arrow opens no value of its own; a run of
    several values, or a quoted value that is the whole message, is still one bare `<*>`."""
    setting = ["Setting", '"<*>"', "=>", '"<*>"', "in", "archive", '"<*>"']
    assert collapsed_text(setting) == 'Setting "<*>" => "<*>" in archive "<*>"'
    assert collapsed_text(["sent", '"<*>"', "<*>", "bytes"]) == "sent <*>"
    assert collapsed_text(['"<*>"']) == "<*>"
    assert collapsed_text(["Curr_auth", "=Success,", "next"]) == "Curr_auth =<*>, next"
