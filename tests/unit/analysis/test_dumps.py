"""Entries of a mapping printed one per line (`dumps`), on their own and through the parser."""

from __future__ import annotations

from aiops.analysis.dumps import entry_quote, keyed_style
from aiops.analysis.logparse import LogParser


def test_an_indented_quoted_key_and_its_value_is_an_entry() -> None:
    assert entry_quote(" 'stderr': <_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>,") == "'"
    assert entry_quote('    "name": "web",') == '"'
    assert entry_quote('      "children":') == '"'
    assert entry_quote("'/srv/git': not in directory list") is None  # a statement's subject, unindented
    assert entry_quote("    'a' and 'b': two") is None
    assert entry_quote("    plain: value") is None


def test_entries_of_any_value_shape_share_one_event_per_quote() -> None:
    """A pretty-printed dict between statements' lines: every entry joins one event, whatever its
    value, and the statements keep theirs."""
    values = ["<function Environment.as_silent at 0x7f0ed9aa8d60>,", "False,", "[<class 'x.Basic'>,",
              "'/usr/bin/python3',", "{'a': 1},", "None}", "8192,"]
    entries = [f" '{key}': {value}" for key, value in zip("abcdefg", values, strict=True)]
    json_entries = ['    "seq": 0,', '    "command": "configure",', '    "body": {', '      "ok": true']
    lines = ["2026-12-07 10:00:00 DEBUG start: environment follows", *entries, *json_entries,
             "2026-12-07 10:00:01 DEBUG done in 3 ms"]
    templates = [parsed.template for parsed in LogParser().parse(lines)]
    ids = [template.id for template in templates]
    first_json = 1 + len(entries)
    assert len(set(ids[1:first_json])) == 1
    assert len(set(ids[first_json:-1])) == 1
    assert ids[1] != ids[first_json]
    assert ids[1] not in (ids[0], ids[-1])
    assert (templates[1].text, templates[first_json].text) == ("'<*>': <*>", '"<*>": <*>')


def test_keyed_lines_have_a_style_and_a_depth() -> None:
    assert keyed_style("   request-id=2113055") == ("=", 3)
    assert keyed_style("    salt_length = 32") == (" =", 4)
    assert keyed_style("    dialects = [") == (" =", 4)
    assert keyed_style("   =_BindValue:") == ("=", 3)  # a component printed with an empty name
    assert keyed_style("  statusCode: 200,") == (":,", 2)
    assert keyed_style("  headers: {") == (":{", 2)
    assert keyed_style("  url: '/items'") == (":", 2)
    assert keyed_style("request-id=2113055") is None  # unindented: a statement's own text
    assert keyed_style("    a= b") is None  # a tight sign with a blank after it writes no such field
    assert keyed_style("    a =b") is None


def _dump(keys: list[str], *, sign: str) -> list[str]:
    """A structure printed one field per line, nested once, by a statement among others: its lines
    after the first carry no header."""
    lines = [f"2026-12-07 10:00:0{second} INFO request {second} from client {second * 3}" for second in range(6)]
    lines.append("2026-12-07 10:00:07 DEBUG message follows:")
    for index, key in enumerate(keys):
        depth = 2 if index % 3 else 4
        lines.append(f"{' ' * depth}{key}{sign}{index * 7}")
    return [*lines, "2026-12-07 10:00:08 DEBUG message sent"]


KEYS = ["version", "community", "data", "request-id", "error-status", "error-index", "variable-bindings",
        "name", "value", "simple", "integer-value", "string-value"]


def test_a_dump_of_many_keys_is_one_event_per_style() -> None:
    """Twelve keys at two depths, tight and spaced: every line of a style joins one event, and the
    statements around keep theirs."""
    for sign, text in (("=", "<*>=<*>"), (" = ", "<*> = <*>")):
        lines = _dump(KEYS, sign=sign) * 3
        templates = [parsed.template for parsed in LogParser().parse(lines)]
        fields = {template.id for line, template in zip(lines, templates, strict=True) if line[0] == " "}
        assert len(fields) == 1
        assert next(template.text for template in templates if template.id in fields) == text
        assert templates[0].id not in fields


