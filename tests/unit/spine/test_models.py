"""Model choice: per-agent strings, global override, offline fallback, credentials checked up front."""

import pytest

from aiops.agents.model_names import parse_model_string
from aiops.agents.models import DEFAULT_MODEL_TIMEOUT_S, ModelChoice, create_chat_model, plan_models
from aiops.core.errors import ConfigError

TEAM = {"boss": ("anthropic:claude-sonnet-4-6", None), "analyst": ("anthropic:claude-haiku-4-5", None)}


def test_parse_accepts_providers_and_engines():
    assert str(parse_model_string("anthropic:claude-sonnet-4-6")) == "anthropic:claude-sonnet-4-6"
    assert parse_model_string("ollama:llama3.1:8b").model == "llama3.1:8b"
    assert parse_model_string("playbook").provider == ""


@pytest.mark.parametrize("bad", ["claude", "nope:model", "anthropic:", ":x", "anthropic: x", "ANTHROPIC:x"])
def test_parse_rejects_bad_strings(bad):
    with pytest.raises(ValueError, match="model"):
        parse_model_string(bad)


def test_no_credentials_anywhere_falls_back_to_playbook_with_notice():
    choices, notice = plan_models(TEAM, env={})
    assert {c.model for c in choices.values()} == {"playbook"}
    assert notice and "ANTHROPIC_API_KEY" in notice and "playbook" in notice


def test_team_models_used_when_key_present():
    choices, notice = plan_models(TEAM, env={"ANTHROPIC_API_KEY": "k"})
    assert notice is None
    assert choices["analyst"].model == "anthropic:claude-haiku-4-5"
    assert choices["boss"].source == "team"


def test_explicit_override_without_key_is_an_error_before_work():
    with pytest.raises(ConfigError) as err:
        plan_models(TEAM, override="openai:gpt-4.1-mini", env={})
    assert "OPENAI_API_KEY" in str(err.value)
    assert err.value.exit_code == 2


def test_env_override_applies_to_every_agent():
    choices, _ = plan_models(TEAM, env={"AIOPS_MODEL": "playbook"})
    assert all(c.model == "playbook" and c.source == "override" for c in choices.values())


def test_bad_override_is_config_error():
    with pytest.raises(ConfigError, match="--model"):
        plan_models(TEAM, override="gpt4", env={})


def test_partial_credentials_name_the_agent():
    team = {"boss": ("anthropic:claude-sonnet-4-6", None), "analyst": ("openai:gpt-4.1-mini", None)}
    with pytest.raises(ConfigError) as err:
        plan_models(team, env={"ANTHROPIC_API_KEY": "k"})
    assert "analyst" in str(err.value) and "OPENAI_API_KEY" in str(err.value)


def test_base_url_needs_no_key_and_uses_chat_completions():
    choices, notice = plan_models(TEAM, override="openai:qwen2.5", base_url="http://127.0.0.1:9/v1", env={})
    assert notice is None
    model = create_chat_model(choices["boss"])
    assert type(model).__name__ == "ChatOpenAI"
    assert model.use_responses_api is False
    assert str(model.openai_api_base).startswith("http://127.0.0.1:9")
    assert model.request_timeout == DEFAULT_MODEL_TIMEOUT_S  # a server that never answers cannot hang the run
    assert model.max_retries == 1


def test_ollama_needs_no_key():
    choices, notice = plan_models({"a": ("ollama:llama3.1", None)}, env={})
    assert notice is None and choices["a"].model == "ollama:llama3.1"


def test_engine_by_name_scripted(tmp_path, monkeypatch):
    script = tmp_path / "s.yaml"
    script.write_text("boss:\n  - content: hello\n")
    monkeypatch.setenv("AIOPS_SCRIPT", str(script))
    model = create_chat_model(ModelChoice("boss", "scripted", "override"))
    assert model.invoke("hi").content == "hello"
