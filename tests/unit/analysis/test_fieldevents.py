"""Events of structured lines: in logfmt the message value, the call site and the statement's own
fields name the event, and context fields that come and go do not split it; in JSON lines the call
site splits one message template."""

from __future__ import annotations

import json
import random

from aiops.analysis.fieldevents import FieldEvents
from aiops.analysis.jsonlines import logfmt_message
from aiops.analysis.logparse import LogParser
from aiops.analysis.masking import shapes

_OTHERS = ["cache warmed", "config reloaded", "peer joined the ring", "snapshot written to disk",
           "queue drained", "lease renewed"]
"""Messages of other statements, so the first lines show several message templates."""


def _groups(lines: list[str]) -> list[str]:
    return [parsed.template.id for parsed in LogParser().parse(lines)]


def _log(make: object, count: int = 300, seed: int = 3) -> list[str]:
    """`count` lines: every third from `make(rng, i)`, the others from unrelated statements."""
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        when = f"ts=2026-12-05T10:{i // 60 % 60:02d}:{i % 60:02d}.{rng.randint(100, 999)}Z"
        if i % 3 == 0:
            lines.append(f"{when} {make(rng, i)}")  # type: ignore[operator]
        else:
            lines.append(f'{when} level=info msg="{rng.choice(_OTHERS)}" took={rng.randint(1, 90)}ms')
    return lines


def _zap_context(rng: random.Random, i: int) -> str:
    """A compaction statement under varying engine context (written before its own fields)."""
    context = rng.choice(["tsm1_level=1 tsm1_strategy=level", "tsm1_strategy=full tsm1_optimize=false",
                          "tsm1_strategy=full"])
    return f'level=info msg="Compacting file" log_id=0{i} {context} op_name=compact tsm1_file=/data/{i}.tsm'


def test_context_fields_that_come_and_go_do_not_split_one_statement() -> None:
    lines = _log(_zap_context)
    groups = _groups(lines)
    compacting = {g for g, line in zip(groups, lines, strict=True) if "Compacting" in line}
    assert len(compacting) == 1


def test_a_statement_with_its_own_last_field_is_another_event() -> None:
    def make(rng: random.Random, i: int) -> str:
        tail = rng.choice(["proto=UDP", "protocol=TCP"])
        return f'level=info subsystem=config msg="Listening for queries" address=127.0.0.{i % 9}:53 {tail}'

    lines = _log(make)
    groups = _groups(lines)
    by_tail = {tail: {g for g, line in zip(groups, lines, strict=True) if line.endswith(tail)}
               for tail in ("proto=UDP", "protocol=TCP")}
    assert len(by_tail["proto=UDP"]) == len(by_tail["protocol=TCP"]) == 1
    assert by_tail["proto=UDP"] != by_tail["protocol=TCP"]


def test_two_call_sites_that_print_one_message_stay_apart() -> None:
    def make(rng: random.Random, i: int) -> str:
        caller, component = rng.choice([("silence.go:391", "silences"), ("nflog.go:365", "nflog")])
        return f'caller={caller} level=debug component={component} msg="Running maintenance" n={i}'

    lines = _log(make)
    groups = _groups(lines)
    sites = {site: {g for g, line in zip(groups, lines, strict=True) if site in line}
             for site in ("silence.go:391", "nflog.go:365")}
    assert len(sites["silence.go:391"]) == len(sites["nflog.go:365"]) == 1
    assert sites["silence.go:391"] != sites["nflog.go:365"]


def test_sorted_keys_count_as_a_set() -> None:
    """logrus sorts keys, so the last key says nothing; a different key set is another statement."""
    def make(rng: random.Random, i: int) -> str:
        extra = rng.choice(["", f"Pct={rng.randint(50, 99)} "])
        return f'level=warning msg="prefix limit reached" Family=ipv4 Key=127.0.0.{i % 9} {extra}Topic=Peer'

    lines = [line.replace("took=", "zz_took=") for line in _log(make)]
    parser = LogParser()
    groups = [parsed.template.id for parsed in parser.parse(lines)]
    assert parser.fields is not None and parser.fields.sorted_keys
    with_pct = {g for g, line in zip(groups, lines, strict=True) if "Pct=" in line}
    without = {g for g, line in zip(groups, lines, strict=True) if "prefix limit" in line and "Pct=" not in line}
    assert len(with_pct) == len(without) == 1
    assert with_pct != without


