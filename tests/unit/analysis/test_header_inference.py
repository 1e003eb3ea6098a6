"""Header inference from a file's own statistics, on layouts the learner has no settings for."""

from __future__ import annotations

import random

from aiops.analysis.header import header_hypotheses, learn_header
from aiops.analysis.logparse import LogParser

EVENTS = ["link error on broadcast tree {n}", "temperature {n} exceeds warning threshold",
          "command has completed successfully", "node down in partition {n}"]


def _cluster(rng: random.Random, i: int) -> str:
    """Record id, node, component, state, epoch seconds, flag, message (an HPC node log)."""
    node = rng.choice([f"node-{rng.randint(1, 250)}", f"gige{rng.randint(1, 9)}", f"node-D{rng.randint(0, 9)}"])
    comp, state = rng.choice([("node", "status"), ("unix.hw", "state_change.unavailable"), ("boot_cmd", "new"),
                              ("switch_module", "fan")])
    text = rng.choice(EVENTS).format(n=rng.randint(1, 99))
    return f"{4000 + i * 7} {node} {comp} {state} {1077804742 + i * 13} {rng.randint(0, 1)} {text}"


def test_epoch_seconds_ids_hosts_and_states_are_header() -> None:
    rng = random.Random(1)
    lines = [_cluster(rng, i) for i in range(300)]
    parser = LogParser()
    parsed = list(parser.parse(lines))
    assert parser.header is not None and len(parser.header.fields) == 6
    assert {p.template.text for p in parsed} == {
        "link error on broadcast tree <*>", "temperature <*> exceeds warning threshold",
        "command has completed successfully", "node down in partition <*>"}


def test_nil_dash_fills_any_column() -> None:
    rng = random.Random(2)
    lines = []
    for i in range(300):
        proc = rng.choice([str(rng.randint(100, 9999)), "-"])
        msgid = rng.choice(["LINK", "-", "CONFIG"])
        host = rng.choice(["edge-fw1", "nas01", "core-sw3.dc1.example.net"])
        lines.append(f"<30>1 2024-06-15T09:{i % 60:02d}:02.661Z {host} netd {proc} {msgid} - "
                     f"interface eth{i % 3} changed state")
    parser = LogParser(header=learn_header(lines))
    for line in lines[:50]:
        assert parser.split(line)[0] == line[line.index("interface"):]


def test_optional_field_before_the_level() -> None:
    rng = random.Random(3)
    lines = []
    for i in range(300):
        who = rng.choice(["app@shop ", "postgres@shop ", ""])
        text = rng.choice([f"checkpoint starting: {rng.choice(['time', 'immediate'])}", "database system is ready",
                           f"connection received: host=10.0.0.{i % 9}", f"duration: {i}.5 ms"])
        lines.append(f"2024-12-04 18:51:{i % 60:02d}.840 UTC [{rng.randint(100, 30000)}] {who}LOG:  {text}")
    parser = LogParser(header=learn_header(lines))
    assert "?" in parser.header.describe()  # type: ignore[union-attr]
    for line in lines[:50]:
        assert parser.split(line)[:2] == (line[line.index("LOG:  ") + 6:], "LOG:")


def test_two_word_program_name_before_a_separator() -> None:
    rng = random.Random(4)
    programs = ["chrome.exe", "Teams.exe *64", "svchost.exe *64", "git-remote-https.exe", "outlook.exe"]
    lines = [f"[06.15 09:{i % 60:02d}:01] {rng.choice(programs)} - host-{i}.example.com:443 open through proxy "
             f"gw.example.net:3128 HTTPS" for i in range(300)]
    parser = LogParser()
    parsed = list(parser.parse(lines))
    assert len({p.template.id for p in parsed}) == 1
    assert parsed[0].template.text == "<*>:<*> open through proxy <*>:<*> HTTPS"


