"""The working state of one service-minute of log generation."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from aiops.sandbox.logs.formats import Entry
from aiops.sandbox.model import Snap


@dataclass(slots=True)
class Minute:
    """Entries being collected for `minute`, its snapshot and its random stream."""

    minute: int
    snap: Snap
    rng: random.Random
    out: list[Entry] = field(default_factory=list)
