"""Header inference where a field closes with a colon (GLib's prefix, a time or a level with a
colon) and where records of another kind sit among the lines (JSON objects, access lines)."""

from __future__ import annotations

import random

from aiops.analysis.header import learn_header
from aiops.analysis.logparse import LogParser


def _glib_lines(rng: random.Random, count: int) -> list[str]:
    """GLib's default handler: ``(prog:pid): domain-LEVEL: time: message``, the program in parentheses
    with the pid of whichever process wrote the line."""
    domains = ["web-protocol"] * 12 + ["web-server"] * 3 + ["WebSocket"] * 2
    texts = ["{p}: sent {n} bytes", "{p}: queueing complete", "response: flushed output",
             "{p}: received a {n} byte payload", "closing connection {n}", "invalid header in request {n}"]
    pids = [rng.randint(300, 40000) for _ in range(9)]
    lines = []
    for n in range(count):
        level = rng.choice(["DEBUG"] * 8 + ["INFO", "WARNING"])
        text = rng.choice(texts).format(n=rng.randint(1, 9999), p=rng.choice(["/login", "/", "/socket", "/static"]))
        lines.append(f"(webd:{rng.choice(pids)}): {rng.choice(domains)}-{level}: "
                     f"07:{n // 60 % 60:02d}:{n % 60:02d}.{rng.randint(0, 999):03d}: {text}")
    return lines


def test_glibs_program_and_level_are_header() -> None:
    """A program in parentheses whose pid varies is one program's tag, and ``domain-LEVEL`` closed
    by a colon is its level, which ends the header as a label's colon does (the time after it
    opens the message, where it is a value)."""
    lines = _glib_lines(random.Random(21), 400)
    header = learn_header(lines)
    for line in lines[:80]:
        match, message = header.split(line)
        assert match is not None and message == line.split(": ", 2)[2]
    texts = {p.template.text for p in LogParser().parse(lines)}
    assert len(texts) == 6 and any(text.endswith(": <*>: sent <*> bytes") for text in texts)


def test_a_time_closed_by_a_colon_before_a_bracketed_context_ends_the_header() -> None:
    """``2026-12-07T06:28:46,314: [io 0x55... /path] text``: the time's colon closes the header; the
    bracketed context, whose words vary with the thread, is the message's."""
    rng = random.Random(22)
    contexts = ["io", "notify", "client=0x55{n}:stm=0x7f{n}:pid={n}"]
    texts = ["add_pending: /srv/p{n}/sub", "getFileInformation(/srv/p{n}) file=0x7f{n}", "crawl complete"]
    lines = [f"2026-12-07T06:{n // 60 % 60:02d}:{n % 60:02d},{rng.randint(0, 999):03d}: "
             f"[{rng.choice(contexts).format(n=rng.randint(10, 99))} 0x5{rng.randint(100, 999)} "
             f"/srv/p{rng.randint(1, 4)}] "
             + rng.choice(texts).format(n=rng.randint(1, 99)) for n in range(400)]
    header = learn_header(lines)
    for line in lines[:50]:
        match, message = header.split(line)
        assert match is not None and message == line.split(": ", 1)[1]


def test_a_level_closed_by_a_colon_ends_the_header_before_a_call_site() -> None:
    """``time   DEBUG: [src/file.cc:12] func(): text``: the level's colon closes the header, and the
    call site after it stays in the message, where it tells the statements apart."""
    rng = random.Random(23)
    sites = [("src/server.cc", "upnp_callback()"), ("src/web.cc", "web_open()"), ("src/config.cc", "dumpOptions()"),
             ("src/update.cc", "containerChanged()")]
    texts = ["start", "returning {n}", "Filename: /content/{n}", "id: {n}, signal: 0"]
    lines = []
    for n in range(400):
        level = rng.choice(["DEBUG"] * 6 + ["INFO", "WARNING"])
        path, function = rng.choice(sites)
        lines.append(f"2026-12-05 14:{n // 60 % 60:02d}:{n % 60:02d} {level:>7}: [{path}:{rng.randint(50, 900)}] "
                     f"{function}: " + rng.choice(texts).format(n=rng.randint(1, 999)))
    header = learn_header(lines)
    for line in lines[:50]:
        match, message = header.split(line)
        assert match is not None and message.startswith("[src/")


