"""What a new author runs into: optional fields, awkward column names, card/file naming, class
names, suspicious categories, and a build key that notices code changes."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pandas as pd
import pytest
from rich.console import Console

from builder import build_models, datasets, pages, pipeline, recipes, tasks
from builder.pipeline import validate

from ..conftest import REPO
from .conftest import PENGUINS, PHOTO, model
from .test_cards import problems as errors_of
from .test_cards import write as write_card

QUIET = Console(quiet=True)

# Only what the schema requires: every optional field left out.
MINIMAL = """\
id: minimal
title: Minimal
task: tabular-classification
dataset:
  source: sklearn
  name: iris
  target: target
  features:
    - {name: petal length (cm), type: numeric}
    - {name: petal width (cm), type: numeric}
recipe:
  kind: sklearn_tabular
"""


def test_card_without_any_optional_field_builds_and_renders(tmp_path: Path) -> None:
    write_card(tmp_path / "cards", MINIMAL, "minimal.yaml")
    result = build_models(tmp_path / "cards", tmp_path / "out", console=QUIET)
    [entry] = result.manifest["models"]
    assert all("unit" not in f for f in entry["preprocessing"]["features"])
    html = pages.model_page(entry, "../../models")  # jinja2 StrictUndefined: a missing field would raise
    assert '<th scope="row">Petal length (cm)</th><td>numeric</td>' in html
    assert [a["kind"] for a in entry["artifacts"]] == ["explanations", "drift_reference", "test_rows"] and entry["default_variant"] == "fp32"


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = write_card(tmp_path, MINIMAL, "my-model.yaml")
    assert errors_of(tmp_path) == [
        f"{path}:1: id: 'minimal' differs from the file name 'my-model.yaml': rename the file to minimal.yaml or set id: my-model"
    ]


def test_classes_name_the_target_values(tmp_path: Path) -> None:
    card = MINIMAL.replace("name: iris", "name: wine").replace(
        "    - {name: petal length (cm), type: numeric}\n    - {name: petal width (cm), type: numeric}\n",
        "    - {name: alcohol, type: numeric}\n    - {name: od280/od315_of_diluted_wines, type: numeric}\n    - {name: proline, type: numeric}\n",
    ).replace("  target: target\n", "  target: target\n  classes: {class_0: Barolo, class_1: Grignolino, class_2: Barbera}\n")
    write_card(tmp_path / "cards", card, "minimal.yaml")
    result = build_models(tmp_path / "cards", tmp_path / "out", console=QUIET)
    [entry] = result.manifest["models"]
    assert entry["labels"] == ["Barolo", "Grignolino", "Barbera"]
    assert set(entry["variants"][0]["metrics"]["per_class"]) == {"Barolo", "Grignolino", "Barbera"}
    assert {e["expected"] for e in entry["examples"]} <= {"Barolo", "Grignolino", "Barbera"}


def test_unknown_or_clashing_class_names_are_errors(tmp_path: Path) -> None:
    card = MINIMAL.replace("  target: target\n", "  target: target\n  classes:\n    setosa: Setosa\n    versicolour: Versicolor\n    virginica: Setosa\n")
    path = write_card(tmp_path, card, "minimal.yaml")
    assert errors_of(tmp_path) == [
        f"{path}:9: dataset.classes.setosa: two classes would both be called 'Setosa'",
        f"{path}:10: dataset.classes.versicolour: 'versicolour' is not a value of 'target' (values: setosa, versicolor, virginica)",
        f"{path}:11: dataset.classes.virginica: two classes would both be called 'Setosa'",
    ]


def test_continuous_column_as_category_warns_but_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = MINIMAL.replace("{name: petal length (cm), type: numeric}", "{name: petal length (cm), type: categorical}")
    path = write_card(tmp_path, card, "minimal.yaml")
    [checked] = validate(tmp_path)
    assert [str(w) for w in checked.warnings] == [
        f"{path}:9: dataset.features[0].type: warning: column 'petal length (cm)' has 43 distinct values: "
        "as a category it becomes a 43-option list; use type: numeric"
    ]
    pipeline.print_warnings(Console(file=sys.stdout, width=400, no_color=True), [checked])
    assert "warning: column 'petal length (cm)' has 43 distinct values" in capsys.readouterr().out


def test_input_names_are_identifiers_unique_and_not_outputs() -> None:
    assert datasets.input_names(["mean radius", "od280/od315", "Sépal.länge (cm)", "mean_radius", "label", "1st", ""]) == [
        "mean_radius", "od280_od315", "S_pal_l_nge__cm_", "mean_radius_2", "f_label", "f_1st", "feature",
    ]


def test_awkward_column_names_work_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Columns spelt as real data spells them: spaces, parentheses, dots, slashes, non-ASCII."""
    from sklearn.datasets import load_iris

    iris = load_iris(as_frame=True)
    frame = iris.frame.rename(columns={
        "sepal length (cm)": "Sépal.länge (cm)",
        "sepal width (cm)": "width/length ratio",
        "petal length (cm)": "Blütenblatt Länge",
        "petal width (cm)": "petal.width",
    })
    frame["Ort / Standort"] = np.where(frame.index % 2 == 0, "Nord-Süd", "Ost & West")
    frame["target"] = pd.Categorical.from_codes(iris.target, list(iris.target_names)).astype(str)
    monkeypatch.setitem(datasets.SOURCES["sklearn"], "iris_awkward", (lambda: frame, "iris with renamed columns"))
    card = MINIMAL.replace("name: iris", "name: iris_awkward").replace(
        "    - {name: petal length (cm), type: numeric}\n    - {name: petal width (cm), type: numeric}\n",
        "".join(f"    - {{name: '{c}', type: {t}}}\n" for c, t in [
            ("Sépal.länge (cm)", "numeric"), ("width/length ratio", "numeric"), ("Blütenblatt Länge", "numeric"),
            ("petal.width", "numeric"), ("Ort / Standort", "categorical"),
        ]),
    )
    write_card(tmp_path / "cards", card, "minimal.yaml")
    result = build_models(tmp_path / "cards", tmp_path / "out", console=QUIET)  # export verifies parity inside
    [entry] = result.manifest["models"]
    features = entry["preprocessing"]["features"]
    assert [(f["name"], f["input"]) for f in features] == [
        ("Sépal.länge (cm)", "S_pal_l_nge__cm_"), ("width/length ratio", "width_length_ratio"),
        ("Blütenblatt Länge", "Bl_tenblatt_L_nge"), ("petal.width", "petal_width"), ("Ort / Standort", "Ort___Standort"),
    ]
    assert [i["name"] for i in entry["inputs"]] == [f["input"] for f in features]
    assert features[4]["categories"] == ["Nord-Süd", "Ost & West"]
    # The published fixtures replay: rows by column name, feeds by input name, outputs equal.
    fixtures = json.loads((tmp_path / "out" / entry["variants"][0]["fixtures"]).read_text())
    assert set(fixtures["rows"][0]) == {f["name"] for f in features}
    session = ort.InferenceSession((tmp_path / "out" / entry["variants"][0]["url"]).read_bytes())
    feeds = {
        name: np.array(t["data"], dtype=np.float32 if t["type"] == "float32" else object).reshape(t["dims"])
        for name, t in fixtures["inputs"].items()
    }
    _, probabilities = session.run(None, feeds)
    assert np.allclose(probabilities.ravel(), fixtures["outputs"]["probabilities"]["data"], atol=1e-6)
    assert "Sépal.länge (cm)" in pages.model_page(entry, "../../models")


