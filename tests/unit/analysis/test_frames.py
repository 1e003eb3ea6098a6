"""Stack frames of Java, Node, Ruby, Go, .NET, Perl, PHP and native code are one event per runtime: no
frame names the statement that logged the trace, and each names another file and line."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from aiops.analysis.frames import frame_kind
from aiops.analysis.header import learn_header
from aiops.analysis.logparse import LogParser

_CLASSES = ("org.apache.catalina.connector.CoyoteAdapter.service", "org.eclipse.jetty.server.Server.handle",
            "java.base/java.lang.Thread.run", "com.example.App.main",
            "org.springframework.web.servlet.DispatcherServlet.doDispatch")


def _java_log(rng: random.Random, *, header: bool = True) -> list[str]:
    lines = []
    for n in range(200):
        stamp = f"2026-12-04 10:{n // 60:02d}:{n % 60:02d},{rng.randint(0, 999):03d} " if header else ""
        took = rng.randint(1, 99)
        lines.append(f"{stamp}INFO  [exec-{rng.randint(1, 9)}] c.e.App - Handled request /x/{n} in {took} ms")
        if n % 3 == 0:
            lines.append(f"{stamp}ERROR [exec-{rng.randint(1, 9)}] c.e.App - Request failed for /x/{n}")
            lines.append(f"java.lang.IllegalStateException: bad state {n}; request:")
            lines.append(f"GET /x/{n} [{rng.randint(1000, 9999)}]")  # the exception's message runs on
            for _ in range(rng.randint(2, 6)):
                name = rng.choice(_CLASSES)
                lines.append(f"\tat {name}({name.split('.')[-2]}.java:{rng.randint(10, 900)})")
            if n % 6 == 0:
                lines += ["Caused by: java.io.IOException: Broken pipe",
                          "\tat java.base/sun.nio.ch.SocketDispatcher.write0(Native Method)",
                          f"\t... {rng.randint(3, 40)} more"]
            if n % 2 == 0:
                lines.append("")  # a blank line after the trace
    return lines


def _printed(line: str) -> bool:
    """Whether the trace printer wrote `line` (in `_java_log`)."""
    return line.startswith(("\t", "Caused by: ", "java.lang.", "GET ")) or not line


@pytest.mark.parametrize("header", [True, False])
def test_java_frames_and_the_exception_above_them_are_one_event(header: bool) -> None:
    """The exception's line and the lines its message runs on, the frames, ``... N more``, the
    ``Caused by:`` lines and a blank line after the trace are what the trace printer writes: one
    event; the logged messages stay statements, with or without a header on their lines."""
    lines = _java_log(random.Random(1), header=header)
    parsed = list(LogParser().parse(lines))
    printed = {p.template.id for p in parsed if _printed(p.raw)}
    assert printed == {"frame-java"}
    others = Counter(p.template.id for p in parsed if not _printed(p.raw))
    assert len(others) == 2 and "frame-java" not in others  # handled, failed


def test_only_a_named_exception_joins_the_frames_in_a_file_without_a_header() -> None:
    """Without a header to tell the printer's lines from the statements', the lines above the first
    frame join it only back to a line naming an exception type."""
    lines = []
    for n in range(60):
        lines += [f"job {n} started", f"job {n} failed", f"\tat com.example.Job.run(Job.java:{n + 10})"]
    parsed = list(LogParser().parse(lines))
    assert Counter(p.template.id for p in parsed)["frame-java"] == 60


def test_ruby_go_and_dotnet_frames_are_one_event_per_printer() -> None:
    rng = random.Random(2)
    lines = []
    for n in range(150):
        stamp = f"2026-12-04T10:00:{n % 60:02d}.{rng.randint(0, 999999):06d}"
        lines.append(f"I, [{stamp} #{rng.randint(100, 999)}]  INFO -- : job {n} done")
        path = rng.choice(["/usr/lib/ruby/3.1.0/net/http.rb", "app/models/user.rb", "/usr/bin/sidekiq"])
        method = rng.choice(["call", "block (2 levels) in <main>", "each", "<top (required)>"])
        lines.append(f"\t{path}:{rng.randint(1, 900)}:in `{method}'")
        lines.append(f"\tfrom {path}:{rng.randint(1, 900)}:in `{method}'")
        lines.append(f"\t/usr/lib/go/src/{rng.choice(['net/http', 'runtime'])}/{rng.choice(['server', 'proc'])}.go:"
                     f"{rng.randint(10, 900)} +0x{rng.randint(16, 4000):x}")
        method = rng.choice(["Place", "Cancel"])
        lines.append(f"   at Shop.Orders.{method}(Int32 id) in C:\\src\\Orders.cs:line {rng.randint(1, 300)}")
    parsed = list(LogParser().parse(lines))
    kinds = {kind: {p.template.id for p in parsed if frame_kind(p.raw) == kind}
             for kind in ("ruby", "ruby-from", "go", "dotnet")}
    assert all(len(ids) == 1 for ids in kinds.values()), kinds
    assert len(set().union(*kinds.values())) == 4


def test_a_line_that_only_mentions_a_place_is_no_frame() -> None:
    assert frame_kind("at 10:00 the backup started") is None
    assert frame_kind("error at Server.java:42: connection reset") is None
    assert frame_kind("/var/log/app.log: rotated") is None
    assert frame_kind("loaded /etc/app/x.rb:12 in 3 ms") is None
    assert frame_kind("\tat com.example.App.main(App.java:220)") == "java"
    assert frame_kind("\t... 12 more") == "java"
    assert frame_kind("Caused by: java.io.IOException: Broken pipe") == "java"
    assert frame_kind("Caused by: a misconfigured proxy") is None
    assert frame_kind("\tfrom /usr/bin/unicorn:128:in `<main>'") == "ruby-from"


def test_node_frames_and_the_error_above_them_are_one_event() -> None:
    """Node's ``at fn (file:line:col)`` frames, with its anonymous, ``[as alias]``, ``async`` and
    built-in module forms, are one event, with the error line above them (``Error: ...``,
    ``RangeError [ERR_X]: ...``) and the error's own properties printed after the last frame
    (``{ code: 'ECONNREFUSED', ... }``): ``console.error(err)`` writes them all."""
    rng = random.Random(3)
    places = ["/srv/app/node_modules/smtp/lib/conn.js", "node:internal/streams/readable", "node:net",
              "/srv/app/dist/server.mjs", "file:///srv/app/index.ts"]
    lines = []
    for n in range(200):
        lines.append(f"[{n}] request {rng.randint(1, 999)} served in {rng.randint(1, 99)} ms")
        if n % 4 == 0:
            lines.append(rng.choice([f"Error: connect ECONNREFUSED 127.0.0.1:{rng.randint(1000, 9999)}",
                                     f"RangeError [ERR_SOCKET_BAD_PORT]: port {rng.randint(70000, 99999)}"]))
            for _ in range(rng.randint(2, 6)):
                place = f"{rng.choice(places)}:{rng.randint(1, 900)}:{rng.randint(1, 80)}"
                lines.append("    " + rng.choice([f"at Conn.{rng.choice(['push', 'emit', 'end'])} ({place})",
                                                  f"at {place}", f"at Server.listen [as _listen2] ({place})",
                                                  "at async Promise.all (index 0)"]))
            if n % 8 == 0:
                lines[-1] += " {"
                lines += ["  errno: -111,", "  code: 'ECONNREFUSED',", "  syscall: 'connect'", "}"]
    parsed = list(LogParser().parse(lines))
    assert all(frame_kind(p.raw) == "node" for p in parsed if p.raw.startswith("    at "))
    printed = Counter(p.template.id for p in parsed if not p.raw.startswith("["))
    assert list(printed) == ["frame-node"], printed
    assert len({p.template.id for p in parsed if p.raw.startswith("[")}) == 1


def test_a_logged_line_above_the_frames_stays_a_statement() -> None:
    """Where the statements carry a header and the trace printer's lines do not, the line with the
    header above a trace is the statement that logged it, whatever it names."""
    lines = []
    for n in range(120):
        lines.append(f"2026-12-04 10:00:{n % 60:02d} INFO app.Worker: job {n} done")
        if n % 3 == 0:
            lines.append(f"2026-12-04 10:00:{n % 60:02d} ERROR app.Worker: job {n} failed")
            lines.append(f"\tat app.Worker.run(Worker.java:{n + 10})")
    parsed = list(LogParser().parse(lines))
    assert {p.template.id for p in parsed if "failed" in p.raw} != {"frame-java"}
    assert Counter(p.template.id for p in parsed)["frame-java"] == 40


def test_a_ruby_backtrace_leaves_the_line_above_it_to_its_statement() -> None:
    """Ruby's backtrace is most often logged under a message a statement wrote (``logger.warn
    "#{e.class}: #{e.message}"``, then the frames): where every line carries the same header (a
    collector's time stamp), the line naming the error stays that statement's."""
    rng = random.Random(7)
    lines = []
    for n in range(150):
        stamp = f"2026-12-06T10:{n // 60:02d}:{n % 60:02d}.{rng.randint(0, 999):03d}Z"
        lines.append(f"{stamp} job {n} done in {rng.randint(1, 99)} ms")
        if n % 3 == 0:
            lines.append(f"{stamp} Redis::CannotConnectError: Error connecting to Redis on 127.0.0.1:"
                         f"{rng.randint(1000, 9999)}")
            lines += [f"{stamp} /usr/lib/ruby/vendor_ruby/redis/{rng.choice(['client', 'connection'])}.rb:"
                      f"{rng.randint(1, 900)}:in `{rng.choice(['connect', 'call', 'process'])}'"
                      for _ in range(rng.randint(2, 5))]
    parsed = list(LogParser().parse(lines))
    assert {p.template.id for p in parsed if "/vendor_ruby/" in p.raw} == {"frame-ruby"}
    named = {p.template.id for p in parsed if "Redis::" in p.raw}
    assert len(named) == 1 and not any(t.startswith("frame-") for t in named)


def test_an_indented_line_naming_an_exception_is_no_exception_line() -> None:
    """The printer writes an exception's line from the start of the message; a statement's message
    that opens with a blank and the exception's text (LogKit's ``log.error("", e)``) stays that
    statement's, here where every line carries a collector's time stamp."""
    lines = []
    for n in range(90):
        stamp = f"2026-12-06T10:00:{n % 60:02d}.{n:03d}Z"
        lines.append(f"{stamp} request {n} served")
        if n % 3 == 0:
            lines.append(f"{stamp}  java.io.IOException: read failed after {n} bytes")
            lines += [f"{stamp} \tat app.Net.read(Net.java:{n + 10})", f"{stamp} \tat app.Main.run(Main.java:7)"]
    parsed = list(LogParser().parse(lines))
    assert not any(p.template.id == "frame-java" for p in parsed if "IOException" in p.raw)
    assert Counter(p.template.id for p in parsed)["frame-java"] == 60


def test_native_backtrace_frames_are_one_event_even_under_a_loose_header() -> None:
    """glibc's ``backtrace_symbols`` writes ``path(symbol+0xoff) [0xaddr]`` per call, numbered or
    not; a header of two fields with digits and a bracket (a time and a thread) must not take a
    frame's number, path and address for its own fields."""
    rng = random.Random(4)
    records = [f"2026.12.07 01:00:{n % 60:02d}.{rng.randint(0, 999999):06d} [ {rng.randint(1, 40)} ] "
               + rng.choice([f"Peak memory usage: {rng.randint(1, 99)} MiB.", "Loading metadata.",
                             f"Aggregated. {rng.randint(1, 9999)} to 1 rows in {rng.randint(1, 9)} sec.",
                             f"Code: {rng.randint(40, 60)}, e.displayText() = DB::Exception: Unknown table"])
               for n in range(200)]
    header = learn_header(records)
    assert header.describe() == "var var bracket | message"
    lines = []
    for record in records:
        lines.append(record)
        for depth in range(rng.randint(0, 4)):
            symbol = rng.choice(["StackTrace::StackTrace()", "DB::Context::setUser(std::string const&, int)", ""])
            lines.append(f"{depth}. /usr/lib/libserver.so.18({symbol}+0x{rng.randint(16, 99999):x}) "
                         f"[0x{rng.randint(2**40, 2**44):x}]")
    parsed = list(LogParser(header=header).parse(lines))
    frames = {p.template.id for p in parsed if p.raw[0].isdigit() and p.raw[1] == "."}
    assert len(frames) == 1
    assert all(p.template.id not in frames for p in parsed if p.raw.startswith("2026"))
    assert frame_kind("bip(dump_trace+0x2c)[0x560a03b798ec]") == "native"
    assert frame_kind("  0x55d3ed1eb08c: varnishd(+0x5908c) [0x55d3ed1eb08c]") == "native"
    assert frame_kind("(1) fossil(+0x20ae49) [0x55ebab380e49]") == "native"
    assert frame_kind("client closed the connection [0x12]") is None


