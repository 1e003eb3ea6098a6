"""Header learning on formats the code has no settings for."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pytest

from aiops.analysis.header import learn_header
from aiops.analysis.logparse import LogParser

LEVELS = ["INFO", "WARN", "ERROR", "DEBUG"]


def _syslog(rng: random.Random, i: int) -> str:
    prog = rng.choice(["sshd", "kernel", "systemd", "CRON"])
    pid = f"[{rng.randint(1, 40000)}]" if prog != "kernel" else ""
    msg = rng.choice(["Accepted publickey for deploy from 10.0.0.5 port 51234 ssh2",
                      "Out of memory: Killed process 4242 (java)", "Started Session 42 of user root."])
    return f"Mar {1 + i % 28:2d} 10:{i % 60:02d}:22 web-{rng.randint(1, 3)} {prog}{pid}: {msg}"


def _iso(rng: random.Random, i: int) -> str:
    msg = rng.choice(["Connection pool exhausted: timeout waiting for connection", "request served in 12ms",
                      "upstream connect error or disconnect/reset before headers"])
    return f"2024-01-15T10:23:{i % 60:02d}.{i % 1000:03d}Z {rng.choice(LEVELS)} [payment-api] {msg}"


def _java(rng: random.Random, i: int) -> list[str]:
    thread = rng.choice(["main", "http-nio-8080-exec-3", "pool-1-thread-2"])
    line = (f"2024-01-15 10:23:{i % 60:02d},{i % 1000:03d} [{thread}] {rng.choice(LEVELS)} "
            f"com.example.payment.{rng.choice(['PaymentService', 'OrderDao', 'Api'])} - "
            f"{rng.choice(['Payment failed for order 42', 'Order created', 'Retrying request'])}")
    if i % 10:
        return [line]
    return [line, "java.lang.IllegalStateException: Connection pool exhausted",
            "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:155)",
            "\tat com.example.Foo.bar(Foo.java:12)"]


def _nginx(rng: random.Random, i: int) -> str:
    return (f'{rng.randint(1, 255)}.{rng.randint(0, 255)}.3.4 - - [10/Oct/2023:13:{i % 60:02d}:36 -0700] '
            f'"{rng.choice(["GET", "POST"])} /api/v1/items/{rng.randint(1, 999)} HTTP/1.1" '
            f'{rng.choice([200, 404, 500])} {rng.randint(100, 5000)} "-" "Mozilla/5.0 (X11; Linux x86_64)"')


def _lines(kind: str, count: int = 300) -> list[str]:
    rng = random.Random(4)
    out: list[str] = []
    for i in range(count):
        if kind == "syslog":
            out.append(_syslog(rng, i))
        elif kind == "iso":
            out.append(_iso(rng, i))
        elif kind == "java":
            out.extend(_java(rng, i))
        elif kind == "nginx":
            out.append(_nginx(rng, i))
        elif kind == "json":
            out.append(json.dumps({"ts": f"2024-01-15T10:23:{i % 60:02d}Z", "level": rng.choice(["info", "error"]),
                                   "msg": rng.choice(["db query timeout after 5000 ms", f"payment {i} accepted"])}))
    return out


@pytest.mark.parametrize(("kind", "line", "message", "level", "time"), [
    ("syslog", "Mar  3 10:00:22 web-2 sshd[812]: Accepted publickey for deploy from 10.0.0.5 port 1 ssh2",
     "Accepted publickey for deploy from 10.0.0.5 port 1 ssh2", "", "Mar 3 10:00:22"),
    ("iso", "2024-01-15T10:23:45.123Z ERROR [payment-api] Connection pool exhausted",
     "Connection pool exhausted", "ERROR", "2024-01-15T10:23:45.123Z"),
    ("java", "2024-01-15 10:23:45,123 [main] ERROR com.example.payment.Api - Payment failed for order 42",
     "Payment failed for order 42", "ERROR", "2024-01-15 10:23:45,123"),
    ("nginx", '10.1.3.4 - - [10/Oct/2023:13:55:36 -0700] "GET /a HTTP/1.1" 200 12 "-" "curl/8.0"',
     '"GET /a HTTP/1.1" 200 12 "-" "curl/8.0"', "", "[10/Oct/2023:13:55:36 -0700]"),
])
def test_header_is_learned_and_cut(kind: str, line: str, message: str, level: str, time: str) -> None:
    parser = LogParser(header=learn_header(_lines(kind)))
    got_message, got_level, got_time = parser.split(line)
    assert got_message == message
    assert got_level == level
    assert got_time == time


def test_java_continuation_lines_keep_their_text() -> None:
    parser = LogParser(header=learn_header(_lines("java")))
    assert parser.split("\tat com.example.Foo.bar(Foo.java:12)")[0] == "\tat com.example.Foo.bar(Foo.java:12)"
    assert parser.split("java.lang.IllegalStateException: boom")[0] == "java.lang.IllegalStateException: boom"


def test_json_lines_use_conventional_keys() -> None:
    header = learn_header(_lines("json"))
    assert header.json
    parser = LogParser(header=header)
    line = json.dumps({"ts": "2024-01-15T10:23:45Z", "level": "error", "msg": "db query timeout after 5000 ms"})
    assert parser.split(line) == ("db query timeout after 5000 ms", "error", "2024-01-15T10:23:45Z")


def test_logfmt_lines() -> None:
    lines = [f'time=2025-06-03T14:19:{i % 60:02d}.461Z level={"ERROR" if i % 3 else "INFO"} msg="upstream call failed" '
             f'component=client upstream=redis attempt={i}' for i in range(50)]
    header = learn_header(lines)
    assert header.logfmt
    message, level, when = LogParser(header=header).split(lines[1])
    assert message == "upstream call failed component=client upstream=redis attempt=1"
    assert (level, when) == ("ERROR", "2025-06-03T14:19:01.461Z")


def _record(rng: random.Random, i: int, *, with_time: bool = True) -> str:
    item = {"level": rng.choice(["info", "warn"]), "msg": rng.choice(["lease renewed", "peer unreachable"]),
            "peer": f"{rng.randint(1, 9)}a3f", "took": f"{rng.randint(1, 900)}ms"}
    return json.dumps({"ts": f"2026-12-04T10:00:{i % 60:02d}Z", **item} if with_time else item)


@pytest.mark.parametrize("prefix", [
    lambda i: f"2026-12-04T10:00:{i % 60:02d}.{i:09d}Z stdout F ",  # CRI (containerd, CRI-O) log file
    lambda i: f"2026-12-04T10:00:{i % 60:02d}.{i:09d}Z ",  # docker logs --timestamps, kubectl logs --timestamps
    lambda i: f"Dec  4 10:00:{i % 60:02d} node-{i % 7} etcd[{900 + i}]: ",  # syslog, program writes JSON
])
def test_json_records_behind_a_text_prefix(prefix: Callable[[int], str]) -> None:
    rng = random.Random(7)
    lines = [prefix(i) + _record(rng, i, with_time=i % 2 == 0) for i in range(120)]
    header = learn_header(lines)
    assert header.json and header.prefixed and header.describe() == "text prefix | JSON lines"
    parser = LogParser(header=header)
    message, _level, when = parser.split(lines[1])
    assert message == json.loads(lines[1][lines[1].index("{"):])["msg"]
    assert when == prefix(1).strip()  # the record has no time of its own: the prefix's text is the time
    assert parser.split(lines[2])[2] == "2026-12-04T10:00:02Z"
    templates = {p.template.text for p in LogParser().parse(lines)}
    assert templates == {"lease renewed", "peer unreachable"}


def test_logfmt_behind_a_text_prefix() -> None:
    lines = [f'2026-12-04T10:00:{i % 60:02d}.5Z stderr F level={"error" if i % 3 else "info"} '
             f'msg="upstream call failed" upstream=redis attempt={i}' for i in range(60)]
    header = learn_header(lines)
    assert header.logfmt and header.prefixed
    assert LogParser(header=header).split(lines[1]) == (
        "upstream call failed upstream=redis attempt=1", "error", "2026-12-04T10:00:01.5Z stderr F")


@pytest.mark.parametrize("lines", [
    # a message that ends with a payload is text: the object is no log record (no message or level)
    [f"Mar  3 10:00:{i % 60:02d} api[1]: stored order {i} {json.dumps({'id': i, 'items': [1, 2]})}"
     for i in range(60)],
    # key=value messages behind a syslog header are text: no pair names a message
    [f"Mar  3 10:00:{i % 60:02d} ldap slapd[7]: conn={i} op=2 SRCH base=dc=example attr=cn" for i in range(60)],
])
def test_payloads_and_pairs_in_text_messages_stay_text(lines: list[str]) -> None:
    header = learn_header(lines)
    assert not (header.json or header.logfmt)


@pytest.mark.parametrize(("lines", "layout"), [
    (["20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
      "20171223-22:15:29:615|Step_SPUtils|30002312|onExtend:1514038530000 14 0 4",
      "20171223-22:15:30:101|Step_LSC|30002312|processHandleBroadcastAction action:x"] * 40,
     "var | word | var | | message"),
    (["[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties",
      "[Sun Dec 04 04:47:45 2005] [error] mod_jk child workerEnv in error state 6",
      "[Sun Dec 04 04:51:08 2005] [notice] jk2_init() Found child 6725 in scoreboard slot 10"] * 40,
     "bracket level | message"),
])
def test_other_layouts(lines: list[str], layout: str) -> None:
    assert learn_header(lines).describe() == layout


def _header_on_its_own_line(style: str) -> list[str]:
    """Records whose header (a host and a ctime, or a bare ISO time) stands on a line of its own,
    the message on the lines below it: indented and followed by blank lines, or flush."""
    rng = random.Random(11)
    messages = [lambda: f"INET/inet_error: read errno = {rng.randint(100, 120)}",
                lambda: f"Database: /srv/db/{rng.choice(['sales', 'hr', 'crm'])}.fdb",
                lambda: "Authentication error",
                lambda: f"Sweep is started by USER{rng.randint(1, 50)}",
                lambda: f"OIT {rng.randint(1, 99)}, OAT {rng.randint(1, 99)}, Next {rng.randint(100, 999)}"]
    lines: list[str] = []
    for i in range(200):
        if style == "indented":
            lines.append(f"db{i % 2}\tSun Dec  6 10:{i // 60 % 60:02d}:{i % 60:02d} 2026")
            lines.extend(f"\t{rng.choice(messages)()}" for _ in range(rng.randint(1, 2)))
            lines.extend(["", ""])
        else:
            lines.append(f"2026-12-06T10:{i // 60 % 60:02d}:{i % 60:02d}.{rng.randint(0, 999999):06d}+00:00")
            lines.extend(rng.choice(messages)() for _ in range(rng.randint(1, 2)))
    return lines


@pytest.mark.parametrize("style", ["indented", "flush"])
def test_a_header_on_a_line_of_its_own(style: str) -> None:
    """Firebird writes its host and time on one line and the message, indented, below it; an
    alert log writes a bare time: such a line is a record's header with an empty message, found
    although no message follows a header on any line."""
    lines = _header_on_its_own_line(style)
    header = learn_header(lines)
    assert header.time_groups, header.describe()
    parsed = list(LogParser().parse(lines))
    alone = {p.template.text for p in parsed if not p.raw[:1].isspace() and ("2026" in p.raw or not p.raw)}
    assert alone == {""}  # the header lines, and the blank lines, hold no message
    texts = {p.template.text for p in parsed} - {""}
    assert len(texts) == 5, texts


def test_no_header_when_lines_share_none() -> None:
    lines = ["hello world", "another message here", "short", "and one more line of text"] * 20
    header = learn_header(lines)
    assert header.regex is None
    assert LogParser(header=header).split("hello world")[0] == "hello world"


def test_a_structured_log_with_another_stream_mixed_in_is_still_read_as_records() -> None:
    rng = random.Random(8)
    lines = []
    for i in range(300):
        if i % 3 == 0:  # an access log written to the same stream, in its own text format
            lines.append(f'[httpd] 10.0.0.{rng.randint(1, 250)} - - [05/Dec/2026:05:59:{i % 60:02d} +0000] '
                         f'"GET /ping HTTP/1.1" 204 0 "-" "curl/7.88.1" {rng.randint(100, 99999)}')
        else:
            lines.append(f'ts=2026-12-05T05:59:{i % 60:02d}.{i:06d}Z lvl={rng.choice(["info", "warn"])} '
                         f'msg="{rng.choice(["Executing query", "Compacted file"])}" log_id=0{i} took={i}ms')
    header = learn_header(lines)
    assert header.logfmt
    parsed = list(LogParser().parse(lines))
    texts = {p.template.text for p in parsed}
    assert {t.split(" log_id=")[0] for t in texts if "log_id=" in t} == {"Executing query", "Compacted file"}
    assert len(texts) == 3, texts  # the access lines are plain text: one template


@pytest.mark.parametrize("prefix", [
    lambda i: f"2026-12-04T10:00:{i % 60:02d}.5Z ",
    lambda i: f"Dec  4 10:00:{i % 60:02d} db-{i % 3} influxd[{700 + i}]: ",  # five syslog fields
])
def test_logfmt_that_opens_with_its_message_behind_a_prefix(prefix: Callable[[int], str]) -> None:
    lines = [prefix(i) + f'msg="{"Compacted file" if i % 2 else "Executing query"}" log_id=0{i} took={i}ms'
             for i in range(60)]
    header = learn_header(lines)
    assert header.logfmt and header.prefixed
    assert LogParser(header=header).split(lines[1])[0] == "Compacted file log_id=01 took=1ms"


def test_logfmt_behind_a_prefix_with_its_message_key_anywhere() -> None:
    """With the logger's own time, level and caller moved out to the prefix (as a collector or a
    synthetic header leaves them), records read ``component=... msg="..." took=...``: a message key
    anywhere among the pairs makes them logfmt; read as text, every message is one variable."""
    rng = random.Random(9)
    messages = ["Notify for alerts failed", "Loading configuration file", "Completed loading of configuration file",
                "Running maintenance"]
    lines = [f'2026-12-04T10:00:{i % 60:02d}.{i:03d}Z component={rng.choice(["dispatcher", "cluster", "nflog"])} '
             f'msg="{rng.choice(messages)}" took={i}ms' if i % 5 else
             f"2026-12-04T10:00:{i % 60:02d}.{i:03d}Z component=cluster received=NotifyJoin node=n{i} "
             f"addr=127.0.0.1:{9000 + i}" for i in range(100)]
    header = learn_header(lines)
    assert header.logfmt and header.prefixed
    texts = {p.template.text for p in LogParser().parse(lines)}
    assert {text.split(" component=")[0] for text in texts if "msg=" not in text} >= set(messages)


@pytest.mark.parametrize("prefix", [
    lambda _i: "",  # slog's text handler told to leave the time out, as under journald
    lambda i: f"Dec  4 10:00:{i % 60:02d} node-{i % 3} agent[{700 + i}]: ",  # the same through syslog
])
def test_short_logfmt_records_led_by_their_level_or_message(prefix: Callable[[int], str]) -> None:
    """Two pairs are a record when the first names the level or the message (``level=INFO
    msg="..."``); read as text, every quoted message would be one variable of one template."""
    rng = random.Random(5)
    messages = ["Starting server", "Listening on socket", "Shutting down", "Config reloaded"]
    lines = [prefix(i) + (f'level={rng.choice(["INFO", "WARN"])} msg="{rng.choice(messages)}"' if i % 3
                          else f'msg="{rng.choice(messages)}"') for i in range(90)]
    header = learn_header(lines)
    assert header.logfmt
    assert {p.template.text for p in LogParser().parse(lines)} == set(messages)


def test_a_label_where_the_level_sits_stays_in_the_message() -> None:
    """xinetd writes ``DEBUG: 23526 {server_start} ...`` and ``START: echo pid=...`` at one place:
    a level is header, an upper-case label that is no level names the event and stays in the
    message, the rest of the header still cut."""
    rng = random.Random(3)
    services = ["echo-stream", "redir", "daytime", "chargen", "discard"]
    lines = []
    for i in range(300):
        stamp = f"26/12/5@22:{i // 60 % 60:02d}:{i % 60:02d}:"
        service = rng.choice(services)
        lines.append(rng.choice([f"{stamp} DEBUG: {rng.randint(100, 999)} {{server_start}} Starting service {service}",
                                 f"{stamp} DEBUG: {rng.randint(100, 999)} {{main_loop}} active services = 3",
                                 f"{stamp} DEBUG: {rng.randint(100, 999)} {{exec_server}} duping {rng.randint(3, 9)}",
                                 f"{stamp} START: {service} pid={rng.randint(100, 9999)} from=127.0.0.1",
                                 f"{stamp} DEBUG: {rng.randint(100, 999)} {{server_end}} {service} server exited",
                                 f"{stamp} DEBUG: {rng.randint(100, 999)} {{cps_service_stop}} Deactivating {service}",
                                 f"{stamp} EXIT: {service} status=0 pid={rng.randint(100, 9999)} duration=0(sec)"]))
    model = learn_header(lines)
    stamp = "26/12/5@22:35:21:"
    assert model.split(f"{stamp} DEBUG: 23526 {{main_loop}} active services = 3")[1].endswith("services = 3")
    assert model.split(f"{stamp} START: redir pid=23751 from=127.0.0.1")[1] == "START: redir pid=23751 from=127.0.0.1"
    parser = LogParser()
    starts = {parsed.template.id for parsed, line in zip(parser.parse(lines), lines, strict=True) if " START: " in line}
    assert len(starts) == 1


def test_a_level_letter_with_an_arrow_ends_the_header() -> None:
    """Tarantool writes ``<time> [pid] <fiber> I> message``: the fiber name varies with the task that
    logs (``main/103/init.lua``, ``coio``, ``vinyl.dump.0/102/task``), and the level is one letter
    and an arrow, which closes the header so the fiber stays out of the message."""
    rng = random.Random(4)
    fibers = ["main", "coio", "main/103/init.lua", "vinyl.dump.0/102/task", "main/110/applier/peer", "relay/0"]
    texts = ["load vylog record: snapshot{}", "begin vylog transaction", "commit vylog transaction",
             "checkpoint started", "relay stopped"]
    lines = [f"2026-12-06 08:04:{i % 60:02d}.{rng.randint(0, 999):03d} [{rng.choice([3666, 3806])}] "
             f"{rng.choice(fibers)} {rng.choice(['I>', 'V>', 'W>', 'E>'])} {rng.choice(texts)}" for i in range(300)]
    header = learn_header(lines)
    assert any(spec.is_level for spec in header.fields)
    parser = LogParser(header=header)
    assert parser.split("2026-12-06 08:05:00.001 [3666] main/104/lua D> checkpoint started")[:2] == (
        "checkpoint started", "D>")
    assert {p.template.text for p in LogParser().parse(lines)} == set(texts)


def test_success_is_a_level() -> None:
    """loguru prints ``SUCCESS`` between ``INFO`` and ``WARNING``; Node's signale and consola print
    ``success`` where their other levels sit: a level, so the header is cut on those lines too."""
    rng = random.Random(4)
    lines = []
    for i in range(300):
        level = rng.choice(["DEBUG", "DEBUG", "INFO", "INFO", "WARNING"]) if i % 7 else "SUCCESS"
        text = f"job {rng.randint(1, 99)} finished in {rng.randint(1, 9)}s"
        lines.append(f"2026-12-07 03:{i // 60:02d}:{i % 60:02d}.{rng.randint(100, 999)} | {level:<8} | "
                     f"app.jobs:run:{rng.choice([42, 57, 61])} - {text}")
    model = learn_header(lines)
    success = "2026-12-07 03:12:44.512 | SUCCESS  | app.jobs:run:42 - job 7 finished in 3s"
    assert model.split(success)[0] is not None
    assert model.split(success)[0].group("lv") == "SUCCESS"


def test_an_address_after_the_time_is_no_part_of_the_time() -> None:
    """``10.0.6.164`` has the shape of a dotted date, but four numbers up to 255 are an IPv4
    address: a header field of its own, not part of the line's time."""
    rng = random.Random(2)
    lines = [f"2026-12-07 04:{n // 60:02d}:{n % 60:02d} 10.0.{rng.randint(0, 9)}.{rng.randint(1, 250)} "
             + rng.choice(["accepted connection", "closed connection after 3 requests", "rejected: bad token"])
             for n in range(300)]
    parser = LogParser()
    list(parser.parse(lines))
    assert parser.split("2026-12-07 04:00:05 10.0.6.164 accepted connection") == (
        "accepted connection", "", "2026-12-07 04:00:05")


def test_a_namespaced_component_name_after_the_time_joins_the_header() -> None:
    """Debug output of modules (``time module:part message``): a few colon-joined names, each
    opening many different messages, name components, not statements; they are header fields, so
    one statement printed under two names is one event."""
    rng = random.Random(5)
    messages = {
        "web:router": ["dispatching GET /items/{n}", "query : /items/{n}", "cookie parser : /items", "params {n}"],
        "web:layer": ["new '/items/{n}'", "matched route {n}", "skipped handler {n}"],
        "body:json": ["read body {n} bytes", "content-type application/json", "parse json", "charset utf-8"],
        "static:send": ["stat /srv/www/f{n}", "pipe /srv/www/f{n}", "content-length {n}", "etag W/{n}"],
    }
    lines = []
    for n in range(400):
        name = rng.choice(sorted(messages))
        text = rng.choice(messages[name]).format(n=rng.randint(1, 900))
        lines.append(f"2026-12-07T18:35:{n % 60:02d}.{n % 1000:03d}Z {name} {text}")
    model = learn_header(lines)
    assert model.describe() == "var word | message"
    assert model.split(lines[0])[1] == lines[0].split(" ", 2)[2]
    assert any("names a component" in note for note in model.notes)
