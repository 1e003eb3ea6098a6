"""Entries of a mapping printed one per line (`dumps`), on their own and through the parser."""

from __future__ import annotations

from aiops.analysis.dumps import entry_quote
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
