"""Cards that are wrong in unusual ways, or hostile: each gets `file:line: field: what is wrong`,
never a traceback, a hang or a huge message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from builder import CardError
from builder.cards import MAX_CARD_BYTES
from builder.pipeline import validate

from ..conftest import REPO

CARD = (REPO / "model_cards" / "penguins-species.yaml").read_text()
NAME = "penguins-species.yaml"


def problems(folder: Path) -> list[str]:
    with pytest.raises(CardError) as info:
        validate(folder)
    return [str(p) for p in info.value.problems]


def write(folder: Path, text: str | bytes, name: str = NAME) -> Path:
    path = folder / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_yaml_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")  # 9**9 strings once expanded
    path = write(tmp_path, "\n".join(levels) + "\n" + CARD)
    start = time.perf_counter()
    found = problems(tmp_path)
    assert time.perf_counter() - start < 5
    assert found == [f"{path}:1: YAML aliases (*name) are not allowed in cards: write the value out"]


def test_a_single_alias_is_refused_too(tmp_path: Path) -> None:
    text = CARD.replace("title: Palmer penguins — species", "title: &t Palmer penguins").replace("    - {name: island, type: categorical, label: Island}", "    - {name: island, type: categorical, label: *t}")
    path = write(tmp_path, text)
    assert problems(tmp_path) == [f"{path}:{line_of(text, 'title: &t')}: YAML aliases (*name) are not allowed in cards: write the value out"]


def test_repeated_key_is_an_error_not_a_silent_override(tmp_path: Path) -> None:
    text = CARD + "title: Another title\n"
    path = write(tmp_path, text)
    assert problems(tmp_path) == [
        f"{path}:3: title: this key appears more than once in the same mapping",
        f"{path}:{len(text.splitlines())}: title: this key appears more than once in the same mapping",
    ]


def test_list_where_a_name_belongs(tmp_path: Path) -> None:
    text = CARD.replace("estimator: random_forest", "estimator: [random_forest]")
    path = write(tmp_path, text)
    assert problems(tmp_path) == [
        f"{path}:{line_of(text, 'estimator:')}: recipe.params.estimator: unknown estimator ['random_forest'] (available: random_forest, gradient_boosting, logistic_regression)"
    ]


def test_latin1_card_names_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    text = CARD.replace("label: Island}", "label: Isla del pingüino}")
    path = write(tmp_path, text.encode("latin-1", errors="replace"))
    assert problems(tmp_path) == [f"{path}:{line_of(text, 'pingüino')}: is not UTF-8 text (byte 0xFC): save it as UTF-8"]


def test_folder_named_like_a_card(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    assert problems(tmp_path) == [f"{tmp_path / 'x.yaml'}: is a folder, not a card: a card is a YAML file"]


def test_oversized_card_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, CARD + "# " + "x" * MAX_CARD_BYTES + "\n")
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}: is 2") and msg.endswith(f"a card may be at most {MAX_CARD_BYTES // 1024} KB")


def test_huge_values_are_not_quoted_in_full(tmp_path: Path) -> None:
    text = CARD.replace("task: tabular-classification", "task: " + "x" * 100_000)
    path = write(tmp_path, text)
    found = problems(tmp_path)
    [msg] = [m for m in found if m.startswith(f"{path}:{line_of(text, 'task:')}: task: ")]
    assert len(msg) < 600 and "100,000 characters" in msg
    assert all(len(m) < 600 for m in found)


def test_text_length_caps(tmp_path: Path) -> None:
    text = CARD.replace("title: Palmer penguins — species", "title: " + "T" * 201)
    path = write(tmp_path, text)
    assert problems(tmp_path) == [f"{path}:3: title: is 201 characters long; at most 200 are allowed"]


@pytest.mark.parametrize(("old", "new", "field"), [
    ("title: Palmer penguins — species", 'title: "Penguins\\n\\n# injected heading"', "title"),
    ("label: Island}", 'label: "Island\\n{: onclick=alert(1) }"}', "dataset.features[4].label"),
    ("unit: mm}", 'unit: "mm\\r"}', "dataset.features[0].unit"),
    ("title: Palmer penguins — species", 'title: "Penguins\\n"', "title"),
])
def test_single_line_fields_refuse_line_breaks(tmp_path: Path, old: str, new: str, field: str) -> None:
    text = CARD.replace(old, new, 1)
    path = write(tmp_path, text)
    assert problems(tmp_path) == [f"{path}:{line_of(text, new)}: {field}: must be one line of plain text (no line breaks or control characters)"]


def test_id_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, CARD.replace("id: penguins-species", 'id: "penguins-species\\n"'))
    assert problems(tmp_path) == [f"{path}:2: id: 'penguins-species\\n': use lower-case letters, digits and '-' (at most 64)"]


def test_id_index_would_replace_the_gallery(tmp_path: Path) -> None:
    path = write(tmp_path, CARD.replace("id: penguins-species", "id: index"), "index.yaml")
    assert problems(tmp_path) == [f"{path}:2: id: 'index' is reserved (the gallery's own page): choose another id"]


def test_seed_beyond_what_numpy_accepts(tmp_path: Path) -> None:
    text = CARD.replace("seed: 42", "seed: 4294967296")
    path = write(tmp_path, text)
    assert problems(tmp_path) == [f"{path}:{line_of(text, 'seed:')}: dataset.seed: 4294967296 is greater than the maximum of 4294967295"]


def test_test_size_that_leaves_no_training_rows(tmp_path: Path) -> None:
    text = CARD.replace("test_size: 0.25", "test_size: 0.999")
    path = write(tmp_path, text)
    assert problems(tmp_path) == [
        f"{path}:{line_of(text, 'test_size:')}: dataset.test_size: 0.999 of 333 usable rows gives 0 training and 333 test rows "
        "for 3 classes; each part needs at least 3: use a test_size between 0.00901 and 0.991"
    ]


def test_recipe_problems_are_reported_with_schema_problems(tmp_path: Path) -> None:
    """One round of fixes, not two: a parameter typo is reported even when a required field is missing."""
    text = CARD.replace("title: Palmer penguins — species\n", "").replace("max_depth: 6", "max_depth: 6\n    min_leaf: 2")
    path = write(tmp_path, text)
    assert problems(tmp_path) == [
        f"{path}:2: title: required field is missing",
        f"{path}:{line_of(text, 'min_leaf')}: recipe.params.min_leaf: not a parameter of random_forest (allowed: n_estimators, max_depth, min_samples_leaf)",
    ]


# ---- written after `make mutation` showed these branches could change unnoticed ----

def test_unsupported_variant_is_reported_with_schema_problems(tmp_path: Path) -> None:
    text = CARD.replace("title: Palmer penguins — species\n", "").replace("variants: [fp32]", "variants: [fp32, int8]")
    path = write(tmp_path, text)
    [missing, variant] = problems(tmp_path)
    assert missing == f"{path}:2: title: required field is missing"
    assert variant.startswith(f"{path}:{line_of(text, 'variants:')}: variants[1]: recipe 'sklearn_tabular' cannot make a 'int8' variant")


def test_malformed_variants_with_schema_problems_do_not_hide_the_recipe_check(tmp_path: Path) -> None:
    text = CARD.replace("title: Palmer penguins — species\n", "").replace("variants: [fp32]", "variants: 3").replace("max_depth: 6", "max_depth: 6\n    min_leaf: 2")
    path = write(tmp_path, text)
    assert problems(tmp_path) == [
        f"{path}:2: title: required field is missing",
        f"{path}:{line_of(text, 'min_leaf')}: recipe.params.min_leaf: not a parameter of random_forest (allowed: n_estimators, max_depth, min_samples_leaf)",
        f"{path}:{line_of(text, 'variants:')}: variants: 3 is not of type 'array'",
    ]


def test_class_names_keyed_by_numbers_are_matched_as_text(tmp_path: Path) -> None:
    text = CARD.replace("  target: species\n", "  target: species\n  classes:\n    Adelie: Adélie\n    7: Seven\n")
    path = write(tmp_path, text)
    assert problems(tmp_path) == [f"{path}:{line_of(text, '7: Seven')}: dataset.classes.7: '7' is not a value of 'species' (values: Adelie, Chinstrap, Gentoo)"]


def test_id_mismatch_points_at_the_id_line(tmp_path: Path) -> None:
    text = "# a comment first\n" + CARD.replace("id: penguins-species", "id: penguins-other")
    path = write(tmp_path, text)
    assert problems(tmp_path) == [f"{path}:{line_of(text, 'id: penguins-other')}: id: 'penguins-other' differs from the file name '{NAME}': rename the file to penguins-other.yaml or set id: penguins-species"]


def test_card_size_limit_is_inclusive_and_the_message_gives_the_size(tmp_path: Path) -> None:
    padding = MAX_CARD_BYTES - len(CARD.encode()) - 3
    write(tmp_path, CARD + "# " + "x" * padding + "\n")
    assert (tmp_path / NAME).stat().st_size == MAX_CARD_BYTES
    assert [c.id for c in validate(tmp_path)] == ["penguins-species"]
    path = write(tmp_path, CARD + "# " + "x" * (MAX_CARD_BYTES * 2) + "\n")
    size_kb = f"{path.stat().st_size / 1024:,.0f}"
    assert problems(tmp_path) == [f"{path}: is {size_kb} KB; a card may be at most {MAX_CARD_BYTES // 1024} KB"]


def test_dangling_link_named_like_a_card(tmp_path: Path) -> None:
    (tmp_path / NAME).symlink_to(tmp_path / "gone.yaml")
    assert problems(tmp_path) == [f"{tmp_path / NAME}: cannot be read: No such file or directory"]


def test_too_many_features_or_class_names(tmp_path: Path) -> None:
    features = "".join(f"    - {{name: bill_length_mm, type: numeric, label: f{i}}}\n" for i in range(201))
    text = CARD.split("  features:\n")[0] + "  features:\n" + features + "recipe:\n  kind: sklearn_tabular\n"
    path = write(tmp_path, text)
    assert problems(tmp_path) == [f"{path}:{line_of(text, 'features:') + 1}: dataset.features: has 201 entries; at most 200 are allowed"]


def test_quotes_up_to_the_limit_in_full(tmp_path: Path) -> None:
    key = "k" * 200
    path = write(tmp_path, CARD + f"{key}: 1\n")
    [msg] = problems(tmp_path)
    assert msg.startswith(f"{path}:{len(CARD.splitlines()) + 1}: {key}: unknown field")
