"""The CO₂ forecaster in real Chromium: raw outputs equal Python onnxruntime's on every back-test window
(WASM-SIMD and plain WASM), `m.predict(series)` answers Python's forecasts and intervals, bad series get
clear messages, and the widget forecasts from the origin and horizon the visitor picks."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ..conftest import BuiltSite
from .conftest import Session, check_raw_parity, open_with_demos, wait_until

pytestmark = pytest.mark.browser
MODEL = "co2-forecast"


@pytest.mark.parametrize("backend", ["wasm", "wasm-nosimd"])
def test_raw_outputs_match_python(request: pytest.FixtureRequest, backend: str, entry: dict, fixtures: dict) -> None:
    check_raw_parity(request.getfixturevalue("simd" if backend == "wasm" else "nosimd"), entry, fixtures, backend)


@pytest.fixture(scope="module")
def series(built_site: BuiltSite, entry: dict) -> dict:
    found = next(a for a in entry["artifacts"] if a["kind"] == "series")
    return json.loads((built_site.site / "models" / found["url"]).read_text())


def test_predict_answers_pythons_forecasts(simd: Session, fixtures: dict, series: dict) -> None:
    """Every back-test origin through m.predict with the whole series up to it (the last 36 values are read)."""
    origins = [series["dates"].index(o) for o in fixtures["origins"]]
    answers = simd.page.evaluate("""async ([values, origins]) => {
        const m = await vitrine.load("co2-forecast", {backend: "wasm"});
        const out = [];
        for (const t of origins) out.push(await m.predict(values.slice(0, t)));
        out.push(await m.predict(values.slice(0, origins[0]), {horizon: 3}));
        return out;
    }""", [series["values"], origins])
    short = answers.pop()
    for got, want in zip(answers, fixtures["answers"], strict=True):
        assert set(got) == {"forecast", "low", "high", "level", "ms"}
        for key in ("forecast", "low", "high"):
            assert np.abs(np.array(got[key]) - np.array(want[key])).max() <= 1e-3, key
    assert len(short["forecast"]) == 3 and short["forecast"] == answers[0]["forecast"][:3]


def test_bad_series_get_clear_messages(simd: Session) -> None:
    messages = simd.page.evaluate("""async () => {
        const m = await vitrine.load("co2-forecast", {backend: "wasm"});
        const ok = Array.from({length: 40}, (_, i) => 350 + i / 10);
        const tries = [[], ok.slice(0, 10), [...ok.slice(0, 39), NaN], [...ok.slice(0, 39), "351"], "350, 351", {values: ok}];
        const out = [];
        for (const t of tries) out.push(await m.predict(t).then(() => "answered", (e) => e.message));
        out.push(await m.predict(ok, {horizon: 13}).then(() => "answered", (e) => e.message));
        out.push(await m.predict(Float64Array.from({length: 2e6}, (_, i) => 350 + (i % 12))).then((f) => f.forecast.length, (e) => e.message));
        return out;
    }""")
    assert messages[0] == "The model forecasts from the last 36 values of a series; this one has 0."
    assert messages[1] == "The model forecasts from the last 36 values of a series; this one has 10."
    assert messages[2] == "Value 40 of the series is NaN; the last 36 values must all be finite numbers."
    assert messages[3] == 'Value 40 of the series is "351"; the last 36 values must all be finite numbers.'
    assert messages[4] == messages[5] == "predict() takes a series for this model: an array of numbers, oldest first (at least 36)."
    assert messages[6] == "predict(): horizon must be a whole number from 1 to 12, got 13."
    assert messages[7] == 12  # a very long series: only its window travels to the worker's model


def test_demo_forecasts_from_the_chosen_origin(session: Session, site_url: str, entry: dict, fixtures: dict, series: dict) -> None:
    page = session.page
    open_with_demos(page, f"{site_url}gallery/{MODEL}/")
    demo = page.locator(".vitrine-demo")
    wait_until(page, "() => document.querySelector('.vitrine-demo').dataset.source === 'live'", message="no live forecast")
    rows = demo.locator(".vitrine-forecast-table tbody tr")
    assert rows.count() == 12
    future = entry["examples"][0]["output"]["forecast"]
    assert rows.nth(11).locator("td").first.inner_text() == f"{round(future[11], 2):g}"  # the caption names the unit
    assert "2002-12" in demo.locator(".vitrine-label-line").inner_text()
    # an example origin in the back-test: the table now shows what was measured beside the forecast
    button = demo.locator("button[data-origin]").nth(1)
    origin = button.get_attribute("data-origin")
    button.click()
    wait_until(page, "(o) => document.querySelector('.vitrine-forecast-table tbody th').textContent === o", origin, message="no forecast from the example origin")
    i = fixtures["origins"].index(origin)
    first = float(rows.first.locator("td").first.inner_text())
    assert first == pytest.approx(fixtures["answers"][i]["forecast"][0], abs=0.006)
    actual = rows.first.locator("td").nth(2).inner_text()
    assert float(actual) == pytest.approx(series["values"][series["dates"].index(origin)], abs=0.006)
    # the horizon slider: three steps
    slider = demo.locator("input[type=range]").nth(1)
    slider.focus()
    for _ in range(9):
        page.keyboard.press("ArrowLeft")
    wait_until(page, "() => document.querySelectorAll('.vitrine-forecast-table tbody tr').length === 3", message="the horizon slider did not shorten the forecast")
    assert session.errors == [] and session.foreign_requests() == []
