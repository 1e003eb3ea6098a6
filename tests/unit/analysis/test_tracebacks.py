"""Python tracebacks in a log: the lines one ``logging.exception`` or ``traceback.print_exc`` call
writes (frames, source lines, ``^^^`` markers, the exception line, chained parts) are one event,
whatever their shapes, and the record after them is read as usual."""

from __future__ import annotations

import random

from aiops.analysis.logparse import LogParser


def _log(rng: random.Random, count: int = 60) -> list[str]:
    lines = []
    for n in range(count):
        lines.append(f"INFO:aiohttp.access:127.0.0.{rng.randint(1, 9)} \"GET /item/{n} HTTP/1.1\" 200 "
                     f"{rng.randint(90, 900)}")
        if n % 4 == 0:
            lines.append("ERROR:aiohttp.server:Error handling request")
            lines.append("Traceback (most recent call last):")
            for depth in range(rng.randint(1, 4)):
                lines.append(f'  File "/usr/lib/python3/dist-packages/app/mod{depth}.py", line {rng.randint(10, 900)}, '
                             f"in handler_{rng.randint(1, 5)}")
                lines.append(f"    result = await self.step_{depth}(request, timeout={rng.randint(1, 9)})")
                if rng.random() < 0.5:
                    lines.append("             " + "^" * rng.randint(8, 40))
            if n % 8 == 0:
                lines += ["ValueError: bad header", "", "During handling of the above exception, another "
                          "exception occurred:", "", "Traceback (most recent call last):",
                          '  File "/usr/lib/python3/dist-packages/app/web.py", line 33, in run']
            lines.append(f"app.errors.BadStatusLine: 400, message=\"Bad status line {rng.randint(1, 99)}\"")
    return lines


def test_the_lines_of_a_traceback_are_one_event() -> None:
    lines = _log(random.Random(3))
    parsed = list(LogParser().parse(lines))
    inside = {p.template.id for p in parsed if not p.raw.startswith(("INFO:", "ERROR:"))}
    assert len(inside) == 1
    outside = {p.template.id for p in parsed if p.raw.startswith(("INFO:", "ERROR:"))}
    assert len(outside) == 2 and not inside & outside


def test_an_indented_block_without_frames_is_no_traceback() -> None:
    """Twisted prints ``Traceback (most recent call last):`` then a ``Failure:`` line and no
    frames: nothing there says the lines belong together."""
    lines = []
    for n in range(30):
        lines += ["2026-12-05T14:42:53+0000 [-] Unhandled Error", "\tTraceback (most recent call last):",
                  f"\tFailure: twisted.protocols.ftp.PortConnectionError: DTPFactory timeout {n}",
                  f"2026-12-05T14:42:53+0000 [FTP,{n},127.0.0.1] cleanupDTP"]
    parsed = list(LogParser().parse(lines))
    assert len({p.template.id for p in parsed[1::4]} | {p.template.id for p in parsed[2::4]}) == 2


def test_a_traceback_whose_every_line_carries_a_header_is_one_event() -> None:
    """A collector that stamps every line (``kubectl logs --timestamps``, a syslog relay) puts a
    header before each frame too: the indentation that tells frames from the exception line counts
    from where the header ends, and the frames are found past it."""
    rng = random.Random(5)
    stamped = [f"2026-12-04T10:{n // 60 % 60:02d}:{n % 60:02d}.{rng.randint(0, 999):03d}Z {line}"
               for n, line in enumerate(_log(rng))]
    parsed = list(LogParser().parse(stamped))
    records = [p for p in parsed if p.message.startswith(("INFO:", "ERROR:"))]
    inside = {p.template.id for p in parsed if p not in records}
    assert len(inside) == 1
    assert len({p.template.id for p in records}) == 2 and not inside & {p.template.id for p in records}


def test_a_header_is_learnt_where_tracebacks_outnumber_the_records() -> None:
    """The unindented lines of bare tracebacks (``Traceback``, exception and chained lines) are no
    sample of the header: a log where they outnumber the records still has its header learnt."""
    rng = random.Random(5)
    lines = []
    for n in range(150):
        stamp = f"2026-12-04 10:{n // 60:02d}:{n % 60:02d},{rng.randint(0, 999):03d}"
        lines.append(f"{stamp} ERROR {rng.randint(100, 999)} [app.request] Internal Server Error: /x/{n}")
        for part in range(3):
            if part:
                lines += ["", "During handling of the above exception, another exception occurred:", ""]
            lines.append("Traceback (most recent call last):")
            lines.append(f'  File "/srv/app/views.py", line {rng.randint(1, 99)}, in view_{rng.randint(1, 9)}')
            lines.append(f"    return handler(request, {rng.randint(1, 9)})")
            lines.append(f"{rng.choice(['KeyError', 'ValueError', 'app.errors.Gone'])}: item {rng.randint(1, 999)}")
    parser = LogParser()
    parsed = list(parser.parse(lines))
    assert parser.header is not None and parser.header.regex is not None
    records = {p.template.id for p in parsed if p.raw.startswith("2026-")}
    assert len(records) == 1
    assert all(p.header and p.level_text == "ERROR" for p in parsed if p.raw.startswith("2026-"))


