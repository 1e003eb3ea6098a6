"""Template mining, continued from `test_miner`: what names a statement (a called function, a
function printed with its line number, a source location behind a path) and what shows a place is
a variable (a key's value in a comma list, the variants that made a place vary)."""

from __future__ import annotations

import random

from aiops.analysis.logparse import LogParser
from aiops.analysis.miner import TemplateMiner, tokenise
from aiops.analysis.skeleton import skeleton
from aiops.analysis.variables import described, scaled_unit
from aiops.analysis.wordshapes import _folds


def _ids(miner: TemplateMiner, lines: list[str]) -> list[str]:
    return [miner.add(line).id for line in lines]


def test_the_variants_that_made_a_place_variable_join_the_template() -> None:
    """Once enough variants show a place varies, the variants seen before join the template too
    (a group keeps all lines of its event); keywords and codes, which tell statements apart, stay."""
    miner = TemplateMiner()
    names = ["Echo", "Record", "Streaming", "VideoRoom", "Recorder"]
    lines = [f"JANUS {name} plugin initialized!" for name in names]
    _ids(miner, lines)
    assert len(set(_ids(miner, lines))) == 1
    assert [t.text for t in miner.templates if t.into is None] == ["JANUS <*> plugin initialized!"]
    miner = TemplateMiner()
    ids = _ids(miner, [f"query response was {word}" for word in ("ANSWER", "REFERRAL", "CNAME", "NODATA")])
    assert ids[0] != ids[1], "an all-caps keyword seen before the place varied keeps its own template"


def test_a_call_with_a_quoted_argument_names_its_function() -> None:
    miner = TemplateMiner()
    methods = ["PutContent", "GetContent", "Stat", "Delete", "List"]
    lines = [f'filesystem.{methods[i % 5]}("/docker/registry/v2/blobs/{i}/data") took {i}ms' for i in range(40)]
    ids = _ids(miner, lines)
    assert len(set(ids)) == 5
    assert miner.add('filesystem.Stat("/x/y") took 3ms').text == 'filesystem.Stat("<*>") took <*>'


def test_a_function_printed_with_its_line_number_names_the_statement() -> None:
    """C's ``%s(%d)`` of ``__func__`` and ``__LINE__`` before the message: two functions are two
    statements, however many lines of numbers would let them spread into one variable, while one
    function printed with several numbers (a pid, a size) stays one value."""
    rng = random.Random(5)
    functions = ["mtask_alloc(589)", "mtask_free(595)", "accept_connection(217)", "conn_close(103)",
                 "iscsi_task_queue(1595)", "target_cmd_queue(1126)"]
    miner = TemplateMiner()
    lines = [f"tgtd: {rng.choice(functions)} {rng.randint(1, 999)}" for _ in range(200)]
    by_function: dict[str, set[str]] = {}
    for line in lines:
        by_function.setdefault(line.split()[1], set()).add(miner.add(line).id)
    assert all(len(ids) == 1 for ids in by_function.values())
    assert len({next(iter(ids)) for ids in by_function.values()}) == len(functions)
    miner = TemplateMiner()
    ids = _ids(miner, [f"spawned mdworker_shared({rng.randint(100, 9999)}) for indexing" for _ in range(20)])
    assert len(set(ids)) == 1


def test_the_value_of_a_key_in_a_comma_list_is_a_value() -> None:
    """``scope: helo, policy: Fail, ...``: a word closed by a comma after ``Key:`` is that key's value."""
    miner = TemplateMiner()
    lines = [f"_get_resultcodes: scope: {scope}, Reject_Not_Pass_Domains: None, helo_policy: {policy}, mfrom: x"
             for scope in ("helo", "mfrom") for policy in ("Fail", "SPF_Not_Pass", "Null")]
    assert len(set(_ids(miner, lines))) == 1


def test_a_source_location_behind_a_path_names_its_statement() -> None:
    """``lib/protoparser/graphite/parser.go:160`` (zap's full caller) names the call site as
    ``parser.go:160`` does: the reasons one statement prints through ``%s`` are one event."""
    rng = random.Random(8)
    reasons = ["cannot unmarshal value", "cannot find separator between metric and value",
               "missing timestamp", "unexpected tag after the metric name in the line"]
    lines = []
    for n in range(120):
        if n % 2:
            site, text = "lib/protoparser/graphite/parser.go:160", (
                f'cannot unmarshal Graphite line "m{n} {n}": {rng.choice(reasons)}')
        else:
            site, text = "lib/storage/partition.go:812", f"merged {n} rows in {rng.randint(1, 90)}ms"
        lines.append(f"2026-12-05T22:00:{n % 60:02d}.{n:03d}Z\terror\tVictoriaMetrics/{site}\t{text}")
    groups = {site: {line.template.id for line in LogParser().parse(lines) if site in line.raw}
              for site in ("parser.go:160", "partition.go:812")}
    assert len(groups["parser.go:160"]) == 1 and groups["parser.go:160"] != groups["partition.go:812"]