def test_a_few_keyed_lines_stay_each_its_own_statement() -> None:
    """A summary printed by one statement per field (``  version=%d``, ``  request-id=%d``) shows
    few keys: they are left to the miner, one event per key."""
    lines = _dump(KEYS[:4], sign="=") * 5
    templates = [parsed.template for parsed in LogParser().parse(lines)]
    fields = {template.id for line, template in zip(lines, templates, strict=True) if line[0] == " "}
    assert len(fields) == 4


def test_assignments_in_traceback_source_lines_do_not_make_a_dump() -> None:
    """A Python traceback's source lines assign (``    result = handler(request)``): however many
    different names they show, they teach no dump, so a program's own indented ``key = value``
    lines keep an event per key."""
    names = ["result", "response", "data", "value", "conn", "sock", "payload", "reply", "status", "body", "rows"]
    lines = []
    for index, name in enumerate(names):
        lines += ["2026-12-07 10:00:00 ERROR request failed", "Traceback (most recent call last):",
                  f'  File "/srv/app/m{index}.py", line {index + 3}, in run',
                  f"    {name} = handler{index}(request)", f"ValueError: bad input {index}"]
    summary = ["2026-12-07 10:00:01 INFO settings:",
               *(f"    {key} = {index}" for index, key in enumerate(("mode", "port", "workers")))] * 4
    templates = [parsed.template for parsed in LogParser().parse([*lines, *summary])]
    assert len({template.id for template in templates[len(lines):]}) == 4  # the statement and its three fields


def test_a_printed_object_is_one_event_per_entry_kind() -> None:
    """Node's ``util.inspect`` of objects: entries followed by another (a comma) share one event,
    whatever the key; so do the entries that open a nested object. A last entry (no comma) reads
    like a statement's ``  max: 3``, and is left to the miner."""
    keys = ["id", "ts", "event", "worker", "phase", "totalWorkers", "arrivalRate", "duration", "name",
            "index", "mode", "target"]
    lines = []
    for round_ in range(3):
        lines += [f"2026-12-07T10:00:0{second}.000Z http request {second} sent to {round_}" for second in range(6)]
        lines.append("2026-12-07T10:00:07.000Z artillery:worker {")
        for index, key in enumerate(keys):
            depth = 2 if index % 4 else 4
            lines.append(f"{' ' * depth}{key}: {round_ * 10 + index},")
        lines += ["  stats: {", "    count: 1", "  }", "}"]
    templates = [parsed.template for parsed in LogParser().parse(lines)]
    commas = {template.id for line, template in zip(lines, templates, strict=True) if line.endswith(",")}
    assert len(commas) == 1
    assert next(template.text for template in templates if template.id in commas) == "<*>: <*>,"
    openers = {template.id for line, template in zip(lines, templates, strict=True) if line.endswith(": {")}
    assert len(openers) == 1 and openers != commas


def test_keyed_lines_that_carry_the_header_are_each_a_record_of_their_own() -> None:
    """strongSwan logs each setting of a connection through its own call (``  rekey_time = 3600``):
    however many keys, every line is a record with the file's header, so no dump is taken, and a
    file with no header at all cannot show one either."""
    keyed = [f"2026-12-07 10:00:{index:02d} DEBUG {' ' * (2 if index % 3 else 4)}{key} = {index}"
             for index, key in enumerate(KEYS)]
    lines = [f"2026-12-07 10:00:{index:02d} INFO request {index} from client" for index in range(12)] + keyed * 3
    templates = [parsed.template for parsed in LogParser().parse(lines)]
    assert len({template.id for template in templates[12:]}) == len(KEYS)
    bare = [line.split(" DEBUG ", 1)[1] for line in keyed] * 3
    assert len({parsed.template.id for parsed in LogParser().parse(bare)}) == len(KEYS)
