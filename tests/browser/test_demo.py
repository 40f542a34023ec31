"""The walking skeleton end to end in Chromium: the browser computes what Python onnxruntime computed.

Parity fixtures come from builder.evaluate (held-out rows with Python onnxruntime outputs on the
same file); labels must be identical and probabilities within 1e-5.
"""

from __future__ import annotations

import json

import pytest

from ..conftest import BuiltSite
from .conftest import Session

pytestmark = pytest.mark.browser
ATOL = 1e-5
PAGE = "gallery/penguins-species/"


@pytest.fixture(scope="module")
def fixtures(built_site: BuiltSite) -> dict:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    variant = manifest["models"][0]["variants"][0]
    return json.loads((built_site.site / "models" / variant["fixtures"]).read_text())


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
    assert info["models"] == ["penguins-species"]
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
        page.wait_for_function(
            """([expected, row]) => {
                const d = document.querySelector('.vitrine-demo');
                return d.querySelector('.vitrine-label')?.textContent?.trim() === expected && d.dataset.state === 'ready'
                    && Object.entries(row).every(([k, v]) => {
                        const value = d.querySelector(`[name="${k}"]`).value;
                        return typeof v === 'number' ? Number(value) === v : value === v;
                    });
            }""",
            arg=[expected, row],
        )
        got = read_probabilities(session)
        assert set(got) == set(labels)
        for j, label in enumerate(labels):
            assert abs(got[label] - probs[i * n + j]) <= ATOL, (i, label)
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
    for path in ("", "gallery/", "authoring/", "api/"):
        session.page.goto(site_url + path)
        session.page.wait_for_function("() => window.vitrine !== undefined")
    assert session.errors == []
    assert session.foreign_requests() == []
    assert not [u for u in session.requests if u.endswith((".wasm", ".onnx", "manifest.json"))]
