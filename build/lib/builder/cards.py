"""Load and validate model cards (`model_cards/*.yaml`).

Validation is a JSON Schema (builder/schemas/card.schema.json) so the rules live in one
declarative place; this module only maps each schema error back to the YAML line it came
from, so the author sees `file:line: field: what is wrong`.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .errors import CardError, CardProblem

Path_ = tuple[str | int, ...]


@cache
def card_schema() -> dict[str, Any]:
    return json.loads(resources.files("builder").joinpath("schemas/card.schema.json").read_text())


@dataclass
class Card:
    """A validated card with defaults filled in; `line()` locates any field for later errors."""

    path: Path
    data: dict[str, Any]
    text: str
    _root: yaml.Node | None = field(repr=False, default=None)

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def dataset(self) -> dict[str, Any]:
        return self.data["dataset"]

    @property
    def recipe(self) -> dict[str, Any]:
        return self.data["recipe"]

    @property
    def variants(self) -> list[str]:
        return self.data["variants"]

    def line(self, *path: str | int) -> int | None:
        return _locate(self._root, path)

    def problem(self, path: Path_, message: str) -> CardProblem:
        return CardProblem(self.path, self.line(*path), _dotted(path), message)


def load_cards(cards_dir: Path) -> list[Card]:
    """Every `*.yaml`/`*.yml` card in `cards_dir`, sorted by file name; raises CardError listing all problems."""
    cards, problems = read_cards(cards_dir)
    if problems:
        raise CardError(problems)
    return cards


def read_cards(cards_dir: Path) -> tuple[list[Card], list[CardProblem]]:
    """The cards that passed the schema, and the problems of those that did not (so callers can add theirs)."""
    if not cards_dir.is_dir():
        return [], [CardProblem(cards_dir, None, "", "model card folder not found: create it and add a <id>.yaml card")]
    paths = sorted([*cards_dir.glob("*.yaml"), *cards_dir.glob("*.yml")])
    cards: list[Card] = []
    problems: list[CardProblem] = []
    for path in paths:
        try:
            cards.append(load_card(path))
        except CardError as err:
            problems.extend(err.problems)
    seen: dict[str, Card] = {}
    for card in cards:
        if card.id in seen:
            problems.append(card.problem(("id",), f"duplicate id {card.id!r}, also used by {seen[card.id].path.name}"))
        seen.setdefault(card.id, card)
    return cards, problems


def load_card(path: Path) -> Card:
    """Parse one card; raises CardError with every schema problem found, each with its line."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(err, "problem", None) or str(err)
        raise CardError([CardProblem(path, line, "", f"invalid YAML: {reason}")]) from None
    if not isinstance(data, dict):
        raise CardError([CardProblem(path, 1, "", "a card must be a YAML mapping of fields (id, title, task, dataset, recipe, ...)")])
    validator = jsonschema.Draft202012Validator(card_schema())
    problems = [p for err in validator.iter_errors(data) for p in _describe(path, root, err)]
    if problems:
        raise CardError(sorted(problems, key=lambda p: (p.line or 0, p.field)))
    return Card(path=path, data=_with_defaults(data), text=text, _root=root)


def _with_defaults(data: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["dataset"].setdefault("test_size", 0.25)
    out["dataset"].setdefault("seed", 0)
    out["recipe"].setdefault("params", {})
    out.setdefault("variants", ["fp32"])
    out.setdefault("demo", {}).setdefault("examples", 3)
    out.setdefault("description", "")
    for feature in out["dataset"]["features"]:
        feature.setdefault("label", feature["name"].replace("_", " ").capitalize())
    return out


def _describe(path: Path, root: yaml.Node | None, err: jsonschema.ValidationError) -> list[CardProblem]:
    at: Path_ = tuple(err.absolute_path)
    if err.validator == "required":
        missing = [name for name in err.validator_value if name not in err.instance]
        return [CardProblem(path, _locate(root, at), _dotted((*at, name)), "required field is missing") for name in missing]
    if err.validator == "additionalProperties":
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
        return [
            CardProblem(path, _locate(root, (*at, k), key=True), _dotted((*at, k)), f"unknown field (allowed here: {allowed})")
            for k in extra
        ]
    if err.validator == "enum":
        choices = ", ".join(repr(c) for c in err.validator_value)
        return [CardProblem(path, _locate(root, at), _dotted(at), f"{err.instance!r} is not one of {choices}")]
    if err.validator == "pattern" and at == ("id",):
        return [CardProblem(path, _locate(root, at), "id", f"{err.instance!r}: use lower-case letters, digits and '-' (at most 64)")]
    return [CardProblem(path, _locate(root, at), _dotted(at), err.message)]


def _locate(root: yaml.Node | None, path: Path_, key: bool = False) -> int | None:
    """1-based line of the node at `path` (of its key when `key`), or of the deepest node that exists."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == step), None)
            if match is None:
                return line
            key_node, node = match
            line = (key_node if key and step == path[-1] else node).start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _dotted(path: Path_) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out
