"""Digest size and recall: a 100k-line window with 5 injected error templates.

Run: .venv/bin/python benchmarks/bench_digest.py [--lines 100000] [--budget 2000] [--seed 7]

A synthetic service log (30 min, ~40 routine templates with variable values, INFO/DEBUG/WARN
noise) gets 5 error templates injected in the last third of the window, from a handful to a few
hundred occurrences each. We build the digest with `build_digest` and check that its text stays
within the budget (by `estimate_tokens`, which overestimates real tokenizers) and names all 5.
Reference, same run: the naive "tail" digest, i.e. the newest raw lines that fit the same budget;
we report how many of the 5 it shows, and the compression ratio raw tokens / digest tokens.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from aiops.analysis import build_digest, estimate_tokens, load_signatures
from aiops.analysis.signatures import default_signatures_path
from aiops.core.types import LogRecord

ROUTINE = [
    ("INFO", "GET /api/v1/orders/{n} 200 {ms}ms user={user}"),
    ("INFO", "POST /api/v1/payments 201 {ms}ms user={user} amount={n}.{n2}"),
    ("INFO", "GET /api/v1/items/{n} 200 {ms}ms"),
    ("DEBUG", "cache hit key=order:{n} ttl={n2}s"),
    ("DEBUG", "cache miss key=item:{n}"),
    ("INFO", "payment {hex} authorised for customer {n} in {ms} ms"),
    ("INFO", "scheduled job reconcile-{n2} finished in {ms}ms, {n} rows"),
    ("DEBUG", "opened connection {n} to db-primary:5432 (pool active={n2}, idle={n2})"),
    ("INFO", "kafka consumer group payments rebalanced, partitions={n2}"),
    ("WARN", "slow request GET /api/v1/orders/{n} took {ms}ms (threshold 500ms)"),
    ("INFO", "health check ok ({ms}ms)"),
    ("DEBUG", "jwt validated for subject {user} (kid {hex})"),
]
ROUTINE += [("INFO", f"feature flag {name} evaluated to {{b}} for tenant {{n}}") for name in
            ("checkout_v2", "new_pricing", "fast_refunds", "fraud_rules", "eu_routing")]
ROUTINE += [("DEBUG", f"span {{hex}} {op} completed in {{ms}}us") for op in
            ("serialize", "validate", "enrich", "persist", "publish", "render", "auth", "rate_limit")]
ROUTINE += [("INFO", f"worker-{i} heartbeat, queue depth {{n2}}") for i in range(15)]

INJECTED = [
    ("ERROR", "HikariPool-1 - Connection is not available, request timed out after {ms}ms.",
     "Connection is not available"),
    ("ERROR", "canceling statement due to statement timeout (query {hex}, {ms} ms)", "canceling statement"),
    ("ERROR", "Unhandled exception in RefundController: java.lang.NullPointerException at line {n2}",
     "RefundController"),
    ("WARN", "upstream inventory-api returned 503 Service Unavailable after {ms}ms", "inventory-api returned"),
    ("FATAL", "could not write audit record {hex}: No space left on device", "No space left on device"),
]
USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]


def fill(rng: random.Random, text: str) -> str:
    """Fill a template's placeholders with random values."""
    return text.format(n=rng.randint(1, 999_999), n2=rng.randint(1, 99), ms=rng.randint(1, 3000),
                       user=rng.choice(USERS), hex=f"{rng.getrandbits(48):012x}", b=rng.choice(["true", "false"]))


def window(lines: int, seed: int) -> tuple[list[LogRecord], datetime, datetime]:
    """The synthetic window: routine lines, plus the 5 injected errors in the last third."""
    rng = random.Random(seed)
    end = datetime(2024, 5, 14, 10, 30, tzinfo=UTC)
    start = end - timedelta(minutes=30)
    span = (end - start).total_seconds()
    counts = [400, 120, 25, 8, 3]
    injected_total = sum(counts)
    records = []
    weights = [rng.random() ** 3 for _ in ROUTINE]
    for index in range(lines - injected_total):
        level, text = rng.choices(ROUTINE, weights)[0]
        ts = start + timedelta(seconds=span * index / (lines - injected_total))
        msg = fill(rng, text)
        records.append(LogRecord(ts=ts, service="payment-api", level=level, message=msg,
                                 raw=f"{ts.isoformat()} {level} {msg}"))
    for (level, text, _), count, onset_min in zip(INJECTED, counts, (21, 22, 24, 25, 27), strict=True):
        for _ in range(count):
            ts = start + timedelta(minutes=onset_min, seconds=rng.uniform(0, (30 - onset_min) * 60 - 1))
            msg = fill(rng, text)
            records.append(LogRecord(ts=ts, service="payment-api", level=level, message=msg,
                                     raw=f"{ts.isoformat()} {level} {msg}"))
    records.sort(key=lambda r: r.ts)
    return records, start, end


def tail_reference(records: list[LogRecord], budget: int) -> str:
    """The newest raw lines that fit in `budget` tokens."""
    taken: list[str] = []
    used = 0
    for record in reversed(records):
        cost = estimate_tokens(record.raw) + 1
        if used + cost > budget:
            break
        taken.append(record.raw)
        used += cost
    return "\n".join(reversed(taken))


def main() -> int:
    """Build the window, digest it, compare with the tail reference."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--budget", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--show", action="store_true", help="print the digest text")
    args = ap.parse_args()
    records, start, end = window(args.lines, args.seed)
    signatures = load_signatures(default_signatures_path())
    times = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        digest = build_digest(records, start=start, end=end, signatures=signatures, budget_tokens=args.budget)
        text = digest.render()
        times.append(time.perf_counter() - began)
    tokens = estimate_tokens(text)
    named = [key for _, _, key in INJECTED if key in text]
    tail = tail_reference(records, args.budget)
    tail_named = [key for _, _, key in INJECTED if key in tail]
    raw_tokens = sum(estimate_tokens(r.raw) + 1 for r in records)
    if args.show:
        print(text, "\n")
    took = statistics.median(times)
    print(f"window: {len(records):,} lines, {raw_tokens:,} tokens raw, {digest.templates_total} templates")
    print(f"digest: {tokens} tokens (budget {args.budget}), names {len(named)}/5 injected errors; "
          f"built in {took:.2f}s median ({len(records) / took:,.0f} lines/s)")
    print(f"reference tail ({estimate_tokens(tail)} tokens): names {len(tail_named)}/5")
    print(f"compression raw/digest {raw_tokens / max(tokens, 1):,.0f}x; recall digest/tail "
          f"{len(named)}/{len(tail_named)}")
    ok = tokens <= args.budget and len(named) == len(INJECTED)
    print("PASS" if ok else f"FAIL (missing: {[k for _, _, k in INJECTED if k not in named]})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
