"""LogHub grouping accuracy: our miner (no per-system settings) vs drain3 tuned and untuned.

Run: .venv/bin/python benchmarks/bench_loghub_accuracy.py [--systems A,B] [--show-errors SYSTEM]

Grouping accuracy (GA): a line counts as right when its predicted group holds exactly the lines of
its true group (corrected LogHub labels). Parsing accuracy (PA): a line counts as right when the
final template of its group equals its labelled template, compared as `normalise_template` says
(blanks collapsed; a run of variables with only punctuation between them is one variable);
PA-strict compares with blanks collapsed only. References, measured in the same run:
- drain3 "tuned": the LogPAI per-system header format, masks, similarity threshold and depth;
- drain3 "header": the tuned header format (so it mines the message part), default settings;
- drain3 "untuned": whole lines, default settings.
Our miner gets whole lines and nothing else (no per-system settings). Exit code 1 when our mean
is below drain3-tuned's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from aiops.analysis import LogParser
from bench_loghub_common import (
    TUNED,
    drain3_content,
    drain3_miner,
    format_regex,
    grouping_accuracy,
    load_labels,
    load_lines,
    parsing_accuracy,
    systems,
)


def ours(lines: list[str]) -> tuple[list[str], list[str], LogParser]:
    """Group ids and final group templates from our parser for every line."""
    parser = LogParser()
    templates = [parsed.template for parsed in parser.parse(lines)]
    return [t.id for t in templates], [t.text for t in templates], parser


def drain3_groups(system: str, lines: list[str], mode: str) -> tuple[list[int], list[str]]:
    """drain3 cluster ids and final cluster templates: mode "tuned", "header" (tuned header only)
    or "untuned" (whole lines)."""
    miner = drain3_miner(system if mode == "tuned" else None)
    pattern = format_regex(TUNED[system]["format"]) if mode != "untuned" else None
    ids = [miner.add_log_message(drain3_content(line, pattern))["cluster_id"] for line in lines]
    clusters = {cluster.cluster_id: cluster.get_template() for cluster in miner.drain.clusters}
    return ids, [clusters[i] for i in ids]


def show_errors(lines: list[str], truth: list[str], predicted: list[str], limit: int = 25) -> None:
    """Print the true groups we got wrong, with the predicted groups their lines landed in."""
    by_true: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[str, list[int]] = defaultdict(list)
    for index, (true, pred) in enumerate(zip(truth, predicted, strict=True)):
        by_true[true].append(index)
        by_pred[pred].append(index)
    shown = 0
    for true, members in sorted(by_true.items(), key=lambda kv: -len(kv[1])):
        preds = Counter(predicted[i] for i in members)
        pred = preds.most_common(1)[0][0]
        if len(preds) == 1 and len(by_pred[pred]) == len(members):
            continue
        print(f"\n[{len(members)} lines] TRUE {true}")
        for group, count in preds.most_common(4):
            others = Counter(truth[i] for i in by_pred[group] if truth[i] != true)
            example = lines[next(i for i in members if predicted[i] == group)]
            print(f"   -> {group} x{count} (+{sum(others.values())} foreign) e.g. {example[:160]}")
            for other, n in others.most_common(2):
                print(f"        foreign x{n}: {other[:120]}")
        shown += 1
        if shown >= limit:
            break


def main() -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--systems", help="comma-separated subset")
    ap.add_argument("--show-errors", metavar="SYSTEM", help="print mis-grouped templates of one system")
    ap.add_argument("--no-drain", action="store_true", help="skip the drain3 references")
    args = ap.parse_args()
    names = args.systems.split(",") if args.systems else systems()
    rows = []
    print(f"{'system':<12} {'GA':>6} {'PA':>6} {'PA-str':>6} | {'drain3 GA/PA tuned':>18} {'GA header':>9} "
          f"{'GA untuned':>10}  header learned")
    for name in names:
        lines, truth = load_lines(name), load_labels(name)
        predicted, templates, parser = ours(lines)
        ga = grouping_accuracy(predicted, truth)
        pa, strict = parsing_accuracy(templates, truth), parsing_accuracy(templates, truth, strict=True)
        tuned = tuned_pa = head = untuned = float("nan")
        if not args.no_drain and name in TUNED:
            ids, drain_templates = drain3_groups(name, lines, "tuned")
            tuned, tuned_pa = grouping_accuracy(ids, truth), parsing_accuracy(drain_templates, truth)
            head = grouping_accuracy(drain3_groups(name, lines, "header")[0], truth)
            untuned = grouping_accuracy(drain3_groups(name, lines, "untuned")[0], truth)
        rows.append((ga, pa, strict, tuned, tuned_pa, head, untuned))
        header = parser.header.describe() if parser.header else "?"
        print(f"{name:<12} {ga:6.3f} {pa:6.3f} {strict:6.3f} | {tuned:10.3f} {tuned_pa:7.3f} {head:9.3f} "
              f"{untuned:10.3f}  {header}")
        if args.show_errors == name:
            show_errors(lines, truth, predicted)
    if not rows:
        return 1
    m = [statistics.fmean(col) for col in zip(*rows, strict=True)]
    print(f"{'mean':<12} {m[0]:6.3f} {m[1]:6.3f} {m[2]:6.3f} | {m[3]:10.3f} {m[4]:7.3f} {m[5]:9.3f} {m[6]:10.3f}")
    mean = [m[0], m[3], m[5], m[6]]
    if args.no_drain:
        return 0
    print(f"ratios: ours/drain3-tuned {mean[0] / mean[1]:.3f}, ours/drain3-header {mean[0] / mean[2]:.3f}, "
          f"ours/drain3-untuned {mean[0] / mean[3]:.3f}")
    return 0 if mean[0] >= mean[1] else 1


if __name__ == "__main__":
    sys.exit(main())
