"""The drift check's training reference (builder/drift.py) as the penguins build writes it: the training
values and their decile bins, the categories' shares and the predicted labels' shares, each recomputed
here from the training split and the shipped ONNX file; and the held-out rows as CSV, which read back
as the same float32 rows the model saw. The browser's statistics are held to scipy in
tests/browser/test_drift.py."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from builder import datasets, drift, evaluate
from builder.cards import read_cards
from builder.tasks.tabular import feeds_for

from .conftest import PENGUINS, model


@pytest.fixture(scope="module")
def built(penguins_built: tuple[Path, object]) -> tuple[Path, dict, dict]:
    out, _ = penguins_built
    entry = model(json.loads((out / "manifest.json").read_text()), PENGUINS)
    return out, entry, json.loads((out / entry["drift"]["reference"]).read_text())


@pytest.fixture(scope="module")
def split(built: tuple[Path, dict, dict]) -> datasets.Split:
    cards, _ = read_cards(Path(__file__).parents[2] / "model_cards")
    return datasets.prepare(next(c for c in cards if c.id == PENGUINS))


def test_the_manifest_names_both_artifacts(built: tuple[Path, dict, dict]) -> None:
    out, entry, data = built
    kinds = {a["kind"]: a for a in entry["artifacts"]}
    assert entry["drift"] == {"reference": kinds["drift_reference"]["url"], "reference_rows": data["rows"], "test_rows": kinds["test_rows"]["url"]}
    assert kinds["test_rows"]["media_type"] == "text/csv"
    assert [f["name"] for f in data["features"]] == [f["name"] for f in entry["preprocessing"]["features"]]
    assert data["predictions"]["labels"] == entry["labels"]


def test_reference_is_the_training_split(built: tuple[Path, dict, dict], split: datasets.Split) -> None:
    out, entry, data = built
    assert data["rows"] == len(split.X_train)
    for ref, spec in zip(data["features"], split.features):
        column = split.X_train[spec["input"]]
        if ref["type"] == "numeric":
            typed = np.array([float(str(np.float32(v))) for v in column])
            assert ref["values"] == sorted(typed.tolist())  # every training value (< MAX_VALUES), as typed
            assert ref["edges"] == sorted(set(ref["edges"])) and len(ref["edges"]) <= drift.BINS - 1
            # deciles: each bin holds about a tenth of the training rows
            assert max(ref["proportions"]) < 0.15 and min(ref["proportions"]) > 0.04
            counts = np.bincount(drift.bin_of(typed, ref["edges"]), minlength=len(ref["edges"]) + 1)
            assert ref["proportions"] == pytest.approx((counts / len(typed)).tolist(), abs=1e-15)
        else:
            shares = column.astype(str).value_counts(normalize=True)
            assert ref["proportions"] == pytest.approx([shares.get(c, 0.0) for c in ref["categories"]], abs=1e-15)
        assert sum(ref["proportions"]) == pytest.approx(1.0)
    variant = next(v for v in entry["variants"] if v["name"] == entry["default_variant"])
    session = evaluate.native_session((out / variant["url"]).read_bytes(), as_in_browser=True)
    probabilities = session.run([entry["postprocessing"]["probability_output"]], feeds_for(split.X_train, split.features))[0]
    counts = np.bincount(np.argmax(probabilities, axis=1), minlength=len(entry["labels"]))
    assert data["predictions"]["proportions"] == pytest.approx((counts / counts.sum()).tolist(), abs=1e-15)


def test_test_rows_read_back_as_the_held_out_rows(built: tuple[Path, dict, dict], split: datasets.Split) -> None:
    out, entry, _ = built
    frame = pd.read_csv(io.StringIO((out / entry["drift"]["test_rows"]).read_text()))
    assert list(frame.columns) == [f["name"] for f in split.features]
    assert len(frame) == len(split.X_test)
    for f in split.features:
        if f["type"] == "numeric":
            assert np.array_equal(frame[f["name"]].to_numpy(np.float32), split.X_test[f["input"]].to_numpy(np.float32))
        else:
            assert frame[f["name"]].astype(str).tolist() == split.X_test[f["input"]].astype(str).tolist()


def test_many_values_are_sampled_and_bins_hold_ties() -> None:
    features = [{"name": "x", "input": "x", "type": "numeric"}, {"name": "c", "input": "c", "type": "categorical", "categories": ["a", "b", "z"]}]
    rng = np.random.default_rng(0)
    train = pd.DataFrame({"x": np.concatenate([np.zeros(6000), rng.normal(size=4000)]).astype(np.float32), "c": ["a"] * 9000 + ["b"] * 1000})
    data = drift.reference(features, ["no", "yes"], train, np.zeros(len(train), dtype=int), seed=1)
    x, c = data["features"]
    assert len(x["values"]) == drift.MAX_VALUES and x["values"] == sorted(x["values"])
    # 60 % of the rows are 0: the deciles repeat, so fewer bins, and the zeros share one
    assert len(x["edges"]) < drift.BINS - 1 and x["proportions"][drift.bin_of(np.array([0.0]), x["edges"])[0]] >= 0.6
    assert c["proportions"] == pytest.approx([0.9, 0.1, 0.0])  # a category of the card never seen in training
    assert data["predictions"]["proportions"] == [1.0, 0.0]
