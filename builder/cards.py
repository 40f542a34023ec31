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
from typing import Any, Callable, Mapping

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
    warnings: list[CardProblem] = field(default_factory=list)

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

    def warning(self, path: Path_, message: str) -> CardProblem:
        return CardProblem(self.path, self.line(*path), _dotted(path), message, warning=True)


def load_cards(cards_dir: Path) -> list[Card]:
    """Every `*.yaml`/`*.yml` card in `cards_dir`, sorted by file name; raises CardError listing all problems."""
    cards, problems = read_cards(cards_dir)
    if problems:
        raise CardError(problems)
    return cards


MAX_CARD_BYTES = 256 * 1024  # a card is a page of YAML; long text does not belong in it
MAX_QUOTE = 200  # characters of a card value an error message may quote


def read_cards(cards_dir: Path, partial: list[Card] | None = None) -> tuple[list[Card], list[CardProblem]]:
    """The cards that passed the schema, and the problems of those that did not (so callers can add theirs).

    `partial`, when given, receives the recipe-only Cards of those that did not (see load_card).
    """
    if not cards_dir.is_dir():
        return [], [CardProblem(cards_dir, None, "", "model card folder not found: create it and add a <id>.yaml card")]
    paths = sorted([*cards_dir.glob("*.yaml"), *cards_dir.glob("*.yml")])
    partial = partial if partial is not None else []
    cards: list[Card] = []
    problems: list[CardProblem] = []
    for path in paths:
        try:
            cards.append(load_card(path))
        except CardError as err:
            problems.extend(err.problems)
            if err.partial is not None:
                partial.append(err.partial)
    seen: dict[str, Card] = {}
    for card in cards:
        if card.id in seen:
            problems.append(card.problem(("id",), f"duplicate id {card.id!r}, also used by {seen[card.id].path.name}"))
        seen.setdefault(card.id, card)
    return cards, problems


def load_card(path: Path) -> Card:
    """Parse one card; raises CardError with every schema problem found, each with its line.

    The error's `partial` is a Card holding only the card's recipe and variants when those parse,
    so recipe problems can be reported in the same round as schema problems.
    """
    text = _read_text(path)
    root = _compose(path, text)
    data = yaml.SafeLoader("").construct_document(root) if root is not None else None
    if not isinstance(data, dict):
        raise CardError([CardProblem(path, 1, "", "a card must be a YAML mapping of fields (id, title, task, dataset, recipe, ...)")])
    validator = jsonschema.Draft202012Validator(card_schema())
    # set: jsonschema reports `required` once per missing field, and each report names them all
    problems = list({p for err in validator.iter_errors(data) for p in _describe(path, root, err)})
    # A key no task takes breaks two rules: the task's list of dataset fields says more than the union of all tasks'.
    per_task = {p.field for p in problems if p.message.startswith(TASK_FIELDS)}
    problems = [p for p in problems if not (p.field in per_task and p.message.startswith("unknown field"))]
    if not problems and data["id"] != path.stem:
        problems.append(CardProblem(path, _locate(root, ("id",)), "id", f"{data['id']!r} differs from the file name {path.name!r}: rename the file to {data['id']}.yaml or set id: {path.stem}"))
    if problems:
        error = CardError(sorted(problems, key=lambda p: (p.line or 0, p.field)))
        error.partial = _partial(path, data, text, root)
        raise error
    return Card(path=path, data=_with_defaults(data), text=text, _root=root)


