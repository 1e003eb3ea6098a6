"""Strict YAML for every file the product reads: plain data only, with a line number for every key path.

Team files, environment files, skill data files, inventory files, sandbox scenarios, scripts and
bundles all go through `load_yaml_file` (or `parse_yaml` for text already in hand). Rejected, each as a
`ConfigError` naming the file and the dotted path: explicit tags (`!!python/...`, `!custom`, even
`!!str`), anchors and aliases (billion-laughs expansion, hidden sharing), merge keys, duplicate keys,
non-string keys (`1:`, `yes:`, `~:`), several documents, documents over a size, depth or node-count
limit, invalid UTF-8 and syntax errors. Nothing is expanded before it is checked, so a hostile file
costs at most one pass over its own bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from aiops.core.errors import ConfigError

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NODES = 50_000
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"

Loc = tuple[str | int, ...]


def dotted(loc: Loc) -> str:
    """`("agents", "sre_remediator", "tools", 0)` -> `agents.sre_remediator.tools[0]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part and all(ch.isalnum() or ch in "_-" for ch in part):
            out += f".{part}" if out else part
        else:
            out += f"[{part!r}]"
    return out


@dataclass(frozen=True)
class YamlDoc:
    """A parsed document: the data and the 1-based line of every key path in it."""

    data: Any
    file: str
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest ancestor below the root (None when only the root has one:
        the key is absent and a default applies)."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


class _RejectedError(Exception):
    def __init__(self, message: str, loc: Loc, mark: Any) -> None:
        super().__init__(message)
        self.message, self.loc, self.mark = message, loc, mark


class _StrictLoader(yaml.SafeLoader):
    """A composer that refuses tags, anchors and aliases and bounds depth and size as it goes."""

    def __init__(self, stream: str, *, what: str = "team file", max_nodes: int = MAX_NODES) -> None:
        super().__init__(stream)
        self.loc: list[str | int] = []
        self.count = 0
        self.what = what
        self.max_nodes = max_nodes

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        label: str | int | None = None
        if isinstance(index, int):
            label = index
        elif isinstance(index, ScalarNode):
            label = index.value
        if label is not None:
            self.loc.append(label)
        event = self.peek_event()
        here = tuple(self.loc)
        if isinstance(event, AliasEvent):
            raise _RejectedError(f"alias *{event.anchor} is not allowed; write the value out in full", here,
                          event.start_mark)
        if event.anchor is not None:
            raise _RejectedError(f"anchor &{event.anchor} is not allowed; write values out in full", here,
                          event.start_mark)
        if getattr(event, "tag", None) is not None:
            raise _RejectedError(f"explicit tag {event.tag!r} is not allowed; a {self.what} holds plain data "
                          "(quote the value if it is text)", here, event.start_mark)
        self.count += 1
        if self.count > self.max_nodes:
            raise _RejectedError(f"document has more than {self.max_nodes} values", here, event.start_mark)
        if len(self.loc) > MAX_DEPTH:
            raise _RejectedError(f"nesting deeper than {MAX_DEPTH} levels", here, event.start_mark)
        node = super().compose_node(parent, index)
        if label is not None:
            self.loc.pop()
        return node


def _line(mark: Any) -> int | None:
    return mark.line + 1 if mark is not None else None


def _convert(node: Node, loc: Loc, loader: _StrictLoader, lines: dict[Loc, int]) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, ScalarNode):
        if node.tag == _STR_TAG:
            return node.value
        try:
            return loader.construct_object(node)
        except yaml.YAMLError:
            raise _RejectedError(f"cannot read the value {node.value!r}; quote it", loc,
                                 node.start_mark) from None
    if isinstance(node, SequenceNode):
        return [_convert(item, (*loc, i), loader, lines) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = _key(key_node, loc)
        if key in out:
            first = lines.get((*loc, key))
            raise _RejectedError(f"duplicate key {key!r} (first at line {first}); each name may appear once",
                          (*loc, key), key_node.start_mark)
        lines[(*loc, key)] = key_node.start_mark.line + 1
        out[key] = _convert(value_node, (*loc, key), loader, lines)
    return out


def _key(node: Node, loc: Loc) -> str:
    if isinstance(node, ScalarNode) and node.tag == _MERGE_TAG:
        raise _RejectedError("merge keys (<<) are not allowed; write the keys out", loc, node.start_mark)
    if not isinstance(node, ScalarNode) or node.tag != _STR_TAG:
        shown = node.value if isinstance(node, ScalarNode) else "a collection"
        raise _RejectedError(f"key {shown!r} is not a string; quote it (e.g. \"{shown}\":)", loc,
                             node.start_mark)
    return node.value


def parse_yaml(text: str, file: str, *, what: str = "team file", max_bytes: int = MAX_BYTES,
               max_nodes: int = MAX_NODES) -> YamlDoc:
    """Parse one YAML document strictly; raise ConfigError naming `file`, the key path and the line.

    `what` names the kind of file in messages ("environment file", "bundle file", ...)."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ConfigError(f"file is larger than {max_bytes} bytes; a {what} is small", file=file,
                          path="(document)")
    loader = _StrictLoader(text, what=what, max_nodes=max_nodes)
    lines: dict[Loc, int] = {}
    try:
        root = loader.get_single_node()
        data = None if root is None else _convert(root, (), loader, lines)
    except _RejectedError as exc:
        raise _error(exc.message, file, exc.loc, _line(exc.mark)) from None
    except yaml.MarkedYAMLError as exc:
        problem = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise _error(f"invalid YAML: {problem}", file, tuple(loader.loc), _line(exc.problem_mark)) from None
    except yaml.YAMLError as exc:
        raise _error(f"invalid YAML: {exc}", file, tuple(loader.loc), None) from None
    except RecursionError:
        raise _error("document nests too deeply", file, (), None) from None
    finally:
        loader.dispose()
    return YamlDoc(data=data, file=file, lines=lines)


def _error(message: str, file: str, loc: Loc, line: int | None) -> ConfigError:
    suffix = f" [line {line}]" if line else ""
    return ConfigError(f"{message}{suffix}", file=file, path=dotted(loc) or "(document)")


def read_text(path: Path, *, limit: int = MAX_BYTES) -> str:
    """Read a UTF-8 team file, refusing files over `limit` bytes."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ConfigError(f"file is larger than {limit} bytes", file=str(path), path="(document)")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=str(path),
                          path="(document)") from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", file=str(path), path="(document)") from None


def load_yaml_file(path: str | Path, *, what: str = "team file", max_bytes: int = MAX_BYTES,
                   max_nodes: int = MAX_NODES) -> YamlDoc:
    """Read and strictly parse a YAML (or JSON) file: the one loader for every file the product reads.

    Returns a `YamlDoc` (`.data`, and `.line(loc)` for messages); raises `ConfigError` with the file,
    the dotted key path and the line for anything but plain data (see the module docstring)."""
    path = Path(path)
    return parse_yaml(read_text(path, limit=max_bytes), str(path), what=what, max_bytes=max_bytes,
                      max_nodes=max_nodes)


def load_yaml_data(path: str | Path, *, what: str, max_bytes: int = MAX_BYTES, max_nodes: int = MAX_NODES) -> Any:
    """The plain data of a strictly parsed YAML file (`load_yaml_file(...).data`)."""
    return load_yaml_file(path, what=what, max_bytes=max_bytes, max_nodes=max_nodes).data
