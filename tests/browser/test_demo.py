"""The walking skeleton end to end in Chromium: the browser computes what Python onnxruntime computed.

Parity fixtures come from builder.evaluate (held-out rows with Python onnxruntime outputs on the
same file); labels must be identical and probabilities within 1e-5.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from playwright.sync_api import Locator

from ..conftest import BuiltSite, gallery_ids, model_entry
from .conftest import Session

pytestmark = pytest.mark.browser
ATOL = 1e-5
PAGE = "gallery/penguins-species/"


@pytest.fixture(scope="module")
def fixtures(built_site: BuiltSite) -> dict:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    variant = model_entry(manifest)["variants"][0]
    return json.loads((built_site.site / "models" / variant["fixtures"]).read_text())


@pytest.fixture(scope="module")
def info(built_site: BuiltSite) -> dict:
    """The model's manifest entry (feature specs computed on the training split, examples from the test split)."""
    return model_entry(json.loads((built_site.site / "models" / "manifest.json").read_text()))


def worker_probe(*held: str) -> str:
    """Page-side instrumentation of the worker protocol (every message is {id, type, ...}): records what the
    page posts to its worker and, while `window.__probe.hold` is set, holds back replies of the types `held`,
    so a run stays in flight for as long as a test needs (the worker has run it; the page has not heard back)."""
    return """(() => {
    const probe = window.__probe = {posted: [], held: [], hold: false,
        release() { probe.hold = false; for (const deliver of probe.held.splice(0)) deliver(); }};
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
        if (message && typeof message === 'object') probe.posted.push({id: message.id, type: message.type});
        return post.call(this, message, ...rest);
    };
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (type, listener, options) {
        if (type !== 'message' || typeof listener !== 'function') return listen.call(this, type, listener, options);
        return listen.call(this, type, function (event) {
            if (probe.hold && %s.includes(event.data?.type)) {
                const deliver = () => listener.call(this, event);
                deliver.id = event.data.id;
                probe.held.push(deliver);
                return;
            }
            return listener.call(this, event);
        }, options);
    };
})();""" % json.dumps(list(held))


WORKER_PROBE = worker_probe("result", "prediction")


def posted(session: Session, kind: str) -> list[int]:
    """Ids of the messages of type `kind` the page has posted to its worker (needs WORKER_PROBE)."""
    return session.page.evaluate("(kind) => window.__probe.posted.filter((m) => m.type === kind).map((m) => m.id)", kind)


def js_percent(p: float) -> str:
    """What the widget shows for probability p: JS `(p * 100).toFixed(1) + '%'` (round half up on the exact double)."""
    return f"{Decimal(p * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def percent_texts(p: float, tol: float = 0.0) -> set[str]:
    """The texts the widget may show for a probability known to within `tol`."""
    return {js_percent(p - tol), js_percent(p), js_percent(p + tol)}


def value_text(value: float, step: float) -> str:
    """A value with as many decimals as the feature's step, without trailing zeros (2700, 59.6)."""
    decimals = max(0, -Decimal(repr(step)).normalize().as_tuple().exponent)
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def expected_range_sentences(info: dict, row: dict) -> list[str]:
    """The out-of-range sentences for `row`, worked out from the manifest's training min/max."""
    out = []
    for f in info["preprocessing"]["features"]:
        if f["type"] != "numeric":
            continue
        v, unit = row[f["name"]], f" {f['unit']}" if f.get("unit") else ""
        if v < f["min"]:
            out.append(f"{f['label']} {value_text(v, f['step'])}{unit} is below the lowest value in the training data "
                       f"({value_text(f['min'], f['step'])}{unit})")
        elif v > f["max"]:
            out.append(f"{f['label']} {value_text(v, f['step'])}{unit} is above the highest value in the training data "
                       f"({value_text(f['max'], f['step'])}{unit})")
    return out