def _read_text(path: Path) -> str:
    """The card's text, or a CardProblem for what is not a readable UTF-8 file of sensible size."""
    def fail(message: str, line: int | None = None) -> CardError:
        return CardError([CardProblem(path, line, "", message)])

    if path.is_dir():
        raise fail("is a folder, not a card: a card is a YAML file")
    try:
        size = path.stat().st_size
        if size > MAX_CARD_BYTES:
            raise fail(f"is {size / 1024:,.0f} KB; a card may be at most {MAX_CARD_BYTES // 1024} KB")
        raw = path.read_bytes()
    except OSError as err:
        raise fail(f"cannot be read: {err.strerror or err}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise fail(f"is not UTF-8 text (byte 0x{raw[err.start]:02X}): save it as UTF-8", line) from None


def _compose(path: Path, text: str) -> yaml.Node | None:
    """The YAML node tree, refusing aliases (`*name`: a few of them nest into gigabytes) and repeated keys."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(err, "problem", None) or str(err)
        raise CardError([CardProblem(path, line, "", f"invalid YAML: {reason}")]) from None
    seen: set[int] = set()
    problems: list[CardProblem] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:  # composing shares the node an alias points to
            problems.append(CardProblem(path, node.start_mark.line + 1, "", "YAML aliases (*name) are not allowed in cards: write the value out"))
            break
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and keys.count(key_node.value) > 1:
                    problems.append(CardProblem(path, key_node.start_mark.line + 1, _clip(key_node.value), "this key appears more than once in the same mapping"))
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    if problems:
        raise CardError(sorted(set(problems), key=lambda p: (p.line or 0, p.field)))
    return root


def _partial(path: Path, data: dict[str, Any], text: str, root: yaml.Node | None) -> Card | None:
    recipe, variants = data.get("recipe"), data.get("variants", ["fp32"])
    if not (isinstance(recipe, dict) and isinstance(recipe.get("kind"), str) and isinstance(recipe.get("params", {}), dict)):
        return None
    if not (isinstance(variants, list) and all(isinstance(v, str) for v in variants)):
        variants = ["fp32"]
    schema = card_schema()["properties"]
    known = schema["variants"]["items"]["enum"]  # an unknown name is the schema's error already: not reported twice
    partial = {"recipe": {"params": {}, **recipe}, "variants": [v for v in variants if v in known]}
    if data.get("task") in schema["task"]["enum"]:  # so a recipe for another task is reported in the same round
        partial["task"] = data["task"]
    return Card(path=path, data=partial, text=text, _root=root)


def _clip(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= MAX_QUOTE else f"{text[:MAX_QUOTE]}… ({len(text):,} characters)"


def source_problems(card: Card, known: Mapping[str, Any], what: str, load: Callable[[Any], object]) -> list[CardProblem]:
    """A card's `dataset.name` that is not among the source's `known` sets (`what` says what those are, e.g.
    "a series"), or that fails to load (`load(known[name])`): a missing or damaged package is the card's problem."""
    ds = card.dataset
    if ds["name"] not in known:
        listed = ", ".join(sorted(known)) or "none"
        return [card.problem(("dataset", "name"), f"{ds['name']!r} is not {what} of {ds['source']} (available: {listed})")]
    try:
        load(known[ds["name"]])
    except Exception as err:
        return [card.problem(("dataset", "source"), f"could not load {ds['source']}/{ds['name']}: {err}")]
    return []


def _with_defaults(data: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    if out["task"] in ("tabular-classification", "tabular-regression", "anomaly-detection", "text-classification", "recommendation"):
        out["dataset"].setdefault("test_size", 0.25)
    elif out["task"] == "time-series-forecasting":
        out["dataset"].setdefault("test_size", 0.2)
    out["dataset"].setdefault("seed", 0)
    if "classes" in out["dataset"]:  # YAML reads `0: Barolo` with an int key; target values are compared as text
        out["dataset"]["classes"] = {str(k): v for k, v in out["dataset"]["classes"].items()}
    out["recipe"].setdefault("params", {})
    out.setdefault("variants", ["fp32"])
    out.setdefault("demo", {}).setdefault("examples", 3)
    out.setdefault("description", "")
    for feature in out["dataset"].get("features", []):
        feature.setdefault("label", feature["name"].replace("_", " ").capitalize())
    return out


TASK_FIELDS = "is not a field of this task's dataset"


def _describe(path: Path, root: yaml.Node | None, err: jsonschema.ValidationError) -> list[CardProblem]:
    at: Path_ = tuple(err.absolute_path)
    if err.validator == "required":
        missing = [name for name in err.validator_value if name not in err.instance]
        return [CardProblem(path, _locate(root, at), _dotted((*at, name)), "required field is missing") for name in missing]
    if err.validator == "additionalProperties":
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
        return [
            CardProblem(path, _locate(root, (*at, k), key=True), _dotted((*at, _clip(k))), f"unknown field (allowed here: {allowed})")
            for k in extra
        ]
    if err.validator == "enum" and "propertyNames" in err.schema_path:
        return [CardProblem(path, _locate(root, (*at, err.instance), key=True), _dotted((*at, _clip(err.instance))), f"{TASK_FIELDS} (allowed here: {', '.join(err.validator_value)})")]
    if err.validator == "enum":
        choices = ", ".join(repr(c) for c in err.validator_value)
        shown = repr(_clip(err.instance)) if isinstance(err.instance, str) else _clip(err.instance)
        return [CardProblem(path, _locate(root, at), _dotted(at), f"{shown} is not one of {choices}")]
    if err.validator == "pattern" and at == ("id",):
        return [CardProblem(path, _locate(root, at), "id", f"{_clip(err.instance)!r}: use lower-case letters, digits and '-' (at most 64)")]
    if err.validator == "not" and at == ("id",):
        return [CardProblem(path, _locate(root, at), "id", f"{err.instance!r} is reserved (the gallery's own page): choose another id")]
    if err.validator == "pattern":
        return [CardProblem(path, _locate(root, at), _dotted(at), "must be one line of plain text (no line breaks or control characters)")]
    if err.validator == "maxLength":
        return [CardProblem(path, _locate(root, at), _dotted(at), f"is {len(err.instance):,} characters long; at most {err.validator_value:,} are allowed")]
    if err.validator in ("maxItems", "maxProperties"):
        return [CardProblem(path, _locate(root, at), _dotted(at), f"has {len(err.instance):,} entries; at most {err.validator_value:,} are allowed")]
    # jsonschema's own messages quote the whole value, which may be huge
    return [CardProblem(path, _locate(root, at), _dotted(at), _clip(err.message))]


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