def test_a_message_with_and_without_a_syslog_tag_is_one_event() -> None:
    """A program writing one message to stderr and through syslog (``ser2net[25109]: ...`` and the
    bare text) logs one statement; a tag-shaped label before values only (``Members[3]: 1 2 3``)
    is no tag and joins no row of values."""
    miner = TemplateMiner()
    lines = [f"s2n.yaml:{n}(column 0): Duplicate connection name: tcp{n}" for n in range(3)]
    lines += [f"ser2net[{25000 + n}]: s2n.yaml:{n}(column 0): Duplicate connection name: tcp{n}" for n in range(3)]
    assert len(set(_ids(miner, lines))) == 1
    miner = TemplateMiner()
    rows = _ids(miner, ["1 2", "3 4", "5 6"])
    assert miner.add("Members[3]: 1 2").id != rows[0]


def test_a_padded_value_after_an_equals_sign_is_one_variable() -> None:
    """printf's ``Curr_auth =%7s`` pads short values (``=   None,``) and glues one that fills the
    width to the sign (``=Success,``): one statement, shown with the value as a variable; a banner
    of equals signs is no value."""
    miner = TemplateMiner()
    values = ["   None", " Failed", "Success", "   None", "Success"]
    lines = [f"Conn closed: TLS - Resps={n:6d}, Curr_auth ={value}, Keepalive(ms)={n * 10:6d}"
             for n, value in enumerate(values)]
    assert len(set(_ids(miner, lines))) == 1
    assert miner.add(lines[0]).text == "Conn closed: TLS - Resps= <*>, Curr_auth = <*>, Keepalive(ms)= <*>"
    assert miner.add("=" * 40).id != miner.add("Curr_auth =Success,").id


def test_the_word_after_a_lone_sign_is_a_value() -> None:
    """``... @ nserv (127.0.0.1)`` / ``@ flaky``, ``Timeouts = None`` / ``= Failed``: a word after an
    at sign or an equals sign written apart is the value they introduce; without the sign two words
    stay two statements."""
    miner = TemplateMiner()
    servers = ["nserv", "flaky", "backup"]
    lines = [f"Downloading set{n}/a.bin [{n}/11] @ {servers[n % 3]} (127.0.0.1)" for n in range(6)]
    assert len(set(_ids(miner, lines))) == 1
    assert len(set(_ids(miner, ["Timeouts = None, Keepalive 5", "Timeouts = Failed, Keepalive 5"]))) == 1
    assert len(set(_ids(miner, ["layout begin for page", "layout end for page"]))) == 2


def test_a_name_after_a_label_is_the_labels_value() -> None:
    """``Add plugin command: motd (0x55..., 0x55...)``: a lower-case name before a value usually
    names that value (``new maxpoll 4``), but after a label's colon it is the label's value; after a
    level (``info: iorelayers (4): ...``) it still names its statement."""
    miner = TemplateMiner()
    names = ["motd", "rules", "history", "topic", "help"]
    ids = _ids(miner, [f"*** Add plugin command: {name} (0x5583405{n}47e0, 0x5583405{n}46e0)"
                       for n, name in enumerate(names)])
    assert len(set(ids[2:])) == 1
    miner = TemplateMiner()
    ids = _ids(miner, [f"info: {name} ({n}): a: {n}, h: 0" for n, name in
                       enumerate(["iorelayers", "negotiators", "requesters", "iorelayers", "negotiators"])])
    assert len(set(ids)) == 3


def test_an_upper_case_label_names_its_statement() -> None:
    """Atheme logs ``NickServ <who> REGISTER: <nick> to <mail>`` and ``... SET:PROPERTY: <key> to
    <value>`` from two statements: an upper-case command label with its colon never spreads into a
    variable, however many commands the file shows."""
    miner = TemplateMiner()
    commands = ["REGISTER:", "SET:PROPERTY:", "VHOST:ASSIGN:", "SET:EMAIL:", "GROUP:ADD:"]
    ids = _ids(miner, [f"NickServ user{n}/AAAB{n}:user{n}!~u@127.0.0.1 {command} user{n} to x{n}@example.org"
                       for n, command in enumerate(commands * 2)])
    assert len(set(ids)) == len(commands)


