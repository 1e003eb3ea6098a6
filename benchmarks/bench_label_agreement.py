"""How far two careful labellers agree, next to how far the miner agrees with each.

Run: .venv/bin/python benchmarks/bench_label_agreement.py

Some corpus formats were labelled twice, by two labellers who never saw each other's work: the
first wrote ``<format>.rules`` (the labels every accuracy benchmark uses), the second, given only the
log and the program's source, wrote ``<format>/agreement/<format>.rules`` (see corpus/README.md).
Grouping accuracy is symmetric, so GA(second, first) is the agreement between the two. It is the
ceiling to read the miner's figures against: where two people reading the source split a statement
differently (a reason printed through one ``%s``, a payload after a label), no parser can satisfy
both. The miner's GA against each labelling follows. The formats here are development sets like
the rest of the corpus (see bench_corpus_accuracy.py). Always exits 0: this measures the yardstick,
it sets no target.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from label_real import events

from bench_corpus_accuracy import CORPUS, corpus_sets, load_format
from bench_loghub_accuracy import ours
from bench_loghub_common import grouping_accuracy


def _twice_labelled() -> list[str]:
    """Corpus formats with a second labelling, in sets.csv order."""
    return [name for name, _set, _source in corpus_sets() if (CORPUS / name / "agreement" / f"{name}.rules").is_file()]


def main() -> int:
    """Print one row per twice-labelled format and the means."""
    names = _twice_labelled()
    if not names:
        print("no corpus format has a second labelling (corpus/<format>/agreement/<format>.rules)")
        return 0
    print(f"{'format':<12} {'lines':>6} {'events 1st':>10} {'events 2nd':>10} {'2nd vs 1st':>10} "
          f"{'miner vs 1st':>12} {'miner vs 2nd':>12}")
    rows = []
    for name in names:
        lines, first = load_format(name)
        rules = (CORPUS / name / "agreement" / f"{name}.rules").read_text(encoding="utf-8")
        second = events(rules, lines, f"{name} (second labelling)")[0]
        predicted = ours(lines)[0]
        row = (grouping_accuracy(second, first), grouping_accuracy(predicted, first),
               grouping_accuracy(predicted, second))
        rows.append(row)
        print(f"{name:<12} {len(lines):6d} {len(set(first)):10d} {len(set(second)):10d} "
              + " ".join(f"{value:>{width}.3f}" for value, width in zip(row, (10, 12, 12), strict=True)))
    means = [statistics.fmean(row[i] for row in rows) for i in range(3)]
    print(f"{'mean':<12} {'':6} {'':10} {'':10} "
          + " ".join(f"{value:>{width}.3f}" for value, width in zip(means, (10, 12, 12), strict=True)))
    print(f"{len(rows)} formats labelled twice; lowest agreement {min(row[0] for row in rows):.3f}; "
          "development sets (see the docstring)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