def test_twisteds_caught_here_marker_keeps_the_traceback_one_event() -> None:
    """Twisted's ``Failure`` prints ``--- <exception caught here> ---`` among the frames."""
    rng = random.Random(7)
    lines = []
    for n in range(80):
        lines.append(f"2026-12-04 10:00:{n % 60:02d}+0000 [Broker,{n},127.0.0.1] invalid login from user 'w{n}'")
        lines.append(f"2026-12-04 10:00:{n % 60:02d}+0000 [Broker,{n},127.0.0.1] Unhandled Error")
        lines.append("\tTraceback (most recent call last):")
        for part in range(2):
            if part:
                lines.append("\t--- <exception caught here> ---")
            for _ in range(rng.randint(1, 3)):
                lines.append(f'\t  File "/usr/lib/python3/dist-packages/twisted/m{rng.randint(1, 9)}.py", '
                             f"line {rng.randint(1, 999)}, in f{rng.randint(1, 9)}")
                lines.append(f"\t    result = g{rng.randint(1, 9)}(*args)")
        lines.append("\ttwisted.cred.error.UnauthorizedLogin: ")
    parsed = list(LogParser().parse(lines))
    inside = {p.template.id for p in parsed if p.raw.startswith("\t")}
    assert len(inside) == 1


def test_an_exception_message_that_runs_on_stays_with_its_traceback() -> None:
    """A YAML parser's error shows the place in the document indented under the exception line and
    says what it expected, before or after it: where the statements' lines carry a header and the traceback's do not,
    those lines are the exception's message; a bare line printed right after the exception line (a
    separator) is not."""
    rng = random.Random(8)
    lines = []
    for n in range(120):
        lines.append(f"127.0.0.1 - - [06/Dec/2026 22:{n // 60:02d}:{n % 60:02d}] \"GET /q/{n} HTTP/1.1\" 200 -")
        if n % 4 == 0:
            lines += ["Traceback (most recent call last):",
                      f'  File "/srv/app/config.py", line {rng.randint(10, 99)}, in load',
                      "    return yaml.safe_load(text)",
                      "yaml.parser.ParserError: while parsing a flow mapping"]
            if n % 3:  # a context mark, then the problem
                lines += [f'  in "<unicode string>", line 1, column {rng.randint(1, 9)}:', "    {bad", "    ^",
                          "expected ',' or '}', but got '<stream end>'"]
            else:  # the problem, then its mark
                lines += ["expected the node content, but found '<stream end>'",
                          f'  in "<unicode string>", line {rng.randint(2, 9)}, column 1:', "    ", "    ^"]
            if n % 8 == 0:
                lines.append("-" * 40)
    parsed = list(LogParser().parse(lines))
    inside = {p.template.id for p in parsed if not p.raw.startswith(("127.", "---"))}
    assert len(inside) == 1
    assert not inside & {p.template.id for p in parsed if p.raw.startswith(("127.", "---"))}


def _twisted_log(rng: random.Random, count: int = 120) -> list[str]:
    """Twisted's log: a failure logged under a record, every line after the first with a tab before
    it, the tracebacks holding more lines than the records; some exceptions carry a child process's
    traceback as their message."""
    lines = []
    for n in range(count):
        stamp = f"2026-12-07T06:{n // 60 % 60:02d}:{n % 60:02d}+0000"
        lines.append(f'{stamp} [twisted.python.log#info] "127.0.0.1" - - "GET /jobs.json?n={n} HTTP/1.1" 200 82')
        if n % 2:
            continue
        lines += [f"{stamp} [app.webservice#critical] ", "\tTraceback (most recent call last):"]
        for _ in range(rng.randint(2, 4)):
            lines.append(f'\t  File "/srv/venv/lib/python3.11/site-packages/app/m{rng.randint(1, 9)}.py", '
                         f"line {rng.randint(1, 999)}, in step_{rng.randint(1, 9)}")
            lines.append(f"\t    return handler(request, {rng.randint(1, 9)})")
        if n % 4 == 0:
            lines.append("\tapp.exceptions.RunnerError: Traceback (most recent call last):")
            for _ in range(rng.randint(6, 9)):
                lines.append(f'\t  File "/srv/venv/lib/python3.11/site-packages/app/runner.py", '
                             f"line {rng.randint(80, 200)}, in main_{rng.randint(1, 9)}")
                lines.append(f"\t    execute(settings, {rng.randint(1, 9)})")
            lines.append(f"\tKeyError: 'spider{rng.randint(1, 9)}'")
        else:
            lines.append(f"\tValueError: bad project {rng.randint(1, 99)}")
    return lines


def test_a_tab_indented_traceback_is_no_sample_of_the_header() -> None:
    """Where a log's tab-indented tracebacks hold more lines than its records, the header is still
    learnt from the records: the lines of a traceback indented as a whole are no sample of it."""
    lines = _twisted_log(random.Random(12))
    parser = LogParser()
    parsed = list(parser.parse(lines))
    assert parser.header is not None and parser.header.regex is not None
    requests = {p.template.id for p in parsed if "#info]" in p.raw}
    assert len(requests) == 1


