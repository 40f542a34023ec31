"""The model page's explanation charts (js_runtime/explanation_summary.js) and the tabular demo's
"Random test row" button, in Chromium.

The charts draw the explanations artifact's own numbers: a bar per feature of its global importance
(mean |SHAP| over the held-out rows) and a dot per held-out row and feature of its SHAP values, for the
class the select picks; screen readers get sentences and a table instead; they fit a phone and redraw
on the dark scheme. The button fills the demo form with one of the artifact's held-out rows, by
keyboard, and the live prediction and its explanation follow.

Set VITRINE_VIEWS_SCREENSHOTS=<folder> to keep screenshots (views_<width>_<scheme>.png) for a look.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import Route

from ..conftest import BuiltSite, model_entry
from .conftest import Session, wait_until
from .test_demo_explanation import check_against_api, open_demo, read, snapshots_agree, wait_explained

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
MODEL = "penguins-species"


@pytest.fixture(scope="module")
def info(built_site: BuiltSite) -> dict:
    return model_entry(json.loads((built_site.site / "models" / "manifest.json").read_text()), MODEL)


@pytest.fixture(scope="module")
def explanations(built_site: BuiltSite, info: dict) -> dict:
    return json.loads((built_site.site / "models" / info["explain"]["explanations"]).read_text())


# What the two charts hold, read from Chart.js, and the texts around them.
CHARTS = """() => {
    const root = document.querySelector('.vitrine-shap');
    const bar = window.Chart?.getChart(root.querySelector('.vitrine-shap-importance-chart canvas'));
    const swarm = window.Chart?.getChart(root.querySelector('.vitrine-shap-beeswarm-chart canvas'));
    if (!bar || !swarm) return null;
    const text = (id) => document.getElementById(id)?.textContent ?? null;
    const figures = [...root.querySelectorAll('figure')];
    return {
        drawn: root.dataset.drawn ?? null, select: root.querySelector('select').value,
        bars: {labels: [...bar.data.labels], data: [...bar.data.datasets[0].data], color: bar.data.datasets[0].backgroundColor},
        swarm: swarm.data.datasets.map((d) => ({label: d.label, xs: d.data.map((p) => p.x), ys: d.data.map((p) => p.y),
                                                 colors: [...d.pointBackgroundColor]})),
        hidden: [...root.querySelectorAll('.vitrine-shap-chart')].map((c) => c.getAttribute('aria-hidden')),
        descriptions: figures.map((f) => text(f.getAttribute('aria-describedby'))),
        titles: figures.map((f) => text(f.getAttribute('aria-labelledby'))),
        srOnly: figures.map((f) => getComputedStyle(document.getElementById(f.getAttribute('aria-describedby'))).position),
        tableRows: root.querySelectorAll('table.vitrine-shap-table tbody tr').length,
        legend: root.querySelector('.vitrine-shap-legend').textContent,
    };
}"""


def open_charts(session: Session, site_url: str, width: int = 1280) -> None:
    page = session.page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + PAGE)
    page.wait_for_function("() => window.vitrine !== undefined")
    page.locator(".vitrine-shap").evaluate("(el) => el.scrollIntoView()")  # empty until the charts come
    page.wait_for_selector('.vitrine-shap[data-state="ready"][data-drawn]', timeout=30_000)


def charts(session: Session) -> dict:
    data = session.page.evaluate(CHARTS)
    assert data is not None, "the charts were not made"
    return data


def check_class(data: dict, x: dict, info: dict, k: int) -> None:
    """Both charts show class k's numbers from the artifact, most important feature first."""
    label = x["outputs"][k]
    assert data["drawn"] == label and data["select"] == str(k)
    labels = {f["name"]: f["label"] for f in info["preprocessing"]["features"]}
    order = sorted(range(len(x["features"])), key=lambda j: -x["importance"][k][j])
    # Global importance: a bar per feature, mean |SHAP| in percentage points, largest first.
    assert data["bars"]["labels"] == [labels[x["features"][j]] for j in order]
    assert len(data["bars"]["data"]) == len(order)
    for value, j in zip(data["bars"]["data"], order, strict=True):
        assert abs(value - 100 * x["importance"][k][j]) <= 1e-9, (value, j)
    # Beeswarm: a row of dots per feature, in the same order, one per held-out row, x = its SHAP value.
    values = x["held_out"]["values"]
    assert [d["label"] for d in data["swarm"]] == [x["features"][j] for j in order]
    for row, (d, j) in enumerate(zip(data["swarm"], order, strict=True)):
        assert len(d["xs"]) == len(values) == len(x["held_out"]["rows"])
        for i, shown in enumerate(d["xs"]):
            assert abs(shown - 100 * values[i][k][j]) <= 1e-9, (x["features"][j], i, shown)
        assert all(abs(y - row) < 0.5 for y in d["ys"]), (x["features"][j], d["ys"])  # jitter stays in the band
        assert len(set(d["colors"])) > 1, "the dots are coloured by the feature's value"
    # Screen readers: the charts are hidden, a sentence (and a list) and a table say the same.
    assert data["hidden"] == ["true", "true"]
    importance, swarm = data["descriptions"]
    assert importance and label in importance and all(labels[f] in importance for f in x["features"])
    assert f"{100 * x['importance'][k][order[0]]:.1f}" in importance
    assert swarm and label in swarm and all(labels[f] in swarm for f in x["features"])
    assert all(label in t for t in data["titles"])
    assert data["srOnly"] == ["absolute", "absolute"]
    assert data["tableRows"] == len(x["held_out"]["rows"])


