"""The card reference page, generated from the schema every card is validated against
(builder/schemas/card.schema.json) and from the recipe modules, so the docs cannot drift from
what the build accepts."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any, Iterator

from markdown.extensions.toc import slugify

from . import recipes
from .cards import card_schema

PAGE = "reference/cards.md"
SECTIONS = {  # where each object's fields appear, in page order
    "": "Card",
    "dataset": "dataset",
    "dataset.features[]": "dataset.features[]",
    "dataset.features[].derive": "dataset.features[].derive",
    "recipe": "recipe",
    "demo": "demo",
    "explain": "explain",
}


def _cell(text: str) -> str:
    """Table-safe: one line, pipes escaped."""
    return re.sub(r"\s+", " ", text).replace("|", "\\|").strip()


def _code(value: Any) -> str:
    if isinstance(value, str):
        return f"`{value}`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "`[" + ", ".join(str(v) for v in value) + "]`"
    return f"`{value}`"


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref:
        return {**defs[ref.rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def type_text(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """What a value must be, in words: type, allowed values, limits."""
    if "$ref" in node and node["$ref"].endswith("/line"):
        return "one line of text, ≤ 200 characters"
    node = _resolve(node, defs)
    if "enum" in node:
        return "one of " + ", ".join(_code(v) for v in node["enum"])
    kind = node.get("type", "any")
    limits = []
    if kind == "array":
        if "minItems" in node and "maxItems" in node and node["minItems"] == node["maxItems"]:
            limits.append(f"exactly {node['minItems']}")
        else:
            limits += [f"at least {node['minItems']}"] if node.get("minItems", 0) > 0 else []
            limits += [f"at most {node['maxItems']}"] if "maxItems" in node else []
        limits += ["no repeats"] if node.get("uniqueItems") else []
        item = node.get("items", {})
        return "list" + (f" ({', '.join(limits)})" if limits else "") + " of " + (type_text(item, defs) if item else "anything")
    elif kind == "string":
        limits += [f"≥ {node['minLength']} characters"] if node.get("minLength", 0) > 1 else []
        limits += [f"≤ {node['maxLength']:,} characters"] if "maxLength" in node else []
    elif kind in ("integer", "number"):
        low = node.get("minimum", node.get("exclusiveMinimum"))
        high = node.get("maximum", node.get("exclusiveMaximum"))
        lo_op = "≤" if "minimum" in node else "<"
        hi_op = "≤" if "maximum" in node else "<"
        if low is not None and high is not None:
            limits.append(f"{low:,} {lo_op} x {hi_op} {high:,}")
        elif low is not None:
            limits.append(f"x {'≥' if lo_op == '≤' else '>'} {low:,}")
    elif kind == "object" and "properties" not in node:
        limits += ["a mapping"]
    return kind + (f" ({', '.join(limits)})" if limits else "")


def _objects(node: dict[str, Any], path: str, defs: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object with properties, depth first, with its dotted path ("" for the card itself)."""
    node = _resolve(node, defs)
    if "properties" in node:
        yield path, node
        for name, child in node["properties"].items():
            yield from _objects(child, f"{path}.{name}".lstrip("."), defs)
    if node.get("type") == "array" and "items" in node:  # the list's description introduces its items
        yield from _objects({"description": node.get("description", ""), **_resolve(node["items"], defs)}, f"{path}[]", defs)