def shown_output(session: Session) -> dict:
    """What the widget shows: label, source, per class the table's visible text and data-probability,
    and the Chart.js bars (read from the chart instance, `Chart.getChart(canvas)`)."""
    return session.page.evaluate("""() => {
        const d = document.querySelector('.vitrine-demo');
        const rows = [...d.querySelectorAll('table.vitrine-probabilities tr[data-label]')];
        const chart = window.Chart?.getChart(d.querySelector('.vitrine-chart canvas'));
        return {
            label: d.querySelector('.vitrine-label').textContent.trim(),
            source: d.dataset.source,
            sourceText: d.querySelector('.vitrine-source').textContent,
            table: Object.fromEntries(rows.map((tr) => [tr.dataset.label, {text: tr.querySelector('td').textContent.trim(),
                                                                         probability: tr.dataset.probability ?? null}])),
            chart: chart ? {labels: [...chart.data.labels], data: [...chart.data.datasets[0].data]} : null,
        };
    }""")


def wait_for_chart(session: Session, n: int) -> None:
    session.page.wait_for_function("""(n) => {
        const c = window.Chart?.getChart(document.querySelector('.vitrine-demo .vitrine-chart canvas'));
        return c !== undefined && c.data.datasets[0].data.length === n;
    }""", arg=n, timeout=30_000)


def assert_shows(session: Session, labels: list[str], expected: list[float], tol: float) -> None:
    """Table text, data-probability and chart bars all show `expected` (per label, known to within `tol`)."""
    wait_for_chart(session, len(labels))
    out = shown_output(session)
    assert list(out["table"]) == labels
    assert out["chart"]["labels"] == labels
    for label, p, bar in zip(labels, expected, out["chart"]["data"], strict=True):
        cell = out["table"][label]
        shown_p = float(cell["probability"])
        assert abs(shown_p - p) <= tol, (label, shown_p, p)
        # The visible text is the widget's own formatting of what it holds, and of the expected value.
        assert cell["text"] == js_percent(shown_p), (label, cell, shown_p)
        assert cell["text"] in percent_texts(p, tol), (label, cell["text"], p)
        # The bar is 100 * p (percent), exactly what the table says.
        assert abs(bar - 100 * shown_p) <= 1e-6, (label, bar, shown_p)
        assert abs(bar - 100 * p) <= 100 * tol + 1e-6, (label, bar, p)


def fill_row(demo: Locator, row: dict) -> None:
    for name, value in row.items():
        field = demo.locator(f'[name="{name}"]')
        if isinstance(value, str):
            field.select_option(value)
        else:
            field.fill(str(value))
            field.dispatch_event("change")


def wait_live_for(session: Session, row: dict, expected_label: str) -> None:
    """Wait until the widget shows a live prediction `expected_label` with the form holding `row` and no
    run in flight (until then the label shown may be the previous row's)."""
    session.page.wait_for_function(
        """([expected, row]) => {
            const d = document.querySelector('.vitrine-demo');
            return d.querySelector('.vitrine-label')?.textContent?.trim() === expected && d.dataset.state === 'ready'
                && d.dataset.source === 'live' && d.dataset.stale === undefined && d.dataset.running === undefined
                && Object.entries(row).every(([k, v]) => {
                    const value = d.querySelector(`[name="${k}"]`).value;
                    return typeof v === 'number' ? Number(value) === v : value === v;
                });
        }""",
        arg=[expected_label, row],
        timeout=30_000,
    )


def open_demo(session: Session, site_url: str, query: str = "") -> None:
    session.page.goto(site_url + PAGE + query)
    session.page.wait_for_function("() => window.vitrine !== undefined")


def test_api_batch_run_matches_python(session: Session, site_url: str, fixtures: dict) -> None:
    open_demo(session, site_url)
    result = session.page.evaluate(
        """async (fx) => {
            const m = await vitrine.load("penguins-species");
            const out = await m.run(fx.inputs);
            const r = {backend: m.backend, info: m.info.id, outputs: {}};
            for (const [name, t] of Object.entries(out)) r.outputs[name] = {type: t.type, dims: t.dims, data: Array.from(t.data, Number)};
            m.dispose();
            return r;
        }""",
        fixtures,
    )
    assert result["backend"] == "wasm" and result["info"] == "penguins-species"
    expected_labels = fixtures["outputs"]["label"]
    expected_probs = fixtures["outputs"]["probabilities"]
    assert len(expected_labels["data"]) >= 50
    assert result["outputs"]["label"]["data"] == expected_labels["data"]
    assert result["outputs"]["probabilities"]["dims"] == expected_probs["dims"]
    diffs = [abs(a - b) for a, b in zip(result["outputs"]["probabilities"]["data"], expected_probs["data"], strict=True)]
    assert max(diffs) <= ATOL, f"max |browser - python| = {max(diffs):.2e}"
    assert session.errors == []
    assert session.foreign_requests() == []


