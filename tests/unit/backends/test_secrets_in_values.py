"""Secrets written *inside* string values of an environment file are refused (issue #11 item 6).

Each error names the file and the dotted key path, says what was found (never the secret itself) and
what to do instead (an environment variable, named with a `*_env` option).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from aiops.backends import load_environment_file, parse_environment
from aiops.core.errors import ConfigError
from tests.unit.backends.conftest import BASE

SECRET = "hunter2Zq81xv"  # a planted test value


def _reject(**overrides: Any) -> ConfigError:
    with pytest.raises(ConfigError) as err:
        parse_environment({**BASE, **overrides}, file="env.yaml")
    assert SECRET not in str(err.value), "the error must not repeat the secret"
    assert err.value.file == "env.yaml"
    return err.value


def _metrics(**fields: Any) -> dict[str, Any]:
    return {"metrics": {**BASE["metrics"], **fields}}


def _command(*argv: str) -> dict[str, Any]:
    return {"executor": {"type": "command", "actions": {"restart": list(argv)}}}


@pytest.mark.parametrize("url", [
    f"http://prometheus.invalid:9090/?api_key={SECRET}",
    f"http://prometheus.invalid:9090/api?timeout=5&access_token={SECRET}",
    f"http://prometheus.invalid:9090/?X-Amz-Signature={SECRET}",
    f"http://prometheus.invalid:9090/?key={SECRET}",
])
def test_credential_in_a_url_query_is_refused(url: str) -> None:
    error = _reject(**_metrics(url=url))
    assert error.path == "metrics.url"
    assert "query" in error.message and "url_env" in error.message


@pytest.mark.parametrize("url", [
    f"https://hooks.slack.com/services/T0001/B0001/{SECRET}",
    f"https://discord.com/api/webhooks/123456/{SECRET}",
    f"https://example.webhook.office.com/webhookb2/{SECRET}",
])
def test_webhook_urls_that_are_credentials_are_refused(url: str) -> None:
    error = _reject(executor={"type": "webhook", "url": url, "actions": ["restart"]})
    assert error.path == "executor.url"
    assert "webhook" in error.message and "url_env" in error.message


@pytest.mark.parametrize(("argv", "where", "name"), [
    (["sh", "-c", f"PGPASSWORD={SECRET} psql -h db -c 'select 1'"], 2, "PGPASSWORD"),
    ([f"PGPASSWORD={SECRET}", "psql"], 0, "PGPASSWORD"),
    (["env", f"AWS_SECRET_ACCESS_KEY={SECRET}", "aws", "ecs"], 1, "AWS_SECRET_ACCESS_KEY"),
    (["mysql", f"--password={SECRET}"], 1, "--password"),
    (["mysql", "--password", SECRET], 2, "--password"),
    (["curl", "-H", f"Authorization: Bearer {SECRET}", "https://ops.invalid"], 2, "Authorization"),
    (["curl", "-H", f"authorization: basic {SECRET}==", "https://ops.invalid"], 2, "Authorization"),
    (["psql", f"postgres://app:{SECRET}@db:5432/app"], 1, "credentials in the URL"),
    (["curl", "-H", f"X-API-Key: {SECRET}", "https://ops.invalid"], 2, "X-API-Key header"),
    (["curl", "-u", f"ops:{SECRET}", "https://ops.invalid"], 2, "password in -u"),
    (["curl", f"--user=ops:{SECRET}", "https://ops.invalid"], 1, "password in --user"),
    (["curl", f"https://ops.invalid/cb#access_token={SECRET}"], 1, "fragment"),
    (["curl", f"https://ops.invalid/app;jsessionid={SECRET}"], 1, "jsessionid"),
    (["mysql", "-h", "db", f"-p{SECRET}", "-e", "select 1"], 3, "mysql -p"),
    (["/usr/bin/sshpass", "-p", SECRET, "ssh", "ops@db"], 2, "sshpass -p"),
    (["redis-cli", "-h", "cache", "-a", SECRET, "ping"], 4, "redis-cli -a"),
    (["sh", "-c", f"sudo mysqladmin -uroot -p{SECRET} flush-hosts"], 2, "mysqladmin -p"),
    (["bash", "-c", f"cd /srv && redis-cli -a '{SECRET}' info"], 2, "redis-cli -a"),
])
def test_credentials_inside_argv_items_are_refused(argv: list[str], where: int, name: str) -> None:
    error = _reject(**_command(*argv))
    assert error.path == f"executor.actions.restart.{where}"
    assert name.lower() in error.message.lower()
    assert "environment" in error.message


def test_bearer_token_inside_any_string_is_refused() -> None:
    error = _reject(description=f"ask ops, they use Authorization: Bearer {SECRET} for now")
    assert error.path == "description" and "bearer" in error.message.lower()
    assert "token_env" in error.message


def test_the_error_names_the_file_of_a_loaded_environment(tmp_path: Path) -> None:
    path = tmp_path / "prod.yaml"
    path.write_text(yaml.safe_dump({**BASE, **_metrics(url=f"http://prom.invalid:9090/?token={SECRET}")}))
    with pytest.raises(ConfigError) as err:
        load_environment_file(path)
    assert err.value.file == str(path) and err.value.path == "metrics.url"
    assert SECRET not in str(err.value)


@pytest.mark.parametrize("overrides", [
    _metrics(url="http://prometheus.invalid:9090/api?timeout=5s&step=30"),
    _metrics(queries={"errors": 'sum(rate(http_requests_total{token_type="jwt", service="{service}"}[5m]))'}),
    _command("sh", "-c", "PGPASSWORD=$PGPASSWORD psql -h db -c 'select 1'"),
    _command("sh", "-c", 'curl -H "Authorization: Bearer $OPS_TOKEN" https://ops.invalid'),
    _command("mysql", "--password-file=/etc/mysql/pw", "-e", "select 1"),
    _command("kubectl", "rollout", "restart", "deployment/{target}", "--token-file", "/var/run/token"),
    _command("curl", "-u", "ops", "-H", "Content-Type: application/json", "-H", "X-API-Key: $OPS_KEY",
             "https://grafana.invalid/d/abc;v=2#panel=3"),
    _command("psql", "-p", "5432", "-U", "ops"),
    {"executor": {"type": "webhook", "url": "https://ops.invalid/hooks/restart", "actions": ["restart"]}},
    {"description": "bearer tokens come from OPS_TOKEN; the password is in PGPASSWORD"},
])
def test_references_to_environment_variables_and_plain_values_pass(overrides: dict[str, Any]) -> None:
    parse_environment({**BASE, **overrides}, file="env.yaml")


def test_url_env_is_the_way_to_give_a_secret_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A webhook whose URL is the credential reads it from the environment; messages never show it."""
    from aiops.backends import build_environment

    spec = parse_environment({**BASE, "executor": {"type": "webhook", "url_env": "OPS_WEBHOOK_URL",
                                                    "actions": ["restart"]}}, file="env.yaml")
    monkeypatch.setenv("OPS_WEBHOOK_URL", f"https://hooks.slack.com/services/T0001/B0001/{SECRET}")
    env = build_environment(spec, state_dir=tmp_path / "state")
    try:
        result = env.executor.execute("restart", "payment-api", dry_run=True)
    finally:
        env.close()
    assert result.ok and SECRET not in repr(result)
    assert "hooks.slack.com" in result.message


