"""Turning problems in a team file into `ConfigError`s that name the file, the dotted key path and
the line, with a one-line hint on how to fix it. Pydantic errors are mapped the same way."""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from aiops.core.errors import ConfigError
from aiops.team.yamlsafe import Loc, YamlDoc, dotted

_HINTS: dict[str, str] = {
    "missing": "add it",
    "string_type": "write text here (quote it if YAML reads it as a number, yes/no or a date)",
    "list_type": "write a list: [a, b] or one '- item' per line",
    "dict_type": "write a mapping of 'key: value' lines",
    "model_type": "write a mapping of 'key: value' lines",
    "model_attributes_type": "write a mapping of 'key: value' lines",
    "int_type": "write a whole number",
    "int_parsing": "write a whole number",
    "float_type": "write a number",
    "float_parsing": "write a number",
    "bool_type": "write true or false",
    "bool_parsing": "write true or false",
    "string_too_short": "write a non-empty text",
    "literal_error": "use one of the values listed",
    "prompt_choice": "keep either `system_prompt:` (inline text) or `prompt_file:` (a file in the team)",
    "orchestrator_unknown": "name one of the keys under `agents:`",
}

_TYPE_ERRORS = {"string_type", "list_type", "dict_type", "model_type", "int_type", "float_type", "bool_type"}


def did_you_mean(word: str, options: list[str]) -> str:
    """`did you mean 'x'? ` for a close option (empty when none is close)."""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return f"did you mean {close[0]!r}? " if close else ""


def located(message: str, doc: YamlDoc, loc: Loc, hint: str | None = None) -> ConfigError:
    """A ConfigError for `loc` in `doc`: `<file>: <dotted path>: <message> [line N]; <hint>`."""
    line = doc.line(loc)
    text = message + (f" [line {line}]" if line else "") + (f"; {hint}" if hint else "")
    return ConfigError(text, file=doc.file, path=dotted(loc) or "(document)")


def from_validation(exc: ValidationError, doc: YamlDoc, root: type[BaseModel]) -> ConfigError:
    """The first pydantic error of `exc` as a located ConfigError (the count of the rest is noted)."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc: Loc = tuple(first["loc"])
    kind = first["type"]
    if kind == "orchestrator_unknown":
        loc = ("orchestrator",)
    message = str(first["msg"]).removeprefix("Value error, ")
    hint = _HINTS.get(kind)
    if kind == "extra_forbidden":
        message, hint = _unknown_key(root, loc)
    elif kind == "missing":
        message = f"required key {loc[-1]!r} is missing"
    elif kind in _TYPE_ERRORS:
        message = f"{message} (got {type(first.get('input')).__name__})"
    if len(errors) > 1:
        more = len(errors) - 1
        hint = f"{hint}; " if hint else ""
        hint += f"{more} more problem{'s' if more > 1 else ''} after this one"
    return located(message, doc, loc, hint)


def _unknown_key(root: type[BaseModel], loc: Loc) -> tuple[str, str]:
    key = str(loc[-1])
    model = model_at(root, loc[:-1])
    if model is None:
        return f"unknown key {key!r}", "remove it"
    allowed = list(model.model_fields)
    return f"unknown key {key!r}", f"{did_you_mean(key, allowed)}allowed here: {', '.join(allowed)}"


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            rest = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


def model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at `loc`, if there is one."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        origin = get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif origin is dict:
            current = get_args(current)[1]
        elif origin is list:
            current = get_args(current)[0]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None
