"""Recommendation: the items a person picked in, the items they may also like out, each with the picked
item that speaks most for it.

Measured on held-out people (builder/baskets.py): their items are hidden a fold at a time, the rest is
the input, and the top K recommendations are scored against the hidden items: precision@K, recall@K,
NDCG@K (hits near the top count more) and the share of inputs with at least one hit, beside the
popularity baseline (the items most training people use, the same list for everyone), for K = 1 … 20.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from .. import baskets
from ..cards import Card
from ..errors import CardProblem
from . import TaskEvaluation, tensor_json

if TYPE_CHECKING:
    import onnxruntime as ort

    from ..baskets import Baskets
    from ..recipes import Trained

prepare = baskets.prepare
CURVE_K = 20  # the page's curves: K = 1 … CURVE_K


def check(card: Card) -> list[CardProblem]:
    return baskets.check(card)


def describe(card: Card, data: Baskets, trained: Trained, artifact: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    return {
        "labels": trained.labels,
        "preprocessing": trained.io["preprocessing"],
        "postprocessing": trained.io["postprocessing"],
        "dataset": data.info,
        "artifacts": [],
    }


def feeds(data: Baskets, parts: dict[str, Any], which: str) -> list[dict[str, np.ndarray]]:
    """The held-out inputs, one per row (the model has no variants to calibrate or compare)."""
    name = parts["preprocessing"]["input"]
    return [{name: given[None, :].astype(np.float32)} for _, given, _ in data.queries()]


def rank(scores: np.ndarray, picked: np.ndarray, k: int) -> np.ndarray:
    """The top k item indices: best score first, ties by index, picked items left out (as js_runtime/recommend.js ranks)."""
    order = np.argsort(-scores.astype(np.float64), kind="stable")
    return order[~np.isin(order, np.flatnonzero(picked))][:k]


def answer(scores: np.ndarray, because: np.ndarray, support: np.ndarray, picked: np.ndarray, labels: list[str], k: int) -> dict[str, Any]:
    """What predict() answers, in Python as the worker does (js_runtime/recommend.js readRecommendations)."""
    return {"recommendations": [
        {"item": labels[i], "index": int(i), "score": float(scores[i]), "because": labels[int(because[i])] if support[i] > 0 else None}
        for i in rank(scores, picked, k)
    ]}


def ndcg(top: np.ndarray, hidden: np.ndarray, k: int) -> float:
    """Normalized discounted cumulative gain of a top-k list against the hidden items (binary gains)."""
    discounts = 1 / np.log2(np.arange(2, k + 2))
    hits = np.isin(top[:k], hidden)
    return float((hits * discounts[: len(hits)]).sum() / discounts[: min(k, len(hidden))].sum())


def ranking_metrics(tops: list[np.ndarray], hiddens: list[np.ndarray], k: int) -> dict[str, float]:
    hits = [np.isin(top[:k], hidden) for top, hidden in zip(tops, hiddens, strict=True)]
    return {
        "precision": float(np.mean([h.sum() / k for h in hits])),
        "recall": float(np.mean([h.sum() / len(hidden) for h, hidden in zip(hits, hiddens, strict=True)])),
        "ndcg": float(np.mean([ndcg(top, hidden, k) for top, hidden in zip(tops, hiddens, strict=True)])),
        "hit_rate": float(np.mean([h.any() for h in hits])),
    }


def summary(tops: list[np.ndarray], hiddens: list[np.ndarray], k: int, n_items: int) -> dict[str, Any]:
    """The metrics at the model's K, their curves over K = 1 … CURVE_K, and the catalogue coverage at K."""
    curves = [ranking_metrics(tops, hiddens, j) for j in range(1, CURVE_K + 1)]
    return {
        **ranking_metrics(tops, hiddens, k),
        "coverage": len({int(i) for top in tops for i in top[:k]}) / n_items,
        "curves": {name: [c[name] for c in curves] for name in ("precision", "recall", "ndcg", "hit_rate")},
    }


def evaluate(session: ort.InferenceSession, data: Baskets, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    pre, post = parts["preprocessing"], parts["postprocessing"]
    k, labels = post["top_k"], parts["labels"]
    queries = data.queries()
    given = np.stack([q[1] for q in queries]).astype(np.float32)
    hiddens = [q[2] for q in queries]
    scores, because, support = session.run([post["scores_output"], post["because_output"], post["support_output"]], {pre["input"]: given})
    depth = max(k, CURVE_K)
    tops = [rank(s, g, depth) for s, g in zip(scores, given, strict=True)]
    popularity = data.train.sum(axis=0)
    popular = [rank(popularity, g, depth) for g in given]
    metrics = {
        **summary(tops, hiddens, k, len(labels)),
        "k": k,
        "queries": len(queries),
        "people": len({q[0] for q in queries}),
        "baseline": {"kind": "popularity", **summary(popular, hiddens, k, len(labels))},
    }
    answers = [answer(s, b, u, g, labels, k) for s, b, u, g in zip(scores, because, support, given, strict=True)]
    fixtures = {
        "inputs": {pre["input"]: tensor_json(given)},
        "outputs": {post["scores_output"]: tensor_json(scores), post["because_output"]: tensor_json(because),
                    post["support_output"]: tensor_json(support)},
        "answers": answers,
        "picked": [[labels[i] for i in np.flatnonzero(g)] for g in given],
    }
    # the examples: the first fold of the first held-out people (each input is a different person)
    examples, seen = [], set()
    for i, (person, g, hidden) in enumerate(queries):
        if person in seen or len(examples) == n_examples:
            continue
        seen.add(person)
        examples.append({
            "name": f"Held-out {data.source.person} {data.test_people[person] + 1}",
            "input": [labels[j] for j in np.flatnonzero(g)],
            "expected": [labels[j] for j in hidden],
            "output": answers[i],
        })
    return TaskEvaluation(metrics, fixtures, examples)
