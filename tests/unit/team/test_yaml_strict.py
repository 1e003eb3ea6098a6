"""Strict YAML: tags, anchors/aliases, duplicate and non-string keys, size and depth limits."""

from __future__ import annotations

import pytest

from aiops.core.errors import ConfigError
from aiops.team.yamlsafe import MAX_BYTES, MAX_DEPTH, dotted, parse_yaml
from tests.unit.team.helpers import copy_default, edit_text, expect_config_error

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""


def reject(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_yaml(text, "t.yaml")
    assert info.value.file == "t.yaml"
    return info.value


def test_plain_data_parses_with_lines() -> None:
    doc = parse_yaml("agents:\n  a:\n    tools: [x, y]\n", "t.yaml")
    assert doc.data == {"agents": {"a": {"tools": ["x", "y"]}}}
    assert doc.line(("agents", "a", "tools", 1)) == 3
    assert doc.line(("agents", "a", "missing")) == 2


def test_dotted_paths() -> None:
    assert dotted(("agents", "sre_remediator", "tools", 0)) == "agents.sre_remediator.tools[0]"
    assert dotted(("agents", "general-purpose")) == "agents.general-purpose"
    assert dotted(("models", "a b")) == "models['a b']"
    assert dotted(()) == ""


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    error = reject(BILLION_LAUGHS)
    assert error.path == "a"
    assert "anchor &a is not allowed" in error.message
    assert "[line 1]" in error.message


def test_alias_alone_is_refused() -> None:
    assert "alias" in reject("a: *x\n").message


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "a: !!python/name:os.system\n",
        "a: !!str 1\n",
        "a: !custom value\n",
        "a: !!binary aGVsbG8=\n",
        "a: ! x\n",
    ],
)
def test_every_explicit_tag_is_refused(text: str) -> None:
    error = reject(text)
    assert error.path == "a"
    assert "explicit tag" in error.message


def test_python_tag_is_not_executed(tmp_path) -> None:
    marker = tmp_path / "pwned"
    reject(f"a: !!python/object/apply:os.system ['touch {marker}']\n")
    assert not marker.exists()


def test_duplicate_keys_are_refused_with_both_lines() -> None:
    error = reject("agents:\n  a: 1\n  b: 2\n  a: 3\n")
    assert error.path == "agents.a"
    assert "duplicate key 'a' (first at line 2)" in error.message
    assert "[line 4]" in error.message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("agents:\n  1: x\n", "'1'"),
        ("agents:\n  yes: x\n", "'yes'"),
        ("agents:\n  ~: x\n", "'~'"),
        ("agents:\n  [a, b]: x\n", "'a collection'"),
    ],
)
def test_non_string_keys_are_refused(text: str, shown: str) -> None:
    error = reject(text)
    assert error.path == "agents"
    assert f"key {shown} is not a string" in error.message


def test_merge_keys_are_refused() -> None:
    assert "merge keys" in reject("a:\n  <<: {b: 1}\n").message


@pytest.mark.parametrize("value", ["<<", "="])
def test_values_yaml_cannot_construct_are_refused_with_their_path(value: str) -> None:
    error = reject(f"a:\n  b: {value}\n")
    assert error.path == "a.b"
    assert "quote it" in error.message


def test_several_documents_are_refused() -> None:
    assert "invalid YAML" in reject("a: 1\n---\nb: 2\n").message


def test_huge_document_is_refused() -> None:
    error = reject("a: " + "x" * (MAX_BYTES + 1) + "\n")
    assert "larger than" in error.message


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert "nesting deeper" in reject(text).message


def test_syntax_error_names_the_path_and_line() -> None:
    error = reject("agents:\n  a:\n    tools: [x, y\n  b: 1\n")
    assert error.message.startswith("invalid YAML")
    assert error.path.startswith("agents.a.tools")
    assert "[line" in error.message


# --- the same abuse in a real team file, through `aiops team validate` (exit 2) ---------------


def test_billion_laughs_in_team_yaml(tmp_path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    text = (team / "team.yaml").read_text(encoding="utf-8")
    (team / "team.yaml").write_text(BILLION_LAUGHS.replace("a:", "x_a:", 1) + text, encoding="utf-8")
    expect_config_error(team, capsys, file=team / "team.yaml", path="x_a", contains="anchor")


def test_python_tag_in_team_yaml(tmp_path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    marker = tmp_path / "pwned"
    edit_text(
        team / "team.yaml", "name: default", f"name: !!python/object/apply:os.system ['touch {marker}']"
    )
    expect_config_error(team, capsys, file=team / "team.yaml", path="name", contains="explicit tag")
    assert not marker.exists()


def test_alias_reuse_of_an_agent_in_team_yaml(tmp_path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    edit_text(team / "team.yaml", "  sre_log_analyst:\n", "  sre_log_analyst: &analyst\n")
    text = (team / "team.yaml").read_text(encoding="utf-8")
    (team / "team.yaml").write_text(
        text.replace("\n# policy:", "\n  sre_clone: *analyst\n# policy:"), encoding="utf-8"
    )
    expect_config_error(
        team, capsys, file=team / "team.yaml", path="agents.sre_log_analyst", contains="anchor &analyst"
    )


def test_duplicate_agent_key_is_a_name_clash(tmp_path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    text = (team / "team.yaml").read_text(encoding="utf-8")
    extra = "  sre_log_analyst:\n    description: a second analyst\n    system_prompt: hi\n"
    (team / "team.yaml").write_text(text.replace("\n# policy:", f"\n{extra}# policy:"), encoding="utf-8")
    expect_config_error(
        team,
        capsys,
        file=team / "team.yaml",
        path="agents.sre_log_analyst",
        contains="duplicate key 'sre_log_analyst'",
    )


def test_huge_team_yaml(tmp_path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    with (team / "team.yaml").open("a", encoding="utf-8") as fh:
        fh.write("#" + "x" * MAX_BYTES + "\n")
    expect_config_error(team, capsys, file=team / "team.yaml", path="(document)", contains="larger than")


def test_invalid_utf8_team_yaml(tmp_path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    (team / "team.yaml").write_bytes(b"name: \xff\xfe\n")
    expect_config_error(team, capsys, file=team / "team.yaml", path="(document)", contains="UTF-8")
