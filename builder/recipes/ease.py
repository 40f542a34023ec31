"""EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): an item × item weight matrix
B in closed form, B = −P / diag(P) with P = (XᵀX + λI)⁻¹ and a zero diagonal, so an item never
recommends itself. A person's scores are their 0/1 row times B.

The graph also says *why*: for each item, which picked item adds most to its score (ArgMax of
picked[j]·B[j, i] over j) and by how much (ReduceMax), so the page can say "because you eat …" from the
model's own arithmetic. Five operators every runtime has: MatMul, Unsqueeze, Mul, ArgMax and ReduceMax.

λ is the card's `l2`, or, by default, the value of L2_GRID that ranks best (NDCG@10) in a cross-validation
over the training people only: the held-out people never choose it. With a few dozen people, one split
can flatter or wrong a model: the whole method is also run on RESPLITS other splits (`resplits`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..cards import Card
from ..errors import CardProblem
from . import Trained, check_params

if TYPE_CHECKING:
    import onnx

    from ..baskets import Baskets

TASKS = ("recommendation",)
SUPPORTED_VARIANTS = ("fp32",)
VARIANTS_WHY = "one item × item matrix of a few thousand weights: nothing to gain from a smaller variant"
OPTIMIZE = None
PARAMS: dict[str, Any] = {"l2": "auto", "top_k": 10}
LIMITS: dict[str, tuple[type | tuple[type, ...], float, float]] = {"l2": ((int, float), 0.001, 1e6), "top_k": (int, 1, 100)}
L2_GRID = (3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
CV_FOLDS = 5
RESPLITS = 10  # other seeded splits of the people the whole method is run on, beside popularity
INPUT = "picked"
SCORES, BECAUSE, SUPPORT = "scores", "because", "support"
PARITY_ATOL = 1e-4


def settings(card: Card) -> dict[str, Any]:
    return {**PARAMS, **card.recipe["params"]}


def check(card: Card) -> list[CardProblem]:
    return check_params(card, "ease", PARAMS, LIMITS, {"l2": ("auto",)})


def weights(X: np.ndarray, l2: float) -> np.ndarray:
    """EASE's B for a people × items 0/1 matrix (float64)."""
    gram = X.T.astype(np.float64) @ X.astype(np.float64) + l2 * np.eye(X.shape[1])
    P = np.linalg.inv(gram)
    B = -P / np.diag(P)
    np.fill_diagonal(B, 0.0)
    return B


def choose_l2(X: np.ndarray, seed: int, top_k: int) -> tuple[float, dict[str, float]]:
    """The λ of L2_GRID with the best mean NDCG@top_k when each fold of training people is held out in
    turn (their items hidden a fold at a time, as the evaluation does); ties go to the larger λ."""
    from ..baskets import hide_folds
    from ..tasks.recommendation import ndcg, rank

    people = np.random.default_rng(seed).permutation(len(X))
    scores: dict[str, float] = {}
    for l2 in L2_GRID:
        gains = []
        for k in range(CV_FOLDS):
            held = people[k::CV_FOLDS]
            B = weights(np.delete(X, held, axis=0), l2)
            gains += [ndcg(rank(given @ B, given, top_k), hidden, top_k) for _, given, hidden in hide_folds(X[held], seed)]
        scores[f"{l2:g}"] = float(np.mean(gains))
    best = max(L2_GRID, key=lambda l2: (round(scores[f"{l2:g}"], 12), l2))
    return best, scores


def fit_l2(p: dict[str, Any], X: np.ndarray, seed: int) -> tuple[float, dict[str, float]]:
    """The card's λ, or (`auto`) the cross-validated one with each λ's score."""
    return choose_l2(X, seed, p["top_k"]) if p["l2"] == "auto" else (float(p["l2"]), {})


def resplits(p: dict[str, Any], data: Baskets, seed: int, test_size: float) -> dict[str, Any]:
    """The whole method (λ chosen on the training people, then EASE) and popularity on RESPLITS other
    seeded splits of the people (seeds seed + 1 … seed + RESPLITS), measured as the page's split is: how
    much of the model's lead is the luck of one split of a few dozen people."""
    from ..baskets import hide_folds, split_people
    from ..tasks.recommendation import rank, ranking_metrics

    k, out = p["top_k"], {"seeds": [], "ndcg": [], "precision": [], "baseline_ndcg": [], "baseline_precision": []}
    for other in range(seed + 1, seed + 1 + RESPLITS):
        train_rows, test_rows = split_people(len(data.everyone), other, test_size)
        train = data.everyone[train_rows]
        B = weights(train, fit_l2(p, train, other)[0])
        queries = hide_folds(data.everyone[test_rows], other)
        hidden = [q[2] for q in queries]
        model = ranking_metrics([rank(given @ B, given, k) for _, given, _ in queries], hidden, k)
        popular = ranking_metrics([rank(train.sum(axis=0), given, k) for _, given, _ in queries], hidden, k)
        out["seeds"].append(other)
        for name in ("ndcg", "precision"):
            out[name].append(model[name])
            out[f"baseline_{name}"].append(popular[name])
    out["wins"] = {name: sum(a > b for a, b in zip(out[name], out[f"baseline_{name}"], strict=True)) for name in ("ndcg", "precision")}
    return out