def test_a_variable_over_one_word_or_two_is_one_event_once_both_generalised() -> None:
    """Player names of one word and of two generalise into templates of two lengths with the same
    skeleton: one event, and later lines of either length go to it. A colon ending the message
    (what follows is printed by another statement) makes another skeleton; a garbage word that
    happens to end in one does not."""
    rng = random.Random(3)

    def word() -> str:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 7)))

    def name() -> str:
        return word() if rng.random() < 0.5 else f"{word()} {word()}"

    miner = TemplateMiner()
    for _ in range(60):
        miner.add(f"*** {name()} has joined the game (Client #{rng.randint(1, 99)})")
    later = {miner.add(f"*** {name()} has joined the game (Client #{rng.randint(1, 99)})").id for _ in range(40)}
    assert len(later) == 1, "once both lengths generalised, lines of either go to one template"
    assert skeleton(tokenise("closing connection <*> (<*> -> <*> - <*>) failed:")) != skeleton(
        tokenise("closing connection <*> (<*> -> <*> - <*> <*>) failed"))
    assert skeleton(["unrecognized", "<*>:"]) == skeleton(["unrecognized", "<*>"])


def test_code_identifiers_opening_the_message_after_a_value_name_components() -> None:
    """``Xrootd_Protocol:`` / ``Xrootd_File:`` after a trace id are two components, so two statements,
    however many components would let them spread; after a word (``state to GST_STATE_READY:``) such an
    identifier is a value."""
    rng = random.Random(9)
    components = ["Xrootd_Protocol:", "Xrootd_File:", "XrdLinkScan:", "sec_PM:", "ofs_Open:"]
    miner = TemplateMiner()
    by_component: dict[str, set[str]] = {}
    for _ in range(200):
        component = rng.choice(components)
        trace = f"anon.{rng.randint(0, 9)}:{rng.randint(20, 30)}@[::1]"
        line = f"{trace} {component} {rng.randint(0, 99)} req={rng.randint(1, 9)}"
        by_component.setdefault(component, set()).add(miner.add(line).id)
    assert all(len(ids) == 1 for ids in by_component.values())
    assert len({next(iter(ids)) for ids in by_component.values()}) == len(components)
    miner = TemplateMiner()
    states = ["GST_STATE_READY:", "GST_STATE_NULL:", "GST_STATE_PAUSED:", "GST_STATE_PLAYING:"]
    ids = _ids(miner, [f"Changing state to {rng.choice(states)} result=ok" for _ in range(40)])
    assert len(set(ids[10:])) == 1


def test_a_closing_run_of_free_text_may_be_shorter_but_not_longer() -> None:
    """A request line of three words generalises into a closing run; a garbage request of one word
    after the same start is the same statement. A longer text after a label is not let in."""
    rng = random.Random(11)
    miner = TemplateMiner()
    methods, paths = ["GET", "POST", "HEAD", "PUT"], ["/a", "/b/c", "/index.html", "/api/v1"]
    ids = {miner.add(f"Request (file descriptor {rng.randint(3, 40)}): {rng.choice(methods)} "
                     f"{rng.choice(paths)} HTTP/1.{rng.randint(0, 1)}").id for _ in range(40)}
    assert len(ids) == 1
    assert miner.add("Request (file descriptor 7): HELLO").id in ids
    assert miner.add("Request (file descriptor 8): this is a much longer line of text").id not in ids


def test_a_name_before_a_parenthesised_value_after_a_word_spreads() -> None:
    """``to bravo (10.0.0.2 port 655)``: the value in parentheses describes the name before it (a peer
    and its address), so three peers are one variable; ``info: requesters (3): ...`` after a label
    keeps its name, which says what the counts are of."""
    rng = random.Random(13)
    miner = TemplateMiner()
    peers = ["bravo", "charlie", "delta"]
    _ids(miner, [f"Sending ID to {rng.choice(peers)} (10.0.0.{rng.randint(2, 9)} port {rng.randint(600, 700)})"
                 for _ in range(30)])
    assert miner.add("Sending ID to echo (10.0.0.5 port 655)").text == "Sending ID to <*> (<*> port <*>)"
    miner = TemplateMiner()
    kinds = ["negotiators", "requesters", "iorelayers"]
    ids = _ids(miner, [f"info: {kind} ({rng.randint(1, 9)}): a: {rng.randint(0, 9)}" for kind in kinds * 5])
    assert len(set(ids)) == len(kinds)


