"""`aiops logs parse FILE [--json]` and `aiops logs digest FILE`: the analysis core on a log file.

Import-light on purpose: the parse throughput benchmark times the whole process, so everything
heavy is imported inside the handlers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, BinaryIO


def register(subparsers: Any) -> None:
    """Add the `logs` command group."""
    logs = subparsers.add_parser(
        "logs", help="mine templates from a log file, or digest it",
        description="Template mining and digests for any line-oriented log file; the header "
        "(time, level, pid, host, component) is learned from the file itself.")
    sub = logs.add_subparsers(dest="logs_command", metavar="COMMAND")
    logs.set_defaults(func=lambda _args: _usage(logs))

    parse = sub.add_parser(
        "parse", help="group lines into templates",
        description="Group the lines of FILE into templates. With --json: one JSON object per input line, "
        'in order: {"line": N, "group": "<id>", "template": "<template>"}.')
    parse.add_argument("file", help="log file, or - for standard input")
    parse.add_argument("--json", action="store_true", help="one JSON object per input line")
    parse.add_argument("--explain", action="store_true",
                       help="also say how the header was chosen: every hypothesis tried on the first lines and "
                       "why it was kept or rejected (to standard error with --json)")
    parse.set_defaults(func=_parse)

    digest = sub.add_parser(
        "digest", help="a compact, token-bounded digest of a log file",
        description="Digest FILE: templates by level, bursts, error sequences, known failure signatures, "
        "within a token budget.")
    digest.add_argument("file", help="log file, or - for standard input")
    digest.add_argument("--budget-tokens", type=int, default=2000,
                        help="token budget of the text (default 2000)")
    digest.add_argument("--signatures",
                        help="signatures.yaml (default: the default team's log-analysis skill)")
    digest.add_argument("--service", default="", help="service name for the digest (default: the file name)")
    digest.add_argument("--json", action="store_true", help="print the digest as JSON instead of text")
    digest.set_defaults(func=_digest)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _open(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        return Path(path).open("rb")
    except OSError as exc:
        from aiops.core.errors import ConfigError

        raise ConfigError(f"cannot read log file: {exc.strerror}", file=path) from exc


def _parse(args: argparse.Namespace) -> int:
    from aiops.analysis.linereader import iter_lines
    from aiops.analysis.logparse import LogParser

    stream = _open(args.file)
    out = sys.stdout
    parser = LogParser()
    try:
        if args.json:
            for rows in parser.json_lines(iter_lines(stream)):
                rows.append("")
                out.write("\n".join(rows))
            if args.explain:
                _explain(parser, sys.stderr)
            return 0
        for _ in parser.parse(iter_lines(stream)):
            pass
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if args.explain:
        _explain(parser, out)
    templates = sorted((t for t in parser.templates if t.count > 0), key=lambda t: -t.count)
    header = parser.header.describe() if parser.header else "(none)"
    from aiops.core.termtext import safe_line

    out.write(f"header: {safe_line(header)}\n{len(templates)} templates\n")
    for template in templates:
        out.write(f"{template.count:>8}  {template.id:<6} {safe_line(template.text)}\n")
    return 0


def _explain(parser: Any, out: Any) -> None:
    """Write the header choice of `parser` (see `HeaderChoice.explain`)."""
    choice = parser.choice
    lines = choice.explain() if choice is not None else ["header: (no lines read)"]
    if parser.ids is not None:
        where = (f"message word {parser.ids.word + 1}" if parser.ids.word is not None
                 else f"header field {int(parser.ids.group[1:]) + 1}")
        lines.append(f"  message id: {where} (its values name events: the lines that carry one id are one event)")
    out.write("\n".join(lines) + "\n")


def _digest(args: argparse.Namespace) -> int:
    import json

    from aiops.analysis.digest_file import digest_lines
    from aiops.analysis.linereader import iter_lines
    from aiops.analysis.signatures import default_signatures_path, load_signatures

    signatures = load_signatures(Path(args.signatures) if args.signatures else default_signatures_path())
    stream = _open(args.file)
    try:
        service = args.service or ("stdin" if args.file == "-" else Path(args.file).stem)
        digest = digest_lines(iter_lines(stream), service=service, signatures=signatures,
                              budget_tokens=args.budget_tokens)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if args.json:
        sys.stdout.write(json.dumps(digest.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        from aiops.core.termtext import safe_text

        sys.stdout.write(safe_text(digest.render()) + "\n")
    return 0
