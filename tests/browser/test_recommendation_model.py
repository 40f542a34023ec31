"""The food recommender in real Chromium: raw outputs equal Python onnxruntime's on every held-out input
(WASM-SIMD and plain WASM), `m.predict(names)` answers Python's recommendations with their reasons, bad
picks get clear messages, and the widget recommends from the foods the visitor ticks, by keyboard too."""

from __future__ import annotations

import numpy as np
import pytest

from .conftest import Session, check_raw_parity, open_with_demos, wait_until

pytestmark = pytest.mark.browser
MODEL = "food-recommender"


@pytest.mark.parametrize("backend", ["wasm", "wasm-nosimd"])
def test_raw_outputs_match_python(request: pytest.FixtureRequest, backend: str, entry: dict, fixtures: dict) -> None:
    check_raw_parity(request.getfixturevalue("simd" if backend == "wasm" else "nosimd"), entry, fixtures, backend)


def test_predict_answers_pythons_recommendations(simd: Session, fixtures: dict) -> None:
    answers = simd.page.evaluate("""async (picks) => {
        const m = await vitrine.load("food-recommender", {backend: "wasm"});
        const out = [];
        for (const p of picks) out.push(await m.predict(p));
        out.push(await m.predict([...picks[0]].reverse().concat(picks[0][0]), {topK: 3}));
        return out;
    }""", fixtures["picked"])
    short = answers.pop()
    for got, want in zip(answers, fixtures["answers"], strict=True):
        assert set(got) == {"recommendations", "ms"}
        assert [(r["item"], r["index"], r["because"]) for r in got["recommendations"]] == [
            (r["item"], r["index"], r["because"]) for r in want["recommendations"]]
        assert np.abs(np.array([r["score"] for r in got["recommendations"]]) - [r["score"] for r in want["recommendations"]]).max() <= 1e-4
    # the order of the picks and a repeated pick change nothing
    assert short["recommendations"] == answers[0]["recommendations"][:3]


def test_bad_picks_get_clear_messages(simd: Session) -> None:
    messages = simd.page.evaluate("""async () => {
        const m = await vitrine.load("food-recommender", {backend: "wasm"});
        const tries = [[], ["Egs"], ["Eggs", 3], "Eggs", {Eggs: 1}];
        const out = [];
        for (const t of tries) out.push(await m.predict(t).then(() => "answered", (e) => e.message));
        out.push(await m.predict(["Eggs"], {topK: 0}).then(() => "answered", (e) => e.message));
        out.push(await m.predict(["<b>Eggs</b>"]).then(() => "answered", (e) => e.message));
        out.push(await m.predict(m.info.labels).then((r) => r.recommendations.length, (e) => e.message));
        return out;
    }""")
    assert messages[0] == "Pick at least one food: the model recommends from what you pick."
    assert messages[1].startswith('Unknown food "Egs"') and '"Eggs"' in messages[1]
    assert messages[2].startswith("Food 2 is 3, not a name")
    assert messages[3] == messages[4] and messages[3].startswith("predict() takes the items picked for this model")
    assert messages[5] == "predict(): topK must be a whole number from 1 to 127, got 0."
    assert messages[6].startswith('Unknown food "<b>Eggs</b>"')
    assert messages[7] == 0  # every food picked: nothing left to recommend


def test_demo_recommends_from_the_ticked_foods(session: Session, site_url: str, entry: dict) -> None:
    page = session.page
    open_with_demos(page, f"{site_url}gallery/{MODEL}/")
    demo = page.locator(".vitrine-demo")
    wait_until(page, "() => document.querySelector('.vitrine-demo').dataset.source === 'live'", message="no live recommendations")
    rows = demo.locator("table.vitrine-rec-table tbody tr")
    first = entry["examples"][0]
    assert rows.count() == 10
    assert [rows.nth(i).get_attribute("data-item") for i in range(10)] == [r["item"] for r in first["output"]["recommendations"]]
    hits = [r["item"] for r in first["output"]["recommendations"] if r["item"] in first["expected"]]
    assert demo.locator("tr[data-hit=true]").count() == len(hits)
    assert demo.locator(".vitrine-rec-count").inner_text() == f"{len(first['input'])} picked"
    # another example reader
    demo.locator("button.vitrine-rec-example").nth(1).click()
    second = entry["examples"][1]
    wait_until(page, "(top) => document.querySelector('table.vitrine-rec-table tbody tr')?.dataset.item === top",
               second["output"]["recommendations"][0]["item"], message="the second example's recommendations did not show")
    # by keyboard: clear, filter, tick one food with the space bar
    demo.locator("button.vitrine-rec-clear").click()
    wait_until(page, "() => document.querySelector('.vitrine-rec-hint') && !document.querySelector('.vitrine-rec-hint').hidden",
               message="no hint without picks")
    search = page.get_by_label("Filter foods")
    search.fill("tofu")
    assert demo.locator(".vitrine-rec-option:not([hidden])").count() == 1
    tofu = page.get_by_role("checkbox", name="Tofu", exact=True)
    tofu.focus()
    page.keyboard.press("Space")
    assert tofu.is_checked()
    wait_until(page, """() => [...document.querySelectorAll('table.vitrine-rec-table tbody tr')].length === 10
        && document.querySelector('.vitrine-demo').dataset.source === 'live'
        && document.querySelector('.vitrine-rec-count').textContent === '1 picked'""", message="no recommendations for one pick")
    because = {cell.inner_text() for cell in demo.locator("td.vitrine-rec-because").all()}
    assert because <= {"because you eat Tofu", "no single pick stands out"}
    want = page.evaluate("""async () => (await (await vitrine.load("food-recommender")).predict(["Tofu"])).recommendations.map((r) => r.item)""")
    assert [rows.nth(i).get_attribute("data-item") for i in range(10)] == want
    assert session.errors == [] and session.foreign_requests() == []
