"""The tabular demo's live "Why this prediction" (js_runtime/explanation_view.js) in Chromium.

After each live prediction the widget shows the exact Shapley values of the predicted class for the
same row: they must be the numbers `m.explain(row)` gives in the page for the row in the form, add up
with the background average to the probability the prediction table shows, follow a keyboard edit
(never showing an older row's explanation beside a newer prediction), and fit a phone's width.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest

from ..conftest import BuiltSite, model_entry
from .conftest import Session, wait_until
from .test_demo import worker_probe

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
MODEL = "penguins-species"


@pytest.fixture(scope="module")
def info(built_site: BuiltSite) -> dict:
    return model_entry(json.loads((built_site.site / "models" / "manifest.json").read_text()))


# Everything the widget shows, read from the DOM: the prediction (label, its table cell and raw
# probability), the row in the form, and the explanation (its class, base, summary and table).
READ = """(features) => {
    const d = document.querySelector('.vitrine-demo');
    const label = d.querySelector('.vitrine-label').textContent.trim();
    const tr = d.querySelector(`table.vitrine-probabilities tr[data-label="${CSS.escape(label)}"]`);
    const row = {};
    for (const f of features) {
        const value = d.querySelector(`[name="${CSS.escape(f.name)}"]`).value;
        row[f.name] = f.type === 'numeric' ? Number(value) : value;
    }
    const x = d.querySelector('.vitrine-explain');
    return {
        state: d.dataset.state, source: d.dataset.source, stale: d.dataset.stale ?? null, label, row,
        probabilityText: tr ? tr.querySelector('td').textContent.trim() : null,
        probability: tr ? Number(tr.dataset.probability) : null,
        explain: x.hidden ? null : {
            label: x.dataset.label ?? null, base: Number(x.dataset.base),
            title: x.querySelector('.vitrine-explain-title').textContent,
            summary: x.querySelector('.vitrine-explain-summary').textContent,
            caption: x.querySelector('caption').textContent,
            rows: [...x.querySelectorAll('tbody tr')].map((tr) => ({
                feature: tr.dataset.feature, points: Number(tr.dataset.points),
                cells: [...tr.children].map((c) => c.textContent),
            })),
        },
    };
}"""

# Every time the explanation or the prediction changes, what both say (recorded page-side).
WATCH = """() => {
    const d = document.querySelector('.vitrine-demo');
    window.__snapshots = [];
    const snap = () => {
        const x = d.querySelector('.vitrine-explain');
        const label = d.querySelector('.vitrine-label')?.textContent.trim() ?? null;
        const tr = label && d.querySelector(`table.vitrine-probabilities tr[data-label="${CSS.escape(label)}"]`);
        window.__snapshots.push({label, probability: tr ? tr.querySelector('td').textContent.trim() : null,
                                 explained: !x || x.hidden ? null : (x.dataset.label ?? null),
                                 summary: x?.querySelector('.vitrine-explain-summary')?.textContent ?? null});
    };
    new MutationObserver(snap).observe(d, {subtree: true, childList: true, characterData: true, attributes: true,
                                           attributeFilter: ['data-label', 'hidden']});
}"""


def js_percent(p: float) -> str:
    """JS `(p * 100).toFixed(1) + '%'` (round half up on the exact double), as the widget writes it."""
    return f"{Decimal(p * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def points_text(points: float) -> str:
    """What the widget writes for a contribution: signed percentage points, a real minus sign."""
    text = f"{Decimal(abs(points) * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}"
    if Decimal(text) == 0:
        return "0.0"
    return ("+" if points > 0 else "\u2212") + text


def parse_points(text: str) -> float:
    return float(text.replace("\u2212", "-"))


def value_text(f: dict, value: float | str) -> str:
    if f["type"] != "numeric":
        return str(value)
    decimals = max(0, -Decimal(repr(f["step"])).normalize().as_tuple().exponent)
    text = f"{value:.{decimals}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return f"{text} {f['unit']}" if f.get("unit") else text


def read(session: Session, info: dict) -> dict:
    return session.page.evaluate(READ, info["preprocessing"]["features"])


def open_demo(session: Session, site_url: str, width: int = 1280) -> None:
    page = session.page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + PAGE)
    page.wait_for_function("() => window.vitrine !== undefined")
    page.evaluate(WATCH)
    page.locator(".vitrine-demo").scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]', timeout=60_000)


def wait_explained(session: Session, info: dict, row: dict | None = None) -> dict:
    """Wait until the widget shows a live prediction with its explanation (for `row`, if given: the form
    holds it and the explanation's value column shows it, so the prediction beside it is for it too)."""
    texts = None if row is None else {f["name"]: value_text(f, row[f["name"]]) for f in info["preprocessing"]["features"]}
    session.page.wait_for_function(
        """([features, row, texts]) => {
            const d = document.querySelector('.vitrine-demo');
            const x = d.querySelector('.vitrine-explain');
            if (d.dataset.source !== 'live' || d.dataset.stale !== undefined || x.hidden || !x.dataset.label) return false;
            if (x.dataset.label !== d.querySelector('.vitrine-label').textContent.trim()) return false;
            return row === null || features.every((f) => {
                const value = d.querySelector(`[name="${CSS.escape(f.name)}"]`).value;
                const cell = x.querySelector(`tr[data-feature="${CSS.escape(f.name)}"] td`);
                return (f.type === 'numeric' ? Number(value) === row[f.name] : value === row[f.name])
                    && cell?.textContent === texts[f.name];
            });
        }""",
        arg=[info["preprocessing"]["features"], row, texts],
        timeout=30_000,
    )
    return read(session, info)


def check_against_api(session: Session, info: dict, shown: dict) -> None:
    """The shown explanation is m.explain(row) for the form's row, for the predicted class, and adds up."""
    assert shown["state"] == "ready" and shown["source"] == "live" and shown["stale"] is None
    e = shown["explain"]
    assert e is not None and e["label"] == shown["label"]
    expected = session.page.evaluate(
        """async ([id, row]) => { const m = await vitrine.load(id); return await m.explain(row); }""", [MODEL, shown["row"]])
    k = expected["outputs"].index(shown["label"])
    values = dict(zip(expected["features"], expected["values"][k], strict=True))
    specs = {f["name"]: f for f in info["preprocessing"]["features"]}

    # The raw numbers are the API's, for this row and class; sorted by size, largest first.
    assert sorted(r["feature"] for r in e["rows"]) == sorted(expected["features"])
    for r in e["rows"]:
        assert abs(r["points"] - values[r["feature"]]) <= 1e-6, (r, values[r["feature"]])
    sizes = [abs(r["points"]) for r in e["rows"]]
    assert sizes == sorted(sizes, reverse=True)
    assert abs(e["base"] - expected["base"][k]) <= 1e-6
    # base + Σ contributions = the probability the prediction table holds (predict() vs explain(): float32 noise).
    assert abs(e["base"] + sum(r["points"] for r in e["rows"]) - shown["probability"]) <= 1e-4

    # The table as read: feature label, its value in the form, signed points rounded to 0.1.
    for r in e["rows"]:
        f = specs[r["feature"]]
        assert r["cells"] == [f["label"], value_text(f, shown["row"][f["name"]]), points_text(r["points"])], r
    assert shown["label"] in e["caption"]
    # The text adds up: base + Σ shown points = shown probability, within the rounding of the n + 2 numbers.
    base_text, p_text = js_percent(e["base"]), shown["probabilityText"]
    total = float(base_text.rstrip("%")) + sum(parse_points(r["cells"][2]) for r in e["rows"])
    assert abs(total - float(p_text.rstrip("%"))) <= 0.05 * (len(e["rows"]) + 2) + 1e-9, (total, p_text)
    assert e["title"] == "Why this prediction"
    assert f"average over the background {base_text} → this row {p_text}" in e["summary"], e["summary"]


def snapshots_agree(session: Session) -> None:
    """No explanation was ever on screen beside another prediction: at every change the explanation
    shown is for the predicted class and ends at the probability the table shows."""
    snaps = session.page.evaluate("() => window.__snapshots")
    assert snaps, "the watcher saw nothing"
    bad = [s for s in snaps if s["explained"] is not None
           and (s["explained"] != s["label"] or not s["summary"].endswith(f"this row {s['probability']}"))]
    assert bad == [], bad


def test_explanation_matches_the_api_and_adds_up(session: Session, site_url: str, info: dict) -> None:
    assert info.get("explain"), "the penguins model's build stores explanations"
    open_demo(session, site_url)
    shown = wait_explained(session, info)
    check_against_api(session, info, shown)
    # The chart draws the same numbers, a bar per feature.
    chart = session.page.evaluate("""() => {
        const c = window.Chart?.getChart(document.querySelector('.vitrine-explain-chart canvas'));
        return c ? {n: c.data.labels.length, data: [...c.data.datasets[0].data]} : null;
    }""")
    assert chart is not None and chart["n"] == len(shown["explain"]["rows"])
    # A waterfall: each feature's bar moves the probability by its value, from the average to this row's.
    total = 100 * shown["explain"]["base"]
    for (start, end), r in zip(chart["data"], shown["explain"]["rows"], strict=True):
        assert abs(start - total) <= 1e-9 and abs(end - start - 100 * r["points"]) <= 1e-9
        total = end
    assert abs(total - 100 * shown["probability"]) <= 1e-2
    assert session.page.locator(".vitrine-explain").get_attribute("aria-describedby")
    assert session.page.locator(".vitrine-explain-chart").get_attribute("aria-hidden") == "true"
    snapshots_agree(session)
    assert session.errors == []


def test_keyboard_edit_updates_prediction_and_explanation(session: Session, site_url: str, info: dict) -> None:
    open_demo(session, site_url)
    before = wait_explained(session, info)
    # A flipper length far from the example's.
    new_value = 230 if before["row"]["flipper_length_mm"] < 210 else 180
    box = session.page.locator('.vitrine-demo [name="flipper_length_mm"]')
    box.focus()
    box.press("Control+a")
    box.press_sequentially(str(new_value))
    box.press("Tab")
    row = {**before["row"], "flipper_length_mm": new_value}
    after = wait_explained(session, info, row)
    assert after["row"] == row
    assert after["probability"] != before["probability"] or after["label"] != before["label"], "the edit should change the prediction"
    check_against_api(session, info, after)
    flipper = next(r for r in after["explain"]["rows"] if r["feature"] == "flipper_length_mm")
    spec = next(f for f in info["preprocessing"]["features"] if f["name"] == "flipper_length_mm")
    assert flipper["cells"][1] == value_text(spec, new_value)
    snapshots_agree(session)
    # The new prediction and its explanation changed in the same task (one frame): once an explanation
    # was on screen, no change left the prediction without one (it comes within TOGETHER_MS).
    snaps = session.page.evaluate("() => window.__snapshots")
    first = next(i for i, s in enumerate(snaps) if s["explained"] is not None)
    assert [s for s in snaps[first:] if s["explained"] is None] == []
    assert session.errors == []


# Records what the page posts to its worker and, while `hold` is set, holds back `explanation` replies, so an
# explanation stays in flight.
WORKER_PROBE = worker_probe("explanation")


def test_superseded_explanation_is_cancelled_and_never_shown(session: Session, site_url: str, info: dict) -> None:
    page = session.page
    page.add_init_script(WORKER_PROBE)
    open_demo(session, site_url)
    before = wait_explained(session, info)
    demo = page.locator(".vitrine-demo")
    box = demo.locator('[name="bill_length_mm"]')
    # The explanation of a first edit is computed, but held on its way to the page.
    page.evaluate("() => { window.__probe.hold = true; }")
    first = {**before["row"], "bill_length_mm": 40.0 if before["row"]["bill_length_mm"] > 45 else 50.0}
    box.fill(str(first["bill_length_mm"]))
    demo.locator(".vitrine-predict").click()
    page.wait_for_function("() => window.__probe.held.length === 1", timeout=30_000)
    held = page.evaluate("() => window.__probe.held[0].id")
    assert held in page.evaluate("() => window.__probe.posted.filter((m) => m.type === 'explain').map((m) => m.id)")
    # Its prediction is shown; the previous row's explanation is not shown beside it.
    page.wait_for_selector(".vitrine-explain[data-pending]")
    assert page.locator(".vitrine-explain").get_attribute("data-label") is None
    assert page.locator(".vitrine-explain-body").evaluate("(el) => getComputedStyle(el).visibility") == "hidden"
    # A second edit supersedes it: the held explanation is cancelled, and its answer never shown.
    second = {**before["row"], "bill_length_mm": 45.5}
    box.fill(str(second["bill_length_mm"]))
    page.wait_for_function("(id) => window.__probe.posted.some((m) => m.type === 'cancel' && m.id === id)", arg=held, timeout=10_000)
    page.evaluate("() => window.__probe.release()")
    after = wait_explained(session, info, second)
    check_against_api(session, info, after)
    snapshots_agree(session)
    assert session.errors == []


def test_emptied_field_hides_the_explanation(session: Session, site_url: str, info: dict) -> None:
    open_demo(session, site_url)
    wait_explained(session, info)
    session.page.locator('.vitrine-demo [name="bill_length_mm"]').fill("")
    session.page.wait_for_selector('.vitrine-demo[data-source="invalid"]')
    assert session.page.locator(".vitrine-explain").is_hidden()
    assert session.errors == []


def test_fits_a_phone(session: Session, site_url: str, info: dict) -> None:
    open_demo(session, site_url, width=390)
    wait_explained(session, info)
    session.page.locator(".vitrine-explain").scroll_into_view_if_needed()
    wait_until(session.page, """() => {
        const c = window.Chart?.getChart(document.querySelector('.vitrine-explain-chart canvas'));
        return c !== undefined && c.data.labels.length > 0;
    }""")
    sizes = session.page.evaluate("""() => {
        const box = document.querySelector('.vitrine-explain').getBoundingClientRect();
        const chart = document.querySelector('.vitrine-explain-chart canvas').getBoundingClientRect();
        return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                left: box.left, right: box.right, chartRight: chart.right};
    }""")
    assert sizes["scroll"] <= sizes["inner"], sizes
    assert 0 <= sizes["left"] and sizes["right"] <= sizes["inner"] and sizes["chartRight"] <= sizes["right"] + 1, sizes
    assert session.errors == []
