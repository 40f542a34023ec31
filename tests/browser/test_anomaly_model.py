"""The sensor anomaly detector in real Chromium: raw outputs equal Python onnxruntime's on every held-out row
(WASM-SIMD and plain WASM), `m.predict(row)` answers Python's scores and verdicts, and the page's threshold
explorer and file scoring agree with the build's numbers and name every bad cell."""

from __future__ import annotations

import pytest

from .conftest import Session, check_raw_parity, open_with_demos, wait_until

pytestmark = pytest.mark.browser
MODEL = "sensor-anomalies"


@pytest.mark.parametrize("backend", ["wasm", "wasm-nosimd"])
def test_raw_outputs_match_python(request: pytest.FixtureRequest, backend: str, entry: dict, fixtures: dict) -> None:
    check_raw_parity(request.getfixturevalue("simd" if backend == "wasm" else "nosimd"), entry, fixtures, backend)


def test_predict_answers_pythons_scores(simd: Session, fixtures: dict) -> None:
    """Every 10th held-out row through m.predict: Python's score and the same verdict."""
    picked = list(range(0, len(fixtures["rows"]), 10))
    answers = simd.page.evaluate("""async (rows) => {
        const m = await vitrine.load("sensor-anomalies", {backend: "wasm"});
        const out = [];
        for (const row of rows) out.push(await m.predict(row));
        return out;
    }""", [fixtures["rows"][i] for i in picked])
    for got, i in zip(answers, picked, strict=True):
        want = fixtures["answers"][i]
        assert set(got) == {"score", "anomaly", "threshold", "ms"}
        assert abs(got["score"] - want["score"]) <= 1e-5 and got["anomaly"] == want["anomaly"] and got["threshold"] == 0


def test_threshold_explorer_and_file_scoring(session: Session, site_url: str, entry: dict, fixtures: dict) -> None:
    page = session.page
    open_with_demos(page, f"{site_url}gallery/{MODEL}/")
    wait_until(page, "() => document.querySelector('.vitrine-demo').dataset.source === 'live'", message="no live score")
    lab = page.locator(".vitrine-anomaly-lab")
    lab.scroll_into_view_if_needed()
    wait_until(page, "() => document.querySelector('.vitrine-anomaly-lab').dataset.state === 'ready'", message="no threshold explorer")
    at = entry["variants"][0]["metrics"]["at_threshold"]
    summary = lab.locator(".vitrine-lab-summary")
    assert summary.inner_text().startswith(f"At 0.000: {at['flagged']} of {at['rows']} held-out rows flagged; precision {100 * at['precision']:.1f}%")
    # a higher threshold flags fewer rows, as the scores say
    slider = lab.locator("input[type=range]")
    slider.focus()
    for _ in range(20):
        page.keyboard.press("ArrowRight")
    threshold = float(slider.input_value())
    flagged = sum(a["score"] > threshold for a in fixtures["answers"])
    wait_until(page, "(n) => document.querySelector('.vitrine-lab-summary').textContent.includes(`: ${n} of`)", flagged, message="the summary did not follow the slider")
    assert flagged < at["flagged"]
    lab.get_by_role("button", name="The model's threshold").click()
    # the visitor's file: a bad one names its cells, a good one is scored in the browser
    bad = "humidity,temperature,indoor\n45.1,27.0,1\nwet,27.1,1\n45.3,,0\n"
    lab.locator("input[type=file]").set_input_files(files=[{"name": "mine.csv", "mimeType": "text/csv", "buffer": bad.encode()}])
    status = lab.locator(".vitrine-lab-file")
    wait_until(page, "() => document.querySelector('.vitrine-lab-file').textContent.includes('cannot be scored')")
    assert status.locator("li").all_inner_texts() == ['row 2, column "humidity": "wet" is not a number', 'row 3, column "temperature": empty']
    lab.locator("input[type=file]").set_input_files(files=[{"name": "none.csv", "mimeType": "text/csv", "buffer": b"humidity,temp\n1,2\n"}])
    wait_until(page, "() => document.querySelector('.vitrine-lab-file').textContent.includes('no column')")
    assert 'no column "temperature", "indoor"' in status.inner_text()
    lab.locator("input[type=file]").set_input_files(files=[{"name": "empty.csv", "mimeType": "text/csv", "buffer": b""}])
    wait_until(page, "() => document.querySelector('.vitrine-lab-file').textContent.includes('empty')")
    good = "indoor,humidity,temperature,note\n1,45.93,27.97,<b>x</b>\n1,88.3,33.4,kettle\n"
    lab.locator("input[type=file]").set_input_files(files=[{"name": "good.csv", "mimeType": "text/csv", "buffer": good.encode()}])
    wait_until(page, "() => document.querySelector('.vitrine-lab-file').textContent.includes('rows scored')")
    assert status.inner_text() == "“good.csv”: 2 rows scored in your browser; 1 above the threshold 0.000."
    assert lab.locator(".vitrine-lab-result tbody tr").count() == 1
    assert session.errors == [] and session.foreign_requests() == []
