"""Every YAML file the product reads is parsed strictly: no anchors or aliases (billion laughs), no tags,
no duplicate or non-string keys. Each loader raises a ConfigError naming the file and the key path.

Issue #11 item 5: 317 bytes of nested aliases kept `aiops env validate` busy for 12 minutes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from aiops.core.errors import ConfigError

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SKILLS = ROOT / "src/aiops/team/default/skills"
SCENARIO = ROOT / "src/aiops/sandbox/scenarios/pool-leak-payment.yaml"

ALIAS_BOMB = """\
a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
inventory: [*h]
"""
"""Expands to 9^8 (43 million) strings; a walker over the loaded data never finishes."""

ENV_WITH_ALIAS = """\
name: aliased
inventory: &inv
  type: static
  services: {payment-api: {kind: app}}
logs: {type: files, pattern: "logs/{service}.log"}
metrics: {type: prometheus, url: "http://prometheus.invalid:9090"}
events: *inv
"""


def _anchored(text: str, key: str) -> str:
    """`text` with an anchor on the value of its top-level `key`."""
    changed = re.sub(rf"^{key}:", f"{key}: &x", text, count=1, flags=re.MULTILINE)
    assert changed != text
    return changed


def _assert_rejected(exc: pytest.ExceptionInfo[ConfigError], file: Path) -> None:
    message = str(exc.value)
    assert str(file) in message, message
    assert "anchor" in message or "alias" in message, message


def test_env_file_alias_bomb_is_rejected_before_anything_expands(tmp_path: Path) -> None:
    from aiops.backends import load_environment_file

    path = tmp_path / "bomb.yaml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    assert len(ALIAS_BOMB.encode()) < 400
    with pytest.raises(ConfigError) as exc:
        load_environment_file(path)
    _assert_rejected(exc, path)
    assert exc.value.path == "a", "the error names the key path of the first anchor"


def test_env_file_anchor_and_alias_are_rejected_with_the_key_path(tmp_path: Path) -> None:
    from aiops.backends import load_environment_file

    path = tmp_path / "env.yaml"
    path.write_text(ENV_WITH_ALIAS, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_environment_file(path)
    _assert_rejected(exc, path)
    assert exc.value.path == "inventory" and "[line 2]" in str(exc.value)


def test_env_validate_cli_rejects_the_alias_bomb_with_exit_2(tmp_path: Path, capsys) -> None:
    from aiops.cli.main import main

    path = tmp_path / "bomb.yaml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    assert main(["env", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "anchor &a is not allowed" in err


def test_env_file_tags_are_rejected(tmp_path: Path) -> None:
    from aiops.backends import load_environment_file

    path = tmp_path / "env.yaml"
    path.write_text("name: !!python/name:os.system x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="explicit tag"):
        load_environment_file(path)


def test_signatures_file_with_an_alias_is_rejected(tmp_path: Path) -> None:
    from aiops.analysis import load_signatures

    path = tmp_path / "signatures.yaml"
    path.write_text(_anchored((DEFAULT_SKILLS / "log-analysis/signatures.yaml").read_text(), "version"))
    with pytest.raises(ConfigError) as exc:
        load_signatures(path)
    _assert_rejected(exc, path)


@pytest.mark.parametrize(("skill", "filename", "key"), [
    ("remediation", "runbooks.yaml", "actions"),
    ("diagnostics", "failure_modes.yaml", "categories"),
    ("log-analysis", "metric_names.yaml", "metrics"),
])
def test_skill_data_files_with_an_alias_are_rejected(tmp_path: Path, skill: str, filename: str, key: str) -> None:
    from aiops.team.skilldata import load_skill_data

    skills = tmp_path / "skills"
    shutil.copytree(DEFAULT_SKILLS, skills)
    path = skills / skill / filename
    path.write_text(_anchored(path.read_text(), key), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_skill_data(skills)
    _assert_rejected(exc, path)


def test_inventory_file_with_an_alias_is_rejected(tmp_path: Path) -> None:
    from aiops.backends.static import load_services

    path = tmp_path / "services.yaml"
    path.write_text("base: &b {kind: app}\nservices:\n  payment-api: *b\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_services(path)
    _assert_rejected(exc, path)


def test_inventory_file_in_json_still_loads(tmp_path: Path) -> None:
    from aiops.backends.static import load_services

    path = tmp_path / "services.json"
    path.write_text('{"services": [{"name": "payment-api", "kind": "app", "replicas": 3}]}', encoding="utf-8")
    assert [s.name for s in load_services(path)] == ["payment-api"]


def test_sandbox_scenario_with_an_alias_is_rejected(tmp_path: Path) -> None:
    from aiops.sandbox import load_scenario

    path = tmp_path / "scenario.yaml"
    path.write_text(_anchored(SCENARIO.read_text(), "alert"), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_scenario(path)
    _assert_rejected(exc, path)


def test_bench_scenario_with_an_alias_is_rejected(tmp_path: Path) -> None:
    from aiops.bench.scenarios import read

    path = tmp_path / "scenario.yaml"
    path.write_text(_anchored(SCENARIO.read_text(), "alert"), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        read(path)
    _assert_rejected(exc, path)


def test_scripted_model_script_with_an_alias_is_rejected(tmp_path: Path) -> None:
    from aiops.agents.scripted import load_script_file

    path = tmp_path / "script.yaml"
    path.write_text("step: &s {content: hi}\nops_manager: [*s, *s]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_script_file(path)
    _assert_rejected(exc, path)


def test_playbook_engine_ignores_skill_data_with_aliases() -> None:
    from aiops.agents.playbook.skills import _parse_yaml

    assert _parse_yaml("a: &x [1]\nb: *x\n") is None
    assert _parse_yaml("a: [1]\n") == {"a": [1]}


def test_shared_helper_names_the_file_kind_and_key_path(tmp_path: Path) -> None:
    from aiops.team.yamlsafe import load_yaml_data, load_yaml_file

    path = tmp_path / "bundle.yaml"
    path.write_text("bundle:\n  alert: !custom x\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_yaml_file(path, what="bundle file")
    assert exc.value.file == str(path) and exc.value.path == "bundle.alert"
    assert "a bundle file holds plain data" in str(exc.value)
    path.write_text("bundle:\n  alert: payment-api 503s\n", encoding="utf-8")
    assert load_yaml_data(path, what="bundle file") == {"bundle": {"alert": "payment-api 503s"}}