def test_api_predict_row_by_row_matches_python(session: Session, site_url: str, fixtures: dict) -> None:
    open_demo(session, site_url)
    predictions = session.page.evaluate(
        """async (rows) => {
            const m = await vitrine.load("penguins-species", {variant: "auto", backend: "auto"});
            const out = [];
            for (const row of rows) out.push(await m.predict(row));
            return out;
        }""",
        fixtures["rows"],
    )
    labels = fixtures["labels"]
    probs = fixtures["outputs"]["probabilities"]["data"]
    n = len(labels)
    for i, p in enumerate(predictions):
        assert p["label"] == labels[fixtures["outputs"]["label"]["data"][i]], i
        for j, label in enumerate(labels):
            assert abs(p["probabilities"][label] - probs[i * n + j]) <= ATOL, (i, label)
    assert session.errors == []


def test_api_reports_models_capabilities_and_bad_input(session: Session, site_url: str) -> None:
    open_demo(session, site_url)
    info = session.page.evaluate(
        """async () => {
            const errors = {};
            const m = await vitrine.load("penguins-species");
            const attempt = async (key, fn) => { try { await fn(); errors[key] = null; } catch (e) { errors[key] = String(e.message || e); } };
            await attempt("unknownModel", () => vitrine.load("no-such-model"));
            await attempt("unknownVariant", () => vitrine.load("penguins-species", {variant: "int8"}));
            await attempt("missingInput", () => m.run({island: {type: "string", dims: [1, 1], data: ["Dream"]}}));
            await attempt("nan", () => m.predict({bill_length_mm: NaN, bill_depth_mm: 17, flipper_length_mm: 200, body_mass_g: 4000, island: "Dream", sex: "male"}));
            await attempt("unknownCategory", () => m.predict({bill_length_mm: 40, bill_depth_mm: 17, flipper_length_mm: 200, body_mass_g: 4000, island: "Atlantis", sex: "male"}));
            return {models: await vitrine.models(), caps: await vitrine.capabilities(), errors};
        }"""
    )
    assert info["models"] == gallery_ids()
    assert info["caps"]["wasmSimd"] is True
    assert info["caps"]["crossOriginIsolated"] is False  # plain http.server sends no COOP/COEP
    errors = info["errors"]
    assert "no-such-model" in errors["unknownModel"] and "penguins-species" in errors["unknownModel"]
    assert "int8" in errors["unknownVariant"] and "fp32" in errors["unknownVariant"]
    assert "bill_length_mm" in errors["missingInput"]
    assert "bill_length_mm" in errors["nan"]
    assert "island" in errors["unknownCategory"] and "Atlantis" in errors["unknownCategory"]


def read_probabilities(session: Session) -> dict[str, float]:
    rows = session.page.locator("table.vitrine-probabilities tr[data-label]")
    return {rows.nth(i).get_attribute("data-label"): float(rows.nth(i).get_attribute("data-probability")) for i in range(rows.count())}


def test_ui_form_predicts_like_python(session: Session, site_url: str, fixtures: dict) -> None:
    open_demo(session, site_url)
    page = session.page
    demo = page.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"]', timeout=30_000)
    labels = fixtures["labels"]
    n = len(labels)
    probs = fixtures["outputs"]["probabilities"]["data"]
    for i in (0, 7, 21, 42, 63):  # rows of every class in the stratified split
        row = fixtures["rows"][i]
        expected = labels[fixtures["outputs"]["label"]["data"][i]]
        for name, value in row.items():
            field = demo.locator(f'[name="{name}"]')
            if isinstance(value, str):
                field.select_option(value)
            else:
                field.fill(str(value))
                field.dispatch_event("change")
        demo.locator(".vitrine-predict").click()
        wait_live_for(session, row, expected)
        got = read_probabilities(session)
        assert set(got) == set(labels)
        for j, label in enumerate(labels):
            assert abs(got[label] - probs[i * n + j]) <= ATOL, (i, label)
        # What a visitor sees: the table's text and the chart's bars, not just the data attribute.
        assert_shows(session, labels, probs[i * n:(i + 1) * n], ATOL)
    assert "WASM" in demo.locator(".vitrine-backend").inner_text()
    assert session.errors == []
    assert session.foreign_requests() == []


