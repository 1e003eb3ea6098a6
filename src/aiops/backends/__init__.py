"""Real integrations behind the core protocols, chosen by an environment file.

`load_environment_file(path)` validates a YAML file naming one backend per role (inventory, logs,
metrics, events, executor, clock); `build_environment(spec, state_dir=...)` builds them;
`default_environment_spec(scenario)` is the embedded sandbox. Backends are looked up in a registry
(`register_backend`) and heavy clients (kubernetes, systemd) are imported only when used.
"""

from aiops.backends.environment import build_environment, default_environment_spec
from aiops.backends.loader import load_environment_file, parse_environment
from aiops.backends.registry import ROLES, BackendType, backend_names, get_backend_type, register_backend
from aiops.backends.spec import BackendSpec, EnvironmentSpec

__all__ = [
    "ROLES",
    "BackendSpec",
    "BackendType",
    "EnvironmentSpec",
    "backend_names",
    "build_environment",
    "default_environment_spec",
    "get_backend_type",
    "load_environment_file",
    "parse_environment",
    "register_backend",
]
