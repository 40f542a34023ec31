"""The drift check in Chromium: m.drift(csv) reads a CSV with Papa Parse, predicts its rows in the worker and
compares them with the training reference the build wrote; its statistics equal scipy's (KS, χ²) and
numpy's (PSI, the same bins), a shifted batch drifts and the held-out rows do not, bad files get errors
that name the column and row, and the page's widget works by keyboard and shows file text as text."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd
import pytest
from playwright.sync_api import Browser, expect
from scipy import stats

from builder.drift import bin_of

from ..conftest import TABULAR, BuiltSite, model_entry
from .conftest import Session, api_page

pytestmark = pytest.mark.browser
PSI_FLOOR = 1e-4  # worker/drift.js


@pytest.fixture(scope="module")
def entry(built_site: BuiltSite) -> dict:
    return model_entry(json.loads((built_site.site / "models" / "manifest.json").read_text()))


@pytest.fixture(scope="module")
def reference(built_site: BuiltSite, entry: dict) -> dict:
    return json.loads((built_site.site / "models" / entry["drift"]["reference"]).read_text())


@pytest.fixture(scope="module")
def test_rows(built_site: BuiltSite, entry: dict) -> str:
    return (built_site.site / "models" / entry["drift"]["test_rows"]).read_text()


@pytest.fixture(scope="module")
def page(browser: Browser, site_url: str) -> Iterator[Session]:
    yield from api_page(browser, site_url)


DRIFT = """async (batches) => {
    const m = await vitrine.load("penguins-species");
    const out = [];
    for (const b of batches) {
        try { out.push(await m.drift(b)); } catch (e) { out.push({error: e.message, name: e.name, code: e.code}); }
    }
    return out;
}"""


def predicted_labels(built_site: BuiltSite, entry: dict, frame: pd.DataFrame) -> np.ndarray:
    """The model's labels for the rows, from Python onnxruntime on the file the page runs."""
    from builder.evaluate import native_session

    variant = next(v for v in entry["variants"] if v["name"] == entry["default_variant"])
    session = native_session((built_site.site / "models" / variant["url"]).read_bytes(), as_in_browser=True)
    feeds = {
        f["input"]: frame[[f["name"]]].to_numpy(np.float32 if f["type"] == "numeric" else object)
        for f in entry["preprocessing"]["features"]
    }
    return np.argmax(session.run([entry["postprocessing"]["probability_output"]], feeds)[0], axis=1)


def python_psi(reference: list[float], batch: np.ndarray) -> float:
    r = np.maximum(np.asarray(reference), PSI_FLOOR)
    b = np.maximum(batch, PSI_FLOOR)
    return float(np.sum((b - r) * np.log(b / r)))


def check_against_python(report: dict, frame: pd.DataFrame, reference: dict, labels: np.ndarray) -> None:
    assert report["rows"] == len(frame)
    assert report["referenceRows"] == reference["rows"]
    for got, ref in zip(report["features"], reference["features"]):
        assert got["name"] == ref["name"]
        values = frame[ref["name"]]
        if ref["type"] == "numeric":
            x = values.to_numpy(np.float64)
            counts = np.bincount(bin_of(x, ref["edges"]), minlength=len(ref["edges"]) + 1)
            ks = stats.ks_2samp(ref["values"], x)
            n, m = len(ref["values"]), len(x)
            assert got["test"]["kind"] == "ks"
            assert got["test"]["statistic"] == pytest.approx(ks.statistic, abs=1e-12)
            assert got["test"]["pValue"] == pytest.approx(stats.kstwobign.sf(np.sqrt(n * m / (n + m)) * ks.statistic), abs=1e-9)
            # ks_2samp's own p-value is exact at these sizes: the asymptotic one is a little larger (more
            # cautious) on small batches, and gives the same verdict
            assert -0.005 <= got["test"]["pValue"] - ks.pvalue <= 0.06
            assert (got["test"]["pValue"] < 0.01) == (ks.pvalue < 0.01)
        else:
            counts = np.array([int(np.sum(values.astype(str) == c)) for c in ref["categories"]])
            chi = stats.chisquare(counts, np.asarray(ref["proportions"]) * len(values))
            assert got["test"]["kind"] == "chi2"
            assert got["test"]["statistic"] == pytest.approx(chi.statistic, rel=1e-9)
            assert got["test"]["pValue"] == pytest.approx(chi.pvalue, rel=1e-7, abs=1e-12)
        batch = counts / counts.sum()
        assert got["batch"] == pytest.approx(batch.tolist(), abs=1e-12)
        assert got["psi"] == pytest.approx(python_psi(ref["proportions"], batch), rel=1e-9)
    label_counts = np.bincount(labels, minlength=len(reference["predictions"]["labels"]))
    assert report["predictions"]["batch"] == pytest.approx((label_counts / label_counts.sum()).tolist(), abs=1e-12)
    chi = stats.chisquare(label_counts, np.asarray(reference["predictions"]["proportions"]) * len(labels))
    assert report["predictions"]["test"]["pValue"] == pytest.approx(chi.pvalue, rel=1e-7, abs=1e-12)