def _timeline_lines(rng: random.Random, count: int) -> list[str]:
    """A bracketed time and scope before text lines, with JSON records of the program's own
    (a timeline, a status dump) written bare between them."""
    texts = ["client 0x55{n} connected", "output {n} repainted", "loading module {n}.so", "surface {n} committed"]
    lines = []
    for n in range(count):
        if rng.random() < 0.3:
            event = rng.choice(["repaint_begin", "repaint_posted", "flush_damage"])
            lines.append(f'{{ "T":[{n}, {rng.randint(10**6, 10**9)}], "N":"{event}", "wo":{rng.randint(1, 3)} }}')
        elif rng.random() < 0.1:
            lines.append(f'{{"msg": "cache flushed", "entries": {rng.randint(1, 500)}}}')
        else:
            lines.append(f"[2026-12-07 08:{n // 60 % 60:02d}:{n % 60:02d}.{rng.randint(0, 999):03d}][core] "
                         + rng.choice(texts).format(n=rng.randint(1, 99)))
    return lines


def test_a_bracketed_header_field_does_not_take_a_json_record() -> None:
    """The header's bracketed time opens with ``[`` on every line it was learnt from, so a JSON
    object among the lines is no bracketed field of it, however many digits it holds."""
    lines = _timeline_lines(random.Random(31), 400)
    header = learn_header(lines)
    records = [line for line in lines if line.startswith("{")]
    assert records and all(header.split(line)[0] is None for line in records)
    assert all(header.split(line)[0] is not None for line in lines if line.startswith("[2026"))


def test_a_json_record_among_text_lines_is_read_by_its_fields() -> None:
    """A JSON object written among text lines is read as a record: its message where it has one,
    its fields otherwise, not one value that joins every other record."""
    lines = _timeline_lines(random.Random(32), 400)
    texts = {p.raw: p.template.text for p in LogParser().parse(lines)}
    assert {text for raw, text in texts.items() if raw.startswith('{"msg"')} == {"cache flushed"}
    timeline = {text for raw, text in texts.items() if raw.startswith('{ "T"')}
    assert timeline and all(text.startswith("T=") and " N=" in text for text in timeline)


def test_a_json_dump_after_the_header_stays_its_statements_value() -> None:
    """A statement that logs a hash as JSON after the framework's header (an error handler's
    context) is one statement whatever the hash holds: only a record written bare among the
    lines is read by its fields."""
    rng = random.Random(33)
    lines = []
    for n in range(400):
        stamp = f"2026-12-04T10:{n // 60 % 60:02d}:{n % 60:02d}.{rng.randint(0, 999):03d}Z"
        if rng.random() < 0.3:
            jid = f"{rng.randint(10**8, 10**9):x}"
            lines.append(stamp + " WARN: " + rng.choice([
                f'{{"context":"Job raised exception","job":{{"retry":0,"jid":"{jid}"}}}}',
                f'{{"context":"Error calling retries_exhausted","job":{{"jid":"{jid}"}},"hook":"on_death"}}',
                f'{{"context":"Invalid JSON for job","jobstr":"{jid}"}}']))
        else:
            text = rng.choice(["start", "done: {n} sec", "fail: {n} sec"]).format(n=rng.randint(1, 9))
            lines.append(f"{stamp} INFO: {text}")
    texts = {p.template.text for p in LogParser().parse(lines) if '{"context"' in p.raw}
    assert len(texts) == 1


def test_a_name_before_the_lines_time_is_no_statements_word() -> None:
    """An access line with the user before its time (``127.0.0.1 port-4774 alice [time] "GET /"
    200 170``): a header of values whose only name sits before the time took no statement's
    words, so its records of values are one event, not a collapse that a shorter header (one
    that splits them by user) would mend."""
    rng = random.Random(34)
    lines = []
    for n in range(400):
        if rng.random() < 0.05:
            lines.append(rng.choice(["server listening on 0.0.0.0:8080", "Failed login attempt from: 127.0.0.1"]))
            continue
        user = rng.choice(["-", "-", "alice", "bob"])
        path = rng.choice(["/", "/robots.txt", f"/get/thumb/{rng.randint(1, 9)}", f"/book/{rng.randint(1, 99)}"])
        method = rng.choice(["GET", "GET", "GET", "POST", "HEAD"])
        request = f"{method} {path} HTTP/1.1" if rng.random() < 0.95 else ""
        lines.append(f"127.0.0.1 port-{rng.randint(40000, 60000)} {user} 07/Dec/2026:09:{n // 60 % 60:02d}:{n % 60:02d}"
                     f' +0000 "{request}" {rng.choice([200, 200, 404, 304])} {rng.randint(100, 9000)}')
    access = {p.template.id for p in LogParser().parse(lines) if p.raw.startswith("127.0.0.1")}
    assert len(access) == 1