def test_words_of_text_are_not_spread_into_a_row_of_values() -> None:
    """``rv1 interface definition ok`` / ``rv1 prefix length: 64``: spreading the second word would
    leave no constant word and turn words of text into values; each statement keeps its template.
    Rows of values (a query log: ``10.0.0.1 example.com. A IN``) still spread."""
    miner = TemplateMiner()
    ids: dict[str, set[str]] = {}
    for n in range(1, 6):
        for line in (f"rv{n} interface definition ok", f"rv{n} linklocal address: 10.0.{n}.1",
                     f"rv{n} prefix length: {n}", f"rv{n} route count: {n + 3}", f"rv{n} dns servers: 10.1.{n}.1"):
            ids.setdefault(line.split()[1], set()).add(miner.add(line).id)
    assert all(len(found) == 1 for found in ids.values())
    assert len({next(iter(found)) for found in ids.values()}) == 5
    miner = TemplateMiner()
    names = ["example.com.", "ns1.test.", "mail.test.", "www.example.org."]
    rows = _ids(miner, [f"10.0.0.{n % 7} {names[n % 4]} {('A', 'AAAA', 'MX')[n % 3]} IN" for n in range(30)])
    assert len(set(rows[12:])) == 1


def test_a_source_file_in_the_header_splits_one_text_between_modules() -> None:
    """``[lib/core/proxy.c] in request:/x:I/O timeout`` and the same text from ``fastcgi.c``: the file
    the header names is the module that logs, so one text from two files is two statements."""
    rng = random.Random(17)
    lines = [f"[lib/{rng.choice(['core/proxy.c', 'handler/fastcgi.c'])}] in request:/api/item/{rng.randint(1, 99)}:"
             f"{rng.choice(['I/O timeout', 'connection failed'])}" for _ in range(200)]
    by_file: dict[tuple[str, str], set[str]] = {}
    for line in LogParser().parse(lines):
        by_file.setdefault((line.raw.split("]")[0], line.raw.rsplit(":", 1)[1]), set()).add(line.template.id)
    assert all(len(ids) == 1 for ids in by_file.values())
    assert len(set.union(*by_file.values())) == 4


def test_a_function_called_with_arguments_names_its_statement() -> None:
    """``ldap_initialize(ldap://...)`` / ``set_socket_timeout(5,500000)``: a snake_case call printed with
    its arguments is a trace of that call, so two called functions are two statements even after one
    request context, where nothing else on the lines varies."""
    rng = random.Random(3)
    calls = ["ldap_initialize(ldap://127.0.0.1:389/)", "set_socket_timeout(5,500000)",
             "ldap_simple_bind_s(NULL,NULL)", "ldap_start_tls_s(ld,ctrl)", "ldap_unbind_ext(ld)"]
    miner = TemplateMiner()
    by_call: dict[str, set[str]] = {}
    for _ in range(100):
        call = rng.choice(calls)
        line = f'[{rng.randint(100000, 999999)}] <passwd="alice"> DEBUG: {call}'
        by_call.setdefault(call, set()).add(miner.add(line).id)
    assert all(len(ids) == 1 for ids in by_call.values())
    assert len(set.union(*by_call.values())) == len(calls)


def test_a_template_kept_apart_by_two_values_is_folded_once_both_vary() -> None:
    """``main[bob]: ... group 'admins'`` started its own template before the file showed that the user
    and the group vary; once the general template covers it at both places, bob's lines join it."""
    miner = TemplateMiner()
    seen = [("erin", "[unknown]"), ("bob", "admins"), ("erin", "staff"), ("erin", "[unknown]"),
            ("bob", "admins"), ("erin", "staff"), ("alice", "staff"), ("grace", "staff"), ("bob", "admins")]
    ids = [miner.add(f"main[{user}]:10.214.{n}.2:{40000 + n} user of group '{group}' authenticated").id
           for n, (user, group) in enumerate(seen)]
    assert ids[-1] == ids[0]
    assert [t.text for t in miner.templates if t.into is None] == [
        "main[<*>]:<*>:<*> user of group '<*>' authenticated"]


def test_variants_join_where_their_other_values_are_covered() -> None:
    """The variants that made a place vary join the template even where they hold a value the general
    template covers by a wider pattern elsewhere (``[RID#4]`` under ``[<*>]``)."""
    miner = TemplateMiner()
    requests = [(1, "Subdomains", ""), (2, "Subdomains", ""), (3, "Account", "nss"), (4, "Initgroups", "pam"),
                (5, "Resolve", "pam"), (6, "Hostid", "pam"), (7, "Account", "nss"), (12, "Initgroups", "nss"),
                (13, "Account", "nss"), (14, "Initgroups", "nss"), (17, "Netgroup", "nss"), (18, "Initgroups", "nss")]
    ids = [miner.add(f"[RID#{n}] DP Request [{kind} #{n}]: REQ_TRACE: New request."
                     + (f" [sssd.{client} CID #{n}]" if client else "") + " Flags [0x0001].").id
           for n, kind, client in requests]
    assert len(set(ids[6:])) == 1