def test_held_out_rows_do_not_drift_and_equal_scipy(page: Session, built_site: BuiltSite, entry: dict, reference: dict, test_rows: str) -> None:
    frame = pd.read_csv(io.StringIO(test_rows))
    [report] = page.page.evaluate(DRIFT, [test_rows])
    assert "error" not in report, report
    check_against_python(report, frame, reference, predicted_labels(built_site, entry, frame))
    assert report["drifted"] == [], report["features"]
    assert report["predictions"]["drifted"] is False
    assert report["ignored"] == []
    assert page.foreign_requests() == []
    assert page.errors == []


def test_shifted_rows_drift(page: Session, built_site: BuiltSite, entry: dict, reference: dict, test_rows: str) -> None:
    frame = pd.read_csv(io.StringIO(test_rows))
    shifted = frame.assign(body_mass_g=frame["body_mass_g"] + 900, island="Biscoe", note="extra column")
    text = shifted.to_csv(index=False, sep=";")  # a semicolon file: Papa Parse finds the delimiter
    # the same rows as row objects: the API takes them too, with the same answer
    records = json.loads(shifted.to_json(orient="records"))
    report, from_rows = page.page.evaluate(DRIFT, [text, records])
    check_against_python(report, shifted, reference, predicted_labels(built_site, entry, shifted))
    assert report["drifted"] == ["body_mass_g", "island"]
    assert report["predictions"]["drifted"] is True
    assert report["ignored"] == ["note"]
    assert {k: v for k, v in from_rows.items() if k != "ms"} == {k: v for k, v in report.items() if k != "ms"}


def test_statistics_equal_scipy_on_ties_and_large_samples(page: Session, site_url: str) -> None:
    rng = np.random.default_rng(3)
    cases = [
        (np.round(rng.normal(0, 1, 40), 1), np.round(rng.normal(0.2, 1, 300), 1)),  # many ties
        (rng.normal(0, 1, 5000), rng.normal(0.03, 1, 2000)),
        (rng.integers(0, 3, 100).astype(float), rng.integers(0, 3, 7).astype(float)),
    ]
    chi = [(rng.integers(0, 50, k).tolist(), (rng.dirichlet(np.ones(k))).tolist()) for k in (2, 3, 7, 40)]
    out = page.page.evaluate("""async ([url, ks, chi]) => {
        const d = await import(url + 'vitrine/worker/drift.js');
        const sorted = (a) => Float64Array.from(a).sort();
        return {
            ks: ks.map(([a, b]) => d.ksTwoSample(sorted(a), sorted(b))),
            chi: chi.map(([c, p]) => d.chiSquare(c, p)),
            sf: [0.05, 0.3, 0.7, 0.99, 1.0, 1.01, 1.5, 3].map((x) => d.kolmogorovSf(x)),
        };
    }""", [site_url + "/", [[a.tolist(), b.tolist()] for a, b in cases], chi])
    for (a, b), got in zip(cases, out["ks"]):
        ks = stats.ks_2samp(a, b)
        assert got["statistic"] == pytest.approx(ks.statistic, abs=1e-12)
        n, m = len(a), len(b)
        assert got["pValue"] == pytest.approx(stats.kstwobign.sf(np.sqrt(n * m / (n + m)) * ks.statistic), abs=1e-10)
    for (c, p), got in zip(chi, out["chi"]):
        expected = stats.chisquare(c, np.asarray(p) * sum(c))
        assert got["statistic"] == pytest.approx(expected.statistic, rel=1e-9)
        assert got["pValue"] == pytest.approx(expected.pvalue, rel=1e-8, abs=1e-14)
    assert out["sf"] == pytest.approx(stats.kstwobign.sf([0.05, 0.3, 0.7, 0.99, 1.0, 1.01, 1.5, 3]).tolist(), abs=1e-12)


