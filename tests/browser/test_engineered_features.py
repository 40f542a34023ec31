"""Engineered features (a card's `derive: {ratio: [a, b]}` or `{log: a}`): the build computes them from the
data and the model reads them as inputs; the browser computes them from the same inputs (predict, explain,
the drift check) equal to Python; the playground shows them with a toggle that gives the model the
training mean instead; a card that derives from what it cannot says so, with its line."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest
from playwright.sync_api import Browser, expect

from builder import datasets
from builder.browser import serve_directory
from builder.cards import read_cards

from ..conftest import build_card_site
from .conftest import Session, open_session

pytestmark = pytest.mark.browser
MODEL = "penguins-engineered"
CARD = """\
id: penguins-engineered
title: Penguins, with engineered features
task: tabular-classification
dataset:
  source: palmerpenguins
  name: penguins
  target: species
  features:
    - {name: bill_length_mm, type: numeric, label: Bill length, unit: mm}
    - {name: bill_depth_mm, type: numeric, label: Bill depth, unit: mm}
    - {name: body_mass_g, type: numeric, label: Body mass, unit: g}
    - {name: island, type: categorical, label: Island}
    - {name: bill_ratio, type: numeric, label: Bill length ÷ depth, derive: {ratio: [bill_length_mm, bill_depth_mm]}}
    - {name: log_mass, type: numeric, label: log body mass, derive: {log: body_mass_g}}
recipe:
  kind: sklearn_tabular
  params: {estimator: random_forest, n_estimators: 30, max_depth: 5}
