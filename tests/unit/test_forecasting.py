"""Time-series forecasting: the CO₂ card's back-test (against the seasonal-naive forecast), its intervals,
the hand-built graph against the fitted ridge, its card errors and its page."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from builder import pages
from builder.cards import load_card
from builder.evaluate import native_session
from builder.export import ExportError
from builder.recipes import ridge_forecaster
from builder.series import prepare
from builder.tasks import forecasting

from ..conftest import REPO, model_entry
from .conftest import card_problems, edited_card

MODEL = "co2-forecast"
CARD = REPO / "model_cards" / f"{MODEL}.yaml"


@pytest.fixture(scope="module")
def entry(built_models) -> dict:
    return model_entry(json.loads((built_models[0] / "manifest.json").read_text()), MODEL)


def test_series_is_monthly_co2_with_its_gaps_filled_and_counted() -> None:
    series = prepare(load_card(CARD))
    assert series.dates[0] == "1958-03" and series.dates[-1] == "2001-12" and len(series.values) == 526
    assert series.filled == ["1958-06", "1958-10", "1964-02", "1964-03", "1964-04"]
    assert not np.isnan(series.values).any() and 310 < series.values.min() < series.values.max() < 380
    assert series.dates[series.test_start] == series.info["test_start"] and series.test_start == 526 - 106


def test_back_test_beats_the_seasonal_naive_forecast(entry: dict) -> None:
    m = entry["variants"][0]["metrics"]
    base = m["baseline"]
    print(f"MASE {m['mase']:.3f} vs {base['mase']:.3f}, sMAPE {m['smape']:.3f}% vs {base['smape']:.3f}%, MAE {m['mae']:.3f} vs {base['mae']:.3f} ppm")
    assert m["origins"] == 106 and len(m["mae_by_step"]) == 12
    assert m["mase"] < 0.6 < 1.0 < base["mase"]  # measured: 0.39 vs 1.40
    assert m["smape"] < base["smape"] and m["mae"] < base["mae"]
    assert m["mae_by_step"][0] < m["mae_by_step"][-1]  # a month ahead is easier than a year ahead


def test_intervals_hold_about_as_often_as_they_say(entry: dict) -> None:
    iv = entry["variants"][0]["metrics"]["interval"]
    assert iv["level"] == 0.9 and len(iv["half_widths"]) == 12
    assert iv["half_widths"][0] < iv["half_widths"][-1]
    assert 0.8 <= iv["coverage"] <= 1.0, iv["coverage_by_step"]


def test_graph_is_the_fitted_ridge_and_a_wrong_graph_is_refused() -> None:
    card = load_card(CARD)
    series = prepare(card)
    trained = ridge_forecaster.train(card, series)  # verify() ran inside: the graph equals the ridge on every training window
    X, _ = ridge_forecaster.windows(series.values, range(36, 100), 36, 12)
    (out,) = native_session(trained.model.SerializeToString()).run(None, {"window": X.astype(np.float32)})
    assert out.shape == (64, 12)
    with pytest.raises(ExportError, match="the ONNX forecast differs from the fitted ridge by"):
        ridge_forecaster.verify(trained.model, X, out.astype(np.float64) + 0.01)


def test_fixtures_and_examples_are_pythons_answers(built_models, entry: dict) -> None:
    variant = entry["variants"][0]
    fixtures = json.loads((built_models[0] / variant["fixtures"]).read_text())
    session = native_session((built_models[0] / variant["url"]).read_bytes(), as_in_browser=True)
    window = fixtures["inputs"]["window"]
    (out,) = session.run(None, {"window": np.array(window["data"], np.float32).reshape(window["dims"])})
    interval = entry["postprocessing"]["interval"]
    assert fixtures["answers"] == [forecasting.answer(row, interval) for row in out]
    future = entry["examples"][0]
    assert future["origin"] == "2002-01" and "expected" not in future and len(future["input"]) == 36
    for ex in entry["examples"][1:]:
        i = fixtures["origins"].index(ex["origin"])
        assert ex["output"] == fixtures["answers"][i] and None not in ex["expected"]


@pytest.mark.parametrize(("old", "new", "says"), [
    ("name: co2", "name: sunspots", "dataset.name: 'sunspots' is not a series of statsmodels (available: co2)"),
    ("window: 36", "window: 1", "recipe.params.window: must be a whole number from 2 to 520, got 1"),
    ("alpha: 1.0", "alpha: -1", "recipe.params.alpha: must be a number from 0 to 1e+06, got -1"),
    ("alpha: 1.0", "alpha: 1.0\n    lags: 3", "recipe.params.lags: not a parameter of ridge_forecaster (allowed: window, horizon, alpha)"),
    ("test_size: 0.2", "test_size: 0.2\n  target: co2", "dataset.target: is not a field of this task's dataset (allowed here: source, name, test_size, seed)"),
])
def test_card_errors(tmp_path: Path, old: str, new: str, says: str) -> None:
    path = edited_card(tmp_path, CARD, old, new)
    [msg] = card_problems(tmp_path)
    assert msg.startswith(f"{path}:") and msg.endswith(says), msg


def test_page_reports_the_back_test(entry: dict) -> None:
    text = pages.model_page(entry, "../../models")
    m = entry["variants"][0]["metrics"]
    assert f"<tr><th scope=\"row\">MASE</th><td>{m['mase']:.3f}</td><td>{m['baseline']['mase']:.3f}</td></tr>" in text
    assert f"they held for {100 * m['interval']['coverage']:.1f}% of the forecasts" in text
    assert text.count("<tr><th scope=\"row\">") >= 12 + 3
    assert "filled by linear interpolation" in text and "public domain" in text
