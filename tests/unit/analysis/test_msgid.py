"""Message ids in the header: found from how a field's values spread over the templates, and the
lines that carry one id are one event."""

from __future__ import annotations

import random

from aiops.analysis.header import learn_header
from aiops.analysis.logparse import LogParser
from aiops.analysis.miner import Template
from aiops.analysis.msgid import IdEvents, cover, find_id_group, find_id_word


def _device_log(count: int = 400) -> list[str]:
    """A network device's buffer log: a message id (``%FAC-N-MNEMONIC:``) names each event, and
    some events print a closed set of words or free text."""
    rng = random.Random(7)
    events = [
        ("%LINK-3-UPDOWN:", lambda: f"Interface Gi1/0/{rng.randint(1, 48)}, changed state to "
                                    f"{rng.choice(['up', 'down', 'administratively down'])}"),
        ("%PARSER-5-CFGLOG_LOGGEDCMD:",
         lambda: f"User:{rng.choice(['ann', 'bob', 'eve'])}  logged command:"
                 f"{rng.choice(['write memory', 'no shutdown', 'ip route 0.0.0.0 10.0.0.1'])}"),
        ("%SYS-5-CONFIG_I:", lambda: f"Configured from console by {rng.choice(['ann', 'bob'])} on vty0"),
        ("%SNMP-3-AUTHFAIL:",
         lambda: f"Authentication failure for SNMP req from host 10.0.0.{rng.randint(1, 250)}"),
        ("%ILPOWER-5-POWER_GRANTED:", lambda: f"Interface Fa0/{rng.randint(1, 48)}: Power granted"),
    ]
    lines = []
    for number in range(count):
        key, text = events[rng.randrange(len(events))]
        clock = f"09:{number // 60 % 60:02d}:{number % 60:02d}.{rng.randint(0, 999):03d}"
        lines.append(f"{number:06d}: Jun 15 {clock} UTC: {key} {text()}")
    return lines


def _program_log(count: int = 400) -> list[str]:
    """Classic syslog: the program name before the message carries many different events."""
    rng = random.Random(3)
    events = {
        "sshd": ["Accepted password for {u} from 10.0.0.{n} port {p} ssh2",
                 "Failed password for {u} from 10.0.0.{n}",
                 "session opened for user {u}", "Connection closed by 10.0.0.{n}"],
        "cron": ["session opened for user {u}", "({u}) CMD (run-parts /etc/cron.hourly)",
                 "session closed for user {u}"],
        "kernel": ["eth0: link up", "usb 1-{n}: new device", "Out of memory: killed process {p}"],
        "systemd": ["Started Session {p} of user {u}.", "Stopping User Manager for UID {p}...",
                    "Reached target Timers."],
    }
    lines = []
    for number in range(count):
        program = rng.choice(sorted(events))
        text = rng.choice(events[program]).format(u=rng.choice(["root", "ann"]), n=rng.randint(1, 250),
                                                  p=rng.randint(100, 9999))
        lines.append(f"Jun 15 09:{number // 60 % 60:02d}:{number % 60:02d} host {program}: {text}")
    return lines


def test_a_field_that_names_events_is_a_message_id() -> None:
    lines = _device_log()
    assert find_id_group(learn_header(lines), lines) is not None


def test_a_program_name_is_not_a_message_id() -> None:
    lines = _program_log()
    assert find_id_group(learn_header(lines), lines) is None