def test_ui_updates_live_when_a_field_changes(session: Session, site_url: str) -> None:
    open_demo(session, site_url)
    page = session.page
    demo = page.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"]', timeout=30_000)
    # A typical Gentoo: long flippers, heavy, shallow bill, on Biscoe.
    for name, value in {"bill_length_mm": 47.5, "bill_depth_mm": 14.5, "flipper_length_mm": 220, "body_mass_g": 5400}.items():
        demo.locator(f'[name="{name}"]').fill(str(value))
        demo.locator(f'[name="{name}"]').dispatch_event("change")
    demo.locator('[name="island"]').select_option("Biscoe")
    page.wait_for_function("() => document.querySelector('.vitrine-demo .vitrine-label')?.textContent?.trim() === 'Gentoo'")
    # Then a typical Adelie, without pressing Predict.
    for name, value in {"bill_length_mm": 38.0, "bill_depth_mm": 18.5, "flipper_length_mm": 188, "body_mass_g": 3600}.items():
        demo.locator(f'[name="{name}"]').fill(str(value))
        demo.locator(f'[name="{name}"]').dispatch_event("change")
    demo.locator('[name="island"]').select_option("Torgersen")
    page.wait_for_function("() => document.querySelector('.vitrine-demo .vitrine-label')?.textContent?.trim() === 'Adelie'")
    assert session.errors == []


def test_pages_without_demo_are_quiet(session: Session, site_url: str) -> None:
    for path in ("gallery/", "getting-started/", "authoring/", "reference/cards/", "api/"):
        session.page.goto(site_url + path)
        session.page.wait_for_function("() => window.vitrine !== undefined")
    assert session.errors == []
    assert session.foreign_requests() == []
    assert not [u for u in session.requests if u.endswith((".wasm", ".onnx", "manifest.json"))]