def test_source_location_closing_bracket_ends_the_header() -> None:
    rng = random.Random(5)
    lines = [f"{rng.choice('IWE')}0615 09:00:{i % 60:02d}.863365    {rng.choice([1007, 1031])} "
             f"{rng.choice(['reflector.go:148', 'event.go:294', 'prober.go:107'])}] Caches are synced"
             for i in range(200)]
    assert learn_header(lines).describe().endswith("key | message")
    assert LogParser(header=learn_header(lines)).split(lines[0])[0] == "Caches are synced"


def test_program_name_varying_per_line_does_not_split_an_event() -> None:
    rng = random.Random(6)
    programs = [f"{name}.exe" for name in ("chrome", "firefox", "slack", "java", "python", "code", "teams",
                                           "outlook", "onedrive", "dropbox", "zoom", "steam")]
    lines = [f"[10.30 16:{i % 60:02d}:06] {rng.choice(programs)} - close, {rng.randint(0, 9999)} bytes sent"
             for i in range(400)]
    assert len({p.template.id for p in LogParser().parse(lines)}) == 1


def test_hypotheses_end_with_no_header() -> None:
    rng = random.Random(7)
    hypotheses = header_hypotheses([_cluster(rng, i) for i in range(200)])
    assert len(hypotheses) >= 2
    assert hypotheses[0].describe() == "var var word word var var | message"
    assert any(h.regex is None for h in hypotheses)
    shorter = [len(h.fields) for h in hypotheses if h.regex is not None and len(h.fields) <= 6]
    assert shorter == sorted(shorter, reverse=True)


def test_per_line_name_after_the_header_becomes_header() -> None:
    rng = random.Random(8)
    events = ["session opened for user admin", "session closed for user admin", "ping timeout, reconnecting"]
    names = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8)) for _ in range(300)]
    lines = [f"2024-01-0{1 + i % 9}T10:00:00Z {names[i]} {rng.choice(events)}" for i in range(300)]
    hypotheses = header_hypotheses(lines)
    assert hypotheses[0].describe() == "var word | message"
    assert len({p.template.id for p in LogParser().parse(lines)}) == 3


def test_event_words_with_a_colon_and_no_other_header_start_the_message() -> None:
    rng = random.Random(9)
    events = ["save", "expunge", "copy", "flag_change", "delete"]
    lines = []
    for i in range(400):
        body = f"box=INBOX, uid={rng.randint(1, 500)}, size={rng.randint(50, 9000)}, flags=()"
        lines.append(f"{rng.choice(events)}: {body}" if i % 3 else
                     f"Disconnected: Logged out in={rng.randint(1, 99)} out={rng.randint(1, 999)}")
    assert header_hypotheses(lines)[0].regex is None, "a colon-ended first word alone is no header"
    assert len({p.template.id for p in LogParser().parse(lines)}) == len(events) + 1


def test_lower_case_event_words_with_a_colon_after_the_time_stay_in_the_message() -> None:
    rng = random.Random(10)
    kinds = [("FTP command:", 'Client "{ip}", "{verb}"'), ("FTP response:", 'Client "{ip}", "226 Transfer complete."'),
             ("CONNECT:", 'Client "{ip}"'), ("OK LOGIN:", 'Client "{ip}"'), ("FAIL LOGIN:", 'Client "{ip}"')]
    lines = []
    for i in range(400):
        key, body = rng.choices(kinds, weights=[45, 40, 5, 5, 5])[0]
        text = body.format(ip=f"10.0.{rng.randint(0, 9)}.{rng.randint(1, 250)}", verb=rng.choice(["PWD", "PASV"]))
        lines.append(f"2026-12-04T10:{i // 60 % 60:02d}:{i % 60:02d}.{rng.randint(0, 999):03d}Z {key} {text}")
    parsed = list(LogParser().parse(lines))
    assert all(p.template.text.split()[0] in {"FTP", "CONNECT:", "OK", "FAIL"} for p in parsed)