BAD = [
    ("", "The file is empty"),
    ("bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,island,sex\n", "has a header but no rows"),
    ("Bill_Length,bill_depth_mm,flipper_length_mm,body_mass_g,island,sex\n40,18,190,3700,Dream,male\n",
     'no column "bill_length_mm" (the file has "Bill_Length")'),
    ("bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,island,sex\n40,18,190,3700,Dream,male\n41,18,abc,3700,Dream,male\n",
     'row 2, Flipper length (flipper_length_mm): "abc" is not a number'),
    ("bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,island,sex\n40,18,190,,Mars,male\n",
     "2 cells cannot be read: row 1, Body mass (body_mass_g): empty (fill it in or remove the row); "
     'row 1, Island (island): "Mars" is not one of "Biscoe", "Dream", "Torgersen"'),
    ("bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,island,sex\n40,18,190,3700,Dream\n",
     "Row 1 has 5 cells and the header 6"),
    ('bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,island,sex\n40,18,190,3700,"Dream,male\n',
     "The file is not valid CSV at row 1"),
]


def test_bad_files_say_what_is_wrong(page: Session) -> None:
    out = page.page.evaluate(DRIFT, [text for text, _ in BAD] + [42])
    for (text, expected), got in zip(BAD, out):
        assert expected in got.get("error", ""), (text, got)
        assert got["code"] == "bad-input"
    assert "drift() takes CSV text" in out[-1]["error"]
    # a model that is not tabular has no drift check
    message = page.page.evaluate("""async () => {
        const m = await vitrine.load("spam-filter");
        try { await m.drift("a\\n1\\n"); return "no error"; } catch (e) { return e.message; }
    }""")
    assert "drift() is for tabular models" in message


def test_widget_by_keyboard_shows_text_as_text(session: Session, site_url: str, tmp_path: Path, test_rows: str) -> None:
    page = session.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/gallery/{TABULAR}/")
    root = page.locator(".vitrine-drift")
    root.scroll_into_view_if_needed()
    button = page.get_by_role("button", name="Check the held-out rows")
    page.get_by_role("button", name="Choose a CSV file").focus()
    page.keyboard.press("Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(root).to_have_attribute("data-state", "done", timeout=60_000)
    expect(page.locator(".vitrine-drift-status")).to_contain_text("No feature drifted (of 6)")
    expect(root.get_by_role("table")).to_contain_text("Predicted label")

    frame = pd.read_csv(io.StringIO(test_rows))
    hostile = '<img src=x onerror="window.pwned=1">'
    path = tmp_path / "new rows.csv"
    frame.assign(flipper_length_mm=frame["flipper_length_mm"] + 25, **{hostile: 1}).to_csv(path, index=False)
    page.set_input_files(".vitrine-drift input[type=file]", str(path))
    expect(page.locator(".vitrine-drift-status")).to_contain_text("“new rows.csv”", timeout=60_000)
    expect(root).to_have_attribute("data-state", "done")
    expect(page.locator(".vitrine-drift-status")).to_contain_text("Flipper length")
    expect(root.locator("tr.vitrine-drift-flag").first).to_contain_text("Flipper length")
    expect(root).to_contain_text(f"Columns not used (not features): {hostile}")
    assert page.evaluate("window.pwned") is None and root.locator("img").count() == 0
    # the chart shows the chosen feature's bins; the select picks another by keyboard
    select = root.get_by_label("Bins of")
    expect(select).to_have_value("flipper_length_mm")
    canvas = root.locator("canvas")
    expect(canvas).to_have_attribute("aria-label", re.compile(r"^Flipper length: share of rows per bin, training vs this file\. ≤ "))
    select.focus()
    page.keyboard.press("ArrowDown")
    expect(select).to_have_value("body_mass_g")
    expect(canvas).to_have_attribute("aria-label", re.compile(r"^Body mass: share of rows per bin"))

    # a bad file: the error names the problem and the earlier figures are hidden
    bad = tmp_path / "bad.csv"
    bad.write_text("species\nAdelie\n")
    page.set_input_files(".vitrine-drift input[type=file]", str(bad))
    expect(root).to_have_attribute("data-state", "error")
    expect(root.get_by_role("alert")).to_contain_text('The file has no column "bill_length_mm"')
    expect(root.locator(".vitrine-drift-results")).to_be_hidden()

    # a file dropped anywhere on the section is checked like a picked one
    page.evaluate("""(csv) => {
        const root = document.querySelector('.vitrine-drift');
        const data = new DataTransfer();
        data.items.add(new File([csv], 'dropped.csv', {type: 'text/csv'}));
        for (const type of ['dragenter', 'dragover', 'drop']) {
            root.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
        }
    }""", test_rows)
    expect(page.locator(".vitrine-drift-status")).to_contain_text("“dropped.csv”: ", timeout=60_000)
    expect(page.locator(".vitrine-drift-status")).to_contain_text("No feature drifted (of 6)")
    expect(root).not_to_have_class(re.compile(r"vitrine-dragover"))
    assert session.foreign_requests() == []