def train(card: Card, data: Baskets) -> Trained:
    p = settings(card)
    seed = card.dataset["seed"]
    l2, cv = fit_l2(p, data.train, seed)
    if cv:
        how = f"λ = {l2:g}, the best NDCG@{p['top_k']} of {', '.join(f'{v:g}' for v in L2_GRID)} in a {CV_FOLDS}-fold cross-validation over the training {data.source.person}s"
    else:
        how = f"λ = {l2:g}, set by the card"
    B = weights(data.train, l2)
    model = graph(B.astype(np.float32), card.id)
    verify(model, data.train, B)
    return Trained(
        model=model,
        framework="onnx",
        summary=f"EASE item-to-item weights ({len(data.items)} × {len(data.items)}) from {len(data.train)} training {data.source.person}s; {how}",
        labels=list(data.items),
        io={
            "inputs": [INPUT],
            "preprocessing": {"kind": "items", "input": INPUT, "count": len(data.items)},
            "postprocessing": {"kind": "recommendation", "scores_output": SCORES, "because_output": BECAUSE, "support_output": SUPPORT,
                               "top_k": p["top_k"], "l2": l2, **({"l2_search": cv} if cv else {}),
                               "resplits": resplits(p, data, seed, card.dataset["test_size"])},
        },
    )


def graph(B: np.ndarray, name: str) -> onnx.ModelProto:
    """scores = picked · B; contributions[n, j, i] = picked[n, j] · B[j, i]; because/support: their ArgMax/Max over j."""
    from onnx import TensorProto, helper, numpy_helper

    from ..export import graph_model

    n = B.shape[0]
    nodes = [
        helper.make_node("MatMul", [INPUT, "weights"], [SCORES]),
        helper.make_node("Unsqueeze", [INPUT, "axis_2"], ["picked_column"]),
        helper.make_node("Mul", ["picked_column", "weights"], ["contributions"]),
        helper.make_node("ArgMax", ["contributions"], [BECAUSE], axis=1, keepdims=0),
        helper.make_node("ReduceMax", ["contributions"], [SUPPORT], axes=[1], keepdims=0),
    ]
    initializers = [numpy_helper.from_array(B, "weights"), numpy_helper.from_array(np.array([2], np.int64), "axis_2")]
    g = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["N", n])],
        [helper.make_tensor_value_info(SCORES, TensorProto.FLOAT, ["N", n]),
         helper.make_tensor_value_info(BECAUSE, TensorProto.INT64, ["N", n]),
         helper.make_tensor_value_info(SUPPORT, TensorProto.FLOAT, ["N", n])],
        initializers,
    )
    return graph_model(g)


def verify(model: onnx.ModelProto, X: np.ndarray, B: np.ndarray) -> None:
    """The graph computes the scores and reasons numpy does, for every training person."""
    import onnxruntime as ort

    from ..export import ExportError

    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    scores, because, support = session.run([SCORES, BECAUSE, SUPPORT], {INPUT: X.astype(np.float32)})
    contributions = X[:, :, None].astype(np.float64) * B[None, :, :]
    if (diff := float(np.abs(scores - X @ B).max())) > PARITY_ATOL:
        raise ExportError(f"the ONNX scores differ from EASE's by {diff:.2e} (> {PARITY_ATOL})")
    if (diff := float(np.abs(support - contributions.max(axis=1)).max())) > PARITY_ATOL:
        raise ExportError(f"the ONNX reasons' weights differ from EASE's by {diff:.2e} (> {PARITY_ATOL})")
    chosen = np.take_along_axis(contributions, because[:, None, :], axis=1)[:, 0, :]
    if (diff := float(np.abs(chosen - contributions.max(axis=1)).max())) > PARITY_ATOL:
        raise ExportError(f"the ONNX reasons name an item that is not the largest contribution ({diff:.2e})")
