"""Model factory: which model each agent gets, credential checks before any work, and construction.

Resolution order for one agent: `--model` / `AIOPS_MODEL` (global override) > the agent's `model:`
in the team file. When nothing was asked for explicitly and no provider credentials are set at all,
every agent falls back to the offline `playbook` engine (and the CLI says so in one line).
Built-in engines plug in by name through `ENGINE_FACTORIES` ("module:function").
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiops.agents.model_names import ENGINES, PROVIDER_ENV, parse_model_string
from aiops.core.errors import ConfigError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from aiops.team.schema import ModelOptions

ENGINE_FACTORIES: dict[str, str] = {
    "playbook": "aiops.agents.playbook:create_playbook_model",
    "scripted": "aiops.agents.scripted_env:create_scripted_model",
}
"""Engine name -> "module:function"; the function takes keyword arguments `agent` (name) and
`context` (an `EngineContext`) and returns a chat model."""

OFFLINE_ENGINE = "playbook"


@dataclass(frozen=True, slots=True)
class ModelChoice:
    """The model one agent will use and why (`team`, `override` or `fallback`)."""

    agent: str
    model: str
    source: str
    base_url: str | None = None
    options: ModelOptions | None = None

    @property
    def provider(self) -> str:
        return parse_model_string(self.model).provider


@dataclass(frozen=True, slots=True)
class EngineContext:
    """What an engine factory may know: the team, the agent's spec, the incident's tool names."""

    team: Any
    agent_spec: Any
    extras: Mapping[str, Any]


def _has_credentials(provider: str, env: Mapping[str, str]) -> bool:
    names = PROVIDER_ENV.get(provider, ())
    return not names or any(env.get(name) for name in names)


def plan_models(
    agents: Mapping[str, tuple[str, ModelOptions | None]],
    *,
    override: str | None = None,
    base_url: str | None = None,
    env: Mapping[str, str] | None = None,
) -> tuple[dict[str, ModelChoice], str | None]:
    """Choose a model per agent. `agents` maps name -> (resolved model string, options).

    Returns the choices and a one-line notice when the offline engine was chosen by fallback.
    Raises ConfigError (exit 2) for a bad override or missing credentials, before any work starts.
    """
    env = os.environ if env is None else env
    override = override or env.get("AIOPS_MODEL") or None
    base_url = base_url or env.get("AIOPS_BASE_URL") or None
    if override:
        try:
            parse_model_string(override)
        except ValueError as exc:
            raise ConfigError(str(exc), path="--model") from exc
        choices = {name: ModelChoice(name, override, "override", base_url, opts) for name, (_, opts) in agents.items()}
    else:
        choices = {
            name: ModelChoice(name, model, "team", base_url or (opts.base_url if opts else None), opts)
            for name, (model, opts) in agents.items()
        }
        needs_key = [c for c in choices.values() if c.provider and not c.base_url and PROVIDER_ENV.get(c.provider)]
        if needs_key and not any(_has_credentials(c.provider, env) for c in needs_key):
            missing = sorted({var for c in needs_key for var in PROVIDER_ENV[c.provider][:1]})
            notice = (f"no model credentials found ({', '.join(missing)} unset): using the offline playbook engine; "
                      "set a key or pass --model to use an LLM")
            return {name: ModelChoice(name, OFFLINE_ENGINE, "fallback") for name in agents}, notice
    _check_credentials(choices, env)
    return choices, None


def _check_credentials(choices: Mapping[str, ModelChoice], env: Mapping[str, str]) -> None:
    for choice in choices.values():
        if not choice.provider or choice.base_url:
            continue
        key_env = choice.options.api_key_env if choice.options else None
        if key_env:
            if not env.get(key_env):
                raise ConfigError(f"agent {choice.agent} uses {choice.model} but ${key_env} is not set",
                                  path=f"agents.{choice.agent}.model_options.api_key_env")
            continue
        if not _has_credentials(choice.provider, env):
            names = " or ".join(f"${n}" for n in PROVIDER_ENV[choice.provider])
            raise ConfigError(
                f"agent {choice.agent} uses {choice.model} but {names} is not set; export it, "
                f"point at a local server with --base-url, or run offline with --model {OFFLINE_ENGINE}",
                path=f"agents.{choice.agent}.model",
            )


def _load_engine(name: str) -> Callable[..., BaseChatModel]:
    module_name, _, func = ENGINE_FACTORIES[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise ConfigError(f"model engine {name!r} is not available in this installation ({exc.name})") from exc
    return getattr(module, func)


DEFAULT_MODEL_TIMEOUT_S = 120.0
"""Seconds one model call may take when the team sets no `model_options.timeout_seconds`: a server
that accepts the connection and never answers stops the run (resumable) instead of hanging it. A
local server (`--base-url`) is tried twice at most; providers keep their clients' retries."""
_TIMEOUT_PROVIDERS = frozenset({"openai", "anthropic"})


def create_chat_model(choice: ModelChoice, *, context: EngineContext | None = None) -> BaseChatModel:
    """Build the chat model for one agent (an engine by name, or a LangChain provider model)."""
    parsed = parse_model_string(choice.model)
    if not parsed.provider:
        if parsed.model not in ENGINES or parsed.model not in ENGINE_FACTORIES:
            raise ConfigError(f"unknown model engine {parsed.model!r}")
        return _load_engine(parsed.model)(agent=choice.agent, context=context)
    kwargs: dict[str, Any] = {}
    opts = choice.options
    if opts is not None:
        if opts.temperature is not None:
            kwargs["temperature"] = opts.temperature
        if opts.max_tokens is not None:
            kwargs["max_tokens"] = opts.max_tokens
        if opts.timeout_seconds is not None:
            kwargs["timeout"] = opts.timeout_seconds
    if parsed.provider in _TIMEOUT_PROVIDERS or choice.base_url:
        kwargs.setdefault("timeout", DEFAULT_MODEL_TIMEOUT_S)
    if choice.base_url:
        kwargs.setdefault("max_retries", 1)
        return _openai_compatible(parsed.model, choice.base_url, opts, kwargs)
    if opts is not None and opts.api_key_env:
        kwargs["api_key"] = os.environ.get(opts.api_key_env)
    from langchain.chat_models import init_chat_model

    try:
        return init_chat_model(str(parsed), **kwargs)
    except ImportError as exc:
        raise ConfigError(
            f"provider {parsed.provider!r} needs its LangChain package: "
            f"pip install 'langchain-{parsed.provider}' ({exc})"
        ) from exc


def _openai_compatible(model: str, base_url: str, opts: ModelOptions | None, kwargs: dict[str, Any]) -> BaseChatModel:
    """An OpenAI-compatible local server (vLLM, llama.cpp, LM Studio, Ollama /v1): chat completions,
    never the Responses API, which such servers usually lack."""
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise ConfigError("OpenAI-compatible servers need langchain-openai: pip install 'aiops-team[openai]'") from exc
    key_env = opts.api_key_env if opts and opts.api_key_env else "OPENAI_API_KEY"
    api_key = os.environ.get(key_env) or "not-needed"
    return ChatOpenAI(model=model, base_url=base_url, api_key=api_key, use_responses_api=False, **kwargs)
