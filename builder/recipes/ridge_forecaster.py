"""Direct multi-step forecasts from a window of recent values: one ridge regression per future step.

The window is centred on its last value (the model learns changes, not levels, so a series that
drifts beyond its training range is still in range for the model), and the graph adds that value
back: Slice, Sub, MatMul, Add, Add — five ONNX operators every runtime has. Each step gets its own
prediction interval, the conformal quantile of that step's out-of-fold errors on the training windows.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ..cards import Card
from ..errors import CardProblem
from . import Trained, check_params

if TYPE_CHECKING:
    import onnx

    from ..series import Series

TASKS = ("time-series-forecasting",)
SUPPORTED_VARIANTS = ("fp32",)
VARIANTS_WHY = "a few hundred weights: there is nothing to gain from a smaller variant"
OPTIMIZE = None
# parameter → default (the card reference lists these), and → (type, smallest, largest)
PARAMS: dict[str, Any] = {"window": 36, "horizon": 12, "alpha": 1.0}
LIMITS: dict[str, tuple[type | tuple[type, ...], float, float]] = {"window": (int, 2, 520), "horizon": (int, 1, 120), "alpha": ((int, float), 0, 1e6)}
INTERVAL_LEVEL = 0.9
INTERVAL_FOLDS = 5
INPUT, OUTPUT = "window", "forecast"
# float32 MatMul in onnxruntime against float64 numpy, on values of ~400: a few float32 steps
PARITY_ATOL = 1e-3


def settings(card: Card) -> dict[str, Any]:
    """The card's parameters with their defaults."""
    return {**PARAMS, **card.recipe["params"]}


def check(card: Card) -> list[CardProblem]:
    return check_params(card, "ridge_forecaster", PARAMS, LIMITS)


def windows(values: np.ndarray, origins: range | list[int], window: int, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """For each origin t (the first period forecast): the `window` values before it, and the `horizon` values from it
    (NaN past the end of the series)."""
    padded = np.concatenate([values.astype(np.float64), np.full(horizon, np.nan)])
    X = np.stack([padded[t - window : t] for t in origins])
    Y = np.stack([padded[t : t + horizon] for t in origins])
    return X, Y


def train(card: Card, series: Series) -> Trained:
    from sklearn.linear_model import Ridge

    p = settings(card)
    window, horizon = p["window"], p["horizon"]
    # training windows: inputs and targets both before the back-test period
    origins = range(window, series.test_start - horizon + 1)
    X, Y = windows(series.values, origins, window, horizon)
    last = X[:, -1:]
    ridge = Ridge(alpha=p["alpha"]).fit(X - last, Y - last)
    model = graph(ridge.coef_.T.astype(np.float32), ridge.intercept_.astype(np.float32), window, horizon, card.id)
    verify(model, X, ridge.predict(X - last) + last)
    interval = {"level": INTERVAL_LEVEL, "half_widths": half_widths(X, Y, p["alpha"]), "method": f"split conformal per step, {INTERVAL_FOLDS}-fold residuals"}
    return Trained(
        model=model,
        framework="onnx",
        summary=f"Ridge(alpha={p['alpha']:g}) per step on the last {window} values, centred on the last; {horizon} steps ahead",
        labels=[],
        io={"inputs": [INPUT], "postprocessing": {"kind": "time-series-forecasting", "forecast_output": OUTPUT, "horizon": horizon, "interval": interval},
            "preprocessing": {"kind": "series", "input": INPUT, "window": window}},
    )


def half_widths(X: np.ndarray, Y: np.ndarray, alpha: float) -> list[float]:
    """Each step's conformal half width: the ⌈(n+1)·level⌉-th smallest absolute out-of-fold error. The folds
    are contiguous blocks of origins, so a window is never predicted by a model fitted on its neighbours."""
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import KFold

    errors = np.empty_like(Y)
    for train, held in KFold(INTERVAL_FOLDS).split(X):
        last = X[train, -1:]
        fitted = Ridge(alpha=alpha).fit(X[train] - last, Y[train] - last)
        errors[held] = np.abs(Y[held] - (fitted.predict(X[held] - X[held, -1:]) + X[held, -1:]))
    n = len(errors)
    rank = min(n, math.ceil((n + 1) * INTERVAL_LEVEL))
    return [float(np.float32(v)) for v in np.sort(errors, axis=0)[rank - 1]]


def graph(coef: np.ndarray, intercept: np.ndarray, window: int, horizon: int, name: str) -> onnx.ModelProto:
    """forecast = (window − last) · coef + intercept + last, for a [N, window] float32 input."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    from ..export import graph_model

    def const(value: np.ndarray, label: str) -> onnx.TensorProto:
        return numpy_helper.from_array(value, label)

    nodes = [
        helper.make_node("Slice", [INPUT, "last_start", "last_end", "axis_1"], ["last"]),
        helper.make_node("Sub", [INPUT, "last"], ["centred"]),
        helper.make_node("MatMul", ["centred", "coef"], ["steps"]),
        helper.make_node("Add", ["steps", "intercept"], ["changes"]),
        helper.make_node("Add", ["changes", "last"], [OUTPUT]),
    ]
    initializers = [
        const(np.array([window - 1], np.int64), "last_start"),
        const(np.array([window], np.int64), "last_end"),
        const(np.array([1], np.int64), "axis_1"),
        const(coef, "coef"),
        const(intercept, "intercept"),
    ]
    g = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["N", window])],
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["N", horizon])],
        initializers,
    )
    return graph_model(g)


def verify(model: onnx.ModelProto, X: np.ndarray, expected: np.ndarray) -> None:
    """The graph computes what the fitted ridge does, on every training window."""
    import onnxruntime as ort

    from ..export import ExportError

    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    (got,) = session.run([OUTPUT], {INPUT: X.astype(np.float32)})
    if (diff := float(np.abs(got - expected).max())) > PARITY_ATOL:
        raise ExportError(f"the ONNX forecast differs from the fitted ridge by {diff:.2e} (> {PARITY_ATOL})")
