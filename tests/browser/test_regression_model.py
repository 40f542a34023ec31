"""The diabetes regressor in real Chromium: raw outputs equal Python onnxruntime's on every held-out row
(WASM-SIMD and plain WASM), `m.predict(row)` answers Python's value and interval, bad rows get the
tabular messages, and the demo widget and the page's plots show what the build measured.
"""

from __future__ import annotations

import pytest

from .conftest import Session, check_raw_parity, open_with_demos, wait_until

pytestmark = pytest.mark.browser
MODEL = "diabetes-progression"


def tenths(x: float) -> str:
    """A value as the widget writes it: one decimal more than the target's step of 1, no trailing zero."""
    return f"{round(x, 1):g}"


def shown(text: str) -> pytest.approx:
    return pytest.approx(float(text), abs=0.05)


@pytest.mark.parametrize("backend", ["wasm", "wasm-nosimd"])
def test_raw_outputs_match_python(request: pytest.FixtureRequest, backend: str, entry: dict, fixtures: dict) -> None:
    check_raw_parity(request.getfixturevalue("simd" if backend == "wasm" else "nosimd"), entry, fixtures, backend)


def test_predict_answers_pythons_value_and_interval(simd: Session, fixtures: dict) -> None:
    """Every held-out row through m.predict (the row as a person gives it): the value and interval that
    Python onnxruntime and builder/tasks/tabular_regression.answer() give."""
    answers = simd.page.evaluate("""async (rows) => {
        const m = await vitrine.load("diabetes-progression", {backend: "wasm"});
        const out = [];
        for (const row of rows) out.push(await m.predict(row));
        return out;
    }""", fixtures["rows"])
    assert len(answers) == len(fixtures["answers"])
    for got, want in zip(answers, fixtures["answers"], strict=True):
        assert set(got) == {"value", "low", "high", "level", "ms"}
        for key in ("value", "low", "high"):
            assert abs(got[key] - want[key]) <= 1e-3 * max(1.0, abs(want[key])), (key, got, want)
        assert got["level"] == want["level"] and got["low"] < got["value"] < got["high"]


def test_bad_rows_get_clear_messages(simd: Session) -> None:
    messages = simd.page.evaluate("""async () => {
        const m = await vitrine.load("diabetes-progression", {backend: "wasm"});
        const row = {age: 50, sex: 1, bmi: 25, bp: 90, s1: 190, s2: 110, s3: 50, s4: 4, s5: 4.6, s6: 90};
        const tries = [{...row, bmi: NaN}, {...row, weight: 80}, (({s6, ...rest}) => rest)(row), {...row, age: "fifty"}, [1, 2]];
        const out = [];
        for (const t of tries) out.push(await m.predict(t).then(() => "answered", (e) => e.message));
        return out;
    }""")
    assert messages[0] == 'Feature "bmi" must be a finite number, got NaN.'
    assert messages[1].startswith('Unknown feature "weight"')
    assert messages[2] == 'Missing feature "s6".'
    assert messages[3] == 'Feature "age" must be a finite number, got "fifty".'
    assert messages[4] == "A row must be an object mapping feature names to values."


def test_demo_shows_value_interval_and_plots(session: Session, site_url: str, entry: dict, fixtures: dict) -> None:
    """The model page: the widget predicts live from the form (value and interval as Python's for the
    example row, then a new value when an input changes), and the plots of the held-out rows are drawn."""
    page = session.page
    open_with_demos(page, f"{site_url}gallery/{MODEL}/")
    demo = page.locator(".vitrine-demo")
    wait_until(page, "() => document.querySelector('.vitrine-demo').dataset.source === 'live'", message="no live prediction")
    example = entry["examples"][0]["output"]
    value = demo.locator(".vitrine-value").inner_text()
    assert shown(value) == example["value"]
    interval = demo.locator(".vitrine-interval").inner_text()
    assert interval == f"(90% interval: {tenths(example['low'])} to {tenths(example['high'])})"
    assert demo.locator("table.vitrine-regression caption").inner_text() == entry["dataset"]["target_label"]
    # a heavier BMI: the trees (BMI is their strongest feature) predict more progression
    box = demo.locator("input[name='bmi']")
    box.fill("40")
    wait_until(page, "(v) => document.querySelector('.vitrine-demo .vitrine-value').textContent !== v", value, message="no new prediction")
    assert float(demo.locator(".vitrine-value").inner_text()) > example["value"]
    box.fill("")
    wait_until(page, "() => document.querySelector('.vitrine-demo').dataset.source === 'invalid'")
    assert demo.locator(".vitrine-value").inner_text() == "–"
    # a held-out row from the parity fixtures, predicted live: Python's value for that row
    demo.locator("button.vitrine-random").click()
    wait_until(page, "() => document.querySelector('.vitrine-demo').dataset.source === 'live'", message="no prediction for the test row")
    index = int(demo.locator("button.vitrine-random").get_attribute("data-row"))
    assert shown(demo.locator(".vitrine-value").inner_text()) == fixtures["answers"][index]["value"]
    plots = page.locator(".vitrine-regression-plots")
    plots.scroll_into_view_if_needed()
    wait_until(page, "() => document.querySelector('.vitrine-regression-plots').dataset.state === 'ready'", message="plots not drawn")
    assert plots.locator("canvas").count() == 2
    rows = page.locator(".vitrine-regression-rows tbody tr")
    assert rows.count() == len(fixtures["rows"])
    assert session.errors == [] and session.foreign_requests() == []
