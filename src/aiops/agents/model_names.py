"""Model strings: `provider:model`, tier aliases and built-in engine names. No LangChain import here."""

from __future__ import annotations

import re
from dataclasses import dataclass

PROVIDER_ENV: dict[str, tuple[str, ...]] = {
    "anthropic": ("ANTHROPIC_API_KEY",),
    "openai": ("OPENAI_API_KEY",),
    "azure_openai": ("AZURE_OPENAI_API_KEY",),
    "google_genai": ("GOOGLE_API_KEY", "GEMINI_API_KEY"),
    "google_vertexai": (),
    "bedrock": (),
    "bedrock_converse": (),
    "mistralai": ("MISTRAL_API_KEY",),
    "groq": ("GROQ_API_KEY",),
    "fireworks": ("FIREWORKS_API_KEY",),
    "together": ("TOGETHER_API_KEY",),
    "deepseek": ("DEEPSEEK_API_KEY",),
    "xai": ("XAI_API_KEY",),
    "cohere": ("COHERE_API_KEY",),
    "huggingface": ("HUGGINGFACEHUB_API_TOKEN",),
    "perplexity": ("PPLX_API_KEY",),
    "openrouter": ("OPENROUTER_API_KEY",),
    "ollama": (),
}
"""Providers LangChain's `init_chat_model` knows, with the variables that carry their keys.
An empty tuple means the provider needs no key variable (local server or ambient cloud auth)."""

ENGINES: set[str] = {"playbook", "scripted"}
"""Built-in model names that are not LLM providers (offline engine, scripted test model)."""

_MODEL_RE = re.compile(r"^(?P<provider>[a-z][a-z0-9_]*):(?P<model>[A-Za-z0-9][\w.:/@+-]*)$")


@dataclass(frozen=True, slots=True)
class ModelName:
    """A parsed model string. `provider` is "" for built-in engines."""

    provider: str
    model: str

    def __str__(self) -> str:
        return f"{self.provider}:{self.model}" if self.provider else self.model


def parse_model_string(value: str) -> ModelName:
    """Parse `provider:model` or a built-in engine name; raise ValueError with what is wrong."""
    text = value.strip()
    if text in ENGINES:
        return ModelName("", text)
    match = _MODEL_RE.match(text)
    if not match:
        raise ValueError(
            f"{value!r} is not a model string: use 'provider:model' (e.g. 'anthropic:claude-sonnet-4-6', "
            f"'openai:gpt-4.1-mini', 'ollama:llama3.1') or one of: {', '.join(sorted(ENGINES))}"
        )
    provider = match["provider"]
    if provider not in PROVIDER_ENV:
        raise ValueError(
            f"unknown model provider {provider!r} in {value!r}; known providers: {', '.join(sorted(PROVIDER_ENV))}"
        )
    return ModelName(provider, match["model"])