def test_a_severity_field_is_not_a_message_id_when_every_message_starts_with_a_process_id() -> None:
    """``time host user.info app.error: [pid] message``: each statement has one severity, so the
    facility.severity field passes the one-value-per-template test; the messages of one severity
    start with all kinds of words once the bracketed process id in front of each is skipped."""
    rng = random.Random(5)
    texts = {"info": ["Booting worker with pid: {n}", "Listening at: http://127.0.0.1:{n}", "Handling signal: hup",
                      "Worker exiting (pid: {n})", "Starting server {n}"],
             "debug": ["Closing connection.", "{n} workers", "GET /items/{n}", "Ignoring connection reset"],
             "err": ["Error handling request /raise?id={n}", "Socket error processing request."],
             "warning": ["Worker with pid {n} was terminated", "Invalid request from ip=10.0.0.{n}"],
             "critical": ["WORKER TIMEOUT (pid:{n})", "Shutting down: Master"]}
    lines = []
    for number in range(400):
        level = rng.choice(sorted(texts))
        text = rng.choice(texts[level]).format(n=rng.randint(1, 999))
        lines.append(f"2026-12-05T10:43:{number % 60:02d}.{number:06d}+00:00 vm user.{level} gunicorn.app.error: "
                     f"[{rng.randint(2000, 2100)}] {text}")
    assert find_id_group(learn_header(lines), lines) is None


def test_lines_with_one_message_id_are_one_event() -> None:
    lines = _device_log(1200)
    parsed = list(LogParser().parse(lines))
    by_id: dict[str, set[str]] = {}
    for line in parsed:
        by_id.setdefault(line.raw.split()[5], set()).add(line.template.id)
    assert all(len(groups) == 1 for groups in by_id.values())
    texts = {line.template.text for line in parsed}
    assert "Interface <*>, changed state to <*>" in texts
    assert "Interface <*>: Power granted" in texts  # another id, another event


def test_an_id_does_not_join_messages_that_start_differently() -> None:
    events = IdEvents("k1")
    first = Template("g1", ["session", "opened", "for", "<*>"])
    other = Template("g2", ["Connection", "closed", "by", "<*>"])
    assert events.event("%X-1-Y:", first) is first
    assert events.event("%X-1-Y:", other) is other


def test_cover_keeps_the_shared_start_and_end() -> None:
    assert cover(["changed", "state", "to", "up"], ["changed", "state", "to", "administratively", "down"]) == \
        ["changed", "state", "to", "<*>"]
    assert cover(["User:ann", "logged", "command:write"], ["User:bob", "logged", "command:no"]) == \
        ["User:<*>", "logged", "command:<*>"]


def _routing_log(count: int = 600) -> list[str]:
    """A routing daemon's log: a unique code after the level and the daemon names each statement,
    and a statement prints a closed set of words (a state, an action)."""
    rng = random.Random(11)
    events = [
        ("[G2JQC-HBX09]", lambda: f"ISM[eth{rng.randint(0, 3)}:10.0.0.{rng.randint(1, 9)}]: "
                                  f"{rng.choice(['DR', 'Backup', 'DROther', 'Down'])} (NeighborChange)"),
        ("[SSYGJ-9ZAE0]", lambda: f"zclient: {rng.choice(['add', 'delete'])} local address "
                                  f"10.0.{rng.randint(0, 9)}.1/24 (VRF 0)"),
        ("[PCFFM-WMARW]", lambda: f"10.0.0.{rng.randint(1, 9)}(r{rng.randint(1, 3)}) rcvd UPDATE wlen 0 "
                                  f"attrlen {rng.randint(10, 40)} alen 4"),
        ("[XZKBC-MPA7B]", lambda: f"ISM[eth{rng.randint(0, 3)}]: State change "
                                  f"{rng.choice(['Down', 'Waiting'])} -> {rng.choice(['DR', 'Backup'])}"),
    ]
    lines = []
    for number in range(count):
        code, text = events[rng.randrange(len(events))]
        daemon = {"[PCFFM-WMARW]": "BGP"}.get(code, "OSPF")
        lines.append(f"2026/12/05 08:{number // 60 % 60:02d}:{number % 60:02d}.{rng.randint(0, 999):03d} "
                     f"debugging: {daemon}: {code} {text()}")
    return lines