def test_url_and_url_env_are_exclusive() -> None:
    with pytest.raises(ConfigError) as err:
        parse_environment({**BASE, "executor": {"type": "webhook", "url": "https://ops.invalid/x",
                                                "url_env": "OPS_URL", "actions": ["restart"]}})
    assert err.value.path.startswith("executor") and "url_env" in err.value.message


def test_a_token_prefix_inside_a_word_is_not_a_token():
    from aiops.backends.secrets import find_inline_secrets

    paths = {"logs": {"type": "files", "services": {
        "risk-adapter": ["/srv/logs/risk-adapter/risk-adapter-5d6c9b7f8-h2vkn.log"],
        "disk-cleaner": ["/var/log/disk-cleanup-job-28447215-q2kzt.log"]}}}
    assert list(find_inline_secrets(paths)) == []
    assert list(find_inline_secrets({"logs": {"pattern": "/x/sk-abcdefghijklmnopqrstuvwxyz012345"}}))


@pytest.mark.parametrize("argv", [
    ["ssh", "-p", "2222", "ops@db", "uptime"],
    ["redis-cli", "-p", "6380", "ping"],
    ["mysql", "-p", "orders", "-e", "select 1"],
    ["mysql", "-p$MYSQL_PWD", "-e", "select 1"],
    ["sh", "-c", "redis-cli -a \"$REDISCLI_AUTH\" ping"],
    ["sshpass", "-e", "ssh", "ops@db"],
])
def test_password_options_are_only_refused_for_the_programs_that_take_them(argv: list[str]) -> None:
    parse_environment({**BASE, **_command(*argv)}, file="env.yaml")
