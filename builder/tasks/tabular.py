"""Tabular classification: one row of named features in, a label and class probabilities out."""

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
__all__ = ["check", "prepare", "describe", "feeds", "feeds_for", "evaluate", "explanations", "drift", "rows"]


def check(card: Card) -> list[CardProblem]:
    return datasets.check(card)


def evaluate(session: ort.InferenceSession, split: Split, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

    post = parts["postprocessing"]
    feeds = feeds_for(split.X_test, split.features)
    predicted, probabilities = session.run([post["label_output"], post["probability_output"]], feeds)
    n_labels = len(split.labels)
    precision, recall, f1, support = precision_recall_fscore_support(
        split.y_test, predicted, labels=range(n_labels), zero_division=0
    )
    metrics = {
        "accuracy": float(np.mean(predicted == split.y_test)),
        "macro_f1": float(f1_score(split.y_test, predicted, average="macro", zero_division=0)),
        "per_class": {
            label: {"precision": float(precision[i]), "recall": float(recall[i]), "f1": float(f1[i]), "support": int(support[i])}
            for i, label in enumerate(split.labels)
        },
        "confusion_matrix": confusion_matrix(split.y_test, predicted, labels=range(n_labels)).tolist(),
    }
    shown = rows(split)
    fixtures = {
        "labels": split.labels,
        "rows": shown,
        "expected": [split.labels[i] for i in split.y_test],
        "inputs": {name: tensor_json(value) for name, value in feeds.items()},
        "outputs": {post["label_output"]: tensor_json(predicted), post["probability_output"]: tensor_json(probabilities)},
    }
    examples = [
        {
            "input": shown[i],
            "expected": split.labels[int(split.y_test[i])],
            "output": {"label": split.labels[int(predicted[i])], "probabilities": [float(p) for p in probabilities[i]]},
        }
        for i in range(min(n_examples, len(shown)))
    ]
    return TaskEvaluation(metrics, fixtures, examples)


def explanations(session: ort.InferenceSession, split: Split, parts: dict[str, Any], card: Card) -> dict[str, Any]:
    """SHAP baselines of the shipped model (builder/explain.py): background, expected value, example and held-out values."""
    from .. import explain

    features = split.features
    probability = parts["postprocessing"]["probability_output"]
    n_examples = card.data["demo"]["examples"]
    return explain.explain(
        lambda feeds: session.run([probability], feeds)[0],
        features, split.labels, split.X_train, split.X_test, split.X_test.iloc[:n_examples],
        explain.settings(card.data.get("explain"), len(features)), card.dataset["seed"],
    )


def drift(session: ort.InferenceSession, split: Split, parts: dict[str, Any], card: Card) -> tuple[dict[str, Any], bytes]:
    """The drift check's training reference (builder/drift.py) and the held-out rows as CSV."""
    from .. import drift as reference

    # The most probable label, as the worker picks it (the first on a tie, like np.argmax)
    probability = parts["postprocessing"]["probability_output"]
    predicted = np.argmax(session.run([probability], feeds_for(split.X_train, split.features))[0], axis=1)
    data = reference.reference(split.features, split.labels, split.X_train, predicted, card.dataset["seed"])
    return data, reference.test_rows_csv(split.features, split.X_test)