def test_upper_case_event_names_with_a_colon_are_no_level_field() -> None:
    rng = random.Random(11)
    events = {"SERVICE ALERT: {h};disk;{s};SOFT;1;{s} - {n} percent used": 20,
              "SERVICE EVENT HANDLER: {h};disk;{s};SOFT;1;restart-disk": 18,
              "INITIAL SERVICE STATE: {h};load;{s};HARD;1;load average {n}": 14,
              "EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;{h};{n};{n};1;0;7200;ops;window": 3,
              "wproc: early_timeout={n}; exited_ok=1; wait_status=0; error_code=0;": 6,
              "wproc: Core Worker {n}: job {n} (pid={n}) timed out. Killing it": 6,
              "Warning: Service event handler command 'restart' timed out after {n} seconds": 5,
              "Error: External command failed -> ACKNOWLEDGE_SVC_PROBLEM;{h}": 2}
    hosts = ["web01", "db01", "mq01", "cache01", "edge01"]
    lines = [rng.choices(list(events), weights=list(events.values()))[0].format(
        h=rng.choice(hosts), s=rng.choice(["OK", "WARNING", "CRITICAL"]), n=rng.randint(1, 99)) for _ in range(400)]
    header = header_hypotheses(lines)[0]
    assert header.regex is None, f"event names are no header: {header.describe()}"
    starts = {p.template.text.split(":")[0] for p in LogParser().parse(lines)}
    assert starts == {"SERVICE ALERT", "SERVICE EVENT HANDLER", "INITIAL SERVICE STATE", "EXTERNAL COMMAND",
                      "wproc", "Warning", "Error"}


def test_upper_case_labels_among_level_words_stay_a_level_field() -> None:
    rng = random.Random(12)
    kinds = ["LOG:  checkpoint starting: time", "ERROR:  relation \"t{n}\" does not exist", "STATEMENT:  select 1",
             "LOG:  connection received: host=[local]", "WARNING:  there is no transaction in progress",
             "DETAIL:  Key (id)=({n}) already exists."]
    lines = [f"2026-12-04 10:00:{i % 60:02d}.{rng.randint(0, 999):03d} UTC [{rng.randint(100, 999)}] "
             f"{rng.choices(kinds, weights=[30, 20, 10, 20, 10, 10])[0].format(n=rng.randint(1, 9))}"
             for i in range(300)]
    header = header_hypotheses(lines)[0]
    assert header.fields[-1].is_level, header.describe()


def test_key_value_fields_after_the_header_belong_to_the_message() -> None:
    rng = random.Random(13)
    verbs = ["MOD dn=\"uid=u{n},dc=test\"", "SRCH base=\"dc=test\" scope=2", "RESULT tag=101 err=0 text=",
             "BIND dn=\"cn=admin,dc=test\" method=128", "UNBIND"]
    lines = []
    for i in range(400):
        body = f"conn={1000 + i // 4} op={i % 4} {rng.choice(verbs).format(n=rng.randint(1, 99))}" if i % 10 else \
            f"conn={1000 + i // 4} fd={rng.randint(10, 30)} ACCEPT from IP=10.0.0.{rng.randint(1, 250)}:{i + 2000}"
        lines.append(f"[{1796400000 + i}] {rng.choice(['INFO', 'WARN', 'ERROR'])} {body}")
    header = header_hypotheses(lines)[0]
    assert header.describe() == "bracket level | message"
    assert LogParser(header=header).split(lines[1])[0].startswith("conn=")


def _assert_messages(lines: list[str], separator: str, fields: int) -> None:
    """The header learned from `lines` matches each of the first lines and leaves as the message
    what follows the `fields`-th `separator`."""
    header = learn_header(lines)
    for line in lines[:50]:
        match, message = header.split(line)
        assert match is not None and message == line.split(separator, fields)[fields]


