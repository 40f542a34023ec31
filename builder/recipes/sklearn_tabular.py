"""scikit-learn pipelines for tabular classification, regression and anomaly detection.

The whole pipeline (scaling, one-hot encoding, estimator) is one ONNX graph, so the browser
feeds raw feature values and cannot drift from the Python preprocessing. A regressor also gets a
prediction interval from its cross-validated residuals on the training split (split conformal):
the held-out rows, which it never saw, measure how often the interval holds. An anomaly detector
(IsolationForest) is fitted without the labels: they only measure it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ..cards import Card
from ..errors import CardProblem
from . import Trained

if TYPE_CHECKING:
    from ..datasets import Split

# Trees compare raw float32 values (as sklearn's trees do internally), so the ONNX graph gets no
# scaler for them: a float64 scaler in sklearn vs float32 in ONNX moves rows across thresholds.
SCALED = {"logistic_regression", "ridge"}
_FOREST = {"n_estimators": int, "max_depth": int, "min_samples_leaf": int}
_BOOSTING = {"n_estimators": int, "max_depth": int, "learning_rate": (int, float)}
# task → name → (scikit-learn class, its parameters a card may set). Classes are named, not imported,
# so checking a card does not load scikit-learn.
ESTIMATORS: dict[str, dict[str, tuple[str, dict[str, type | tuple[type, ...]]]]] = {
    "tabular-classification": {
        "random_forest": ("sklearn.ensemble.RandomForestClassifier", _FOREST),
        "gradient_boosting": ("sklearn.ensemble.GradientBoostingClassifier", _BOOSTING),
        "logistic_regression": ("sklearn.linear_model.LogisticRegression", {"C": (int, float), "max_iter": int}),
    },
    "tabular-regression": {
        "random_forest": ("sklearn.ensemble.RandomForestRegressor", _FOREST),
        "gradient_boosting": ("sklearn.ensemble.GradientBoostingRegressor", _BOOSTING),
        "ridge": ("sklearn.linear_model.Ridge", {"alpha": (int, float)}),
    },
    "anomaly-detection": {
        "isolation_forest": ("sklearn.ensemble.IsolationForest", {"n_estimators": int, "max_samples": int, "contamination": float}),
    },
}
# The regressor's interval: its share of held-out values meant to fall inside, from 5-fold residuals.
INTERVAL_LEVEL = 0.9
INTERVAL_FOLDS = 5
TASKS = tuple(ESTIMATORS)
SUPPORTED_VARIANTS = ("fp32",)
OPTIMIZE = None  # skl2onnx graphs are small and already lean; offline optimization would only churn their bytes
VARIANTS_WHY = "skl2onnx graphs are small and do not survive onnxruntime quantization"


def check(card: Card) -> list[CardProblem]:
    params: dict[str, Any] = card.recipe["params"]
    estimators = ESTIMATORS.get(card.data.get("task", ""), ESTIMATORS["tabular-classification"])
    name = params.get("estimator", next(iter(estimators)))  # the first is the task's default
    if not isinstance(name, str) or name not in estimators:
        return [card.problem(("recipe", "params", "estimator"), f"unknown estimator {name!r} (available: {', '.join(estimators)})")]
    allowed = estimators[name][1]
    problems = []
    for key, value in params.items():
        if key == "estimator":
            continue
        if key not in allowed:
            problems.append(card.problem(("recipe", "params", key), f"not a parameter of {name} (allowed: {', '.join(allowed)})"))
        elif isinstance(value, bool) or not isinstance(value, allowed[key]) or value <= 0:
            problems.append(card.problem(("recipe", "params", key), f"must be a positive number, got {value!r}"))
        elif key == "contamination" and value > 0.5:
            problems.append(card.problem(("recipe", "params", key), f"is the share of training rows taken for anomalies: at most 0.5, got {value!r}"))
    return problems


def train(card: Card, split: Split) -> Trained:
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    params = dict(card.recipe["params"])
    task = card.data["task"]
    name = params.pop("estimator", next(iter(ESTIMATORS[task])))
    module, _, class_name = ESTIMATORS[task][name][0].rpartition(".")
    cls = getattr(importlib.import_module(module), class_name)
    extra = {"random_state": card.dataset["seed"]} if name != "ridge" else {}
    estimator = cls(**extra, **params)
    scaler = StandardScaler() if name in SCALED else "passthrough"
    columns = [("num", scaler, split.numeric)] if split.numeric else []
    if split.categorical:
        columns.append(("cat", OneHotEncoder(handle_unknown="ignore"), split.categorical))
    pipeline = Pipeline([("pre", ColumnTransformer(columns)), ("clf", estimator)])
    pipeline.fit(split.X_train, split.y_train)
    shown = ", ".join(f"{k}={v}" for k, v in params.items())
    steps = "StandardScaler + OneHotEncoder" if name in SCALED else "OneHotEncoder"
    if task == "tabular-regression":
        post = {"kind": task, "value_output": "variable", "interval": interval(pipeline, split, card.dataset["seed"])}
    elif task == "anomaly-detection":
        # skl2onnx's `scores` is decision_function (negative: an anomaly); the answer's score is its negative
        post = {"kind": task, "label_output": "label", "score_output": "scores", "threshold": 0.0}
    else:
        post = {"kind": task, "label_output": "label", "probability_output": "probabilities"}
    return Trained(model=pipeline, framework="sklearn", summary=f"{cls.__name__}({shown}) after {steps}", io={"postprocessing": post})


def interval(pipeline: Any, split: Split, seed: int) -> dict[str, Any]:
    """A symmetric prediction interval, value ± half_width: the conformal quantile of the absolute
    out-of-fold residuals on the training split (the ⌈(n+1)·level⌉-th smallest of n), so that a new
    row's value lies inside with probability ≥ level when rows are exchangeable."""
    import math

    import numpy as np
    from sklearn.base import clone
    from sklearn.model_selection import KFold, cross_val_predict

    folds = KFold(INTERVAL_FOLDS, shuffle=True, random_state=seed)
    predicted = cross_val_predict(clone(pipeline), split.X_train, split.y_train, cv=folds)
    residuals = np.sort(np.abs(split.y_train.astype(np.float64) - predicted))
    rank = min(len(residuals), math.ceil((len(residuals) + 1) * INTERVAL_LEVEL))
    return {"level": INTERVAL_LEVEL, "half_width": float(np.float32(residuals[rank - 1])), "method": f"split conformal, {INTERVAL_FOLDS}-fold residuals"}