def test_an_exception_whose_message_is_a_traceback_stays_one_event() -> None:
    """An exception line that ends in ``Traceback (most recent call last):`` (its message is a child
    process's stderr) opens the next frames of the same event, which ends at the last exception line."""
    lines = _twisted_log(random.Random(13))
    parsed = list(LogParser().parse(lines))
    inside = {p.template.id for p in parsed if p.raw.startswith("\t")}
    assert len(inside) == 1
    assert not inside & {p.template.id for p in parsed if not p.raw.startswith("\t")}


def _group(rng: random.Random, n: int) -> list[str]:
    """What Python 3.11 prints for an exception group with one or two sub-exceptions, one of them
    a group of its own, and sometimes a chained traceback after it."""
    lines = ["  + Exception Group Traceback (most recent call last):",
             f'  |   File "/srv/app/venv/lib/python3.11/site-packages/anyio/_backends/_asyncio.py", line '
             f"{rng.randint(600, 900)}, in __aexit__",
             "  |     raise BaseExceptionGroup(",
             f"  | ExceptionGroup: unhandled errors in a TaskGroup ({rng.randint(1, 2)} sub-exception)"]
    for part in range(1, rng.randint(2, 3)):
        lines.append(f"  +-+---------------- {part} ----------------" if part == 1 else
                     f"    +---------------- {part} ----------------")
        lines += ["    | Traceback (most recent call last):",
                  f'    |   File "/srv/app/handlers/page{n}.py", line {rng.randint(5, 90)}, in build',
                  f"    |     await self.render(request, slot={rng.randint(1, 9)})",
                  f"    | KeyError: 'slot{rng.randint(1, 9)}'"]
    lines.append("    +------------------------------------")
    if n % 2:
        lines += ["", "The above exception was the direct cause of the following exception:", "",
                  "Traceback (most recent call last):",
                  f'  File "/srv/app/web.py", line {rng.randint(10, 99)}, in dispatch',
                  "    await handler(request)", "RuntimeError: page build failed"]
    return lines


def test_an_exception_groups_lines_join_the_traceback_event() -> None:
    """PEP 654's printer marks every line of an exception group with ``|`` or ``+``, sub-exceptions
    indented under it; all of it, and a traceback chained after it, is one event."""
    rng = random.Random(11)
    lines: list[str] = []
    for n in range(40):
        lines.append(f"2026-12-07 23:38:{n % 60:02d},{rng.randint(100, 999)} INFO socketio.server: received event "
                     f'"ack" from k{rng.randint(100, 999)} [/]')
        if n % 5 == 0:
            lines.append(f"2026-12-07 23:38:{n % 60:02d},{rng.randint(100, 999)} ERROR nicegui: page build failed")
            lines += _group(rng, n)
    parsed = list(LogParser().parse(lines))
    group = {p.template.id for p in parsed if not p.raw.startswith("2026-")}
    assert len(group) == 1
    assert group.isdisjoint(p.template.id for p in parsed if p.raw.startswith("2026-"))


def test_richs_boxed_traceback_and_its_exception_line_are_one_event() -> None:
    """Rich draws a traceback in a box (top edge naming it, frames behind ``│``, a bottom edge) and
    prints the exception's line under it: one event, and the program's next line is its own."""
    for prefix in ("", "2026-12-04T10:00:00.123Z "):
        _boxed_traceback_is_one_event(prefix)


def _boxed_traceback_is_one_event(prefix: str) -> None:
    """The box's lines read as one event, bare or each behind a header a collector added."""
    rng = random.Random(5)
    lines: list[str] = []
    for n in range(30):
        lines.append(f"Creating environment: env{rng.randint(1, 9)}")
        lines.append(f"Checking dependencies for p{n}")
        if n % 3 == 0:
            lines.append("╭─────────────── Traceback (most recent call last) ───────────────╮")
            for depth in range(rng.randint(2, 5)):
                lines.append(f"│ /srv/venv/lib/python3.11/site-packages/tool/cli/mod{depth}.py:"
                             f"{rng.randint(9, 400)} in run  │")
                lines.append("│                                                                  │")
                lines.append(f"│ ❱ {rng.randint(9, 400)} │   │   return self.main(*args, **kwargs)               │")
            lines.append("╰──────────────────────────────────────────────────────────────────╯")
            lines.append(f"TOMLDecodeError: Cannot declare ('project',) twice (at line {rng.randint(2, 90)}, column 9)")
    parsed = list(LogParser().parse([prefix + line for line in lines]))
    own = ("Creating", "Checking")
    boxed = {p.template.id for p in parsed if not p.raw.removeprefix(prefix).startswith(own)}
    assert len(boxed) == 1
    assert boxed.isdisjoint(p.template.id for p in parsed if p.raw.removeprefix(prefix).startswith(own))
