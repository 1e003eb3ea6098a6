"""Deterministic randomness: stable seeds from names (never Python's salted `hash`) and
prefix-stable noise sequences that can be extended as the simulated clock advances."""

from __future__ import annotations

import hashlib
import math
import random


def stable_seed(*parts: object) -> int:
    """A 64-bit seed from the parts' text; the same parts give the same seed in every process."""
    text = "\x1f".join(str(p) for p in parts).encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def rng_for(*parts: object) -> random.Random:
    """A `random.Random` seeded from `parts` (see `stable_seed`)."""
    return random.Random(stable_seed(*parts))  # noqa: S311 - simulation noise, not security


def unit(*parts: object) -> float:
    """A stable pseudo-random number in [0, 1) for `parts`."""
    return stable_seed(*parts) / 2**64


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth for small means, a rounded normal for large ones)."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class NoiseBank:
    """Autocorrelated standard-normal noise per key, indexed by minute from a fixed origin.

    Each key's sequence is generated from its own seed and only ever extended, so a value never
    changes once drawn and any window reads the same numbers.
    """

    def __init__(self, seed: int, origin: int, *, rho: float = 0.6) -> None:
        self.seed = seed
        self.origin = origin
        self.rho = rho
        self._scale = math.sqrt(1 - rho * rho)
        self._series: dict[str, tuple[random.Random, list[float]]] = {}

    def value(self, key: str, minute: int) -> float:
        """Noise for `key` at `minute` (0.0 before the origin)."""
        index = minute - self.origin
        if index < 0:
            return 0.0
        entry = self._series.get(key)
        if entry is None:
            entry = (rng_for(self.seed, "noise", key), [])
            self._series[key] = entry
        rng, values = entry
        while len(values) <= index:
            prev = values[-1] if values else rng.gauss(0.0, 1.0)
            values.append(self.rho * prev + self._scale * rng.gauss(0.0, 1.0))
        return values[index]
