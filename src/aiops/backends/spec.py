"""The parsed environment file: one validated backend spec per role."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True)
class BackendSpec:
    """A role's backend: its `type` name and its validated options model."""

    type: str
    options: BaseModel

    def option(self, name: str, default: Any = None) -> Any:
        """One option value (or `default`)."""
        return getattr(self.options, name, default)


@dataclass(frozen=True)
class EnvironmentSpec:
    """A whole environment. `file` is where it was read from (relative paths resolve against its folder);
    `scenario` is the sandbox scenario any `sandbox` role uses."""

    name: str
    roles: dict[str, BackendSpec]
    description: str = ""
    scenario: str | None = None
    file: Path | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def base_dir(self) -> Path:
        """The folder relative paths in the file resolve against."""
        return self.file.parent if self.file is not None else Path.cwd()

    def role(self, role: str) -> BackendSpec:
        """The backend spec of `role`."""
        return self.roles[role]

    def summary(self) -> dict[str, str]:
        """`{role: type}` for display."""
        return {role: spec.type for role, spec in self.roles.items()}

    @property
    def all_sandbox(self) -> bool:
        """True when every role is the sandbox (the environment *is* the sandbox scenario)."""
        return all(spec.type == "sandbox" or (role == "state" and spec.type == "none")
                   for role, spec in self.roles.items())
