"""The training reference of a tabular model's drift check, computed at build time.

A visitor drops a CSV of new rows on the model's page; the worker (worker/drift.js) predicts them and
compares each feature with the rows the model was trained on: the two-sample Kolmogorov–Smirnov
statistic for numbers (against the training values themselves, so it equals `scipy.stats.ks_2samp`)
and the population stability index over decile bins of the training values for every feature
(categories are their own bins). The model's predictions on the training rows are the reference for
the predicted labels. The page also offers the held-out rows as a CSV in the dataset's own columns,
the file a visitor can try first and edit.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pandas as pd

BINS = 10  # decile bins: the usual PSI layout
MAX_VALUES = 5000  # training values kept per numeric feature for KS (a seeded sample beyond that)


def reference(features: list[dict[str, Any]], labels: list[str], train: pd.DataFrame, predicted: np.ndarray, seed: int) -> dict[str, Any]:
    """The drift reference artifact (JSON-ready). `train` is the training split as the model sees it
    (columns named by graph input); `predicted` the model's label index for each of its rows."""
    out = []
    for f in features:
        column = train[f["input"]]
        if f["type"] == "numeric":
            values = _typed(column.to_numpy())
            kept = values if len(values) <= MAX_VALUES else np.random.default_rng(seed).choice(values, MAX_VALUES, replace=False)
            edges = np.unique(np.quantile(values, np.linspace(0, 1, BINS + 1)[1:-1])).tolist()
            out.append({
                "name": f["name"],
                "type": "numeric",
                "values": np.sort(kept).tolist(),
                "edges": edges,
                "proportions": _proportions(bin_of(values, edges), len(edges) + 1),
            })
        else:
            categories = list(f.get("categories") or sorted({str(v) for v in column}))
            index = {c: i for i, c in enumerate(categories)}
            out.append({
                "name": f["name"],
                "type": "categorical",
                "categories": categories,
                "proportions": _proportions(np.array([index[str(v)] for v in column]), len(categories)),
            })
    return {
        "rows": len(train),
        "bins": BINS,
        "features": out,
        "predictions": {"labels": labels, "proportions": _proportions(np.asarray(predicted, dtype=np.int64), len(labels))},
    }


def bin_of(values: np.ndarray, edges: list[float]) -> np.ndarray:
    """The bin of each value: bin i holds edges[i-1] < x ≤ edges[i] (the first everything ≤ edges[0],
    the last everything above the last edge). worker/drift.js bins the same way."""
    return np.searchsorted(np.asarray(edges, dtype=np.float64), values, side="left")


def test_rows_csv(features: list[dict[str, Any]], rows: pd.DataFrame) -> bytes:
    """Held-out rows as CSV, one column per feature named as in the dataset (what the drift check reads)."""
    frame = pd.DataFrame({f["name"]: _typed(rows[f["input"]].to_numpy()) if f["type"] == "numeric" else rows[f["input"]].to_numpy() for f in features})
    text = io.StringIO()
    frame.to_csv(text, index=False, lineterminator="\n")
    return text.getvalue().encode()


def _typed(values: np.ndarray) -> np.ndarray:
    """Numbers as a person types them: the shortest decimal that is the same float32 (the model's input
    type), so a CSV of the same rows gives the same values, and the same ties, as the reference."""
    return np.array([float(str(np.float32(v))) for v in values], dtype=np.float64)


def _proportions(bins: np.ndarray, n: int) -> list[float]:
    counts = np.bincount(bins, minlength=n).astype(np.float64)
    return (counts / max(counts.sum(), 1.0)).tolist()