def _client_lines(rng: random.Random, count: int, *, stamped: bool = True) -> list[str]:
    """A chat client's log: ``[date time] message`` (or ``[conn=N] message``) at the margin, with a
    help or buffer dump under some records, indented and more numerous than the records themselves."""
    texts = ["Reading configuration file {f}.conf", "Writing configuration file {f}.conf",
             "Loading plugin {f}", "irc: connecting to server {n}"]
    dumps = ["    option {f}.look = {n}", "    {f}: {n} lines", "    buffer {n} ({f})"]
    lines: list[str] = []
    while len(lines) < count:
        stamp = f"[2026-12-07 10:{len(lines) // 60 % 60:02d}:{len(lines) % 60:02d}]" if stamped \
            else f"[conn={rng.randint(1, 9)}]"
        name = rng.choice(["weechat", "sec", "irc", "logger", "relay"])
        lines.append(f"{stamp} {rng.choice(texts).format(f=name, n=rng.randint(1, 99))}")
        lines.extend(rng.choice(dumps).format(f=name, n=rng.randint(1, 999)) for _ in range(rng.randint(0, 4)))
    return lines


def test_flush_records_with_more_indented_lines_keep_their_timed_header() -> None:
    """Records that open with a time at the margin are the records even where indented continuation
    lines outnumber them: the header is learnt from the flush lines, and an indented line is no
    header's."""
    lines = _client_lines(random.Random(5), 400)
    flush = [line for line in lines if not line[0].isspace()]
    assert 0.25 * len(lines) <= len(flush) < 0.5 * len(lines)
    header = learn_header(lines)
    assert header.time_groups
    for line in flush[:60]:
        match, message = header.split(line)
        assert match is not None and message == line.split("] ", 1)[1]
    assert all(header.split(line)[0] is None for line in lines if line[0].isspace())


def test_flush_records_led_by_a_bracket_keep_their_header() -> None:
    """A bracketed field that opens every flush line is such a header too: the indented lines
    between the records (``    buffer 12 (irc)``) are continuations, none of them a header's."""
    lines = _client_lines(random.Random(8), 400, stamped=False)
    header = learn_header(lines)
    assert header.bracket_groups
    assert all(header.split(line)[1] == line.split("] ", 1)[1] for line in lines[:200] if not line[0].isspace())
    assert all(header.split(line)[0] is None for line in lines if line[0].isspace())


def test_a_separator_opening_the_header_is_matched_as_itself() -> None:
    """A marker that opens most lines (``   >  eth_call: [``, a request echoed) is a header of one
    separator; with nothing before it to bound a loose match, it matches only itself, so a line
    without it (``  Gas usage: 21000``) keeps its first word, where a loose separator took it."""
    rng = random.Random(3)
    lines = []
    for _ in range(300):
        if rng.random() < 0.7:
            lines.append(rng.choice(["   >  eth_call: [", "   >   {", "   >   }", "   >  eth_blockNumber: []",
                                     f'   >     "to": "0x{rng.randint(1, 1 << 40):x}",']))
        else:
            lines.append(rng.choice([f"  Transaction: 0x{rng.randint(1, 1 << 60):x}", "eth_chainId",
                                     f"  Gas usage: {rng.randint(1, 99999)}",
                                     f"  Block number: {rng.randint(1, 999)}"]))
    header = learn_header(lines)
    assert header.split("   >  eth_call: [")[1] == "eth_call: ["
    for line in ("  Gas usage: 21000", "  Transaction: 0xabc123", "  Block number: 7"):
        assert header.split(line) == (None, line)


def test_json_records_take_the_message_key_every_record_carries() -> None:
    """Bunyan writes ``msg`` in every record; a reply's ``message`` field rides on some of them. The key
    the file's records all carry is the logger's message, so the replies stay one event whatever
    their text, and a record without the field still has its message."""
    rng = random.Random(41)
    lines = []
    for n in range(200):
        base = f'{{"name":"ftpd","pid":{rng.randint(100, 999)},"level":30,'
        if rng.random() < 0.7:
            lines.append(base + f'"message":"{rng.choice(["200 OK", "331 Password required", "550 No such file"])}",'
                                f'"msg":"Reply","time":"2026-12-07T13:{n % 60:02d}:00Z","v":0}}')
        else:
            lines.append(base + f'"directive":"{rng.choice(["USER", "LIST"])}","msg":"Command received",'
                                f'"time":"2026-12-07T13:{n % 60:02d}:00Z","v":0}}')
    parser = LogParser()
    texts = {parsed.template.text for parsed in parser.parse(lines)}
    assert texts == {"Reply", "Command received"}