def test_a_module_name_closed_by_a_pipe_and_a_level_is_header() -> None:
    """``time|seq|module|LEVEL|message``: two dozen modules over 400 lines, one with a thread in
    parentheses, are more than a host or a state, yet the pipe and the level after them show they
    are a field of the header."""
    rng = random.Random(9)
    modules = ["rconn"] * 30 + ["ofproto_dpif"] * 15 + ["bridge"] * 10
    modules += [f"mod_{name}" for name in "abcdefghijklmnopqrst"] + ["fatal_signal(ct_clean3)"]
    texts = ["port p{n}: state changed to up", "entering ACTIVE after {n} ms", "added interface eth{n} on port {n}",
             "Discovered {n} CPU cores", "bridge br{n}: using datapath ID {n}", "unix#{n}: connection dropped"]
    lines = [f"2026-12-05T08:25:{n % 60:02d}.{n:03d}Z|{n:05d}|{rng.choice(modules)}|{rng.choice(['DBG', 'INFO'])}|"
             + rng.choice(texts).format(n=rng.randint(1, 99)) for n in range(400)]
    _assert_messages(lines, "|", 4)


def test_a_time_ending_in_a_colon_does_not_end_the_header_before_bracketed_fields() -> None:
    """``(date  time): [domain] [function] (level): message``: the colon after the time is its
    punctuation; the bracketed fields after it (one of them naming the function) are header."""
    rng = random.Random(13)
    functions = [f"fn_{name}" for name in "abcdefghijklmnopqrstuvwxyz"]
    texts = ["Processing object {w}", "No such entry", "Number of active requests: {n}",
             "Option {w} has value {n}", "Adding a ghost entry", "Request {n} removed."]
    lines = [f"(2026-12-05 {rng.randint(1, 9):2d}:{n % 60:02d}:{n % 57:02d}): [be[example.test]] "
             f"[{rng.choice(functions)}] (0x{rng.choice(['0400', '0200', '2000']) }): "
             + rng.choice(texts).format(n=rng.randint(1, 99), w=rng.choice(["ann", "bob", "eve"])) for n in range(400)]
    _assert_messages(lines, "): ", 2)


def test_a_source_location_after_a_time_ending_in_a_colon_stays_in_the_message() -> None:
    """``time: (file.c.123) message``: the call site stays in the message, where it joins the
    variants of its statement."""
    rng = random.Random(14)
    sites = [f"{name}.c.{rng.randint(100, 1800)}" for name in ("server", "response", "mod_auth", "connections")]
    texts = ["server started", "-- parsed Request-URI", "Path : /files/page{n}.html", "connection closed: fd {n}"]
    lines = [f"2026-12-05 01:{n % 60:02d}:{n % 59:02d}: ({rng.choice(sites)}) "
             + rng.choice(texts).format(n=rng.randint(1, 99)) for n in range(400)]
    _assert_messages(lines, ": ", 1)


def test_a_time_ending_in_a_colon_does_not_end_the_header_before_a_name_and_a_level() -> None:
    """Pgpool-II's ``'%m: %a pid %p: '`` prefix: the time's colon is punctuation; the application
    name, the process id and the level after it are header too. ``DETAIL:`` where the level sits is
    a label of the report, no level: it opens the message, after the same header."""
    rng = random.Random(15)
    texts = ["new connection received", "connecting host=127.0.0.1 port={n}", "DB node id: 0 statement: SELECT {n}",
             "frontend disconnection: session time: 0:00:0{n}", "health check retrying on DB node: 1",
             "memory cache initialized"]
    lines = [f"2026-12-05 11:09:{n % 60:02d}.{n % 997:03d}: {rng.choice(['main', 'child', 'billing', 'psql'])} "
             f"pid {rng.randint(8000, 9999)}: {rng.choice(['LOG', 'DETAIL', 'LOG', 'WARNING'])}:  "
             + rng.choice(texts).format(n=rng.randint(1, 9)) for n in range(400)]
    header = learn_header(lines)
    for line in lines[:50]:
        match, message = header.split(line)
        expected = line.split(": ", 2)[2] if ": DETAIL:" in line else line.split(":  ", 1)[1]
        assert match is not None and message == expected


