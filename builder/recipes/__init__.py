"""Model families. Each recipe module trains (or loads) a model for a card.

A recipe exposes `TASKS` (the card tasks it serves), `SUPPORTED_VARIANTS`, `check(card) ->
list[CardProblem]` (parameter problems, reported before anything is built) and `train(card, data)
-> Trained`; its `Trained.framework` picks the exporter (builder/export.py).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..cards import Card
from ..errors import CardProblem


@dataclass
class Trained:
    """A fitted model plus what export needs to know about it."""

    model: Any
    framework: str  # which exporter handles it: "sklearn" | "torch"
    summary: str  # one line for the model page, e.g. "RandomForestClassifier(n_estimators=100)"
    labels: list[str] | None = None  # class names when the model brings its own (pretrained), else the data's
    io: dict[str, Any] = field(default_factory=dict)  # graph input/output names and the postprocessing spec


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def get(kind: str) -> ModuleType:
    if kind not in available():
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")


def source_file(kind: str) -> Path:
    return Path(get(kind).__file__ or "")


def check_params(card: Card, recipe: str, params: dict[str, Any], limits: dict[str, tuple[Any, float, float]],
                 choices: dict[str, Any] | None = None) -> list[CardProblem]:
    """A recipe's parameter problems: names it does not know, numbers outside their (type, lowest, highest)
    limits, and values not among their choices (a parameter with both takes a number or one of its choices)."""
    problems, choices = [], choices or {}
    for key, value in card.recipe["params"].items():
        where = ("recipe", "params", key)
        if key not in params:
            problems.append(card.problem(where, f"not a parameter of {recipe} (allowed: {', '.join(params)})"))
        elif key in choices and value in choices[key]:
            continue
        elif key in limits:  # a number, or (with choices) one of some words: `l2: auto`
            kind, low, high = limits[key]
            if isinstance(value, bool) or not isinstance(value, kind) or not low <= value <= high:
                what = "a whole number" if kind is int else "a number"
                words = "".join(f" or {c!r}" for c in choices.get(key, ()))
                problems.append(card.problem(where, f"must be {what} from {low:g} to {high:g}{words}, got {value!r}"))
        elif key in choices:
            problems.append(card.problem(where, f"unknown {key} {value!r} (available: {', '.join(choices[key])})"))
    return problems


def check(card: Card) -> list[CardProblem]:
    kind = card.recipe["kind"]
    if kind not in available():
        return [card.problem(("recipe", "kind"), f"unknown recipe {kind!r} (available: {', '.join(available())})")]
    recipe = get(kind)
    task = card.data.get("task")  # absent from the partial card of a schema error
    if task is not None and task not in recipe.TASKS:
        return [card.problem(("recipe", "kind"), f"recipe {kind!r} makes {' or '.join(recipe.TASKS)} models, not {task!r}")]
    problems = list(recipe.check(card))
    for i, variant in enumerate(card.variants):
        if variant not in recipe.SUPPORTED_VARIANTS:
            why = f" ({recipe.VARIANTS_WHY})" if recipe.VARIANTS_WHY else ""
            problems.append(card.problem(("variants", i), f"recipe {kind!r} cannot make a {variant!r} variant{why}; supported: {', '.join(recipe.SUPPORTED_VARIANTS)}"))
    return problems
