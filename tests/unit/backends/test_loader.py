"""Environment file schema: strict keys with file + dotted path, secrets only from env vars."""

from __future__ import annotations

import pytest

from aiops.backends import (
    BackendType,
    backend_names,
    build_environment,
    load_environment_file,
    parse_environment,
    register_backend,
)
from aiops.backends.options import Options
from aiops.backends.static import ListEvents
from aiops.cli.main import main
from aiops.core.errors import ConfigError

from .conftest import BASE


def test_valid_file_defaults(write_env):
    spec = load_environment_file(write_env())
    assert spec.name == "unit"
    assert spec.summary() == {
        "inventory": "static",
        "logs": "files",
        "metrics": "prometheus",
        "events": "none",
        "executor": "none",
        "state": "none",
        "clock": "wall",
    }
    assert spec.role("metrics").options.timeout_s == 10


def test_unknown_top_level_key(write_env):
    with pytest.raises(ConfigError) as err:
        load_environment_file(write_env(loggs={"type": "files"}))
    assert err.value.path == "loggs"
    assert err.value.file.endswith("env.yaml")


def test_unknown_nested_key_has_dotted_path(write_env):
    metrics = {**BASE["metrics"], "queries": {"cpu": {"query": "x", "unti": "%"}}}
    with pytest.raises(ConfigError) as err:
        load_environment_file(write_env(metrics=metrics))
    assert err.value.path == "metrics.queries.cpu.unti"
    assert "unknown key" in str(err.value)


def test_unknown_type_lists_known(write_env):
    with pytest.raises(ConfigError) as err:
        load_environment_file(write_env(logs={"type": "splunk"}))
    assert err.value.path == "logs.type"
    assert "files" in str(err.value) and "loki" in str(err.value)


def test_missing_required_role():
    data = {k: v for k, v in BASE.items() if k != "metrics"}
    with pytest.raises(ConfigError) as err:
        parse_environment(data)
    assert err.value.path == "metrics"


def test_duplicate_yaml_keys(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("name: a\nname: b\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="duplicate key"):
        load_environment_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_environment_file(tmp_path / "nope.yaml")
    assert err.value.file.endswith("nope.yaml")


@pytest.mark.parametrize(
    ("section", "path"),
    [
        ({"token": "abc123"}, "metrics.token"),
        ({"password": "hunter2"}, "metrics.password"),
        ({"headers": {"Authorization": "Bearer abcdef"}}, "metrics.headers.Authorization"),
        ({"headers": {"X-Org": "Bearer abc.def"}}, "metrics.headers.X-Org"),
        ({"api_key": "sk-0123456789abcdefghijklmn"}, "metrics.api_key"),
    ],
)
def test_inline_secrets_rejected(section, path):
    with pytest.raises(ConfigError) as err:
        parse_environment({**BASE, "metrics": {**BASE["metrics"], **section}})
    assert err.value.path == path


def test_url_credentials_rejected():
    with pytest.raises(ConfigError, match="credentials in the URL"):
        parse_environment({**BASE, "metrics": {**BASE["metrics"], "url": "http://u:p@prom:9090"}})


def test_secret_named_service_is_fine():
    inventory = {"type": "static", "services": {"token-service": {}, "payment-api": {}, "postgres": {}}}
    parse_environment({**BASE, "inventory": inventory})


def test_token_env_must_be_a_name():
    with pytest.raises(ConfigError) as err:
        parse_environment({**BASE, "metrics": {**BASE["metrics"], "token_env": "not a name!"}})
    assert err.value.path == "metrics.token_env"


def test_token_env_unset_is_config_error(tmp_path, monkeypatch):
    monkeypatch.delenv("PROM_TOKEN_UNIT", raising=False)
    spec = parse_environment({**BASE, "metrics": {**BASE["metrics"], "token_env": "PROM_TOKEN_UNIT"}})
    with pytest.raises(ConfigError, match="PROM_TOKEN_UNIT is not set"):
        build_environment(spec, state_dir=tmp_path)


def test_token_from_env_becomes_header(tmp_path, monkeypatch):
    monkeypatch.setenv("PROM_TOKEN_UNIT", "s3cret")
    spec = parse_environment({**BASE, "metrics": {**BASE["metrics"], "token_env": "PROM_TOKEN_UNIT"}})
    env = build_environment(spec, state_dir=tmp_path)
    assert env.metrics.client.headers["Authorization"] == "Bearer s3cret"


def test_sandbox_roles_need_one_scenario():
    with pytest.raises(ConfigError) as err:
        parse_environment({**BASE, "events": {"type": "sandbox"}})
    assert err.value.path == "events.scenario"
    with pytest.raises(ConfigError, match="share one scenario"):
        parse_environment({**BASE, "scenario": "a", "events": {"type": "sandbox", "scenario": "b"}})
    spec = parse_environment({**BASE, "scenario": "a", "events": {"type": "sandbox"}})
    assert spec.scenario == "a" and spec.role("clock").type == "sandbox"


def test_whole_sandbox_shorthand():
    spec = parse_environment({"name": "s", "type": "sandbox", "scenario": "pool-leak-payment"})
    assert spec.all_sandbox and spec.scenario == "pool-leak-payment"
    with pytest.raises(ConfigError):
        parse_environment({"type": "sandbox"})


def test_string_shorthand_and_fixed_clock():
    spec = parse_environment({**BASE, "events": "none", "clock": {"type": "fixed", "at": "2024-05-01T12:00:00"}})
    assert spec.role("clock").options.at.tzinfo is not None


def test_register_plugin_backend(tmp_path):
    class Opts(Options):
        count: int = 1

    register_backend(BackendType("events", "unit-plugin", Opts, lambda o, ctx: ListEvents([]), "test"))
    assert "unit-plugin" in backend_names("events")
    env = build_environment(
        parse_environment({**BASE, "events": {"type": "unit-plugin", "count": 2}}), state_dir=tmp_path
    )
    assert env.events.events(start=env.clock.now(), end=env.clock.now()) == []
    with pytest.raises(ValueError, match="already registered"):
        register_backend(BackendType("events", "unit-plugin", Opts, lambda o, ctx: None))


def test_cli_validate_exit_codes(write_env, tmp_path, capsys):
    assert main(["env", "validate", str(write_env())]) == 0
    assert "valid environment" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text("inventory: {type: static}\n", encoding="utf-8")
    assert main(["env", "validate", str(bad)]) == 2
    assert "inventory.services" in capsys.readouterr().err


def test_cli_types(capsys):
    assert main(["env", "types"]) == 0
    assert "prometheus" in capsys.readouterr().out