def test_fields_closed_by_one_separator_up_to_a_level_are_header() -> None:
    """Python logging's ``%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s -
    %(message)s``: the logger name, the line number and the request id between the separators are
    header, since a level sits among them."""
    rng = random.Random(16)
    loggers = ["synapse.http.server", "synapse.handlers.message", "synapse.access.http.8008", "synapse.storage.SQL"]
    texts = ["Processed request: {n}sec", "Created event $abc{n}", "Got login request with identifier: @u{n}",
             "Denying new event because of rate limit", "Attaching resource to path /_matrix/{n}"]
    lines = [f"2026-12-05 10:54:{n % 60:02d},{n % 997:03d} - {rng.choice(loggers)} - {rng.randint(30, 900)} - "
             f"{rng.choice(['INFO', 'DEBUG', 'WARNING'])} - {rng.choice(['main', 'PUT-8', 'GET-12', 'POST-3'])} - "
             + rng.choice(texts).format(n=rng.randint(1, 99)) for n in range(400)]
    _assert_messages(lines, " - ", 5)


def test_a_program_name_before_a_level_is_header_when_a_thread_name_sits_between_on_some_lines() -> None:
    """``nbdkit: debug: ...`` from the main thread and ``nbdkit: file[2]: debug: ...`` from a worker:
    a plain ``name:`` key is taken for the message's first word unless it holds one value on nearly
    every line and a level follows within a few fields; then it is the program's name and the
    header runs to the level. A first key of several values (``master:`` / ``imap-login:``) is not."""
    rng = random.Random(17)
    texts = ["accepted connection", "preconnect", "get_size", "can_write", "replying to NBD_OPT_GO with NBD_REP_ACK",
             "client sent NBD_CMD_DISC, closing connection", "using thread model: parallel"]
    records = []
    for n in range(400):
        thread = "" if n % 4 == 0 else f"{rng.choice(['memory', 'file', 'sh'])}[{rng.randint(1, 9)}]: "
        text = rng.choice(texts)
        records.append((f"{rng.choice(['debug', 'debug', 'error'])}: {text}", thread, text))
    header = learn_header([f"nbdkit: {thread}{rest}" for rest, thread, _ in records])
    assert [header.split(f"nbdkit: {thread}{rest}")[1] for rest, thread, _ in records[:60]] == [
        text for _, _, text in records[:60]]
    names = [rng.choice(["master:", "imap-login:", "pop3:", "auth:"]) for _ in records]
    header = learn_header([f"{name} {thread}{rest}" for name, (rest, thread, _) in zip(names, records, strict=True)])
    assert all(header.split(f"{name} {thread}{rest}")[1].startswith(name)
               for name, (rest, thread, _) in list(zip(names, records, strict=True))[:60])


def test_one_name_opening_nearly_every_line_is_the_programs_tag() -> None:
    """``nslcd: [8b4567] <passwd="bob"> DEBUG: ...``: one ``name:`` opens nearly every line (C's
    ``error(3)`` and ``warn(3)`` print the program's name so). Where nothing else makes a header,
    it is the program's tag, and the fields after it are learnt as if it were not there: the
    session id, the optional request and the level are header too."""
    rng = random.Random(18)
    texts = ["ldap_result(): end of results", "myldap_search(base=dc=test)", "connected to LDAP server",
             "nslcd_passwd_byname(alice)", "ldap_simple_bind_s(NULL,NULL) (uri=ldap://x)", "accepting connections"]
    records = []
    for n in range(400):
        text = rng.choice(texts)
        if n % 5 == 0:  # the main thread's lines, before any session
            records.append((f"DEBUG: {text}", text))
            continue
        request = rng.choice(["", f'<passwd="{rng.choice(["alice", "bob"])}"> ', "<group/member> "])
        records.append((f"[{rng.randrange(16 ** 6):06x}] {request}DEBUG: {text}", text))
    lines = [f"nslcd: {rest}" for rest, _ in records]
    header = learn_header(lines)
    in_sessions = [(line, text) for line, (rest, text) in zip(lines, records, strict=True) if rest[0] == "["]
    assert [header.split(line)[1] for line, _ in in_sessions[:80]] == [text for _, text in in_sessions[:80]]
    assert header.describe().startswith("key bracket"), header.describe()
    words = [rng.choice(["exited:", "spawned:", "success:", "stopped:"]) for _ in records]
    header = learn_header([f"{word} {text}" for word, (_, text) in zip(words, records, strict=True)])
    assert header.regex is None, "first words of several values are the message's"