"""
DERIVED = ("bill_ratio", "log_mass")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict, dict, Path]]:
    tmp = tmp_path_factory.mktemp("engineered")
    site, entry, fixtures = build_card_site(tmp, MODEL, CARD)
    with serve_directory(site) as url:
        yield url, entry, fixtures, tmp / "out"


@pytest.fixture
def page(browser: Browser, site: tuple[str, dict, dict, Path]) -> Iterator[Session]:
    url = site[0]
    s = open_session(browser, url, service_workers="block")
    s.page.goto(url + f"gallery/{MODEL}/")
    s.page.wait_for_function("() => window.vitrine !== undefined")
    yield s
    s.context.close()


def test_the_build_computes_them_from_the_data(site: tuple[str, dict, dict, Path]) -> None:
    _, entry, fixtures, _ = site
    specs = {f["name"]: f for f in entry["preprocessing"]["features"]}
    assert specs["bill_ratio"]["derive"] == {"ratio": ["bill_length_mm", "bill_depth_mm"]}
    assert specs["log_mass"]["derive"] == {"log": "body_mass_g"}
    for row in fixtures["rows"]:
        a, b, m = (np.float32(row[k]) for k in ("bill_length_mm", "bill_depth_mm", "body_mass_g"))
        assert np.float32(row["bill_ratio"]) == np.float32(np.float64(a) / np.float64(b))
        assert np.float32(row["log_mass"]) == np.float32(np.log(np.float64(m)))


def test_predict_explain_and_drift_compute_them_as_python(page: Session, site: tuple[str, dict, dict, Path]) -> None:
    url, entry, fixtures, out = site
    rows = [{k: v for k, v in r.items() if k not in DERIVED} for r in fixtures["rows"]]
    test_rows = (out / entry["drift"]["test_rows"]).read_text()
    without = "\n".join(",".join(cells[:4]) for cells in (line.split(",") for line in test_rows.strip().split("\n")))
    r = page.page.evaluate("""async ([rows, csv]) => {
        const m = await vitrine.load("penguins-engineered");
        const out = [];
        for (const row of rows) out.push((await m.predict(row)).probabilities);
        const e = await m.explain(rows[0]);
        const drift = await m.drift(csv);
        const errors = [];
        for (const bad of [{...rows[0], body_mass_g: 0}, {...rows[0], bill_depth_mm: 0}]) {
            try { await m.predict(bad); errors.push(null); } catch (err) { errors.push(err.message); }
        }
        return {out, e, drift: {rows: drift.rows, drifted: drift.drifted, features: drift.features.map((f) => f.name)}, errors};
    }""", [rows, without])
    labels, n = fixtures["labels"], len(fixtures["labels"])
    probs = fixtures["outputs"]["probabilities"]["data"]
    worst = max(abs(p[label] - probs[i * n + j]) for i, p in enumerate(r["out"]) for j, label in enumerate(labels))
    assert worst <= 1e-5
    # explain() completes the row too: the engineered features are features of the explanation, and it adds up
    e = r["e"]
    assert e["features"] == [f["name"] for f in entry["preprocessing"]["features"]]
    assert max(abs(b + sum(v) - p) for b, v, p in zip(e["base"], e["values"], e["prediction"])) <= 1e-6
    # the drift check computes them for a CSV without their columns
    assert r["drift"] == {"rows": len(fixtures["rows"]), "drifted": [], "features": e["features"]}
    assert r["errors"] == [
        'Feature "log_mass" is the log of "body_mass_g", which must be above 0 (it is 0).',
        'Feature "bill_ratio" is "bill_length_mm" ÷ "bill_depth_mm", and "bill_depth_mm" is 0.',
    ]
    assert page.errors == []


def test_the_playground_shows_them_and_toggles_one_off(page: Session, site: tuple[str, dict, dict, Path]) -> None:
    _, entry, _, _ = site
    p = page.page
    demo = p.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    p.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]', timeout=60_000)
    ratio = demo.locator('output[data-feature="bill_ratio"]')
    length, depth = (float(demo.locator(f'[name="{k}"]').input_value()) for k in ("bill_length_mm", "bill_depth_mm"))
    value = float(np.float32(np.float64(np.float32(length)) / np.float64(np.float32(depth))))
    expect(ratio).to_have_text(str(float(f"{value:.3f}")).removesuffix(".0"))
    assert demo.locator('[name="bill_ratio"]').count() == 0  # computed, not typed
    before = demo.locator("table.vitrine-probabilities").inner_text()
    # by keyboard: the toggle is a checkbox with the feature's label
    toggle = demo.get_by_role("checkbox", name="Bill length ÷ depth")
    toggle.focus()
    p.keyboard.press("Space")
    expect(toggle).not_to_be_checked()
    mean = next(f for f in entry["preprocessing"]["features"] if f["name"] == "bill_ratio")["mean"]
    expect(ratio).to_contain_text("(mean)")
    p.wait_for_function("(before) => { const d = document.querySelector('.vitrine-demo');"
                        " return d.dataset.running === undefined && d.querySelector('table.vitrine-probabilities').innerText !== before; }",
                        arg=before, timeout=30_000)
    shown = p.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.vitrine-demo table.vitrine-probabilities tr[data-label]')]
        .map((tr) => [tr.dataset.label, Number(tr.dataset.probability)]))""")
    row = p.evaluate("""() => Object.fromEntries(['bill_length_mm', 'bill_depth_mm', 'body_mass_g', 'island']
        .map((k) => { const v = document.querySelector(`.vitrine-demo [name="${k}"]`).value; return [k, k === 'island' ? v : Number(v)]; }))""")
    expected = p.evaluate("async ([row, mean]) => (await (await vitrine.load('penguins-engineered')).predict({...row, bill_ratio: mean})).probabilities",
                          [row, mean])
    assert shown == pytest.approx(expected, abs=1e-9)
    # "Why this prediction" explains the row the model got: the ratio at its mean
    p.wait_for_selector(".vitrine-explain[data-label]", timeout=30_000)
    demo.get_by_role("button", name="Reset").click()
    expect(toggle).to_be_checked()
    assert page.errors == []


def test_a_card_that_cannot_derive_says_where(tmp_path: Path) -> None:
    bad = CARD.replace("derive: {ratio: [bill_length_mm, bill_depth_mm]}", "derive: {ratio: [bill_length_mm, island]}")
    bad = bad.replace("derive: {log: body_mass_g}", "derive: {log: flipper}")
    bad = bad.replace("- {name: island, type: categorical, label: Island}", "- {name: island, type: categorical, label: Island}\n"
                      "    - {name: twice, type: categorical, derive: {log: body_mass_g}}")
    (tmp_path / f"{MODEL}.yaml").write_text(textwrap.dedent(bad))
    [card], problems = read_cards(tmp_path)
    assert problems == []
    messages = [str(p) for p in datasets.check(card)]
    assert any(":14: dataset.features[5].derive.ratio[1]: 'island' is categorical; ratio needs a numeric feature" in m for m in messages), messages
    assert any(":13: dataset.features[4].type: an engineered feature (derive) is numeric: use type: numeric" in m for m in messages), messages
    assert any(":15: dataset.features[6].derive.log: 'flipper' is not a numeric feature of this card read from the data "
               "(those are: bill_length_mm, bill_depth_mm, body_mass_g)" in m for m in messages), messages
