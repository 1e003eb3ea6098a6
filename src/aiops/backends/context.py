"""What a backend factory gets besides its options: paths, state folder, the built inventory,
and (lazily, shared) the sandbox environment for `type: sandbox` roles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiops.backends.spec import EnvironmentSpec
from aiops.core.errors import ConfigError
from aiops.core.protocols import Inventory
from aiops.core.types import Environment


@dataclass
class BuildContext:
    """Per-build shared state. `built` holds the roles built so far (inventory is built first)."""

    spec: EnvironmentSpec
    state_dir: Path | None = None
    catalogue: Mapping[str, Any] | None = None
    built: dict[str, Any] = field(default_factory=dict)
    sandbox: Environment | None = None

    def resolve(self, path: str | Path) -> Path:
        """A path from the file, resolved against the environment file's folder (`~` expanded)."""
        candidate = Path(path).expanduser()
        return candidate if candidate.is_absolute() else self.spec.base_dir / candidate

    @property
    def inventory(self) -> Inventory:
        """The environment's inventory (built before every other role)."""
        try:
            return self.built["inventory"]
        except KeyError:
            raise ConfigError("the inventory must be built first", path="inventory") from None

    def close_built(self) -> None:
        """Close every backend built so far (and the sandbox behind them), e.g. after a failed build."""
        for backend in self.built.values():
            closer = getattr(backend, "close", None)
            if callable(closer):
                closer()
        if self.sandbox is not None:
            self.sandbox.close()

    def service_names(self) -> list[str]:
        """Names of the inventory's services."""
        return [svc.name for svc in self.inventory.services()]

    def state_path(self, name: str) -> Path | None:
        """A file under the state folder (created), or None when the build has no state folder."""
        if self.state_dir is None:
            return None
        from aiops.core.private import private_dir

        private_dir(self.state_dir)
        return self.state_dir / name

    def sandbox_environment(self) -> Environment:
        """The sandbox environment for the spec's scenario (built once, on first use)."""
        if self.sandbox is None:
            from aiops.sandbox import build_environment, load_scenario

            scenario_ref = self.spec.scenario
            if scenario_ref is None:
                raise ConfigError("a sandbox backend needs `scenario`", file=str(self.spec.file or ""), path="scenario")
            if scenario_ref.endswith((".yaml", ".yml")) or "/" in scenario_ref:
                scenario_ref = str(self.resolve(scenario_ref))
            state = self.state_dir / "sandbox" if self.state_dir is not None else None
            self.sandbox = build_environment(load_scenario(scenario_ref), state_dir=state, catalogue=self.catalogue)
        return self.sandbox