def test_a_bracketed_level_padded_inside_to_a_column_is_the_level_field() -> None:
    """``[INFO ]`` beside ``[DEBUG]`` (a left-justified ``%-5s`` inside brackets): the same level
    field, so the header ends after it on both kinds of lines."""
    rng = random.Random(19)
    texts = ["libscp initialized", "starting a session", "Socket 12: connection received", "login failed"]
    records = []
    for n in range(300):
        level = "[DEBUG]" if n % 3 else rng.choice(["[INFO ]", "[WARN ]", "[ERROR]"])
        text = rng.choice(texts)
        records.append((f"[20261205-08:{n // 60:02d}:{n % 60:02d}] {level} [pid:{rng.randint(100, 999)}] {text}", text))
    header = learn_header([line for line, _ in records])
    assert [header.split(line)[1] for line, _ in records] == [text for _, text in records]


TITLED_EVENTS = ["Use challenge/response", "Session {s} opened", "Session {s} closed",
                 "Connection refused after {n} tries", "compression level {n} initialized"]


def _titled(rng: random.Random, *, title_words: int | None = None) -> str:
    """A syslog tag whose name is a process title of one to six words before ``[pid]:``."""
    session = rng.choice(["alpha", "kilo", "delta"])
    words = title_words if title_words is not None else rng.randint(0, 5)
    title = " ".join(rng.choice([session, "connecting", "to", f"10.0.0.{rng.randint(1, 9)}", "tun", "closing"])
                     for _ in range(words))
    name = rng.choice(["daemon[c]:", "daemon[s]:"])
    text = rng.choice(TITLED_EVENTS).format(s=f"{session}{rng.randint(1, 40)}", n=rng.randint(1, 99))
    tag = f"{rng.choice(['auth', 'link', session])}[{rng.randint(100, 30000)}]:"
    return " ".join(part for part in (name, title, tag, text) if part)


def test_a_process_title_of_several_words_before_its_pid_is_header() -> None:
    rng = random.Random(3)
    lines = [_titled(rng) for _ in range(400)]
    first = header_hypotheses(lines)[0]
    assert first.describe().endswith("title | message")
    parser = LogParser()
    templates = {p.template.text for p in parser.parse(lines)}
    assert templates == {"Use challenge/response", "Session <*> opened", "Session <*> closed",
                         "Connection refused after <*> tries", "compression level <*> initialized"}


def test_a_tag_of_fixed_width_is_left_to_the_columns() -> None:
    rng = random.Random(3)
    lines = [_titled(rng, title_words=2) for _ in range(400)]
    assert all(spec.family != "title" for model in header_hypotheses(lines) for spec in model.fields)


PIPED_EVENTS = ["Std. variable: CONTENT_LENGTH={n}", "Cannot receive: websocket: close {n} (normal)",
                "Serving static content from : static", "Process exited with status {n}", "CONNECT", "DISCONNECT"]


def _piped(rng: random.Random, *, context_first: bool) -> str:
    """``time | LEVEL | area | context | message`` where the context holds ``key:'value'`` pairs or
    nothing; or, `context_first` False, ``time | LEVEL | message | logger | thread``."""
    stamp = f"Mon, 07 Dec 2026 01:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0100"
    level = rng.choice(["DEBUG ", "INFO  ", "ERROR "])
    text = rng.choice(PIPED_EVENTS).format(n=rng.randint(1, 999))
    if not context_first:
        logger = rng.choice(["org.apache.activemq.broker.BrokerService", "org.apache.activemq.xbean"])
        return f"{stamp} | {level} | {text} | {logger} | {rng.choice(['main', 'JMX connector'])}"
    url = f"http://127.0.0.1:8080/chat?room={rng.randint(1, 9)}"
    context = rng.choice(["", f"url:'{url}' id:'{rng.randint(10**9, 10**10)}' remote:'127.0.0.1' command:'./echo.sh'"])
    return f"{stamp} | {level} | {rng.choice(['env', 'session', 'server'])} | {context} | {text}"