def test_example_is_shown_faithfully_and_out_of_range_inputs_are_flagged(session: Session, site_url: str, info: dict) -> None:
    page = session.page
    # Keep the demo out of view (it preloads within 200 px) so the precomputed example stays on screen.
    page.set_viewport_size({"width": 1280, "height": 60})
    open_demo(session, site_url)
    page.wait_for_selector('.vitrine-demo[data-source="precomputed"]')
    demo = page.locator(".vitrine-demo")
    example = info["examples"][0]
    numeric = [f for f in info["preprocessing"]["features"] if f["type"] == "numeric"]
    # Every numeric field shows the example's own value: the number box and the slider agree, within the slider's range.
    for f in numeric:
        value = example["input"][f["name"]]
        number = demo.locator(f'input[type="number"][name="{f["name"]}"]')
        slider = demo.locator(f'[data-slider-for="{f["name"]}"]')
        assert number.input_value() == value_text(value, f["step"]), f["name"]
        assert float(slider.input_value()) == pytest.approx(value, abs=1e-9), f["name"]
        lo, hi = float(slider.get_attribute("min")), float(slider.get_attribute("max"))
        tol = 1e-3 * f["step"]  # the manifest's float32 round-trips (21.200001 for 21.2)
        assert lo <= min(f["min"], *(e["input"][f["name"]] for e in info["examples"])) + tol, f["name"]
        assert hi >= max(f["max"], *(e["input"][f["name"]] for e in info["examples"])) - tol, f["name"]
    # The precomputed table and chart show the example's probabilities as the widget formats them.
    labels = info["labels"]
    probs = example["output"]["probabilities"]
    out = shown_output(session)
    assert out["source"] == "precomputed" and out["label"] == example["output"]["label"]
    assert [out["table"][lab]["text"] for lab in labels] == [js_percent(p) for p in probs]
    # The held-out example lies outside the training data: the notice says which input, by label and unit.
    sentences = expected_range_sentences(info, example["input"])
    assert sentences, "the first example is expected to lie outside the training range (body mass 2700 g < 2900 g)"
    notice = demo.locator(".vitrine-range-notice")
    assert notice.is_visible()
    if len(sentences) == 1:
        assert notice.inner_text().strip() == f"{sentences[0]}: the prediction may be unreliable."
    # The live prediction for the same inputs keeps the notice.
    page.set_viewport_size({"width": 1280, "height": 720})
    demo.scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]', timeout=30_000)
    assert notice.is_visible() and sentences[0] in notice.inner_text()
    # Back inside the training range: the notice goes with the next prediction.
    inside = {f["name"]: f["default"] for f in numeric}
    fill_row(demo, inside)
    page.wait_for_function("""() => {
        const d = document.querySelector('.vitrine-demo');
        return d.dataset.source === 'live' && d.querySelector('.vitrine-range-notice').hidden;
    }""")
    # Two inputs outside: a lead sentence and one item per input, in feature order.
    outside = {**inside, "bill_length_mm": 70, "body_mass_g": 2000}
    fill_row(demo, outside)
    page.wait_for_function("""() => {
        const d = document.querySelector('.vitrine-demo');
        return d.dataset.source === 'live' && d.querySelectorAll('.vitrine-range-notice li').length === 2;
    }""")
    assert notice.locator("p").inner_text() == "2 inputs are outside the training data, so the prediction may be unreliable:"
    assert notice.locator("li").all_inner_texts() == [f"{t}." for t in expected_range_sentences(info, outside)]
    assert notice.locator("li").all_inner_texts() == [
        "Bill length 70 mm is above the highest value in the training data "
        f"({value_text(numeric[0]['max'], numeric[0]['step'])} mm).",
        f"Body mass 2000 g is below the lowest value in the training data ({value_text(numeric[3]['min'], 1)} g).",
    ]
    assert session.errors == []


