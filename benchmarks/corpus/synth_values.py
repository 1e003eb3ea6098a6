"""Value generators for the synthetic corpus formats (see make_synthetic.py).

Each generator takes a `random.Random` and returns the text of one variable. Templates name them in
braces (``{ip}``, ``{int:1:500}``); the label template has ``<*>`` in their place.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable
from datetime import datetime, timedelta

USERS = ("alice", "bob", "carol", "dave", "erin", "mallory", "oscar", "peggy", "trent", "root", "admin",
         "backup", "deploy", "jenkins", "www-data", "postgres")
WORDS = ("alpha", "beta", "gamma", "orders", "billing", "search", "payments", "catalog", "cart", "auth")
HOSTS = ("api", "web", "db", "cache", "mq", "auth", "edge", "batch")
DOMAINS = ("example.com", "corp.example.net", "svc.cluster.local", "internal.example.org")


def _int(rng: random.Random, low: str = "0", high: str = "99999") -> str:
    return str(rng.randint(int(low), int(high)))


def _float(rng: random.Random, low: str = "0", high: str = "100", digits: str = "3") -> str:
    return f"{rng.uniform(float(low), float(high)):.{int(digits)}f}"


def _hex(rng: random.Random, size: str = "8") -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(int(size)))


def _uuid(rng: random.Random) -> str:
    h = _hex(rng, "32")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _ip(rng: random.Random) -> str:
    return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _host(rng: random.Random) -> str:
    return f"{rng.choice(HOSTS)}-{rng.randint(1, 40):02d}.{rng.choice(DOMAINS)}"


def _path(rng: random.Random) -> str:
    parts = [rng.choice(("var", "srv", "opt", "data", "home")), rng.choice(WORDS),
             "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 8)))]
    return "/" + "/".join(parts) + rng.choice(("", ".log", ".json", ".db"))


def _choice(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


def _word(rng: random.Random) -> str:
    return rng.choice(WORDS)


def _user(rng: random.Random) -> str:
    return rng.choice(USERS)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)}-{_hex(rng, '5')}"


def _dur(rng: random.Random) -> str:
    return rng.choice((f"{rng.randint(1, 999)}ms", f"{rng.uniform(0, 20):.3f}s",
                       f"{rng.randint(1, 59)}m{rng.randint(0, 59)}s"))


GENERATORS: dict[str, Callable[..., str]] = {
    "int": _int, "float": _float, "hex": _hex, "uuid": _uuid, "ip": _ip, "host": _host, "path": _path,
    "choice": _choice, "word": _word, "user": _user, "name": _name, "dur": _dur,
    "port": lambda rng: str(rng.randint(1024, 65535)),
}

_SLOT = re.compile(r"\{([a-z]+)((?::[^{}:]*)*)\}")


def render(template: str, rng: random.Random) -> tuple[str, str]:
    """(text, label template) of one event template: every ``{slot}`` filled, or replaced by <*>."""
    def fill(match: re.Match[str]) -> str:
        args = match.group(2).split(":")[1:]
        return GENERATORS[match.group(1)](rng, *args)

    def unescape(text: str) -> str:
        return text.replace("{{", "{").replace("}}", "}")

    return unescape(_SLOT.sub(fill, template)), unescape(_SLOT.sub("<*>", template))


class Clock:
    """A monotonic synthetic clock: each `tick` moves on by up to `step` seconds."""

    def __init__(self, rng: random.Random, start: datetime, step: float = 3.0) -> None:
        self.rng = rng
        self.now = start
        self.step = step

    def tick(self) -> datetime:
        """Advance and return the new time."""
        self.now += timedelta(seconds=self.rng.random() * self.step)
        return self.now
