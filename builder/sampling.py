"""Next-token choice for text generation: the reference that worker/sampling.js equals.

Both sides use the same PRNG (mulberry32, 32-bit integer arithmetic) and the same float64 steps in
the same order, so a seeded sampled generation is reproducible, and with Python's logits the browser
picks what Python picks (the fixture's `sampler_cases` and `sampled` hold them to it).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

_MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    """JS Math.imul: the low 32 bits of the product, as an unsigned int here."""
    return (a * b) & _MASK


def mulberry32(seed: int) -> Callable[[], float]:
    """Draws in [0, 1), the same stream as worker/sampling.js mulberry32(seed)."""
    state = seed & _MASK

    def draw() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _MASK
        t = state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & _MASK
        return ((t ^ (t >> 14)) & _MASK) / 4294967296

    return draw


def pick(logits: Sequence[float] | np.ndarray, temperature: float, top_k: int, top_p: float, draw: Callable[[], float]) -> int:
    """One token index from one row of logits (greedy when temperature <= 0: no draw)."""
    row = np.asarray(logits, dtype=np.float64)
    if temperature <= 0:
        return int(np.argmax(row))  # the first index on ties, as the worker's loop
    order = np.lexsort((np.arange(row.size), -row))  # logit descending, ties: lower index first
    if top_k > 0:
        order = order[:top_k]
    top = row[order[0]]
    weights = [math.exp((row[i] - top) / temperature) for i in order]
    total = 0.0
    for w in weights:
        total += w
    probs = [w / total for w in weights]
    if top_p < 1:
        running, keep = 0.0, len(probs)
        for n, p in enumerate(probs, start=1):
            running += p
            if running >= top_p:
                keep = n
                break
        probs = [p / running for p in probs[:keep]]  # (never reached, by rounding: all, over their sum)
        order = order[:keep]
    u = draw()
    running = 0.0
    for i, p in zip(order, probs):
        running += p
        if u < running:
            return int(i)
    return int(order[len(probs) - 1])
