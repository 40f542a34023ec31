"""Every card error names file:line, the field, and what is wrong; nothing is built on error."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from builder import CardError, load_cards, recipes
from builder.cards import card_schema, load_card
from builder.pipeline import validate

REPO = Path(__file__).parents[2]
# The lists an error message offers grow with the gallery's tasks and recipes: read them where they are defined.
TASKS = ", ".join(repr(t) for t in card_schema()["properties"]["task"]["enum"])
RECIPES = ", ".join(recipes.available())

GOOD = """\
id: iris-test
title: Iris
task: tabular-classification
dataset:
  source: sklearn
  name: iris
  target: target
  features:
    - {name: sepal length (cm), type: numeric}
    - {name: petal width (cm), type: numeric}
recipe:
  kind: sklearn_tabular
  params:
    estimator: logistic_regression
    C: 1.0
"""


def write(folder: Path, text: str, name: str | None = None) -> Path:
    """Write a card; by default named after its id, as cards must be."""
    folder.mkdir(parents=True, exist_ok=True)
    found = re.search(r"^id: (.+)$", text, re.M)
    path = folder / (name or f"{found.group(1) if found else 'card'}.yaml")
    path.write_text(textwrap.dedent(text))
    return path


def problems(folder: Path) -> list[str]:
    with pytest.raises(CardError) as info:
        validate(folder)
    return [str(p) for p in info.value.problems]


def test_good_card_loads_with_defaults(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    [card] = validate(tmp_path)
    assert card.id == "iris-test"
    assert card.variants == ["fp32"]
    assert card.dataset["test_size"] == 0.25 and card.dataset["seed"] == 0
    assert card.data["dataset"]["features"][0]["label"] == "Sepal length (cm)"


def test_repo_cards_are_valid() -> None:
    assert [c.id for c in validate(Path(__file__).parents[2] / "model_cards")]


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("  target: target", "  target: [target"))
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}:")
    assert "invalid YAML" in msg


def test_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- just\n- a list\n")
    assert problems(tmp_path) == [f"{path}:1: a card must be a YAML mapping of fields (id, title, task, dataset, recipe, ...)"]


def test_missing_required_field(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("title: Iris\n", ""))
    assert problems(tmp_path) == [f"{path}:1: title: required field is missing"]


def test_missing_nested_field_points_at_its_parent(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("  target: target\n", ""))
    assert problems(tmp_path) == [f"{path}:5: dataset.target: required field is missing"]


def test_unknown_field_points_at_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "colour: blue\n")
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}:16: colour: unknown field (allowed here: ")
    assert "dataset" in msg


def test_bad_enum_lists_choices(tmp_path: Path) -> None:
    assert {"'tabular-classification'", "'image-classification'"} <= set(TASKS.split(", "))
    path = write(tmp_path, GOOD.replace("task: tabular-classification", "task: image-generation"))
    assert problems(tmp_path)[0] == f"{path}:3: task: 'image-generation' is not one of {TASKS}"


def test_an_unknown_task_is_one_problem_not_three(tmp_path: Path) -> None:
    """The dataset fields depend on the task: while the task is unknown, they are not judged."""
    path = write(tmp_path, GOOD.replace("task: tabular-classification", "task: image-generation"))
    assert problems(tmp_path) == [f"{path}:3: task: 'image-generation' is not one of {TASKS}"]


def test_bad_id(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("id: iris-test", "id: Iris Test"))
    assert problems(tmp_path) == [f"{path}:1: id: 'Iris Test': use lower-case letters, digits and '-' (at most 64)"]


def test_wrong_type_in_list_item(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("{name: petal width (cm), type: numeric}", "{name: petal width (cm), type: 3}"))
    assert problems(tmp_path) == [f"{path}:10: dataset.features[1].type: 3 is not one of 'numeric', 'categorical'"]


def test_out_of_range_number(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("  target: target\n", "  target: target\n  test_size: 1.5\n"))
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}:8: dataset.test_size: 1.5 is greater than or equal to the maximum of 1")


def test_unknown_recipe(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("kind: sklearn_tabular", "kind: sklearn_tabulr"))
    assert {"sklearn_tabular", "torch_image"} <= set(RECIPES.split(", "))
    assert problems(tmp_path) == [f"{path}:12: recipe.kind: unknown recipe 'sklearn_tabulr' (available: {RECIPES})"]


def test_unknown_estimator(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("estimator: logistic_regression", "estimator: svm"))
    assert problems(tmp_path) == [
        f"{path}:14: recipe.params.estimator: unknown estimator 'svm' (available: random_forest, gradient_boosting, logistic_regression)"
    ]


def test_unknown_and_bad_recipe_params(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    C: 1.0", "    C: -1\n    n_estimators: 5"))
    assert problems(tmp_path) == [
        f"{path}:15: recipe.params.C: must be a positive number, got -1",
        f"{path}:16: recipe.params.n_estimators: not a parameter of logistic_regression (allowed: C, max_iter)",
    ]


def test_unsupported_variant(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "variants: [fp32, int8]\n")
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}:16: variants[1]: recipe 'sklearn_tabular' cannot make a 'int8' variant (")
    assert msg.endswith("supported: fp32")


def test_unknown_dataset(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("name: iris", "name: iriss"))
    assert problems(tmp_path) == [f"{path}:6: dataset.name: 'iriss' is not a dataset of sklearn (available: breast_cancer, diabetes, iris, wine)"]


def test_missing_feature_column_names_the_feature_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("petal width (cm)", "petal wdth (cm)"))
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}:10: dataset.features[1].name: no column 'petal wdth (cm)' in sklearn/iris (columns: ")
    assert "petal width (cm)" in msg


def test_missing_target_column(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("target: target", "target: species"))
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}:7: dataset.target: no column 'species' in sklearn/iris")


def test_numeric_feature_on_text_column(tmp_path: Path) -> None:
    card = GOOD.replace("source: sklearn", "source: palmerpenguins").replace("name: iris", "name: penguins")
    card = card.replace("target: target", "target: species").replace("{name: sepal length (cm), type: numeric}", "{name: island, type: numeric}")
    path = write(tmp_path, card.replace("{name: petal width (cm), type: numeric}", "{name: body_mass_g, type: numeric}"))
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}:9: dataset.features[0].type: column 'island' is not numeric (")
    assert msg.endswith("use type: categorical")


def test_feature_listed_twice_and_target_as_feature(tmp_path: Path) -> None:
    card = GOOD.replace("{name: petal width (cm), type: numeric}", "{name: sepal length (cm), type: numeric}\n    - {name: target, type: categorical}")
    path = write(tmp_path, card)
    assert problems(tmp_path) == [
        f"{path}:10: dataset.features[1].name: feature 'sepal length (cm)' is listed twice",
        f"{path}:11: dataset.features[2].name: 'target' is the target; a feature cannot be the target",
    ]


def test_duplicate_ids_across_cards(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "iris-test.yaml")
    second = write(tmp_path, GOOD, "iris-test.yml")
    assert problems(tmp_path) == [f"{second}:1: id: duplicate id 'iris-test', also used by iris-test.yaml"]


def test_all_problems_of_all_cards_are_reported_together(tmp_path: Path) -> None:
    a = write(tmp_path, GOOD.replace("title: Iris\n", ""), "a.yaml")
    b = write(tmp_path, GOOD.replace("id: iris-test", "id: other").replace("kind: sklearn_tabular", "kind: nope").replace("name: iris", "name: irs"), "other.yaml")
    with pytest.raises(CardError) as info:
        validate(tmp_path)
    assert [(p.path, p.line, p.field) for p in info.value.problems] == [(a, 1, "title"), (b, 6, "dataset.name"), (b, 12, "recipe.kind")]
    assert str(info.value).startswith("3 problems in model cards (nothing was written):\n  ")


def test_missing_cards_folder(tmp_path: Path) -> None:
    with pytest.raises(CardError, match="model card folder not found"):
        load_cards(tmp_path / "nope")


def test_authoring_guide_shows_real_error_output(tmp_path: Path) -> None:
    """The example in site_src/authoring.md is what the builder prints for these mistakes."""
    repo = Path(__file__).parents[2]
    card = (repo / "model_cards" / "penguins-species.yaml").read_text()
    one = card.replace("{name: bill_length_mm,", "{name: bill_lenght_mm,").replace("max_depth: 6", "max_depth: 6\n    min_leaf: 3")
    write(tmp_path, one.replace("variants: [fp32]", "variants: [fp32, int8]"))
    write(tmp_path, card.replace("id: penguins-species", "id: penguins-two").replace("kind: sklearn_tabular", "kind: sklearn_tabulr"))
    with pytest.raises(CardError) as info:
        validate(tmp_path)
    printed = "error: " + str(info.value).replace(f"{tmp_path}/", "model_cards/")  # as the CLI prints it (cli._fail)
    guide = (repo / "site_src" / "authoring.md").read_text()
    documented = guide.split("```text\n", 1)[1].split("```", 1)[0].rstrip("\n")
    assert printed == documented


# ---- every nested object of the schema refuses unknown keys, located at the key ----

@pytest.mark.parametrize(("edit", "line", "field", "allowed"), [
    (lambda c: c.replace("  params:\n", "  parms:\n"), 13, "recipe.parms", "kind, params"),
    (lambda c: c.replace("  target: target\n", "  target: target\n  colour: blue\n"), 8, "dataset.colour",
     ", ".join(card_schema()["allOf"][0]["then"]["properties"]["dataset"]["propertyNames"]["enum"])),  # this task's: source, name, ...
    (lambda c: c.replace("{name: petal width (cm), type: numeric}", "{name: petal width (cm), type: numeric, colour: blue}"), 10,
     "dataset.features[1].colour", "derive, description, label, name, type, unit"),
    (lambda c: c + "demo:\n  examples: 3\n  colour: blue\n", 18, "demo.colour", "examples, texts"),
    (lambda c: c + "explain:\n  method: exact\n  colour: blue\n", 18, "explain.colour", "background, method, samples"),
], ids=["recipe", "dataset", "feature", "demo", "explain"])
def test_unknown_nested_field_points_at_the_key(tmp_path: Path, edit, line: int, field: str, allowed: str) -> None:
    path = write(tmp_path, edit(GOOD))
    says = "is not a field of this task's dataset" if field == "dataset.colour" else "unknown field"
    assert problems(tmp_path) == [f"{path}:{line}: {field}: {says} (allowed here: {allowed})"]


# ---- defaults, locations and messages that mutation testing (make mutation) found unpinned ----

MINIMAL = """\
id: minimal
title: Minimal
task: tabular-classification
dataset:
  source: sklearn
  name: iris
  target: target
  features:
    - {name: petal_width, type: numeric}
    - {name: sepal length (cm), type: numeric, label: Sepal}