def test_perl_stack_frames_are_one_event() -> None:
    """Carp's ``confess`` and Devel::StackTrace write one line per call, ``Pkg::sub(args) called at
    FILE line N`` or ``eval {...} at FILE line N``: one event, while the ``die`` message above them,
    which names the same kind of place, stays its statement's."""
    rng = random.Random(7)
    subs = ["Plack::Component::__ANON__('HASH(0x{:x})')", "Try::Tiny::try(CODE(0x{:x}))", "eval {{...}}",
            "Plack::Middleware::StackTrace::try {{...}} ", "main::handler('HASH(0x{:x})', 3)"]
    lines = []
    for n in range(120):
        lines.append(f"[{rng.randint(1000, 9999)}] Read {rng.randint(50, 200)} bytes from client {n}")
        if rng.random() < 0.4:
            lines.append(f"Can't locate object method \"run\" at /srv/app{n % 3}.psgi line {rng.randint(5, 50)}.")
            for _depth in range(rng.randint(2, 6)):
                sub = rng.choice(subs).format(rng.randint(2**40, 2**44))
                verb = " at" if "{...}" in sub else " called at"
                place = f"/usr/share/perl5/Plack/M{rng.randint(1, 30)}.pm line {rng.randint(1, 900)}"
                lines.append(f"\t{sub}{verb} {place}")
    parsed = list(LogParser().parse(lines))
    frames = {p.template.id for p in parsed if p.raw.startswith("\t")}
    assert len(frames) == 1
    assert all(p.template.id not in frames for p in parsed if not p.raw.startswith("\t"))
    assert frame_kind("\tat /work/app.psgi line 12") == "perl"
    assert frame_kind("Config loaded at /etc/app.conf line 3") is None


