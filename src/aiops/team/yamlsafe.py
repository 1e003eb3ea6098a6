"""Strict YAML for team files: the shared loader lives in `aiops.core.yamlsafe` (every layer uses it);
this module keeps the team package's import path."""

from aiops.core.yamlsafe import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    Loc,
    YamlDoc,
    dotted,
    load_yaml_data,
    load_yaml_file,
    parse_yaml,
    read_text,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Loc",
    "YamlDoc",
    "dotted",
    "load_yaml_data",
    "load_yaml_file",
    "parse_yaml",
    "read_text",
]
