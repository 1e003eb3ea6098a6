"""The state folder: `.aiops/` in the working directory, or `$AIOPS_HOME`."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class StateHome:
    """Paths inside one state folder."""

    root: Path

    @classmethod
    def resolve(cls, explicit: str | os.PathLike[str] | None = None) -> StateHome:
        """`explicit` > `$AIOPS_HOME` > `./.aiops`; the folder is created on first use."""
        value = explicit or os.environ.get("AIOPS_HOME") or Path.cwd() / ".aiops"
        root = Path(value).expanduser().resolve()
        root.mkdir(parents=True, exist_ok=True)
        return cls(root)

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