def test_php_uncaught_exception_report_is_one_event() -> None:
    """PHP's report of an uncaught exception writes ``Stack trace:``, a ``#N file(line): call`` line
    per call, ``#N {main}`` and ``  thrown in FILE on line N``: one event, while the fatal error
    line above it stays its statement's."""
    rng = random.Random(11)
    calls = ["require('/srv/www/app/{}.php')", "App\\Db->connect('db{}')", "include('/srv/www/lib{}.php')",
             "[internal function]: App\\handler(Object(App\\Request{}))"]
    lines = []
    for n in range(150):
        lines.append(f"[Mon Dec  7 11:{n // 60:02d}:{n % 60:02d} 2026] 127.0.0.1:{rng.randint(30000, 60000)} Accepted")
        if rng.random() < 0.3:
            place = f"/srv/www/app/page{rng.randint(1, 40)}.php"
            lines.append(f"PHP Fatal error:  Uncaught Exception: failed {n} in {place}:{rng.randint(2, 90)}")
            lines.append("Stack trace:")
            depth = rng.randint(1, 4)
            for index in range(depth):
                call = rng.choice(calls).format(rng.randint(1, 99))
                if call.startswith("["):
                    lines.append(f"#{index} {call}")
                else:
                    lines.append(f"#{index} /srv/www/app/f{rng.randint(1, 30)}.php({rng.randint(2, 300)}): {call}")
            lines.append(f"#{depth} {{main}}")
            lines.append(f"  thrown in {place} on line {rng.randint(2, 90)}")
    parsed = list(LogParser().parse(lines))
    printed = {p.template.id for p in parsed if p.raw.startswith(("#", "Stack trace:", "  thrown in "))}
    assert len(printed) == 1
    assert all(p.template.id not in printed for p in parsed if p.raw.startswith(("[", "PHP ")))
    assert frame_kind("#0 {main}") == "php"
    assert frame_kind("#3 the value was 12") is None
