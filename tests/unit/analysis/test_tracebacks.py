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
