"""Model families. Each recipe module trains (or loads) a model for a card.

A recipe exposes `SUPPORTED_VARIANTS`, `check(card) -> list[CardProblem]` (parameter problems,
reported before anything is built) and `train(card, split) -> Trained`.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from ..cards import Card
from ..errors import CardProblem


@dataclass
class Trained:
    """A fitted model plus what export needs to know about it."""

    model: Any
    framework: str  # which exporter handles it: "sklearn"
    summary: str  # one line for the model page, e.g. "RandomForestClassifier(n_estimators=100)"


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def get(kind: str) -> ModuleType:
    if kind not in available():
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")


def source_file(kind: str) -> Path:
    return Path(get(kind).__file__ or "")


def check(card: Card) -> list[CardProblem]:
    kind = card.recipe["kind"]
    if kind not in available():
        return [card.problem(("recipe", "kind"), f"unknown recipe {kind!r} (available: {', '.join(available())})")]
    recipe = get(kind)
    problems = list(recipe.check(card))
    for i, variant in enumerate(card.variants):
        if variant not in recipe.SUPPORTED_VARIANTS:
            problems.append(card.problem(("variants", i), f"recipe {kind!r} cannot make a {variant!r} variant ({recipe.VARIANTS_WHY}); supported: {', '.join(recipe.SUPPORTED_VARIANTS)}"))
    return problems
