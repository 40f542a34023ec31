"""The card reference page is the schema and the recipes, rendered: every field and recipe is on it,
with what the schema says of it, and a field added to the schema appears without touching the page."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from markdown.extensions.toc import slugify

from builder import card_reference, recipes
from builder.cards import card_schema


def sections(page: str) -> dict[str, list[list[str]]]:
    """Heading → the rows of its table, as lists of cells."""
    out: dict[str, list[list[str]]] = {}
    heading = ""
    for line in page.splitlines():
        if line.startswith("## "):
            heading = line[3:]
            out[heading] = []
        elif line.startswith("| ") and not line.startswith("|---") and heading:
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            out[heading].append(cells)
    return {h: rows[1:] for h, rows in out.items()}  # without the header row


def object_paths(node: dict[str, Any], path: str = "") -> dict[str, dict[str, Any]]:
    """Every object of the schema with properties, by its dotted path."""
    found = {path: node} if "properties" in node else {}
    for name, child in node.get("properties", {}).items():
        found |= object_paths(child, f"{path}.{name}".lstrip("."))
    if "items" in node:
        found |= object_paths(node["items"], f"{path}[]")
    return found


def test_every_field_of_the_schema_is_a_row_of_its_section() -> None:
    schema, page = card_schema(), sections(card_reference.render())
    for path, node in object_paths(schema).items():
        title = card_reference.SECTIONS[path]  # a new object in the schema must get a section
        rows = {row[0].strip("`"): row for row in page[title]}
        assert list(rows) == list(node["properties"]), path
        for name, spec in node["properties"].items():
            _, value, required, default, meaning = rows[name]
            assert (required == "yes") == (name in node.get("required", [])), (path, name)
            if "default" in spec:
                assert default.strip("`") in (str(spec["default"]), str(spec["default"]).replace("'", "")), (path, name, default)
            for allowed in spec.get("enum", []):
                assert f"`{allowed}`" in value, (path, name, allowed)
            assert meaning, f"{path}.{name} has no description in the schema"


def test_every_recipe_is_listed_with_its_tasks_variants_and_parameters() -> None:
    rows = {row[0].strip("`"): row for row in sections(card_reference.render())["Recipes"]}
    assert list(rows) == recipes.available()
    for kind, (_, tasks, variants, params, summary) in rows.items():
        module = recipes.get(kind)
        assert re.findall(r"`([^`]+)`", tasks) == list(module.TASKS)
        assert re.findall(r"`([^`]+)`", variants) == list(module.SUPPORTED_VARIANTS)
        for name in getattr(module, "PARAMS", {}):
            assert f"`{name}`" in params, (kind, name)
        assert summary


def test_per_task_rules_come_from_the_schema() -> None:
    rows = dict(map(tuple, sections(card_reference.render())["Per task"]))
    assert rows["`tabular-classification`"] == (
        "requires `dataset.target`, `dataset.features`; `dataset` takes only `source`, `name`, `target`, `classes`, `features`, `test_size`, `seed`")
    assert rows["`anomaly-detection`"] == "requires `dataset.target`, `dataset.features`; `dataset` takes only `source`, `name`, `target`, `features`, `test_size`, `seed`"
    assert rows["`time-series-forecasting`"] == "`dataset` takes only `source`, `name`, `test_size`, `seed`"
    assert rows["`tabular-regression`"] == (
        "requires `dataset.target`, `dataset.features`; `dataset` takes only `source`, `name`, `target`, `target_label`, `target_unit`, `features`, `test_size`, `seed`")
    assert "`dataset` takes only `source`, `name`, `seed`, `test_size`, `classes`" == rows["`text-classification`"]


def test_links_point_at_headings_of_the_page() -> None:
    page = card_reference.render()
    anchors = {slugify(h, "-") for h in re.findall(r"^## (.+)$", page, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", page)
    assert links and set(links) <= anchors


def test_a_field_added_to_the_schema_appears_on_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    schema = copy.deepcopy(card_schema())
    schema["properties"]["demo"]["properties"]["theme"] = {"enum": ["light", "dark"], "default": "light", "description": "Colours."}
    monkeypatch.setattr(card_reference, "card_schema", lambda: schema)
    rows = {row[0]: row for row in sections(card_reference.render())["demo"]}
    assert rows["`theme`"] == ["`theme`", "one of `light`, `dark`", "", "`light`", "Colours."]