def package_files() -> set[str]:
    """Every source and data file of builder/ but the recipe modules (each card's own recipe is added to its key)."""
    package = REPO / "builder"
    files = {
        p.relative_to(package).as_posix() for p in package.rglob("*")
        if p.is_file() and p.suffix in (".py", ".json") and "__pycache__" not in p.parts
    }
    return files - {f"recipes/{kind}.py" for kind in recipes.available()}


def test_build_key_covers_every_module_that_shapes_outputs() -> None:
    """A new module must be listed as a build input (common or of a task) or explicitly not one."""
    files = package_files()
    task_inputs = {name for names in pipeline.TASK_INPUTS.values() for name in names}
    listed = set(pipeline.BUILD_INPUTS) | task_inputs | set(pipeline.NOT_BUILD_INPUTS)
    assert not (set(pipeline.BUILD_INPUTS) | task_inputs) & set(pipeline.NOT_BUILD_INPUTS)
    assert not set(pipeline.BUILD_INPUTS) & task_inputs
    assert files == listed, f"unlisted: {sorted(files - listed)}; listed but missing: {sorted(listed - files)}"
    assert set(pipeline.TASK_INPUTS) == set(tasks.MODULES)
    for task, module in tasks.MODULES.items():
        assert f"tasks/{module}.py" in pipeline.TASK_INPUTS[task], task
    fingerprint = pipeline.code_fingerprint("sklearn_tabular", "tabular-classification")
    assert set(fingerprint) == {*pipeline.BUILD_INPUTS, *pipeline.TASK_INPUTS["tabular-classification"], "recipes/sklearn_tabular.py"}
    assert "tasks/image_classification.py" not in fingerprint and "image_preprocess.py" not in fingerprint
    assert "pipeline.py" in fingerprint  # pipeline._evaluate writes every manifest entry


def test_each_recipe_serves_known_tasks_and_its_key_holds_only_its_task() -> None:
    for kind in recipes.available():
        recipe = recipes.get(kind)
        assert recipe.TASKS and set(recipe.TASKS) <= set(tasks.MODULES), kind
        for task in recipe.TASKS:
            fingerprint = pipeline.code_fingerprint(kind, task)
            others = {f"tasks/{m}.py" for t, m in tasks.MODULES.items() if t != task}
            assert set(fingerprint) == {*pipeline.BUILD_INPUTS, *pipeline.TASK_INPUTS[task], f"recipes/{kind}.py"}, (kind, task)
            assert not others & set(fingerprint), (kind, task)


