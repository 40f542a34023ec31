"""Text classification: a text in, every label with its probability out (softmax of the graph's logits).

Data: labelled texts a package ships (builder/text_sets.py), split into train and held-out test
sets; accuracy, macro F1, per-class scores and the confusion matrix come from the test set only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from .. import text_sets
from ..cards import Card
from ..errors import CardProblem
from . import TaskEvaluation, text

if TYPE_CHECKING:
    import onnxruntime as ort

    from ..recipes import Trained
    from ..text_sets import LabelledTexts

SOURCES = {"stdlib": ("spam-assassin",)}
AGREEMENT_ROWS = 100
# Texts the parity fixture also feeds: what visitors type that the test set lacks.
EDGE_TEXTS = ("", "🙂🙂🙂", "مرحبا بالعالم، هذا عرض مجاني", "FREE!!! " * 200)


def check(card: Card) -> list[CardProblem]:
    problems = text.check_source(card, SOURCES, "a labelled text set")
    if not problems and (unknown := set(card.dataset.get("classes", {})) - set(text_sets.SPAM_LABELS)):
        problems.append(card.problem(("dataset", "classes"), f"{', '.join(sorted(unknown))}: not a label of this set (its labels: {', '.join(text_sets.SPAM_LABELS)})"))
    return problems


def prepare(card: Card) -> LabelledTexts:
    return text_sets.prepare_spam(card.dataset["seed"], card.dataset["test_size"])


def describe(card: Card, data: LabelledTexts, trained: Trained, artifact: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    pre, tokenizer = text.preprocessing(trained.io["preprocessing"]["max_tokens"], artifact)
    classes = card.dataset.get("classes", {})
    return {
        "labels": [classes.get(label, label) for label in data.labels],
        "preprocessing": pre,
        "postprocessing": trained.io["postprocessing"],
        "dataset": data.info,
        "artifacts": [tokenizer],
        "demo_texts": card.data["demo"]["texts"],  # not a manifest key: the examples evaluate() precomputes
    }


def feeds(data: LabelledTexts, parts: dict[str, Any], which: str) -> list[dict[str, np.ndarray]]:
    texts = {"verify": data.test[:3], "calibration": data.train[:32], "agreement": data.test[:AGREEMENT_ROWS]}[which]
    return [text.feed(t, parts["preprocessing"]) for t, _ in texts]


def scores(session: ort.InferenceSession, value: str, parts: dict[str, Any]) -> list[dict[str, Any]]:
    """Every label with its probability, best first, as `m.predict(text)` returns them."""
    logits = session.run([parts["postprocessing"]["logits_output"]], text.feed(value, parts["preprocessing"]))[0][0]
    p = text.softmax(logits.astype(np.float64))
    return [{"label": parts["labels"][i], "score": float(p[i]), "index": int(i)} for i in np.argsort(-p, kind="stable")]


def evaluate(session: ort.InferenceSession, data: LabelledTexts, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

    labels = parts["labels"]
    y = np.array([label for _, label in data.test])
    predicted = np.array([scores(session, t, parts)[0]["index"] for t, _ in data.test])
    precision, recall, f1, support = precision_recall_fscore_support(y, predicted, labels=range(len(labels)), zero_division=0)
    metrics = {
        "accuracy": float(np.mean(predicted == y)),
        "macro_f1": float(f1_score(y, predicted, average="macro", zero_division=0)),
        "per_class": {
            label: {"precision": float(precision[i]), "recall": float(recall[i]), "f1": float(f1[i]), "support": int(support[i])}
            for i, label in enumerate(labels)
        },
        "confusion_matrix": confusion_matrix(y, predicted, labels=range(len(labels))).tolist(),
    }
    return TaskEvaluation(metrics, fixtures(session, data, parts), examples(session, parts))


def fixtures(session: ort.InferenceSession, data: LabelledTexts, parts: dict[str, Any]) -> dict[str, Any]:
    """Texts with their token ids and Python onnxruntime's outputs: the browser must tokenize and answer alike."""
    texts = [*parts["demo_texts"], *(t for t, _ in data.test[:4]), *EDGE_TEXTS]
    cases = text.parity_cases(session, texts, parts["preprocessing"], "scores", lambda value: scores(session, value, parts))
    first = cases[0]
    return {"labels": parts["labels"], "inputs": first["inputs"], "outputs": first["outputs"], "texts": cases}


def examples(session: ort.InferenceSession, parts: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"text": value, "output": scores(session, value, parts)} for value in parts["demo_texts"]]
