"""Write the synthetic part of the robustness corpus: one folder per format with
``<format>.log``, ``<format>.labels`` (event id per line) and ``<format>.templates.csv``
(event id, template of the message part with ``<*>`` for each variable).

Run: .venv/bin/python benchmarks/corpus/make_synthetic.py [--only FORMAT]

Every format is a public, documented log layout (see README.md); the event texts are our own.
Labels come from the generator: a line's event is the template it was rendered from. Output is
deterministic (fixed seeds).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_first_sight import FIRST_SIGHT
from synth_formats import FORMATS
from synth_values import Clock, render

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Event:
    """One event type: weight, message template, and header facts (level, component, ...)."""

    weight: float
    template: str
    meta: dict[str, str]


def generate(name: str, lines: int, seed: int) -> None:
    """Render `lines` lines of format `name` into its folder."""
    spec = {**FORMATS, **FIRST_SIGHT}[name]
    header: Callable[..., str] = spec["header"]
    events = [Event(w, t, m) for w, t, m in spec["events"]]
    rng = random.Random(seed)
    clock = Clock(rng, datetime(2024, 6, 15, 9, 0, 0), step=spec.get("step", 3.0))
    weights = [e.weight for e in events]
    out_lines, labels = [], []
    for _ in range(lines):
        index = rng.choices(range(len(events)), weights)[0]
        event = events[index]
        text, _label = render(event.template, rng)
        meta = {key: render(value, rng)[0] for key, value in event.meta.items()}
        out_lines.append(header(rng, clock.tick(), meta) + text)
        labels.append(f"E{index + 1}")
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.log").write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    (folder / f"{name}.labels").write_text("\n".join(labels) + "\n", encoding="utf-8")
    with (folder / f"{name}.templates.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["EventId", "EventTemplate"])
        for index, event in enumerate(events):
            writer.writerow([f"E{index + 1}", render(event.template, rng)[1]])


def main() -> int:
    """Generate every synthetic format (or one)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only")
    args = ap.parse_args()
    numbered = sorted(name for name, spec in FORMATS.items() if "seed" not in spec)
    for name, spec in sorted(FORMATS.items()):
        if args.only and name != args.only:
            continue
        seed = spec.get("seed", 1000 + (numbered.index(name) if name in numbered else 0))
        generate(name, spec.get("lines", 1500), seed=seed)
        print(f"wrote {name}")
    for name, spec in FIRST_SIGHT.items():
        if not args.only or name == args.only:
            generate(name, spec["lines"], seed=spec["seed"])
            print(f"wrote {name} (first-sight)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