def test_an_opening_context_closed_by_a_colon_may_be_absent_before_a_bracketed_word() -> None:
    """rtpengine's ``[call-9020db14@127.0.0.1]: [control] Received command ...`` and, outside a call,
    ``[control] Received command ...``: the call's bracketed id with its colon is an optional context
    field, also when the message without it opens with a bracketed word of its own."""
    rng = random.Random(6)
    miner = TemplateMiner()
    ids = set()
    for n in range(60):
        call = f"[call-{rng.randint(10**7, 10**8 - 1):x}@127.0.0.1]: " if n % 3 else ""
        command = rng.choice(["offer", "answer", "delete", "query"])
        ids.add(miner.add(f"{call}[control] Received command '{command}' from 127.0.0.1:{40000 + n}").id)
    assert len(ids) == 1


def test_a_unit_with_and_without_a_size_prefix_after_a_number_is_one_word() -> None:
    """``1203 pixels`` / ``18 kpixels``: the program scales a count and picks the prefix by its size, so
    the unit's prefix is no event of its own; a small prefix is not taken (``5 min`` is no scaled ``in``)."""
    rng = random.Random(7)
    miner = TemplateMiner()
    ids = {miner.add(f"Total: {rng.randint(1, 999)} rects, {rng.randint(1, 999)} {unit}").id
           for unit in ["pixels", "kpixels", "Mpixels"] * 4}
    assert len(ids) == 1
    assert not scaled_unit("in", "min") and not scaled_unit("pixels", "bytes")


def test_a_name_in_parentheses_beside_a_value_is_part_of_it() -> None:
    """OpenBGPD's ``neighbor 127.0.0.2 (peerB): socket error`` names a peer by its description when one is
    configured and prints ``neighbor 127.0.0.6: socket error`` when not: the names are values, and the
    message with or without one is one event."""
    rng = random.Random(9)
    miner = TemplateMiner()
    ids = set()
    for n in range(40):
        name = rng.choice([" (peerB)", " (deadpeer)", " (dyn)", " (spk8)", ""])
        ids.add(miner.add(f"neighbor 127.0.0.{n % 9 + 2}{name}: socket error: Connection refused").id)
    assert len(ids) == 1
    assert described("(peerB):", "(dyn):") and not described("(peerB):", "(dyn)")


def test_a_closing_word_in_parentheses_after_a_value_names_no_value() -> None:
    """Linux prints each e820 range type from its own statement (``... - 000000000009f000 (usable)``
    / ``(reserved)``): a bare parenthesised word after a value, closed by no colon or comma, is no
    name printed beside it, and the two stay apart."""
    miner = TemplateMiner()
    ids = {miner.add(f"BIOS-e820: {start:016x} - {start + 4096 * n:016x} ({kind})").id
           for n, (start, kind) in enumerate([(0, "usable"), (0x9F000, "reserved"), (0x100000, "usable"),
                                              (0xE0000, "reserved"), (0x7FF0000, "usable"), (0xFEC00000, "reserved")],
                                             start=1)}
    assert len(ids) == 2
    assert not described("(usable)", "(reserved)")


def test_the_states_of_a_transition_are_values() -> None:
    """A state machine prints where it went from and to through two placeholders (``sink.c: null:
    state: IDLE -> RUNNING`` / ``RUNNING -> SUSPENDED``): both sides are values, in any case the
    states are written. A constant before the arrow (``HTMLopt -> CSS``) and a sentence before its
    decision (``method failed -> FAILURE`` / ``method succeeded -> SUCCESS``) stay apart."""
    miner = TemplateMiner()
    states = [("IDLE", "RUNNING"), ("RUNNING", "IDLE"), ("IDLE", "SUSPENDED"), ("SUSPENDED", "IDLE")]
    assert len({miner.add(f"sink.c: null: state: {a} -> {b}").id for a, b in states}) == 1
    ports = [("Disabled", "Discarding"), ("Discarding", "Learning"), ("Learning", "Forwarding")]
    assert len({miner.add(f"port p1: RSTP state changed: {a} -> {b}").id for a, b in ports}) == 1
    assert len({miner.add(f"HTMLopt -> {kind}").id for kind in ("HTML", "CSS", "JS")}) == 3
    assert len({miner.add(f"(alice) {a} -> {b} [PING :x]").id for a, b in (("IRC", "ZNC"), ("ZNC", "IRC"))}) == 2
    assert miner.add("EAP: getDecision: method failed -> FAILURE").id != \
        miner.add("EAP: getDecision: method succeeded -> SUCCESS").id


