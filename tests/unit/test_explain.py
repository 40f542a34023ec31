"""SHAP baselines (builder/explain.py) of the penguins model as the build writes them.

The numbers are held to their definition, not to themselves: interventional Shapley values over the
shipped background, recomputed here by brute force over every coalition with the shipped ONNX file,
and additivity (expected value + Σ values = the model's output). The browser's explainer will be
held to the same artifact.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from builder import evaluate, explain
from builder.tasks.tabular import feeds_for

from .conftest import PENGUINS, model


@pytest.fixture(scope="module")
def built(penguins_built: tuple[Path, object]) -> tuple[Path, dict, dict]:
    out, _ = penguins_built
    entry = model(json.loads((out / "manifest.json").read_text()), PENGUINS)
    return out, entry, json.loads((out / entry["explain"]["explanations"]).read_text())


def _model(out: Path, entry: dict):  # type: ignore[no-untyped-def]
    """Rows of {feature name: value} → probabilities, through the shipped file."""
    variant = next(v for v in entry["variants"] if v["name"] == entry["default_variant"])
    session = evaluate.native_session((out / variant["url"]).read_bytes(), as_in_browser=True)
    features = entry["preprocessing"]["features"]

    def run(rows: list[dict]) -> np.ndarray:
        frame = pd.DataFrame([{f["input"]: r[f["name"]] for f in features} for r in rows])
        return session.run([entry["postprocessing"]["probability_output"]], feeds_for(frame, features))[0].astype(np.float64)

    return run


def test_the_manifest_names_the_artifact_and_its_background(built: tuple[Path, dict, dict]) -> None:
    out, entry, data = built
    record = next(a for a in entry["artifacts"] if a["kind"] == "explanations")
    assert entry["explain"] == {"method": "exact", "explanations": record["url"], "background_rows": 50, "output": "probabilities"}
    assert data["features"] == [f["name"] for f in entry["preprocessing"]["features"]] and data["outputs"] == entry["labels"]
    assert len(data["background"]) == 50 and len({json.dumps(r, sort_keys=True) for r in data["background"]}) > 40
    assert len(data["examples"]) == len(entry["examples"])
    assert [e["row"] for e in data["examples"]] == [e["input"] for e in entry["examples"]]


def test_values_are_interventional_shapley_values_over_the_background(built: tuple[Path, dict, dict]) -> None:
    out, entry, data = built
    run = _model(out, entry)
    names, background = data["features"], data["background"]
    m = len(names)
    for example in data["examples"][:2]:
        row = example["row"]
        value: dict[frozenset, np.ndarray] = {}
        for size in range(m + 1):
            for s in itertools.combinations(range(m), size):
                mixed = [{n: (row[n] if i in s else b[n]) for i, n in enumerate(names)} for b in background]
                value[frozenset(s)] = run(mixed).mean(axis=0)
        phi = np.zeros((len(data["outputs"]), m))
        for i in range(m):
            for s, v in value.items():
                if i not in s:
                    weight = math.factorial(len(s)) * math.factorial(m - len(s) - 1) / math.factorial(m)
                    phi[:, i] += weight * (value[s | {i}] - v)
        assert np.abs(phi - np.array(example["values"])).max() < 1e-9
        assert np.abs(value[frozenset()] - data["expected_value"]).max() < 1e-12


def test_additivity_and_importance(built: tuple[Path, dict, dict]) -> None:
    out, entry, data = built
    run = _model(out, entry)
    base = np.array(data["expected_value"])
    for example in data["examples"]:
        prediction = run([example["row"]])[0]
        assert np.abs(prediction - example["prediction"]).max() < 1e-12
        assert np.abs(base + np.array(example["values"]).sum(axis=1) - prediction).max() < 1e-6
    held = np.array(data["held_out"]["values"])  # [row, output, feature]
    assert held.shape == (len(data["held_out"]["rows"]), len(data["outputs"]), len(data["features"]))
    assert np.allclose(np.abs(held).mean(axis=0), data["importance"], atol=1e-9)
    flipper = data["features"].index("flipper_length_mm")
    assert np.argmax(np.array(data["importance"]).sum(axis=0)) in {flipper, data["features"].index("bill_length_mm")}


def test_settings_follow_the_card() -> None:
    assert explain.settings(None, 6) == {"method": "exact", "background": 50, "samples": None}
    assert explain.settings(None, 20)["method"] == "kernel"
    assert explain.settings({"method": "lime", "background": 80, "samples": 500}, 6) == {"method": "lime", "background": 80, "samples": 500}


def test_the_page_shows_importance_and_one_explained_prediction(built: tuple[Path, dict, dict]) -> None:
    from builder import pages

    out, entry, data = built
    md = pages.model_page(entry, "../../models", "", pages.explanations(entry, out))
    section = md[md.index("## Explanations"):]
    url = entry["explain"]["explanations"]
    assert f'<a href="../../models/{url}">' in section  # HTML: MkDocs checks Markdown links against doc files
    rows = section[section.index("<tbody>"):section.index("</tbody>")]
    assert rows.count('<th scope="row">') == len(data["features"]) + 1  # every feature, then the base
    # most important first, each named as the form names it (its label, not its column)
    label = {f["name"]: f["label"] for f in entry["preprocessing"]["features"]}
    names = [f'<th scope="row">{label[n]}</th>' for n in data["features"]]
    top = max(range(len(names)), key=lambda j: sum(row[j] for row in data["importance"]))
    assert rows.index(names[top]) < min(rows.index(n) for n in names if n != names[top])
    assert "Contribution to" in section and pages.model_page(entry, "../../models").count("## Explanations") == 0