def conditional_rules(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """(tasks, what they require or allow) from the schema's `allOf` if/then rules."""
    rules = []
    for rule in schema.get("allOf", []):
        task = rule["if"]["properties"]["task"]
        tasks = ", ".join(f"`{t}`" for t in task.get("enum", [task.get("const")]))
        required, only = [], []
        for field, spec in rule["then"].get("properties", {}).items():
            for r in spec.get("required", []):
                least = spec.get("properties", {}).get(r, {}).get("minItems")
                required.append(f"`{field}.{r}`" + (f" (at least {least})" if least else ""))
            if "propertyNames" in spec:
                only.append(f"`{field}` takes only " + ", ".join(f"`{n}`" for n in spec["propertyNames"]["enum"]))
        says = (["requires " + ", ".join(required)] if required else []) + only
        rules.append((tasks, "; ".join(says)))
    return rules


def recipe_params(module: ModuleType) -> str:
    """The parameters a recipe accepts, read from what its check() checks against."""
    out = []
    for task, estimators in getattr(module, "ESTIMATORS", {}).items():  # by task: the card's task picks the list
        out.append(f"{task}: `estimator`: " + ", ".join(f"`{n}`" for n in estimators) + f" (default `{next(iter(estimators))}`)")
        out += [f"with `{n}`: " + (", ".join(f"`{p}`" for p in params) or "none") for n, (_, params) in estimators.items()]
    params = getattr(module, "PARAMS", None) or {}
    models = getattr(module, "MODELS", None)
    if models and "model" not in params:
        out.append("`model`: " + ", ".join(f"`{m}`" for m in models))
    out += [f"`{k}` (default {_code(v)}" + (f"; one of {', '.join(_code(m) for m in models)})" if k == "model" and models else ")")
            for k, v in params.items()]
    return "; ".join(out) or "none"


def _summary(module: ModuleType) -> str:
    """The first paragraph of the recipe's docstring."""
    return _cell((module.__doc__ or "").strip().split("\n\n")[0])


def render() -> str:
    schema = card_schema()
    defs = schema.get("$defs", {})
    lines = [
        "# Card reference",
        "",
        "Every field a model card (`model_cards/<id>.yaml`) may have. This page is generated from the",
        "JSON Schema the build validates every card against (`builder/schemas/card.schema.json`) and from",
        "the recipe modules (`builder/recipes/`), so it says exactly what the build accepts. For a guided",
        "tour with complete cards, see [Authoring model cards](../authoring.md).",
        "",
    ]
    objects = dict(_objects(schema, "", defs))
    for path, title in SECTIONS.items():
        node = objects[path]
        required = set(node.get("required", []))
        lines += [f"## {title}", ""]
        if node.get("description") and path:
            lines += [node["description"], ""]
        lines += ["| Field | Value | Required | Default | Meaning |", "|---|---|---|---|---|"]
        for name, child in node["properties"].items():
            full = _resolve(child, defs)
            default = _code(full["default"]) if "default" in full else ""
            meaning = full.get("description", "")
            section = f"{path}.{name}".lstrip(".")
            section += "[]" if f"{section}[]" in SECTIONS else ""
            if section in SECTIONS:  # its own section below says what it is
                meaning = f"Its fields: [{section}](#{slugify(section, '-')})."
            lines.append(f"| `{name}` | {_cell(type_text(child, defs))} | {'yes' if name in required else ''} | {default} | {_cell(meaning)} |")
        lines.append("")
    lines += ["## Per task", "", "What each task adds to the rules above.", "", "| Task | Rule |", "|---|---|"]
    lines += [f"| {tasks} | {_cell(rule)} |" for tasks, rule in conditional_rules(schema)]
    lines += ["", "## Recipes", "", "`recipe.kind` names one of these; `variants` may list only what it supports.", "",
              "| Recipe | Tasks | Variants | Parameters | What it makes |", "|---|---|---|---|---|"]
    for kind in recipes.available():
        module = recipes.get(kind)
        variants = ", ".join(f"`{v}`" for v in module.SUPPORTED_VARIANTS)
        if getattr(module, "VARIANTS_WHY", ""):
            variants += f" ({module.VARIANTS_WHY})"
        lines.append(f"| `{kind}` | {', '.join(f'`{t}`' for t in module.TASKS)} | {_cell(variants)} | {_cell(recipe_params(module))} | {_summary(module)} |")
    return "\n".join(lines) + "\n"