def screenshot(session: Session, name: str) -> None:
    folder = os.environ.get("VITRINE_VIEWS_SCREENSHOTS")
    if not folder:
        return
    session.page.evaluate("() => window.scrollTo(0, 0)")  # the sticky header at the top, outside the clip
    session.page.wait_for_timeout(300)  # Chart.js animations
    box = session.page.locator("#explanations").bounding_box()
    end = session.page.locator(".vitrine-shap").bounding_box()
    assert box and end
    session.page.screenshot(path=str(Path(folder) / f"views_{name}.png"), full_page=True,
                            clip={"x": 0, "y": box["y"] + session.page.evaluate("scrollY"), "width": session.page.viewport_size["width"],
                                  "height": end["y"] + end["height"] - box["y"] + 20})


def test_charts_draw_the_artifacts_numbers(session: Session, site_url: str, info: dict, explanations: dict) -> None:
    open_charts(session, site_url)
    data = charts(session)
    check_class(data, explanations, info, 0)
    # Numeric features get the low → high legend, categorical ones a colour per category.
    assert "low" in data["legend"] and "high" in data["legend"]
    for name, categories in explanations["categories"].items():
        assert all(c in data["legend"] for c in categories), name
    # The jitter is deterministic: the same page draws the same dots.
    session.page.reload()
    open_charts(session, site_url)
    assert charts(session)["swarm"] == data["swarm"]
    screenshot(session, "1280_light")
    if folder := os.environ.get("VITRINE_VIEWS_SCREENSHOTS"):
        session.page.locator(".vitrine-shap details summary").click()
        session.page.locator(".vitrine-shap-beeswarm").screenshot(path=str(Path(folder) / "views_table.png"))
    assert session.errors == []


def test_select_switches_the_class(session: Session, site_url: str, info: dict, explanations: dict) -> None:
    open_charts(session, site_url)
    select = session.page.locator(".vitrine-shap select")
    assert select.evaluate("(s) => s.labels.length") == 1, "the select has a label"
    for k in (2, 1, 0):
        select.select_option(str(k))
        wait_until(session.page, "(label) => document.querySelector('.vitrine-shap').dataset.drawn === label",
                   explanations["outputs"][k])
        check_class(charts(session), explanations, info, k)
    # By keyboard too.
    select.focus()
    session.page.keyboard.press("ArrowDown")
    wait_until(session.page, "(label) => document.querySelector('.vitrine-shap').dataset.drawn === label",
               explanations["outputs"][1])
    check_class(charts(session), explanations, info, 1)
    assert session.errors == []