def test_emptied_field_is_marked_and_the_prediction_cleared_until_it_is_valid(session: Session, site_url: str, info: dict) -> None:
    page = session.page
    page.add_init_script(WORKER_PROBE)
    open_demo(session, site_url)
    demo = page.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]', timeout=30_000)
    number = demo.locator('[name="body_mass_g"]')
    field_error = demo.locator(".vitrine-numeric:has([name='body_mass_g']) .vitrine-field-error")
    runs = len(posted(session, "predict"))

    def expect_invalid() -> None:
        page.wait_for_selector('.vitrine-demo [name="body_mass_g"][aria-invalid="true"]')
        assert field_error.is_visible() and field_error.inner_text().strip() == "Enter a number for Body mass."
        assert field_error.get_attribute("id") in (number.get_attribute("aria-describedby") or "").split()
        out = shown_output(session)
        assert out["source"] == "invalid" and out["label"] == "–"
        assert out["sourceText"] == "No prediction: Enter a number for Body mass."
        assert all(cell == {"text": "–", "probability": None} for cell in out["table"].values()), out["table"]
        assert out["chart"] is not None and out["chart"]["data"] == []
        assert demo.locator(".vitrine-range-notice").is_hidden()
        assert demo.locator(".vitrine-error").is_hidden()
        text = demo.inner_text()
        assert "NaN" not in text and "finite" not in text and "Live prediction" not in text, text

    number.fill("")
    expect_invalid()
    demo.locator(".vitrine-predict").click()  # pressing Predict does not run the model on invalid inputs either
    number.press_sequentially("-")  # not a number either (the box reads as empty)
    expect_invalid()
    page.wait_for_timeout(600)  # well past the 150 ms debounce
    assert len(posted(session, "predict")) == runs, "no model run while an input is invalid"
    # Valid again: a live prediction for the new value, and the marks go.
    number.fill("4000")
    page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.source === 'live'")
    assert number.get_attribute("aria-invalid") is None
    assert field_error.is_hidden()
    assert field_error.get_attribute("id") not in (number.get_attribute("aria-describedby") or "").split()
    row = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.vitrine-demo [name]')]
        .map((el) => [el.name, el.type === 'number' ? Number(el.value) : el.value]))""")
    assert row["body_mass_g"] == 4000
    expected = page.evaluate("async (row) => (await (await vitrine.load('penguins-species')).predict(row)).probabilities", row)
    assert_shows(session, info["labels"], [expected[lab] for lab in info["labels"]], 1e-9)
    # Emptied while a run is in flight: the run is cancelled and its result never shown.
    page.evaluate("() => { window.__probe.hold = true; }")
    number.fill("4100")
    page.wait_for_function("() => window.__probe.held.length === 1")
    held = page.evaluate("() => window.__probe.held[0].id")
    number.fill("")
    expect_invalid()
    assert held in posted(session, "cancel")
    page.evaluate("() => window.__probe.release()")
    page.wait_for_timeout(300)
    expect_invalid()
    assert session.errors == []


def test_a_run_in_flight_is_cancelled_when_newer_input_arrives(session: Session, site_url: str, fixtures: dict) -> None:
    page = session.page
    page.add_init_script(WORKER_PROBE)
    open_demo(session, site_url)
    demo = page.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]', timeout=30_000)
    labels = fixtures["labels"]
    n = len(labels)
    probs = fixtures["outputs"]["probabilities"]["data"]
    label_of = [labels[k] for k in fixtures["outputs"]["label"]["data"]]
    old = 0
    new = next(i for i, label in enumerate(label_of) if label != label_of[old])
    fill_row(demo, fixtures["rows"][old])
    demo.locator(".vitrine-predict").click()
    wait_live_for(session, fixtures["rows"][old], label_of[old])
    # A run for the old values reaches the worker, which answers; the answer is held back on its way to
    # the page, so the run is in flight when the newer values arrive.
    page.evaluate("() => { window.__probe.hold = true; }")
    demo.locator(".vitrine-predict").click()
    page.wait_for_function("() => window.__probe.held.length === 1")
    in_flight = page.evaluate("() => window.__probe.held[0].id")
    assert in_flight in posted(session, "predict")
    assert in_flight not in posted(session, "cancel")
    fill_row(demo, fixtures["rows"][new])
    demo.locator(".vitrine-predict").click()
    try:
        page.wait_for_function("(id) => window.__probe.posted.some((m) => m.type === 'cancel' && m.id === id)", arg=in_flight, timeout=5_000)
    except Exception:
        pass
    assert in_flight in posted(session, "cancel"), f"the widget never cancelled run {in_flight}: cancels {posted(session, 'cancel')}"
    assert shown_output(session)["label"] == label_of[old]  # nothing new shown while held
    page.evaluate("() => window.__probe.release()")
    # The newest values win, and the widget shows exactly the model's answer for them.
    wait_live_for(session, fixtures["rows"][new], label_of[new])
    assert_shows(session, labels, probs[new * n:(new + 1) * n], ATOL)
    assert demo.locator(".vitrine-error").is_hidden()
    assert session.errors == []


def test_static_tier_marks_the_example_as_not_for_edited_inputs(session: Session, site_url: str, info: dict) -> None:
    page = session.page
    open_demo(session, site_url, "?backend=static")
    demo = page.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"][data-backend="static"]', timeout=30_000)
    example = info["examples"][0]
    assert demo.get_attribute("data-stale") is None
    demo.locator('[name="bill_length_mm"]').fill("51")
    demo.locator(".vitrine-predict").click()
    page.wait_for_selector('.vitrine-demo[data-stale="true"] .vitrine-error:not([hidden])')
    out = shown_output(session)
    # The example's prediction stays, visibly marked as being for the example's inputs, not the form's.
    assert out["source"] == "precomputed" and out["label"] == example["output"]["label"]
    assert out["sourceText"] == "Precomputed example, for the example's inputs, not the ones in the form."
    assert "not one of the precomputed examples" in demo.locator(".vitrine-error").inner_text()
    # Reset brings the example's inputs back: its prediction is current again.
    demo.locator(".vitrine-reset").click()
    page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.stale === undefined")
    assert demo.locator(".vitrine-error").is_hidden()
    assert demo.locator('[name="bill_length_mm"]').input_value() == value_text(example["input"]["bill_length_mm"], 0.1)
