"""Load and validate an environment file (YAML). Every problem is a `ConfigError` with the file
and the dotted key path; unknown keys, duplicate keys, anchors, aliases, tags and inline secrets are
errors (the strict loader of `aiops.core.yamlsafe`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from aiops.backends.registry import ROLES, backend_names, get_backend_type
from aiops.backends.secrets import find_inline_secrets
from aiops.backends.spec import BackendSpec, EnvironmentSpec
from aiops.core.errors import ConfigError
from aiops.core.yamlsafe import parse_yaml

TOP_KEYS = ("name", "description", "type", "scenario", *ROLES, "serve", "notify", "database")
SERVICE_KEYS = ("serve", "notify", "database")
"""Sections not about backends: read by `aiops serve` (`aiops.server.config`) and, for `database`, by
`aiops.storage.config`."""
REQUIRED_ROLES = ("inventory", "logs", "metrics")
DEFAULT_TYPES = {"events": "none", "executor": "none", "state": "none"}


def load_environment_file(path: str | Path) -> EnvironmentSpec:
    """Read and validate an environment file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read environment file: {exc.strerror or exc}", file=str(path)) from exc
    data = parse_yaml(text, str(path), what="environment file").data
    return parse_environment(data, file=path)


def _pydantic_error(exc: ValidationError, role: str, file: str | None) -> ConfigError:
    errors = exc.errors()
    first = errors[0]
    loc = ".".join(str(part) for part in (role, *first["loc"]))
    message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return ConfigError(message, file=file, path=loc)


def _role_section(role: str, raw: Any, default_type: str | None, file: str | None) -> tuple[str, dict[str, Any]]:
    if raw is None:
        if default_type is None:
            raise ConfigError(
                f"missing; give a `{role}:` backend (types: {', '.join(backend_names(role))})",
                file=file,
                path=role,
            )
        return default_type, {}
    if isinstance(raw, str):
        return raw, {}
    if not isinstance(raw, dict):
        raise ConfigError("must be a mapping with a `type`", file=file, path=role)
    kind = raw.get("type")
    if not isinstance(kind, str):
        raise ConfigError(f"missing `type` (one of: {', '.join(backend_names(role))})", file=file, path=f"{role}.type")
    return kind, {k: v for k, v in raw.items() if k != "type"}


def parse_environment(data: Any, *, file: str | Path | None = None) -> EnvironmentSpec:
    """Validate an already-parsed environment mapping (see `load_environment_file`)."""
    where = str(file) if file is not None else None
    if not isinstance(data, dict):
        raise ConfigError("an environment file must be a YAML mapping", file=where)
    for path, reason in find_inline_secrets(data):
        raise ConfigError(reason, file=where, path=path)
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(f"unknown key; allowed: {', '.join(TOP_KEYS)}", file=where, path=str(key))
    env_type = data.get("type")
    if env_type not in (None, "sandbox"):
        raise ConfigError(
            "only `sandbox` is allowed here (it makes every role default to the sandbox)",
            file=where,
            path="type",
        )
    scenario = data.get("scenario")
    if scenario is not None and not isinstance(scenario, str):
        raise ConfigError("must be a scenario name or path", file=where, path="scenario")
    if env_type == "sandbox" and scenario is None:
        raise ConfigError("`type: sandbox` needs `scenario: NAME|PATH`", file=where, path="scenario")
    for key in SERVICE_KEYS:
        if data.get(key) is not None and not isinstance(data[key], dict):
            raise ConfigError("must be a mapping (see `aiops serve --help`)", file=where, path=key)
    for key in ("name", "description"):
        if key in data and not isinstance(data[key], str):
            raise ConfigError("must be a string", file=where, path=key)

    roles: dict[str, BackendSpec] = {}
    for role in ROLES:
        if role == "clock":
            continue
        if role == "state":  # optional everywhere: the sandbox has no orchestrator view of its own
            default: str | None = "none"
        else:
            default = "sandbox" if env_type == "sandbox" else None if role in REQUIRED_ROLES else DEFAULT_TYPES[role]
        roles[role] = _build_role(role, data.get(role), default, where)
    uses_sandbox = any(spec.type == "sandbox" for spec in roles.values())
    roles["clock"] = _build_role("clock", data.get("clock"), "sandbox" if uses_sandbox else "wall", where)
    scenario = _sandbox_scenario(roles, scenario, where)
    name = data.get("name") or (Path(file).stem if file is not None else "environment")
    return EnvironmentSpec(
        name=name,
        roles=roles,
        description=data.get("description", ""),
        scenario=scenario,
        file=Path(file) if file is not None else None,
        raw=data,
    )


def _build_role(role: str, raw: Any, default: str | None, where: str | None) -> BackendSpec:
    kind, options = _role_section(role, raw, default, where)
    try:
        backend = get_backend_type(role, kind)
    except KeyError:
        raise ConfigError(
            f"unknown {role} backend {kind!r}; available: {', '.join(backend_names(role))}",
            file=where,
            path=f"{role}.type",
        ) from None
    try:
        validated = backend.options.model_validate(options)
    except ValidationError as exc:
        raise _pydantic_error(exc, role, where) from None
    return BackendSpec(type=kind, options=validated)


def _sandbox_scenario(roles: dict[str, BackendSpec], scenario: str | None, where: str | None) -> str | None:
    """The one scenario every sandbox role shares (top-level `scenario` or the roles' own)."""
    chosen = scenario
    for role, spec in roles.items():
        if spec.type != "sandbox":
            continue
        own = spec.option("scenario")
        if own is not None and chosen is not None and own != chosen:
            raise ConfigError(
                f"sandbox roles must share one scenario ({chosen!r} vs {own!r})",
                file=where,
                path=f"{role}.scenario",
            )
        chosen = chosen or own
        if chosen is None:
            raise ConfigError(
                "a sandbox backend needs `scenario` (here or at the top level)",
                file=where,
                path=f"{role}.scenario",
            )
    return chosen