def test_a_word_alone_is_no_value_of_a_lone_variable() -> None:
    """samhain signs each record with a hex line of its own and marks a log's start with ``[SOF]``;
    a file may print ``Reloading`` or a rule of dashes alone: a message that is one word (bare, in
    brackets, after ``#``) or a rule is a statement's own text, never one more value of a template
    that is a lone variable. Values alone still share one template, URLs and paths included."""
    miner = TemplateMiner()
    rng = random.Random(7)
    values = {miner.add(f"{rng.getrandbits(192):048X}").id for _ in range(20)}
    values |= {miner.add(host).id for host in ("ads.blocked.test/index.html", "config.privoxy.org/show-version")}
    assert len(values) == 1
    for word in ("[SOF]", "Reloading...", "#end", "------------------------------", "┌────────┐"):
        assert miner.add(word).id not in values, word


def test_a_blank_escaped_with_a_backslash_stays_inside_its_word() -> None:
    """A shell-escaped file name (``sp\\ ace\\ 2``) is one word: the blanks it escapes do not end it,
    so a name with blanks joins the template its plain siblings made."""
    assert tokenise("FILE (sp\\ ace\\ <*>) EVENT (<*>)") == ["FILE", "(sp\\ ace\\ <*>)", "EVENT", "(<*>)"]
    assert tokenise("a\\ b c") == ["a\\ b", "c"]
    miner = TemplateMiner()
    names = ["notes.txt", "f3.dat", "report.pdf", "data.csv", "sp\\ ace\\ 7", "my\\ file\\ 2.txt"]
    ids = _ids(miner, [f"PATH (/srv/w/{n % 3}) FILE ({name}) EVENT (IN_CREATE)" for n, name in enumerate(names)])
    assert len(set(ids[2:])) == 1, "an escaped name is a value of the same place as a plain one"


def test_a_label_is_no_value_of_a_variable() -> None:
    """``comment created: {...}`` and ``comment 1 deleted`` are two statements, in either order: the
    label's colon says the word names what follows, so a variable there does not take it."""
    record = '{"id": 7, "parent": null, "text": "hello there"}'
    for order in (1, -1):
        miner = TemplateMiner()
        lines = [f"comment created: {record}", "comment 1 deleted", "comment 4 deleted",
                 f"comment created: {record.replace('7', '9')}"][::order]
        ids = _ids(miner, lines)
        created = [i for i, line in zip(ids, lines, strict=True) if "created" in line]
        deleted = [i for i, line in zip(ids, lines, strict=True) if "deleted" in line]
        assert len(set(created)) == 1 and len(set(deleted)) == 1 and set(created) != set(deleted)


def test_a_value_printed_empty_between_two_labels_keeps_its_statement() -> None:
    """``metric:  host:``: the value between two labels printed empty leaves one word fewer; the line
    is its statement's, and the template keeps both labels."""
    miner = TemplateMiner()
    lines = [f"saving metadata for metric: {name} host: {host}"
             for name in ["cpu_num", "mem_free", "load_one", "disk_total"] for host in ["web.test", "db.test"]]
    ids = _ids(miner, [*lines, "saving metadata for metric:  host: web.test"])
    assert len(set(ids)) == 1
    assert miner.templates[0].text == "saving metadata for metric: <*> host: <*>"


def test_a_value_printed_empty_inside_the_message_joins_its_statement_either_way() -> None:
    """``Serving  to 10.0.0.4``: a ``%s`` printed empty between two words leaves a double blank. The
    line joins the template with a variable there, whether that template came first or the empty
    line did (which then takes the variable); a single blank says nothing, nor do two double blanks,
    a wider run of blanks or an indented message (rows padded into columns)."""
    full = [f"Serving {name} to 10.0.{n}.2:{4000 + n}" for n, name in enumerate(["boot.cfg", "pxe.0", "kernel"])]
    empty = "Serving  to 10.0.9.4:4009"
    for lines in ([*full, empty], [empty, *full]):
        miner = TemplateMiner()
        assert len(set(_ids(miner, lines))) == 1
        assert [t.text for t in miner.templates if t.into is None] == ["Serving <*> to <*>:<*>"]
    miner = TemplateMiner()
    assert len(set(_ids(miner, [*full, "Serving to 10.0.9.4:4009"]))) == 2
    for padded in ("Serving  to  10.0.9.4:4009", "Serving  to    10.0.9.4:4009", "  Serving  to 10.0.9.4:4009"):
        miner = TemplateMiner()
        assert len(set(_ids(miner, [*full, padded]))) == 2, padded