def test_a_section_of_varying_width_between_pipes_is_header() -> None:
    rng = random.Random(5)
    lines = [_piped(rng, context_first=True) for _ in range(400)]
    lines.append("Mon, 07 Dec 2026 01:00:00 +0100 | ACCESS | session | url:'http://h/x' id:'12' | CONNECT")
    first = header_hypotheses(lines)[0]
    assert first.describe().endswith("sections | message")
    templates = {p.template.text for p in LogParser().parse(lines)}
    assert "CONNECT" in templates and "Cannot receive: websocket: close <*> (normal)" in templates
    assert not any("url:" in text for text in templates)


def test_sections_after_the_message_stay_out_of_the_header() -> None:
    rng = random.Random(5)
    lines = [_piped(rng, context_first=False) for _ in range(400)]
    assert all(spec.family != "sections" for model in header_hypotheses(lines) for spec in model.fields)


PADDED_EVENTS = ["Learned '{v}' (field: title, local: False)", "Flushing simple persistence for task {v} to db.",
                 "found field: url value: http://localhost/t/{v}", "Produced {v} entries.",
                 "Trying to load plugins from: /srv/{v}", "Initializing plugin feed schema version to {v}"]


def _padded(rng: random.Random, *, empty_share: float) -> str:
    """Python's ``%(asctime)s %(levelname)-8s %(name)-13s %(task)-15s %(message)s``, the task left
    empty on some lines (blanks to its width)."""
    stamp = f"2026-12-07 01:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    task = "" if rng.random() < empty_share else rng.choice(["tv", "tailt", "csvt", "rss_feed"])
    text = rng.choice(PADDED_EVENTS).format(v=rng.randint(1, 99999))
    return f"{stamp} {rng.choice(['DEBUG', 'VERBOSE', 'INFO']):<8} {rng.choice(['seen', 'task', 'manager']):<13} " \
           f"{task:<15} {text}"


def test_a_padded_column_some_lines_leave_empty_is_header() -> None:
    rng = random.Random(5)
    lines = [_padded(rng, empty_share=0.3) for _ in range(400)]
    assert header_hypotheses(lines)[0].describe().endswith("column | message")
    templates = {p.template.text for p in LogParser().parse(lines)}
    assert "Flushing simple persistence for task <*> to db." in templates
    assert not any(text.startswith(("tv ", "tailt ")) for text in templates)


def test_a_column_every_line_fills_is_left_to_the_columns() -> None:
    rng = random.Random(5)
    lines = [_padded(rng, empty_share=0.0) for _ in range(400)]
    assert all(spec.family != "column" for model in header_hypotheses(lines) for spec in model.fields)


FUNCTION_EVENTS = ["srs_forward: <{u}@mail.test> rewritten as <SRS0={h}=J2=mail.test={u}@example.org>",
                   "srs_reverse: <SRS0={h}=J2=mail.test={u}@example.org> rewritten as <{u}@mail.test>",
                   "srs_reverse: <{u}@example.org> not rewritten: No at sign in sender address",
                   "copy_option: set client ID (len {n})", "server6_recv: received request from fe80::{h}"]


