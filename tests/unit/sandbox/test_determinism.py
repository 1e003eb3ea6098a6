"""Same seed, same bytes; another seed, other bytes; random access gives the same lines as a scan."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from aiops.sandbox import build_environment, load_scenario, parse_scenario

from .helpers import all_text, one_fault


def digest(env, minutes=60) -> str:
    return hashlib.sha256(all_text(env, minutes=minutes).encode()).hexdigest()


def test_same_seed_same_bytes():
    assert digest(build_environment("slow-db-cascade")) == digest(build_environment("slow-db-cascade"))


def test_same_bytes_after_the_same_actions():
    a, b = build_environment("slow-db-cascade"), build_environment("slow-db-cascade")
    for env in (a, b):
        env.executor.execute("kill_blocking_queries", "postgres", key="x")
    assert digest(a) == digest(b)


def test_other_seed_other_bytes():
    data = one_fault("connection_leak")
    first = build_environment(parse_scenario(data | {"expected": {"root_cause": "none"}, "faults": []}))
    second = build_environment(
        parse_scenario(data | {"seed": 6, "expected": {"root_cause": "none"}, "faults": []})
    )
    assert digest(first) != digest(second)


def test_reading_order_does_not_change_the_lines():
    sc = load_scenario("pool-leak-payment")
    a, b = build_environment(sc), build_environment(sc)
    now = a.clock.now()
    late_first = list(b.logs.fetch("payment-api", start=now - timedelta(minutes=5), end=now))
    whole = list(a.logs.fetch("payment-api", start=now - timedelta(minutes=60), end=now))
    assert late_first == [r for r in whole if r.ts >= now - timedelta(minutes=5)]


def test_an_action_does_not_rewrite_the_past():
    env = build_environment("pool-leak-payment")
    now = env.clock.now()
    before = list(env.logs.fetch("payment-api", start=now - timedelta(minutes=30), end=now))
    env.executor.execute("restart", "payment-api")
    again = list(env.logs.fetch("payment-api", start=now - timedelta(minutes=30), end=now))
    assert before == again


def test_parallel_readers_see_the_same_world():
    from concurrent.futures import ThreadPoolExecutor

    env = build_environment("slow-db-cascade")
    now = env.clock.now()
    services = [s.name for s in env.inventory.services()] * 2

    def read(service):
        return [r.raw for r in env.logs.fetch(service, start=now - timedelta(minutes=20), end=now)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(read, services))
    fresh = build_environment("slow-db-cascade")
    for service, lines in zip(services, results, strict=True):
        assert lines == [r.raw for r in fresh.logs.fetch(service, start=now - timedelta(minutes=20), end=now)]