def test_a_value_printed_as_the_word_for_its_absence_joins_its_statement() -> None:
    """``from UNKNOWN (127.0.0.2)``, ``=> None``, ``peer <nil>``: where a program has no value it
    prints a constant's spelling of absence, which takes the value's place against any word; the
    lower-case prose words (``unknown user``) and names (``NULL service``) are text."""
    hosts = [f"rsync allowed access on module pub from localhost (127.0.0.{n})" for n in range(1, 4)]
    for absent in ("UNKNOWN", "None", "<nil>", "N/A"):
        miner = TemplateMiner()
        assert len(set(_ids(miner, [*hosts, f"rsync allowed access on module pub from {absent} (127.0.0.9)"]))) == 1
    miner = TemplateMiner()
    assert len(set(_ids(miner, ["login for bob failed: blocked user", "login for bob failed: unknown user"]))) == 2
    miner = TemplateMiner()
    assert len(set(_ids(miner, ["Using FILES service", "Using NULL service"]))) == 2


def test_a_source_line_in_the_header_splits_rows_of_values_between_call_sites() -> None:
    """``conn.go:241 ... -> EHLO x`` and ``aliases.go:195 ... 0| resolve(...)``: where a message is
    values only, the call site the header names is all that tells two statements apart; where the
    words differ, the text decides, and one text from two sites stays one template."""
    rng = random.Random(19)
    lines = []
    for n in range(300):
        stamp = f"2026-12-07 01:06:{n % 60:02d}.{rng.randint(0, 999999):06d}"
        site, text = rng.choice([("conn.go:241", f"{rng.randint(1, 9)}.{rng.randint(1, 9)} 0x{rng.randint(16, 999):x}"),
                                 ("aliases.go:195", f"user{rng.randint(1, 99)}@r.example 10.0.0.{rng.randint(1, 9)}"),
                                 ("queue.go:88", "queue flushed"), ("queue.go:97", "queue flushed")])
        lines.append(f"{stamp} {rng.choice(['.', 'W'])} {site} {text}")
    ids: dict[str, set[str]] = {}
    for line in LogParser().parse(lines):
        ids.setdefault(line.raw.split()[3], set()).add(line.template.id)
    assert all(len(group) == 1 for group in ids.values())
    assert ids["conn.go:241"] != ids["aliases.go:195"]
    assert ids["queue.go:88"] == ids["queue.go:97"]


def test_an_errno_tagged_reason_in_parentheses_is_one_value() -> None:
    """Python prints an OSError as ``[Errno 111] Connection refused``; in parentheses after a
    statement's words it is that statement's reason, whatever the error."""
    miner = TemplateMiner()
    lines = ["socket error ([Errno 111] Connection refused)", "socket error ([Errno 104] Connection reset by peer)",
             "socket error ([Errno 110] Connection timed out)", "socket error ([Errno 113] No route to host)"]
    assert len(set(_ids(miner, lines))) == 1


def test_a_leading_value_before_one_word_is_no_optional_context() -> None:
    """A value before a single word (``221 Logout.``, an FTP reply echoed) is part of its statement,
    not an optional context field before another one (``Logout.``); before two words or more it is."""
    assert skeleton(["<*>", "Logout."]) != skeleton(["Logout."])
    assert skeleton(["[<*>]", "peer", "joined"]) == skeleton(["peer", "joined"])
    assert skeleton(["[nodemon]", "exiting"]) == skeleton(["exiting"])  # a bracketed context still goes
    assert skeleton(["[", "<*>]", "closed"]) == skeleton(["closed"])  # and a bracketed value ([  0.502])


def test_a_one_character_mark_is_a_status_not_a_value() -> None:
    """tinydns writes ``ADDR:PORT:ID + TYPE NAME`` when it answered, ``-`` when it dropped the query,
    ``I``, ``C`` or ``/`` for other outcomes: statements that differ in one mark each, which no number
    of variants turns into a variable, while the name after the mark still varies."""
    rng = random.Random(4)
    marks = ["+", "-", "I", "C", "/"]
    lines = [f"7f000001:{rng.randint(1, 65535):04x}:{rng.randint(1, 65535):04x} {rng.choice(marks)} "
             f"{rng.choice(['0001', '0010', '001c'])} {rng.choice(['www', 'ns1', 'mail'])}.example.test"
             for _ in range(300)]
    miner = TemplateMiner()
    ids = _ids(miner, lines)
    by_mark: dict[str, set[str]] = {}
    for line, group in zip(lines, ids, strict=True):
        by_mark.setdefault(line.split()[1], set()).add(group)
    assert all(len(groups) == 1 for groups in by_mark.values())
    assert len({next(iter(groups)) for groups in by_mark.values()}) == len(marks)