def test_dark_scheme_redraws(session: Session, site_url: str, info: dict, explanations: dict) -> None:
    open_charts(session, site_url)
    light = charts(session)
    session.page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    wait_until(session.page, """(color) => window.Chart.getChart(
        document.querySelector('.vitrine-shap-importance-chart canvas')).data.datasets[0].backgroundColor !== color""",
               light["bars"]["color"])
    dark = charts(session)
    check_class(dark, explanations, info, 0)
    assert dark["swarm"][0]["colors"] != light["swarm"][0]["colors"] or dark["bars"]["color"] != light["bars"]["color"]
    screenshot(session, "1280_dark")
    assert session.errors == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_fits_a_phone(session: Session, site_url: str, info: dict, explanations: dict, scheme: str) -> None:
    open_charts(session, site_url, width=390)
    if scheme == "slate":
        session.page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    check_class(charts(session), explanations, info, 0)
    sizes = session.page.evaluate("""() => {
        const box = document.querySelector('.vitrine-shap').getBoundingClientRect();
        const canvases = [...document.querySelectorAll('.vitrine-shap canvas')].map((c) => c.getBoundingClientRect());
        return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, left: box.left, right: box.right,
                canvases: canvases.map((c) => ({left: c.left, right: c.right, width: c.width, height: c.height}))};
    }""")
    assert sizes["scroll"] <= sizes["inner"], sizes
    assert 0 <= sizes["left"] and sizes["right"] <= sizes["inner"], sizes
    for c in sizes["canvases"]:
        assert c["left"] >= sizes["left"] - 1 and c["right"] <= sizes["right"] + 1 and c["width"] > 200 and c["height"] > 150, sizes
    screenshot(session, f"390_{'dark' if scheme == 'slate' else 'light'}")
    assert session.errors == []


def test_random_test_row_by_keyboard(session: Session, site_url: str, info: dict, explanations: dict) -> None:
    page = session.page
    open_demo(session, site_url)
    before = wait_explained(session, info)
    held_out = explanations["held_out"]["rows"]
    # Tab from Reset reaches the button; Enter presses it.
    page.locator(".vitrine-demo .vitrine-reset").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Random test row"
    assert page.evaluate("() => document.activeElement.tagName") == "BUTTON"
    seen = []
    button_row = "() => document.querySelector('.vitrine-demo .vitrine-random').dataset.row ?? null"
    for _ in range(2):
        previous = read(session, info)["row"]
        previous_index = page.evaluate(button_row)
        page.keyboard.press("Enter")
        wait_until(page, f"(previous) => ({button_row})() !== previous", previous_index)
        index = int(page.evaluate("() => document.querySelector('.vitrine-demo .vitrine-random').dataset.row"))
        row = held_out[index]
        assert row != previous, "a different row than the one in the form"
        after = wait_explained(session, info, row)
        assert after["row"] == row
        check_against_api(session, info, after)
        predicted = page.evaluate("""async ([id, row]) => (await (await vitrine.load(id)).predict(row)).label""", [MODEL, row])
        assert after["label"] == predicted
        assert page.evaluate("() => document.activeElement.classList.contains('vitrine-random')"), "focus stays on the button"
        seen.append(index)
    assert held_out[seen[0]] != before["row"]
    if folder := os.environ.get("VITRINE_VIEWS_SCREENSHOTS"):
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(300)
            page.locator(".vitrine-demo").screenshot(path=str(Path(folder) / f"views_demo_{width}.png"))
    snapshots_agree(session)
    assert session.errors == []


def test_no_random_row_button_without_explanations(session: Session, site_url: str) -> None:
    """Only a model whose manifest entry names explanations (held-out rows) gets the button."""
    def without_explain(route: Route) -> None:
        manifest = route.fetch().json()
        for m in manifest["models"]:
            m.pop("explain", None)
        route.fulfill(json=manifest)

    session.page.route("**/models/manifest.json", without_explain)
    open_demo(session, site_url)
    assert session.page.locator(".vitrine-demo .vitrine-predict").count() == 1
    assert session.page.locator(".vitrine-demo .vitrine-random").count() == 0
    assert session.page.locator(".vitrine-demo .vitrine-explain").is_hidden()
    assert session.errors == []
