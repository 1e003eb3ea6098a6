"""The drain3 reference as a command, for whole-process timing against `aiops logs parse --json`.

Run: .venv/bin/python benchmarks/bench_loghub_drain3_cli.py SYSTEM FILE [--untuned]

Prints, like our parser, one JSON object per input line: {"line": N, "group": "<cluster id>",
"template": "<template>"}, using drain3 with the LogPAI per-system header format and masks for
SYSTEM (see bench_loghub_common.TUNED).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_loghub_common import TUNED, drain3_content, drain3_miner, format_regex


def main() -> int:
    """Parse FILE with drain3 and print the per-line JSON."""
    system, path = sys.argv[1], sys.argv[2]
    untuned = "--untuned" in sys.argv[3:]
    miner = drain3_miner(None if untuned else system)
    pattern = None if untuned else format_regex(TUNED[system]["format"])
    out: list[str] = []
    write = sys.stdout.write
    with Path(path).open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            result = miner.add_log_message(drain3_content(line, pattern))
            out.append(json.dumps({"line": number, "group": f"g{result['cluster_id']}",
                                   "template": result["template_mined"]}))
            if len(out) >= 4096:
                out.append("")
                write("\n".join(out))
                out.clear()
    if out:
        out.append("")
        write("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
