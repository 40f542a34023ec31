"""SHAP baselines of a tabular model, computed at build time with Python's `shap` on the shipped file.

What the browser needs to explain a row the visitor edits, and what the page shows before anything
runs: the background set (rows of the training split, sampled with the card's seed), the expected
value (the model's mean output over it), SHAP values of the page's example rows and of held-out rows
(a beeswarm), and global importance (mean |SHAP| per feature and class).

Explanations work on feature rows, not on one float matrix: a categorical feature enters `shap` as
the index of its value in the feature's category list, and the model function turns indices back
into the strings the ONNX graph takes, so a coalition mixes whole feature values, as the worker's
explainer will. With ≤ 16 features `shap`'s exact explainer gives interventional Shapley values
(every coalition, averaged over the background); beyond that its permutation explainer (seeded).
The model is the variant that ships by default, run as onnxruntime-web runs it
(builder/evaluate.native_session as_in_browser), on its probability output.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

EXACT_MAX_FEATURES = 16
BACKGROUND_DEFAULT = 50
BACKGROUND_MAX = 100  # the worker evaluates every coalition over every background row: keep it small
HELD_OUT_ROWS = 100  # rows whose values make the beeswarm and the global importance


def settings(card_explain: dict[str, Any] | None, n_features: int) -> dict[str, Any]:
    """The card's `explain` block completed: method (exact up to 16 features), background rows, samples."""
    given = card_explain or {}
    method = given.get("method") or ("exact" if n_features <= EXACT_MAX_FEATURES else "kernel")
    return {"method": method, "background": min(given.get("background", BACKGROUND_DEFAULT), BACKGROUND_MAX), "samples": given.get("samples")}


def category_codes(features: list[dict[str, Any]], frames: list[pd.DataFrame]) -> dict[str, list[str]]:
    """Each categorical input's values in a fixed order (the feature spec's, else sorted): shap sees their indices."""
    codes = {}
    for f in features:
        if f["type"] == "categorical":
            codes[f["input"]] = list(f.get("categories") or sorted({str(v) for frame in frames for v in frame[f["input"]]}))
    return codes


def encode(frame: pd.DataFrame, features: list[dict[str, Any]], codes: dict[str, list[str]]) -> np.ndarray:
    """Feature rows as float64: numbers as they are, categories as their index."""
    columns = []
    for f in features:
        values = frame[f["input"]]
        if f["type"] == "categorical":
            columns.append(np.array([codes[f["input"]].index(str(v)) for v in values], dtype=np.float64))
        else:
            columns.append(values.to_numpy(np.float64))
    return np.column_stack(columns) if columns else np.empty((len(frame), 0))


def model_function(run: Callable[[dict[str, np.ndarray]], np.ndarray], features: list[dict[str, Any]], codes: dict[str, list[str]]) -> Callable[[np.ndarray], np.ndarray]:
    """`shap`'s view of the model: encoded rows [N, F] → probabilities [N, classes] (float64)."""

    def f(x: np.ndarray) -> np.ndarray:
        feeds = {}
        for j, spec in enumerate(features):
            column = x[:, j : j + 1]
            if spec["type"] == "categorical":
                values = codes[spec["input"]]
                feeds[spec["input"]] = np.array([[values[int(round(v))]] for v in column[:, 0]], dtype=object)
            else:
                feeds[spec["input"]] = column.astype(np.float32)
        return np.asarray(run(feeds), dtype=np.float64)

    return f


def row_dict(encoded: np.ndarray, features: list[dict[str, Any]], codes: dict[str, list[str]]) -> dict[str, Any]:
    """One encoded row as the JS API's row: {feature name: number or category}; numbers as the shortest
    decimal that reads back as the same float32 (what the page's example rows hold)."""
    out: dict[str, Any] = {}
    for value, f in zip(encoded, features):
        out[f["name"]] = codes[f["input"]][int(round(value))] if f["type"] == "categorical" else float(str(np.float32(value)))
    return out


def explain(
    run: Callable[[dict[str, np.ndarray]], np.ndarray],
    features: list[dict[str, Any]],
    labels: list[str],
    train: pd.DataFrame,
    held_out: pd.DataFrame,
    example_rows: pd.DataFrame,
    options: dict[str, Any],
    seed: int,
) -> dict[str, Any]:
    """The explanations artifact (JSON-ready). `run(feeds) -> probabilities` is the shipped model."""
    import shap

    logging.getLogger("shap").setLevel(logging.ERROR)
    codes = category_codes(features, [train, held_out, example_rows])
    f = model_function(run, features, codes)
    background = encode(train.sample(min(options["background"], len(train)), random_state=seed), features, codes)
    masker = shap.maskers.Independent(background, max_samples=len(background))
    if options["method"] == "exact" and len(features) <= EXACT_MAX_FEATURES:
        explainer: Any = shap.explainers.Exact(f, masker)
        kwargs: dict[str, Any] = {}
    else:
        explainer = shap.explainers.Permutation(f, masker, seed=seed)
        kwargs = {"max_evals": max(options.get("samples") or 0, 2 * len(features) + 1)}
    rows = held_out.iloc[:HELD_OUT_ROWS]
    with contextlib.redirect_stderr(io.StringIO()):  # its progress bar
        examples = explainer(encode(example_rows, features, codes), silent=True, **kwargs)
        held = explainer(encode(rows, features, codes), silent=True, **kwargs)
    expected = f(background).mean(axis=0)
    held_values = np.transpose(held.values, (0, 2, 1))  # [row, output, feature]
    return {
        "method": "exact" if isinstance(explainer, shap.explainers.Exact) else "permutation",
        "shap": shap.__version__,
        "output": "probabilities",
        "features": [f["name"] for f in features],
        "outputs": labels,
        "categories": {f["name"]: codes[f["input"]] for f in features if f["type"] == "categorical"},
        "background": [row_dict(r, features, codes) for r in background],
        "expected_value": [float(v) for v in expected],
        "examples": [
            {"row": row_dict(x, features, codes), "values": _rounded(np.transpose(v)), "prediction": [float(p) for p in f(x[None])[0]]}
            for x, v in zip(examples.data, examples.values)
        ],
        "held_out": {
            "rows": [row_dict(r, features, codes) for r in held.data],
            "values": [_rounded(v) for v in held_values],
        },
        "importance": _rounded(np.abs(held_values).mean(axis=0)),
    }


def _rounded(values: np.ndarray) -> list[Any]:
    """Float64 → JSON numbers with 12 significant digits (the browser compares at 1e-4; halves the file)."""
    return np.vectorize(lambda v: float(f"{v:.12g}"))(values).tolist() if values.size else values.tolist()
