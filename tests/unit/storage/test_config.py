"""Database settings: where they come from, what is refused, and a password that never shows."""

from __future__ import annotations

import pytest

from aiops.core.errors import ConfigError
from aiops.storage.config import parse_section, resolve
from aiops.storage.postgres import translate
from aiops.storage.url import parse_url, redact_url

SECRET = "s3cr3t-Pa55"


def test_redact_masks_user_info_and_query_passwords():
    text = f"failed: postgresql://aiops:{SECRET}@db:5432/aiops and postgres://db/x?sslmode=require&password={SECRET}"
    shown = redact_url(text)
    assert SECRET not in shown
    assert "postgresql://aiops:***@db:5432/aiops" in shown and "password=***" in shown


def test_sqlite_is_the_default(tmp_path):
    assert resolve(tmp_path, environ={}) is None


def test_the_url_variable_wins_and_takes_a_separate_password(tmp_path):
    (tmp_path / "env.yaml").write_text("database:\n  url: postgresql://other@elsewhere/x\n")
    config = resolve(tmp_path, environ={"AIOPS_DATABASE_URL": "postgresql://aiops@db.example:6543/state",
                                        "AIOPS_DATABASE_PASSWORD": SECRET})
    assert config.url.host == "db.example" and config.url.port == 6543 and config.url.name == "state"
    assert SECRET in config.url.dsn and SECRET not in config.shown and "AIOPS_DATABASE_URL" in config.shown


def test_env_file_section_reads_the_password_from_the_named_variable(tmp_path):
    env = tmp_path / "prod.yaml"
    env.write_text("database:\n  url: postgresql://aiops@db.example/aiops\n  password_env: PROD_DB_PASSWORD\n")
    config = resolve(tmp_path, env, environ={"PROD_DB_PASSWORD": "p@ss:w/rd"})
    assert config.url.with_password("x").user == "aiops"
    assert "p%40ss%3Aw%2Frd@" in config.url.dsn and "p@ss" not in config.shown
    with pytest.raises(ConfigError, match=r"PROD_DB_PASSWORD.*is not set"):
        resolve(tmp_path, env, environ={})


def test_the_default_env_file_of_the_state_folder_counts(tmp_path):
    (tmp_path / "env.yaml").write_text("database:\n  url: postgresql://aiops@db.example/aiops\n")
    assert resolve(tmp_path, environ={}).origin.endswith("env.yaml: database")


@pytest.mark.parametrize(("raw", "message"), [
    ({"url": f"postgresql://aiops:{SECRET}@db/aiops"}, "must not be written in the file"),
    ({"url": "mysql://aiops@db/aiops"}, "scheme must be postgresql"),
    ({"url": "postgresql://aiops@db"}, "names no database"),
    ({"url": "postgresql:///aiops"}, "names no host"),
    ({"url": "postgresql://aiops@db/a", "pasword_env": "X"}, "unknown key"),
    ({"url": "postgresql://aiops@db/a", "pool_size": 0}, "from 1 to 100"),
    ([], "must be a mapping"),
])
def test_bad_sections_are_refused_with_the_key_and_without_the_password(raw, message):
    with pytest.raises(ConfigError, match=message) as caught:
        parse_section(raw, file="prod.yaml", environ={})
    assert SECRET not in str(caught.value)


def test_bad_url_variable_is_refused_without_the_password():
    with pytest.raises(ConfigError, match="AIOPS_DATABASE_URL") as caught:
        parse_url(f"https://aiops:{SECRET}@db/aiops", "AIOPS_DATABASE_URL")
    assert SECRET not in str(caught.value)


def test_sqlite_style_statements_become_psycopg_ones():
    assert translate("SELECT a FROM t WHERE x = ? AND y = :name AND z::text = 'a?'") == (
        "SELECT a FROM t WHERE x = %s AND y = %(name)s AND z::text = 'a?'")
    assert translate("UPDATE t SET s = :state WHERE id = :id AND q = 'it''s :not'") == (
        "UPDATE t SET s = %(state)s WHERE id = %(id)s AND q = 'it''s :not'")
    assert translate("SELECT 100 % 7, ?") == "SELECT 100 %% 7, %s"