@pytest.fixture
def builder_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of builder/'s source that the build key reads instead of the real one."""
    copy = tmp_path / "builder"
    names = {*pipeline.BUILD_INPUTS, *(n for names in pipeline.TASK_INPUTS.values() for n in names)}
    names |= {f"recipes/{kind}.py" for kind in recipes.available()}
    for name in names:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((pipeline._PACKAGE / name).read_bytes())
    monkeypatch.setattr(pipeline, "_PACKAGE", copy)
    monkeypatch.setattr(pipeline.recipes, "source_file", lambda kind: copy / "recipes" / f"{kind}.py")
    return copy


def touch(copy: Path, name: str) -> None:
    (copy / name).write_bytes((copy / name).read_bytes() + b"\n# a change\n")


def card_and_data(model_id: str):
    [card] = [c for c in validate(REPO / "model_cards") if c.id == model_id]
    return card, tasks.get(card.data["task"]).prepare(card)


def test_build_key_changes_when_a_build_input_changes(builder_copy: Path) -> None:
    card, split = card_and_data(PENGUINS)
    before = pipeline._build_key(card, split)
    for name in ("image_preprocess.py", "tasks/image_classification.py", "recipes/torch_image.py"):
        touch(builder_copy, name)  # image code: the tabular model is not rebuilt
    assert pipeline._build_key(card, split) == before
    for name in ("tasks/tabular.py", "tasks/__init__.py", "pipeline.py", "recipes/sklearn_tabular.py"):
        touch(builder_copy, name)
        assert pipeline._build_key(card, split) != before, name
        before = pipeline._build_key(card, split)


def test_image_build_key_follows_image_code_only(builder_copy: Path) -> None:
    card, photos = card_and_data(PHOTO)
    before = pipeline._build_key(card, photos)
    for name in ("datasets.py", "tasks/tabular.py", "recipes/sklearn_tabular.py"):
        touch(builder_copy, name)
    assert pipeline._build_key(card, photos) == before
    for name in ("image_preprocess.py", "image_sets.py", "tasks/image_classification.py", "recipes/torch_image.py", "quantize.py", "optimize.py"):
        touch(builder_copy, name)
        assert pipeline._build_key(card, photos) != before, name
        before = pipeline._build_key(card, photos)


def test_help_and_check_do_not_load_the_ml_stack() -> None:
    code = textwrap.dedent("""
        import sys
        from pathlib import Path
        import builder.cli, builder.pages, builder.plugin
        from builder.pipeline import validate
        validate(Path(sys.argv[1]))
        print(",".join(m for m in ("sklearn", "onnxruntime", "onnx", "skl2onnx", "torch", "skimage") if m in sys.modules))
    """)
    proc = subprocess.run([sys.executable, "-c", code, str(REPO / "model_cards")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_authoring_guide_example_card_is_valid(tmp_path: Path) -> None:
    """The annotated card at the top of site_src/authoring.md passes every check."""
    guide = (REPO / "site_src" / "authoring.md").read_text()
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    write_card(tmp_path, example, "penguins-species.yaml")
    [card] = validate(tmp_path)
    assert card.dataset["classes"] == {"Adelie": "Adélie"} and card.warnings == []


def test_description_is_a_side_file_not_part_of_the_manifest(built_models) -> None:
    """Every model page loads manifest.json: long text stays out of it (content-addressed, verified, collected)."""
    out, result = built_models
    entry = model(result.manifest, PENGUINS)
    [artifact] = [a for a in entry["artifacts"] if a["kind"] == "description"]
    assert "description" not in entry
    text = (out / artifact["url"]).read_bytes()
    assert artifact["url"] == f"penguins-species/description.{hashlib.sha256(text).hexdigest()[:16]}.md"
    assert text.decode().startswith("Which of the three Palmer Archipelago penguin species is this?")
    assert len(text) == artifact["bytes"]
    assert "Which of the three" not in (out / "manifest.json").read_text()
    photo = model(result.manifest, PHOTO)
    [description] = [a for a in photo["artifacts"] if a["kind"] == "description"]
    assert (out / description["url"]).read_text().split("\n")[0] not in (out / "manifest.json").read_text()


def test_description_change_replaces_its_side_file(penguins_out: Path, penguins_cards: Path) -> None:
    out, cards = penguins_out, penguins_cards
    card = cards / "penguins-species.yaml"
    card.write_text(card.read_text().replace("Which of the three", "Which one of the three"))
    result = build_models(cards, out, console=QUIET)
    [artifact] = [a for a in model(result.manifest, PENGUINS)["artifacts"] if a["kind"] == "description"]
    assert [p.name for p in out.glob("penguins-species/description.*.md")] == [Path(artifact["url"]).name]
    (out / artifact["url"]).write_text("tampered")
    assert build_models(cards, out, console=QUIET).built == ["penguins-species"]  # a damaged side file is rebuilt