def test_a_code_word_in_the_message_is_a_message_id() -> None:
    lines = _routing_log()
    parser = LogParser()
    parsed = list(parser.parse(lines))
    assert parser.ids is not None and parser.ids.word is not None
    by_code: dict[str, set[str]] = {}
    for line in parsed:
        by_code.setdefault(line.raw.split()[4], set()).add(line.template.id)
    assert all(len(groups) == 1 for groups in by_code.values())
    assert len({line.template.id for line in parsed}) == 4


def test_upper_case_words_that_do_not_name_events_are_no_message_id() -> None:
    """Status words in upper case (one per line, shared by many statements) are no id."""
    rng = random.Random(5)
    texts = ["request for /a took {n} ms", "cache miss on key k{n}", "worker {n} restarted",
             "queue depth {n}", "flushed {n} pages"]
    messages = [f"{rng.choice(['HTTP_OK', 'HTTP_ERR', 'CACHE_X'])} {rng.choice(texts).format(n=rng.randint(1, 99))}"
                for _ in range(400)]
    assert find_id_word(messages) is None


def test_a_bracketed_code_taken_into_the_header_is_a_message_id() -> None:
    """The same log with the code right after the time: the header takes the bracket, which is
    still the id (and lines that open with a value or with ``ISM[...]`` still start alike)."""
    lines = [" ".join(line.split()[:2]) + " " + " ".join(line.split()[4:]) for line in _routing_log()]
    parser = LogParser()
    parsed = list(parser.parse(lines))
    assert parser.ids is not None and parser.ids.group.startswith("b")
    assert len({line.template.id for line in parsed}) == 4


def _catalogued_log(count: int = 400) -> list[str]:
    """A server whose every message opens with a catalogue number (``AH01626:``), after a client
    context on the messages about a request and a source location on debug messages; one statement
    prints several commands and results."""
    rng = random.Random(12)
    results = ["Require all granted: granted", "<RequireAny>: granted", "<RequireAny>: denied",
               "Require valid-user : denied (no authenticated user yet)", "Require ip 10.9.0.0/16: denied"]
    events = [
        ("AH01626:", True, lambda: f"authorization result of {rng.choice(results)}"),
        ("AH00128:", True, lambda: f"File does not exist: /srv/www/p{rng.randint(1, 99)}.html"),
        ("AH01630:", True, lambda: "client denied by server configuration: /srv/www/private"),
        ("AH00132:", True, lambda: f"file permissions deny server access: /srv/www/k{rng.randint(1, 9)}.txt"),
        ("AH00094:", False, lambda: f"Command line: 'httpd -f /etc/httpd/conf{rng.randint(1, 3)}'"),
        ("AH00493:", False, lambda: "SIGUSR1 received.  Doing graceful restart"),
    ]
    lines = []
    for number in range(count):
        code, request, text = events[rng.randrange(len(events))]
        client = f"[client 10.0.0.{rng.randint(1, 250)}:{rng.randint(30000, 60000)}] " if request else ""
        source = "mod_authz_core.c(815): " if code == "AH01626:" else ""  # debug lines name their source
        lines.append(f"[Sat Dec 05 08:{number // 60 % 60:02d}:{number % 60:02d} 2026] [core:info] "
                     f"[pid {rng.randint(100, 999)}] {source}{client}{code} {text()}")
    return lines


def test_a_catalogue_number_is_a_message_id_wherever_it_opens_the_message() -> None:
    """The code sits first, or third behind ``[client host:port]``: no one position holds it on
    most lines, so the first code among the leading words is the id."""
    lines = _catalogued_log()
    parser = LogParser()
    parsed = list(parser.parse(lines))
    assert parser.ids is not None
    groups: dict[str, set[str]] = {}
    for line in parsed:
        groups.setdefault(next(w for w in line.raw.split() if w.startswith("AH")), set()).add(line.template.id)
    assert len(groups) == 6 and all(len(ids) == 1 for ids in groups.values())