recipe:
  kind: sklearn_tabular
"""


def test_every_default_is_filled_in(tmp_path: Path) -> None:
    card = load_card(write(tmp_path, MINIMAL))
    assert card.data == {
        "id": "minimal", "title": "Minimal", "task": "tabular-classification", "description": "",
        "dataset": {
            "source": "sklearn", "name": "iris", "target": "target", "test_size": 0.25, "seed": 0,
            "features": [
                {"name": "petal_width", "type": "numeric", "label": "Petal width"},
                {"name": "sepal length (cm)", "type": "numeric", "label": "Sepal"},
            ],
        },
        "recipe": {"kind": "sklearn_tabular", "params": {}},
        "variants": ["fp32"],
        "demo": {"examples": 3},
    }
    assert card.id == "minimal" and card.recipe == {"kind": "sklearn_tabular", "params": {}}
    assert card.variants == ["fp32"] and card.dataset["name"] == "iris"


def test_given_values_are_not_overwritten_by_defaults(tmp_path: Path) -> None:
    text = MINIMAL.replace("  target: target\n", "  target: target\n  test_size: 0.5\n  seed: 7\n")
    card = load_card(write(tmp_path, text + "  params: {C: 2.0}\nvariants: [fp16]\ndemo: {examples: 0}\ndescription: Hi\n"))
    assert (card.dataset["test_size"], card.dataset["seed"], card.recipe["params"]) == (0.5, 7, {"C": 2.0})
    assert (card.variants, card.data["demo"], card.data["description"]) == (["fp16"], {"examples": 0}, "Hi")


def test_card_locates_fields_for_later_errors(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    [card] = validate(tmp_path)
    assert [card.line("dataset"), card.line("dataset", "features", 1), card.line("dataset", "features", 1, "type")] == [5, 10, 10]
    assert card.line("recipe", "params", "C") == 15
    assert card.line("recipe", "nope", "deeper") == 12  # the deepest node that exists: recipe's mapping
    assert card.line("dataset", "features", 2) == 9  # past the end of a list: the list itself
    assert card.line("id", 0) == 1  # a step into a scalar stops there
    assert str(card.problem(("dataset", "features", 1, "name"), "bad")) == f"{path}:10: dataset.features[1].name: bad"


def test_several_problems_in_one_card_are_sorted_by_line(tmp_path: Path) -> None:
    text = GOOD.replace("title: Iris", "title: 3").replace("type: numeric}\nrecipe", "type: 3}\nrecipe") + "colour: blue\n"
    path = write(tmp_path, text.replace("  target: target\n", ""))
    assert problems(tmp_path) == [
        f"{path}:2: title: 3 is not of type 'string'",
        f"{path}:5: dataset.target: required field is missing",
        f"{path}:9: dataset.features[1].type: 3 is not one of 'numeric', 'categorical'",
        f"{path}:15: colour: unknown field (allowed here: dataset, demo, description, explain, id, recipe, task, title, variants)",
    ]


def test_several_missing_fields_are_each_reported_once(tmp_path: Path) -> None:
    path = write(tmp_path, "id: only-id\n")
    assert problems(tmp_path) == [f"{path}:1: {name}: required field is missing" for name in ("dataset", "recipe", "task", "title")]


def test_yaml_error_names_its_line_and_the_parser_problem(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("  target: target", "  target: [target"))
    assert problems(tmp_path) == [f"{path}:8: invalid YAML: expected ',' or ']', but got ':'"]


def test_empty_card_is_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "", "empty.yaml")
    assert problems(tmp_path) == [f"{path}:1: a card must be a YAML mapping of fields (id, title, task, dataset, recipe, ...)"]


def test_yml_cards_are_read_in_file_name_order(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("id: iris-test", "id: b-card"))
    write(tmp_path, GOOD.replace("id: iris-test", "id: a-card"), "a-card.yml")
    write(tmp_path, "not a card", "notes.txt")
    assert [c.id for c in load_cards(tmp_path)] == ["a-card", "b-card"]


def test_missing_cards_folder_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(CardError) as info:
        load_cards(tmp_path / "nope")
    assert [str(p) for p in info.value.problems] == [f"{tmp_path / 'nope'}: model card folder not found: create it and add a <id>.yaml card"]


def test_card_keeps_its_text_and_words_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    card = load_card(path)
    assert card.text == path.read_text()
    warning = card.warning(("dataset", "features", 1, "type"), "looks odd")
    assert warning.warning and str(warning) == f"{path}:10: dataset.features[1].type: warning: looks odd"


def test_id_of_the_wrong_type_is_not_called_a_pattern_mismatch(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("id: iris-test", "id: 123"), "123.yaml")
    assert problems(tmp_path) == [f"{path}:1: id: 123 is not of type 'string'"]


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD, "iris.yaml")
    assert problems(tmp_path) == [
        f"{path}:1: id: 'iris-test' differs from the file name 'iris.yaml': rename the file to iris-test.yaml or set id: iris"
    ]


# ---- image cards: their own dataset fields, recipes that serve their task ----

PHOTO = (REPO / "model_cards" / "photo-classifier.yaml").read_text()


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_image_card_gets_only_its_defaults(tmp_path: Path) -> None:
    card = load_card(write(tmp_path, "id: photos\ntitle: T\ntask: image-classification\ndataset:\n  source: skimage\n  name: photos\nrecipe:\n  kind: torch_image\n"))
    assert card.data["dataset"] == {"source": "skimage", "name": "photos", "seed": 0}  # no test_size, no features
    assert card.variants == ["fp32"] and card.data["demo"] == {"examples": 3} and card.recipe == {"kind": "torch_image", "params": {}}


def test_repo_image_card_is_valid_without_tabular_fields(tmp_path: Path) -> None:
    write(tmp_path, PHOTO, "photo-classifier.yaml")
    [card] = validate(tmp_path)
    assert card.variants == ["fp32", "int8", "fp16"] and card.warnings == []
    assert not {"target", "features", "test_size"} & set(card.dataset)


def test_tabular_fields_in_an_image_card_are_errors(tmp_path: Path) -> None:
    text = PHOTO.replace("  name: photos\n", "  name: photos\n  target: species\n  test_size: 0.3\n")
    path = write(tmp_path, text, "photo-classifier.yaml")
    assert problems(tmp_path) == [
        f"{path}:{line_of(text, 'target:')}: dataset.target: is not a field of this task's dataset (allowed here: source, name, seed)",
        f"{path}:{line_of(text, 'test_size:')}: dataset.test_size: is not a field of this task's dataset (allowed here: source, name, seed)",
    ]


@pytest.mark.parametrize(("text", "name", "recipe", "serves", "task"), [
    (GOOD.replace("kind: sklearn_tabular", "kind: torch_image"), None, "torch_image", "image-classification", "tabular-classification"),
    (PHOTO.replace("kind: torch_image", "kind: sklearn_tabular"), "photo-classifier.yaml", "sklearn_tabular", "tabular-classification or tabular-regression or anomaly-detection", "image-classification"),
], ids=["image-recipe-on-tabular-card", "tabular-recipe-on-image-card"])
def test_a_recipe_that_does_not_serve_the_task_is_an_error(tmp_path: Path, text: str, name, recipe: str, serves: str, task: str) -> None:
    path = write(tmp_path, text, name)
    assert problems(tmp_path) == [
        f"{path}:{line_of(text, 'kind:')}: recipe.kind: recipe {recipe!r} makes {serves} models, not {task!r}"
    ]


def test_image_card_names_unknown_photo_sets_and_recipe_params(tmp_path: Path) -> None:
    text = PHOTO.replace("name: photos", "name: flowers").replace("model: efficientnet-lite0", "model: resnet50\n    size: 3")
    path = write(tmp_path, text, "photo-classifier.yaml")
    assert problems(tmp_path) == [
        f"{path}:{line_of(text, 'name: flowers')}: dataset.name: skimage/flowers is not an image set (available: skimage/photos)",
        f"{path}:{line_of(text, 'model: resnet50')}: recipe.params.model: unknown model 'resnet50' (available: efficientnet-lite0)",
        f"{path}:{line_of(text, 'size: 3')}: recipe.params.size: not a parameter of torch_image (allowed: model)",
    ]



def test_a_recipe_for_another_task_is_reported_with_the_schema_problems(tmp_path: Path) -> None:
    """One round lists everything: a tabular field on an image card, a recipe for another task, an unknown variant."""
    path = write(tmp_path, """\
        id: my-photos
        title: My photos
        task: image-classification
        dataset: {source: skimage, name: photos, target: label}
        recipe: {kind: sklearn_tabular}
        variants: [fp32, int4]
        """)
    assert problems(tmp_path) == [
        f"{path}:4: dataset.target: is not a field of this task's dataset (allowed here: source, name, seed)",
        f"{path}:5: recipe.kind: recipe 'sklearn_tabular' makes tabular-classification or tabular-regression or anomaly-detection models, not 'image-classification'",
        f"{path}:6: variants[1]: 'int4' is not one of 'fp32', 'fp16', 'int8'",
    ]