def test_a_transcripts_direction_marks_keep_requests_and_replies_apart() -> None:
    """``<<< {...}`` / ``>>> {...}``: a language server's transcript marks what it received and what
    it sent; with nothing else constant, the marks are the text that tells the two statements apart.
    Between two values the bracket is theirs (``/bin/cat > /dev/null``) and says nothing."""
    miner = TemplateMiner()
    received = [f'<<< {{"id":{n},"method":"textDocument/hover"}}' for n in range(3)]
    sent = [f'>>> {{"id":{n},"result":null}}' for n in range(3)]
    ids = _ids(miner, [*received, *sent, '<<< {"method":"initialized","params":{}}'])
    assert len(set(ids[:3] + ids[6:])) == 1
    assert set(ids[:3]).isdisjoint(ids[3:6])
    assert skeleton(["<<<", "<*>"]) != skeleton([">>>", "<*>"])
    assert skeleton(["DEBUG:", "<", "HELO", "<*>"]) != skeleton(["DEBUG:", ">", "HELO", "<*>"])
    assert ">" not in skeleton(["recipient:", "<*>", ">", "<*>", "sending"]), "a shell redirect inside a value"


def test_gnu_style_and_curly_quotes_mark_a_value_as_plain_quotes_do() -> None:
    """GNU programs quote a value ```name'`` (X.Org, ulogd, older coreutils), newer ones in a UTF-8
    locale ``‘name’``, Markdown-minded ones ```name```: each marks data as ``"name"`` does, and the
    template keeps the quotes around the variable."""
    for opener, closer in (("`", "'"), ("\u2018", "\u2019"), ("`", "`"), ("\u201c", "\u201d")):
        miner = TemplateMiner()
        ids = _ids(miner, [f"No input driver matching {opener}{word}{closer}" for word in ("mouse", "kbd", "mouse")])
        assert len(set(ids)) == 1, opener
        assert miner.templates[0].text == f"No input driver matching {opener}<*>{closer}"
        ids = _ids(miner, [f"pushing ({opener}{word}{closer}) on stack" for word in ("NFCT", "IP2STR")])
        assert ids[0] == ids[1], "a quoted value inside a longer token"
    miner = TemplateMiner()
    ids = _ids(miner, ["No input driver matching `mouse`'", "No input driver matching 'kbd`"])
    assert ids[0] != ids[1], "an apostrophe opens no backtick-closed value"


def test_the_first_word_after_a_loggers_name_and_context_names_the_statement() -> None:
    """``asyncssh: [conn=3] Requesting key exchange`` / ``Beginning key exchange`` / ``Completed key
    exchange``: after the logger's name and its bracketed context, the first word is the statement's
    own, however many variants of it the file shows; a later word may still vary."""
    miner = TemplateMiner()
    verbs = ["Requesting", "Beginning", "Completed", "Requesting", "Beginning"]
    ids = _ids(miner, [f"asyncssh: [conn={n}] {verb} key exchange" for n, verb in enumerate(verbs)])
    assert len(set(ids)) == 3
    _ids(miner, [f"asyncssh: [conn={n}] Received {what} request" for n, what in
                 enumerate(["channel", "session", "window", "exit"])])
    assert "asyncssh: [conn=<*>] Received <*> request" in [t.text for t in miner.templates if t.into is None]


def test_a_one_letter_mark_is_no_constant_word_that_lets_other_words_vary() -> None:
    """``I accepted 127.0.0.1:5000 7`` / ``I refused ...`` / ``I dropped ...``: with only a
    one-letter level mark (socat's ``I``, bird's ``>``) constant, the words that differ are the
    statements' own text, however many of them the file shows, not a row of values."""
    miner = TemplateMiner()
    verbs = ["accepted", "refused", "dropped", "closed", "accepted"]
    ids = _ids(miner, [f"I {verb} 127.0.0.{n}:{n}0 {n}" for n, verb in enumerate(verbs)])
    assert len(set(ids)) == 4
    assert ids[0] == ids[4]


def test_a_value_closed_by_a_colon_folds_into_the_template_that_covers_it() -> None:
    """``Event <*><*>: ...`` (an event name with a dotted, numbered suffix) folds into ``Event <*>: ...``
    once that template covers it: a word of values and a colon is no label."""
    general = ["Event", "<*>:", "calling", "handler", "<*>"]
    assert _folds(general, ["Event", "<*><*>:", "calling", "handler", "<*>"], {})
    assert not _folds(general, ["Event", "session:", "calling", "handler", "<*>"], {}), "a label stays"
