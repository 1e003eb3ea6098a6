"""The state folder: `.aiops/` in the working directory, or `$AIOPS_HOME`."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aiops.core.private import harden_tree, is_private, private_dir
from aiops.storage.config import DatabaseConfig

STATE_NAMES = ("secret.key", "incidents.sqlite", "approvals.sqlite", "checkpoints.sqlite", "audit.jsonl",
               "incidents")
"""Names only a state folder holds: a folder with one of them, or an empty one, is ours to tighten."""


def _is_state_folder(root: Path) -> bool:
    return any((root / name).exists() for name in STATE_NAMES) or not any(root.iterdir())


@dataclass(frozen=True, slots=True)
class StateHome:
    """Paths inside one state folder, and the PostgreSQL database that holds the state instead of its
    SQLite files when one is configured (`database`; see `aiops.storage.config`)."""

    root: Path
    database: DatabaseConfig | None = None

    @classmethod
    def resolve(cls, explicit: str | os.PathLike[str] | None = None, *, env_file: str | os.PathLike[str] | None = None,
                local: bool = False) -> StateHome:
        """`explicit` > `$AIOPS_HOME` > `./.aiops`; the folder is created on first use, owner-only (0700).
        The database comes from `AIOPS_DATABASE_URL` or a `database:` section (of `env_file`, `$AIOPS_ENV`
        or the folder's `env.yaml`); `local` keeps everything in the folder (benchmarks' scratch folders).

        A state folder written before the folder was private (0755, files 0644) is tightened once:
        the folder and everything in it lose their group and other permissions. A folder that holds
        no state yet but other files (`$AIOPS_HOME` pointing at a shared folder) keeps its mode; what
        aiops writes in it is still 0600."""
        value = explicit or os.environ.get("AIOPS_HOME") or Path.cwd() / ".aiops"
        root = Path(value).expanduser().resolve()
        if not root.exists():
            private_dir(root)
        elif _is_state_folder(root) and not is_private(root):
            harden_tree(root)
        if local:
            return cls(root)
        from aiops.storage.config import resolve

        return cls(root, resolve(root, env_file))

    @property
    def incidents_dir(self) -> Path:
        return self.root / "incidents"

    @property
    def checkpoints(self) -> Path:
        return self.root / "checkpoints.sqlite"

    @property
    def index(self) -> Path:
        return self.root / "incidents.sqlite"

    @property
    def approvals(self) -> Path:
        return self.root / "approvals.sqlite"

    @property
    def audit(self) -> Path:
        return self.root / "audit.jsonl"

    @property
    def memory(self) -> Path:
        """Labels and the recall index of this state folder's incidents."""
        return self.root / "memory.sqlite"

    @property
    def secret(self) -> Path:
        return self.root / "secret.key"

    def incident_dir(self, incident_id: str) -> Path:
        """The incident's own folder (report, transcript, workspace, sandbox state)."""
        return self.incidents_dir / incident_id


def new_incident_id(now: datetime | None = None) -> str:
    """A sortable, unique id such as `inc-20261125-211530-3f9a2c`."""
    now = now or datetime.now(UTC)
    return f"inc-{now:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"
