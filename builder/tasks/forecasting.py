"""Time-series forecasting: the last `window` values of a series in, the next `horizon` values out, each
with its own prediction interval.

Measured by a rolling-origin back-test: every period of the held-out tail is a forecast origin, and
each forecast is compared with what happened, beside the seasonal-naive forecast (the value one
season earlier), by MAE, MASE (MAE over the in-sample seasonal-naive MAE: below 1 beats it) and
sMAPE, per step and overall.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from .. import series as series_sets
from ..cards import Card
from ..errors import CardProblem
from ..recipes.ridge_forecaster import windows
from . import TaskEvaluation, tensor_json

if TYPE_CHECKING:
    import onnxruntime as ort

    from ..recipes import Trained
    from ..series import Series

prepare = series_sets.prepare


def check(card: Card) -> list[CardProblem]:
    return series_sets.check(card)


def describe(card: Card, data: Series, trained: Trained, artifact: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    """The series itself ships as a side file: the demo draws its history and forecasts from any of its origins."""
    shipped = {"dates": data.dates, "values": [float(v) for v in data.values], "filled": data.filled}
    return {
        "labels": [],
        "preprocessing": trained.io["preprocessing"],
        "postprocessing": trained.io["postprocessing"],
        "dataset": data.info,
        "artifacts": [artifact("series", json.dumps(shipped, separators=(",", ":")).encode(), ".json", media_type="application/json")],
    }


def origins(data: Series, parts: dict[str, Any]) -> range:
    """The back-test's forecast origins: every period of the held-out tail that has a full window before it."""
    window = parts["preprocessing"]["window"]
    return range(max(data.test_start, window), len(data.values))


def feeds(data: Series, parts: dict[str, Any], which: str) -> list[dict[str, np.ndarray]]:
    window, horizon = parts["preprocessing"]["window"], parts["postprocessing"]["horizon"]
    chosen = range(window, data.test_start) if which == "calibration" else origins(data, parts)
    X, _ = windows(data.values, chosen, window, horizon)
    return [{parts["preprocessing"]["input"]: x[None, :].astype(np.float32)} for x in X]


def answer(forecast: np.ndarray, interval: dict[str, Any]) -> dict[str, Any]:
    """What predict() answers, in Python as the worker does (worker/predict.js finishForecast)."""
    values = [float(v) for v in forecast]
    half = interval["half_widths"]
    return {
        "forecast": values,
        "low": [v - w for v, w in zip(values, half, strict=True)],
        "high": [v + w for v, w in zip(values, half, strict=True)],
        "level": interval["level"],
    }


def errors(actual: np.ndarray, predicted: np.ndarray, scale: float) -> dict[str, Any]:
    """MAE, MASE and sMAPE (%) over the known values, overall and per step (columns)."""
    known = ~np.isnan(actual)
    gap = np.where(known, np.abs(actual - predicted), np.nan)
    smape = np.where(known, 200 * gap / (np.abs(actual) + np.abs(predicted)), np.nan)
    return {
        "mae": float(np.nanmean(gap)),
        "mase": float(np.nanmean(gap) / scale),
        "smape": float(np.nanmean(smape)),
        "mae_by_step": [float(v) for v in np.nanmean(gap, axis=0)],
    }


def evaluate(session: ort.InferenceSession, data: Series, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    pre, post = parts["preprocessing"], parts["postprocessing"]
    window, horizon, season = pre["window"], post["horizon"], data.source.season
    chosen = list(origins(data, parts))
    X, Y = windows(data.values, chosen, window, horizon)
    (forecast,) = session.run([post["forecast_output"]], {pre["input"]: X.astype(np.float32)})
    forecast = forecast.astype(np.float64)
    values = data.values.astype(np.float64)
    # seasonal naive: each target's value one season earlier (for steps beyond a season, the latest such value)
    naive = np.stack([[values[t + h - season * (1 + h // season)] for h in range(horizon)] for t in chosen])
    train = values[: data.test_start]
    scale = float(np.mean(np.abs(train[season:] - train[:-season])))  # in-sample seasonal-naive MAE: MASE's unit
    half = np.array(post["interval"]["half_widths"])
    known = ~np.isnan(Y)
    inside = (np.abs(Y - forecast) <= half) & known
    metrics = {
        **errors(Y, forecast, scale),
        "baseline": {"kind": "seasonal naive", "season": season, **errors(Y, naive, scale)},
        "scale": scale,
        "origins": len(chosen),
        "interval": {**post["interval"], "coverage": float(inside.sum() / known.sum()),
                     "coverage_by_step": [float(v) for v in inside.sum(axis=0) / known.sum(axis=0)]},
    }
    answers = [answer(f, post["interval"]) for f in forecast]
    fixtures = {
        "origins": [data.dates[t] for t in chosen],
        "inputs": {pre["input"]: tensor_json(X.astype(np.float32))},
        "outputs": {post["forecast_output"]: tensor_json(forecast.astype(np.float32))},
        "answers": answers,
    }
    # the examples: a forecast from the end of the data (the future), then back-test origins a season apart
    last = len(values)
    (future,) = session.run([post["forecast_output"]], {pre["input"]: values[last - window :][None, :].astype(np.float32)})
    complete = [t for t in chosen if t + horizon <= last]  # back-test origins whose whole forecast can be checked
    picks = [complete[-1 - season * k] for k in range(n_examples - 1) if len(complete) > season * k]
    examples = [{"origin": _next_period(data.dates[-1]), "input": [float(v) for v in data.values[last - window :]], "output": answer(future[0], post["interval"])}]
    for t in picks:
        i = chosen.index(t)
        examples.append({"origin": data.dates[t], "input": [float(v) for v in data.values[t - window : t]], "expected": [None if np.isnan(v) else float(v) for v in Y[i]], "output": answers[i]})
    return TaskEvaluation(metrics, fixtures, examples)


def _next_period(month: str) -> str:
    year, m = map(int, month.split("-"))
    return f"{year + m // 12:04d}-{m % 12 + 1:02d}"
