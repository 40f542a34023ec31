"""Anomaly detection: one row of named features in, an anomaly score and a verdict out.

Rows, feeds and feature specs are the tabular ones (builder/datasets.py). The model is fitted
without the labels; the labels of the held-out rows measure it: ROC AUC and average precision of the
score (a score that knows nothing has an average precision equal to the share of anomalies), and
precision and recall at the model's threshold and along the whole precision-recall curve, which the
page's threshold slider walks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .. import datasets
from ..cards import Card
from ..datasets import feeds, feeds_for, rows
from ..errors import CardProblem
from . import TaskEvaluation, tensor_json

if TYPE_CHECKING:
    import onnxruntime as ort

    from ..datasets import Split

prepare = datasets.prepare
describe = datasets.describe
__all__ = ["check", "prepare", "describe", "feeds", "evaluate", "answer"]
# points of the precision-recall curve the page draws (the manifest stays small)
CURVE_POINTS = 60


def check(card: Card) -> list[CardProblem]:
    return datasets.check(card)


def answer(score: float, threshold: float) -> dict[str, Any]:
    """What predict() answers, in Python as js_runtime/tabular.js readAnomaly does in the browser."""
    return {"score": score, "anomaly": score > threshold, "threshold": threshold}


def evaluate(session: ort.InferenceSession, split: Split, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

    post = parts["postprocessing"]
    threshold = post["threshold"]
    batch = feeds_for(split.X_test, split.features)
    raw_scores, labels = session.run([post["score_output"], post["label_output"]], batch)
    score = -raw_scores[:, 0]  # −decision_function: larger is more anomalous, above the threshold an anomaly
    truth = split.y_test == 1
    flagged = score > threshold
    hits = int(np.sum(flagged & truth))
    precision, recall, cut = precision_recall_curve(truth, score)
    keep = np.unique(np.linspace(0, len(cut) - 1, CURVE_POINTS).round().astype(int))
    metrics = {
        "roc_auc": float(roc_auc_score(truth, score)),
        "average_precision": float(average_precision_score(truth, score)),
        "prevalence": float(truth.mean()),
        "at_threshold": {
            "threshold": threshold,
            "precision": hits / int(flagged.sum()) if flagged.any() else 0.0,
            "recall": hits / int(truth.sum()),
            "flagged": int(flagged.sum()),
            "anomalies": int(truth.sum()),
            "rows": int(len(truth)),
        },
        "curve": {"threshold": [float(cut[i]) for i in keep], "precision": [float(precision[i]) for i in keep], "recall": [float(recall[i]) for i in keep]},
    }
    shown = rows(split)
    fixtures = {
        "labels": split.labels,
        "rows": shown,
        "expected": [split.labels[int(v)] for v in split.y_test],
        "inputs": {name: tensor_json(value) for name, value in batch.items()},
        "outputs": {post["score_output"]: tensor_json(raw_scores), post["label_output"]: tensor_json(labels)},
        "answers": [answer(float(s), threshold) for s in score],
    }
    # the examples: normal rows and the first anomaly of the held-out rows, so both verdicts are there to click
    first_anomaly = int(np.argmax(truth))
    picks = [i for i in range(len(shown)) if not truth[i]][: max(0, n_examples - 1)] + [first_anomaly]
    examples = [{"input": shown[i], "expected": split.labels[int(split.y_test[i])], "output": answer(float(score[i]), threshold)} for i in picks[:n_examples]]
    return TaskEvaluation(metrics, fixtures, examples)