def test_namespaced_context_keys_do_not_split_a_statement_of_sorted_keys() -> None:
    """logrus request context (``http.request.*``) is on some lines of a statement and not others."""
    def make(rng: random.Random, i: int) -> str:
        context = rng.choice(["", "http.request.contenttype=text/plain ", "http.request.useragent=curl "])
        return (f'go.version=go1.19 {context}http.request.id=r{i} level=info msg="response completed" '
                f"status=200")

    lines = [line.replace("took=", "zz_took=") for line in _log(make)]
    groups = _groups(lines)
    assert len({g for g, line in zip(groups, lines, strict=True) if "response completed" in line}) == 1


def test_messages_the_whole_line_miner_merged_stay_apart() -> None:
    """Among many pairs one differing message word looks like a variable to the whole-line miner;
    the message values say they are three statements."""
    def make(rng: random.Random, i: int) -> str:
        part = rng.choice(["Answer", "Authority", "Additional"])
        return (f'caller=handler.go:184 module=dns target=127.0.0.{i % 9}:53 level=debug '
                f'msg="Validating {part} RRs"')

    lines = _log(make)
    groups = _groups(lines)
    parts = [{g for g, line in zip(groups, lines, strict=True) if f"Validating {part}" in line}
             for part in ("Answer", "Authority", "Additional")]
    assert all(len(found) == 1 for found in parts) and len(set.union(*parts)) == 3


def test_a_message_that_never_changes_leaves_whole_line_mining() -> None:
    """auditd writes ``msg=audit(...)`` on every record: the message names no event."""
    lines = [f"type={('SYSCALL', 'PATH', 'CWD', 'PROCTITLE')[i % 4]} msg=audit(1764928800.{i:03d}:{i}): "
             f"arch=c000003e syscall={i % 7} success=yes exit=0 pid={1000 + i}" for i in range(200)]
    assert FieldEvents.learn(lines, prefixed=False) is None


def test_the_message_value_keys_and_call_sites_of_a_line() -> None:
    line = 'ts=2026-12-05T10:00:00Z caller=api.go:603 level=error msg="Failed to find silence" err="not found" id=7'
    assert logfmt_message(line) == ("Failed to find silence", ["caller", "err", "id"], ["api.go:603"])
    assert logfmt_message("ts=1 level=info took=3ms") is None


def _json_log(count: int = 240) -> list[str]:
    """zap-style JSON lines: raft state changes from three call sites, whose messages differ in one
    closed-set word the miner would spread, among messages of other statements."""
    rng = random.Random(11)
    sites = [("raft/raft.go:706", "follower"), ("raft/raft.go:719", "candidate"), ("raft/raft.go:771", "leader")]
    lines = []
    for i in range(count):
        if i % 2:
            caller, state = rng.choice(sites)
            msg = f"{rng.randbytes(8).hex()} became {state} at term {rng.randint(1, 40)}"
        else:
            caller, msg = "etcdserver/server.go:2051", f"{rng.choice(_OTHERS)} in {rng.randint(1, 90)}ms"
        when = f"2026-12-05T10:00:{i % 60:02d}Z"
        lines.append(json.dumps({"level": "info", "ts": when, "caller": caller, "msg": msg}))
    return lines


def test_json_lines_of_one_message_template_from_two_call_sites_are_two_events() -> None:
    lines = _json_log()
    groups = _groups(lines)
    for state in ("follower", "candidate", "leader"):
        assert len({g for g, line in zip(groups, lines, strict=True) if f"became {state}" in line}) == 1
    became = {g for g, line in zip(groups, lines, strict=True) if "became" in line}
    assert len(became) == 3


def test_lines_that_differ_only_in_a_source_line_number_do_not_share_a_shape() -> None:
    """The shape cache keeps a source location's line number, as masking does: two statements of one
    file are told apart however the cache was filled."""
    lines = [f"request {i + 10} rejected (verify.c:{52 if i % 2 else 97})" for i in range(40)]
    assert len(set(shapes(lines))) == 2
    groups = _groups(lines)
    assert groups[0] != groups[1] and len(set(groups)) == 2


def test_every_line_is_counted_in_the_templates_the_parser_lists() -> None:
    """Templates split off by call site or message are listed with the miner's (the summary of
    `aiops logs parse` counts every line once)."""
    def make(rng: random.Random, i: int) -> str:
        part = rng.choice(["Answer", "Authority", "Additional"])
        return f'caller=handler.go:184 module=dns target=127.0.0.{i % 9}:53 level=debug msg="Validating {part} RRs"'

    for lines in (_json_log(), _log(make)):
        parser = LogParser()
        groups = {parsed.template.id for parsed in parser.parse(lines)}
        listed = [t for t in parser.templates if t.count > 0]
        assert sum(t.count for t in listed) == len(lines)
        assert groups == {t.id for t in listed}
        assert any("." in t.id for t in listed), "the case splits templates off"
