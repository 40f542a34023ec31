"""A card on data whose columns are spelt as their authors spelt them ("Culmen Length (mm)",
"Delta 15 N (o/oo)", "Clutch Completion") and whose classes get display names ("Adélie"): card,
export, manifest, form and `m.predict` all work with the names as written."""

from __future__ import annotations

import json
import textwrap
from typing import Iterator

import pytest

from builder.browser import serve_directory

from ..conftest import build_card_site
from .conftest import Session, open_session

pytestmark = pytest.mark.browser
ATOL = 1e-5
CARD = """\
id: penguins-lter
title: Penguins, as the LTER data spells them
task: tabular-classification
dataset:
  source: palmerpenguins
  name: penguins_raw
  target: Species
  classes:
    Adelie Penguin (Pygoscelis adeliae): Adélie
    Chinstrap penguin (Pygoscelis antarctica): Chinstrap
    Gentoo penguin (Pygoscelis papua): Gentoo
  features:
    - {name: Culmen Length (mm), type: numeric}
    - {name: Delta 15 N (o/oo), type: numeric, label: δ15N, unit: ‰}
    - {name: Flipper Length (mm), type: numeric}
    - {name: Clutch Completion, type: categorical}
    - {name: Island, type: categorical}
recipe:
  kind: sklearn_tabular
  params: {estimator: random_forest, n_estimators: 30, max_depth: 5}
"""


@pytest.fixture(scope="module")
def lter_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict, dict]]:
    site, entry, fixtures = build_card_site(tmp_path_factory.mktemp("lter"), "penguins-lter", textwrap.dedent(CARD))
    with serve_directory(site) as url:
        yield url, entry, fixtures


def test_manifest_maps_columns_to_graph_inputs(lter_site: tuple[str, dict, dict]) -> None:
    _, entry, fixtures = lter_site
    assert [(f["name"], f["input"]) for f in entry["preprocessing"]["features"]] == [
        ("Culmen Length (mm)", "Culmen_Length__mm_"), ("Delta 15 N (o/oo)", "Delta_15_N__o_oo_"),
        ("Flipper Length (mm)", "Flipper_Length__mm_"), ("Clutch Completion", "Clutch_Completion"), ("Island", "Island"),
    ]
    assert entry["labels"] == ["Adélie", "Chinstrap", "Gentoo"]
    assert set(fixtures["rows"][0]) == {f["name"] for f in entry["preprocessing"]["features"]}


def test_predict_and_form_use_the_names_as_written(browser, lter_site: tuple[str, dict, dict]) -> None:
    url, entry, fixtures = lter_site
    s: Session = open_session(browser, url, service_workers="block")
    try:
        page = s.page
        page.goto(url + "gallery/penguins-lter/")
        page.wait_for_function("() => window.vitrine !== undefined")
        predictions = page.evaluate(
            """async (rows) => {
                const m = await vitrine.load("penguins-lter");
                const out = [];
                for (const row of rows) out.push(await m.predict(row));
                return out;
            }""",
            fixtures["rows"],
        )
        labels, n = fixtures["labels"], len(fixtures["labels"])
        probs = fixtures["outputs"]["probabilities"]["data"]
        for i, p in enumerate(predictions):
            assert p["label"] == labels[fixtures["outputs"]["label"]["data"][i]], i
            assert max(abs(p["probabilities"][label] - probs[i * n + j]) for j, label in enumerate(labels)) <= ATOL, i

        demo = page.locator(".vitrine-demo")
        demo.scroll_into_view_if_needed()
        page.wait_for_selector('.vitrine-demo[data-state="ready"]', timeout=30_000)
        assert demo.get_by_label("δ15N").count() >= 1  # the card's label names the field
        i = next(i for i, y in enumerate(fixtures["outputs"]["label"]["data"]) if labels[y] == "Gentoo")
        for name, value in fixtures["rows"][i].items():
            field = demo.locator(f"[name={json.dumps(name)}]")
            if isinstance(value, str):
                field.select_option(value)
            else:
                field.fill(str(value))
        demo.locator(".vitrine-predict").click()
        page.wait_for_function("() => document.querySelector('.vitrine-demo .vitrine-label')?.textContent?.trim() === 'Gentoo'")

        # the drift check reads the held-out rows' CSV, whose header spells the columns as written
        drift = page.locator(".vitrine-drift")
        drift.scroll_into_view_if_needed()
        drift.get_by_role("button", name="Check the held-out rows").click()
        page.wait_for_selector('.vitrine-drift[data-state="done"]', timeout=30_000)
        assert "No feature drifted (of 5)" in drift.locator(".vitrine-drift-status").inner_text()
        assert "δ15N" in drift.get_by_role("table").inner_text()
        assert s.errors == []
    finally:
        s.context.close()