def test_a_function_name_after_the_program_tag_opens_the_message() -> None:
    """C programs print ``__func__`` and a colon before their text; after a syslog tag (or a time
    ending in a colon) such a name is the message's first word, which tells statements apart."""
    rng = random.Random(9)
    lines = [f"Dec  7 01:{rng.randint(10, 59)}:{rng.randint(10, 59)} vm postsrsd[{rng.randint(100, 9999)}]: "
             + rng.choice(FUNCTION_EVENTS).format(u=rng.choice(["carol", "bob", "info"]), h=f"{rng.randint(0, 9999):x}",
                                                  n=rng.randint(2, 40))
             for _ in range(400)]
    assert not header_hypotheses(lines)[0].describe().endswith("key key | message")
    templates = {p.template.text for p in LogParser().parse(lines)}
    assert any(text.startswith("srs_forward: ") for text in templates)
    assert any(text.startswith("srs_reverse: ") and "rewritten as" in text for text in templates)


SENSOR_EVENTS = ["Starting monitor {v}", "Bad connect line from localhost: {w}", "socket() failed: {w}",
                 "client {n} disconnected"]


def _ctime_records(rng: random.Random) -> list[str]:
    """A ctime() header (``Mon Dec  7 01:54:59 2026``, the day padded) before each record, and
    a third of the lines a dump of readings with no header (``V12P  : +11.64``)."""
    lines = []
    for n in range(400):
        if rng.random() < 0.3:
            lines.append(f"{rng.choice(['V12P', 'VCORE0', 'TEMP2', 'FAN1'])}  : {rng.uniform(-20, 99):+.2f}")
            continue
        text = rng.choice(SENSOR_EVENTS).format(v=f"2.{rng.randint(1, 9)}", n=rng.randint(1, 99),
                                                w=rng.choice(["hello there", "GET / HTTP/1.0", "No such file"]))
        day = f"{rng.choice(['Mon', 'Tue'])} Dec {rng.randint(1, 28):2d}"
        lines.append(f"{day} 01:{n // 60 + 10:02d}:{n % 60:02d} 2026 {text}")
    return lines


def test_records_that_open_with_a_time_leave_the_other_lines_out_of_the_header() -> None:
    """Where most lines open with a time, a line whose first field has no time shape is a
    continuation: it is left out of learning, so the header covers the whole time, and its
    whole text is its message."""
    lines = _ctime_records(random.Random(3))
    header = header_hypotheses(lines)[0]
    assert header.split("Mon Dec  7 01:54:59 2026 client 7 disconnected")[1] == "client 7 disconnected"
    assert header.split("V12P  : +11.64")[1] == "V12P  : +11.64"
    templates = {p.template.text for p in LogParser().parse(lines)}
    assert "<*> : <*>" in templates
    assert "client <*> disconnected" in templates


def test_a_word_joined_by_a_comma_to_the_text_after_it_opens_the_message() -> None:
    """``[INFO] DENY, 10.0.0.2 was at ...``: a word of few values after the level would pass for a
    header field, but its comma ties it to the words after it, so the message starts there."""
    rng = random.Random(6)
    actions = [("DENY", "was"), ("ALLOW", "is"), ("REFRESH", "is"), ("CLEAN", "was"), ("UPDATE", "is")]
    lines = []
    for n in range(400):
        action, verb = rng.choice(actions)
        mac = ":".join(f"{rng.randint(16, 255):x}" for _ in range(6))
        address = f"10.0.{rng.randint(0, 9)}.{rng.randint(1, 250)}"
        lines.append(f"Dec 07 04:{n // 60:02d}:{n % 60:02d} [INFO] {action}, {address} {verb} at {mac} on veth0")
    assert header_hypotheses(lines)[0].describe() == "var var var level | message"
    texts = {p.raw.split("] ")[1].split(",")[0]: p.template.text for p in LogParser().parse(lines)}
    assert texts["DENY"] == "DENY, <*> was at <*> on veth0"
    assert len(set(texts.values())) == len(actions)


def test_a_continuation_led_by_an_address_is_no_time_led_record() -> None:
    """An IPv4 address has a dotted date's shape, but it is no time (`kind_of`): in a file whose
    records open with a time, a line led by an address is a continuation, whole message."""
    header = header_hypotheses(_ctime_records(random.Random(3)))[0]
    assert header.split("10.0.0.5 peer 7 01:54:59 2026 up")[0] is None

