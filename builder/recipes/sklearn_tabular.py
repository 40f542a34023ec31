"""scikit-learn pipelines for tabular classification.

The whole pipeline (scaling, one-hot encoding, estimator) is one ONNX graph, so the browser
feeds raw feature values and cannot drift from the Python preprocessing.
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
SCALED = {"logistic_regression"}
# name → (scikit-learn class, its parameters a card may set). Classes are named, not imported, so
# checking a card does not load scikit-learn.
ESTIMATORS: dict[str, tuple[str, dict[str, type | tuple[type, ...]]]] = {
    "random_forest": ("sklearn.ensemble.RandomForestClassifier", {"n_estimators": int, "max_depth": int, "min_samples_leaf": int}),
    "gradient_boosting": ("sklearn.ensemble.GradientBoostingClassifier", {"n_estimators": int, "max_depth": int, "learning_rate": (int, float)}),
    "logistic_regression": ("sklearn.linear_model.LogisticRegression", {"C": (int, float), "max_iter": int}),
}
TASKS = ("tabular-classification",)
SUPPORTED_VARIANTS = ("fp32",)
OPTIMIZE = None  # skl2onnx graphs are small and already lean; offline optimization would only churn their bytes
VARIANTS_WHY = "skl2onnx graphs are small and do not survive onnxruntime quantization"


def check(card: Card) -> list[CardProblem]:
    params: dict[str, Any] = card.recipe["params"]
    name = params.get("estimator", "random_forest")
    if not isinstance(name, str) or name not in ESTIMATORS:
        return [card.problem(("recipe", "params", "estimator"), f"unknown estimator {name!r} (available: {', '.join(ESTIMATORS)})")]
    allowed = ESTIMATORS[name][1]
    problems = []
    for key, value in params.items():
        if key == "estimator":
            continue
        if key not in allowed:
            problems.append(card.problem(("recipe", "params", key), f"not a parameter of {name} (allowed: {', '.join(allowed)})"))
        elif isinstance(value, bool) or not isinstance(value, allowed[key]) or value <= 0:
            problems.append(card.problem(("recipe", "params", key), f"must be a positive number, got {value!r}"))
    return problems


def train(card: Card, split: Split) -> Trained:
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    params = dict(card.recipe["params"])
    name = params.pop("estimator", "random_forest")
    module, _, class_name = ESTIMATORS[name][0].rpartition(".")
    cls = getattr(importlib.import_module(module), class_name)
    extra = {"random_state": card.dataset["seed"]}
    estimator = cls(**extra, **params)
    scaler = StandardScaler() if name in SCALED else "passthrough"
    columns = [("num", scaler, split.numeric)] if split.numeric else []
    if split.categorical:
        columns.append(("cat", OneHotEncoder(handle_unknown="ignore"), split.categorical))
    pipeline = Pipeline([("pre", ColumnTransformer(columns)), ("clf", estimator)])
    pipeline.fit(split.X_train, split.y_train)
    shown = ", ".join(f"{k}={v}" for k, v in params.items())
    steps = "StandardScaler + OneHotEncoder" if name in SCALED else "OneHotEncoder"
    return Trained(
        model=pipeline,
        framework="sklearn",
        summary=f"{cls.__name__}({shown}) after {steps}",
        io={"postprocessing": {"kind": "tabular-classification", "label_output": "label", "probability_output": "probabilities"}},
    )
