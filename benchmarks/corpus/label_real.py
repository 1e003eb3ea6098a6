"""Label the logs written by real software (nginx, PostgreSQL, Redis, Slurm, ...): each format folder
holds ``<format>.log`` and ``<format>.rules``; this writes ``<format>.labels`` and
``<format>.templates.csv`` like make_synthetic.py does.

Run: .venv/bin/python benchmarks/corpus/label_real.py [--only FORMAT]

``<format>.rules``: a first line ``header: REGEX`` (the documented header of the format; the rest
of the line is the message the templates describe), then one event template per line, ``<*>``
standing for any text (a template line ``<empty>`` stands for an empty message: a header and
nothing after it). A line's event is the first template matching its whole message. A template
line starting ``same: `` labels the same event as the template above it: one event whose lines
have several shapes (the lines of a traceback). Written by hand, by reading the software's
messages; a line no template matches stops the run, so every line carries a reviewed label.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EMPTY = "<empty>"
"""A template line standing for the empty message."""
SAME = "same: "
"""Opens a template line that labels the same event as the template above it."""


def template_regex(template: str) -> re.Pattern[str]:
    """Anchored regex of a template: literal text, ``<*>`` for any (possibly empty) text."""
    return re.compile("".join(".*?" if part == "<*>" else re.escape(part)
                              for part in re.split(r"(<\*>)", template)) + r"\Z", re.S)


def events(rules_text: str, lines: list[str], name: str) -> tuple[list[int], list[str]]:
    """(event index per line, the first template of each event) of `lines` under a rules text
    (header line, then templates); a line no template matches stops the run with its number."""
    rules = rules_text.splitlines()
    header = re.compile(rules[0].removeprefix("header: "))
    patterns: list[tuple[int, re.Pattern[str]]] = []  # (event, regex), in the order of the rules
    templates: list[str] = []
    for line in (t for t in rules[1:] if t.strip() and not t.startswith("#")):
        same = line.startswith(SAME)
        text = line.removeprefix(SAME)
        if not same:
            templates.append(text)
        elif not templates:
            raise SystemExit(f"{name}: the first template cannot start with {SAME!r}")
        patterns.append((len(templates) - 1, re.compile(r"\Z") if text == EMPTY else template_regex(text)))
    found = []
    for number, line in enumerate(lines, start=1):
        match = header.match(line)
        message = line[match.end():] if match else line
        event = next((e for e, rx in patterns if rx.match(message)), None)
        if event is None:
            raise SystemExit(f"{name}:{number}: no template matches: {message[:200]!r}")
        found.append(event)
    return found, templates


def label(name: str) -> int:
    """Label one real-software format; returns the number of lines."""
    folder = HERE / name
    lines = (folder / f"{name}.log").read_text(encoding="utf-8").removesuffix("\n").split("\n")
    found, templates = events((folder / f"{name}.rules").read_text(encoding="utf-8"), lines, name)
    (folder / f"{name}.labels").write_text("\n".join(f"E{event + 1}" for event in found) + "\n", encoding="utf-8")
    with (folder / f"{name}.templates.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["EventId", "EventTemplate"])
        for index, template in enumerate(templates):
            writer.writerow([f"E{index + 1}", "" if template == EMPTY else template])
    return len(lines)


def main() -> int:
    """Label every folder that has a .rules file (or one)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only")
    args = ap.parse_args()
    for rules in sorted(HERE.glob("*/*.rules")):
        name = rules.parent.name
        if args.only and name != args.only:
            continue
        print(f"{name}: {label(name)} lines labelled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
