"""Tabular regression: one row of named features in, a number and its prediction interval out.

Rows, feeds and the form's feature specs are the classifier's (builder/datasets.py); what differs is
the answer (one value, ± the recipe's conformal half-width) and how it is measured: MAE, RMSE and R²
on the held-out rows beside a baseline that always predicts the training mean, and how often the
interval holds on rows the model never saw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .. import datasets
from ..cards import Card
from ..errors import CardProblem
from ..datasets import feeds, feeds_for, rows
from . import TaskEvaluation, tensor_json

if TYPE_CHECKING:
    import onnxruntime as ort

    from ..datasets import Split

prepare = datasets.prepare
describe = datasets.describe
__all__ = ["check", "prepare", "describe", "feeds", "evaluate", "answer", "scores"]


def check(card: Card) -> list[CardProblem]:
    return datasets.check(card)


def answer(value: float, interval: dict[str, Any]) -> dict[str, float]:
    """What predict() answers, in Python as js_runtime/tabular.js readRegression does in the browser."""
    half = interval["half_width"]
    return {"value": value, "low": value - half, "high": value + half, "level": interval["level"]}


def scores(actual: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """MAE, RMSE and R² (in float64: float32 sums of squares lose digits)."""
    actual, predicted = actual.astype(np.float64), predicted.astype(np.float64)
    error = actual - predicted
    total = float(np.sum((actual - actual.mean()) ** 2))
    return {
        "mae": float(np.mean(np.abs(error))),
        "rmse": float(np.sqrt(np.mean(error**2))),
        "r2": 1.0 - float(np.sum(error**2)) / total if total > 0 else 0.0,
    }


def evaluate(session: ort.InferenceSession, split: Split, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    post = parts["postprocessing"]
    batch = feeds_for(split.X_test, split.features)
    (values,) = session.run([post["value_output"]], batch)
    predicted = values[:, 0]
    interval = post["interval"]
    half = interval["half_width"]
    actual = split.y_test
    baseline = np.full_like(actual, np.float32(split.y_train.astype(np.float64).mean()))
    inside = np.abs(actual.astype(np.float64) - predicted.astype(np.float64)) <= half
    metrics = {
        **scores(actual, predicted),
        "baseline": {"kind": "training mean", "value": float(baseline[0]), **scores(actual, baseline)},
        "interval": {**interval, "coverage": float(np.mean(inside)), "rows": int(len(actual))},
        # the residual and predicted-vs-actual plots of the page: one pair per held-out row
        "held_out": {"actual": [float(v) for v in actual], "predicted": [float(v) for v in predicted]},
    }
    shown = rows(split)
    fixtures = {
        "rows": shown,
        "expected": [float(v) for v in actual],
        "inputs": {name: tensor_json(value) for name, value in batch.items()},
        "outputs": {post["value_output"]: tensor_json(values)},
        "answers": [answer(float(v), interval) for v in predicted],
    }
    examples = [
        {"input": shown[i], "expected": float(actual[i]), "output": answer(float(predicted[i]), interval)}
        for i in range(min(n_examples, len(shown)))
    ]
    return TaskEvaluation(metrics, fixtures, examples)
