"""m.explain(row) in Chromium: Shapley values computed in the worker (onnxruntime-web, batched runs) equal
what Python's shap wrote at build time in the explanations artifact (exact explainer, the same
background rows), add up to the prediction, and come closer with more KernelSHAP samples; the
explanations file is fetched once; wrong calls say what is wrong."""

from __future__ import annotations

import json
import re
from typing import Iterator

import pytest
from playwright.sync_api import Browser

from ..conftest import BuiltSite, model_entry, only_model
from .conftest import QUIET_PAGE, Session, api_page

pytestmark = pytest.mark.browser
ROWS = 24  # held-out rows explained in the browser
ATOL = 1e-4  # |browser − shap| (shap's values are stored with 12 significant digits; ~5e-13 seen in Node)


@pytest.fixture(scope="module")
def explanations(built_site: BuiltSite) -> dict:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    return json.loads((built_site.site / "models" / model_entry(manifest)["explain"]["explanations"]).read_text())


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Session]:
    yield from api_page(browser, site_url)


def max_abs(a: list, b: list) -> float:
    if isinstance(a, list):
        assert len(a) == len(b)
        return max((max_abs(x, y) for x, y in zip(a, b)), default=0.0)
    return abs(a - b)


def additivity_gap(e: dict) -> float:
    return max(abs(base + sum(values) - p) for base, values, p in zip(e["base"], e["values"], e["prediction"]))


EXPLAIN_ALL = """async ([rows, options]) => {
    const m = await vitrine.load("penguins-species");
    await m.explain(rows[0], options);  // the explanations file, once
    const out = [];
    const start = performance.now();
    for (const row of rows) out.push(await m.explain(row, options));
    return {out, ms: (performance.now() - start) / rows.length, backend: m.backend, threads: m.threads};
}"""


def test_exact_values_equal_shap_on_held_out_rows(page: Session, explanations: dict) -> None:
    rows = explanations["held_out"]["rows"][:ROWS]
    result = page.page.evaluate(EXPLAIN_ALL, [rows, {"method": "exact"}])
    worst = 0.0
    for e, truth in zip(result["out"], explanations["held_out"]["values"][:ROWS]):
        assert e["method"] == "exact"
        assert e["features"] == explanations["features"]
        assert e["outputs"] == explanations["outputs"]
        assert e["backgroundRows"] == len(explanations["background"])
        assert e["evaluations"] == 1 + 2 ** len(e["features"]) * len(explanations["background"])
        assert max_abs(e["base"], explanations["expected_value"]) <= 1e-5
        assert additivity_gap(e) <= 1e-6
        worst = max(worst, max_abs(e["values"], truth))
    assert worst <= ATOL, f"max |browser − shap| = {worst}"
    print(f"\nexact, {ROWS} rows on {result['backend']} ({result['threads']} thread(s)): max |Δ| vs shap {worst:.2e}, "
          f"{result['ms']:.1f} ms per explanation")
    # the file was fetched once (by the worker), and nothing came from elsewhere
    assert len([u for u in page.requests if "/explanations." in u]) == 1
    assert page.foreign_requests() == []
    assert page.errors == []


def test_examples_and_their_prediction(page: Session, explanations: dict) -> None:
    out = page.page.evaluate("""async (rows) => {
        const m = await vitrine.load("penguins-species");
        return Promise.all(rows.map((row) => m.explain(row)));
    }""", [ex["row"] for ex in explanations["examples"]])
    for e, ex in zip(out, explanations["examples"]):
        assert e["method"] == "exact", "exact is the default for 6 features"
        assert max_abs(e["values"], ex["values"]) <= ATOL
        assert max_abs(e["prediction"], ex["prediction"]) <= 1e-6


def test_kernel_comes_closer_with_more_samples(page: Session, explanations: dict) -> None:
    rows = explanations["held_out"]["rows"][:6]
    truth = explanations["held_out"]["values"][:6]
    errors = {}
    for samples in (8, 48):
        result = page.page.evaluate(EXPLAIN_ALL, [rows, {"method": "kernel", "samples": samples, "seed": 3}])
        for e in result["out"]:
            assert e["method"] == "kernel" and e["samples"] == samples
            assert additivity_gap(e) <= 1e-6
        errors[samples] = sum(max_abs(e["values"], t) for e, t in zip(result["out"], truth)) / len(rows)
    assert errors[48] < errors[8] / 2, errors
    # the same seed gives the same numbers; the default budget covers every coalition of 6 features
    again = page.page.evaluate(EXPLAIN_ALL, [rows[:1], {"method": "kernel", "samples": 8, "seed": 3}])
    first = page.page.evaluate(EXPLAIN_ALL, [rows[:1], {"method": "kernel", "samples": 8, "seed": 3}])
    assert again["out"][0]["values"] == first["out"][0]["values"]
    full = page.page.evaluate(EXPLAIN_ALL, [rows, {"method": "kernel"}])
    assert all(e["samples"] == 62 for e in full["out"])
    assert max(max_abs(e["values"], t) for e, t in zip(full["out"], truth)) <= ATOL
    print(f"\nkernel mean max |Δ| vs shap: 8 samples {errors[8]:.3f}, 48 samples {errors[48]:.3f}; "
          f"default (62 coalitions) {full['ms']:.1f} ms per explanation")


def test_a_cancelled_explanation_rejects_and_the_next_one_works(page: Session, explanations: dict) -> None:
    result = page.page.evaluate("""async ([a, b]) => {
        const m = await vitrine.load("penguins-species");
        const controller = new AbortController();
        const pending = m.explain(a, {signal: controller.signal});
        controller.abort();
        const error = await pending.then(() => null, (e) => ({name: e.name, code: e.code}));
        return {error, next: await m.explain(b)};
    }""", explanations["held_out"]["rows"][:2])
    assert result["error"] == {"name": "AbortError", "code": "aborted"}
    assert max_abs(result["next"]["values"], explanations["held_out"]["values"][1]) <= ATOL


def explain_error(page: Session, model: str, row: object, options: object) -> dict:
    return page.page.evaluate("""async ([model, row, options]) => {
        const m = await vitrine.load(model);
        try { await m.explain(row, options ?? undefined); return {ok: true}; }
        catch (e) { return {name: e.name, code: e.code ?? null, message: e.message}; }
    }""", [model, row, options])


def test_wrong_calls_say_what_is_wrong(page: Session, explanations: dict) -> None:
    row = explanations["held_out"]["rows"][0]
    assert explain_error(page, "penguins-species", row, {"method": "shap"}) == {
        "name": "TypeError", "code": None, "message": 'explain(): method must be "exact", "kernel" or "lime", got "shap".'}
    assert explain_error(page, "penguins-species", row, {"method": "kernel", "samples": 1.5})["message"] == (
        "explain(): samples must be a whole number from 1 to 100000, got 1.5.")
    assert explain_error(page, "penguins-species", {**row, "island": "Atlantis"}, None)["message"] == (
        'Feature "island" has unknown category "Atlantis"; expected one of: Biscoe, Dream, Torgersen.')
    # a model that has no explanations (the small detector; text and image classifiers have theirs)
    error = explain_error(page, "face-detector", row, None)
    assert error["name"] == "TypeError"
    assert re.fullmatch(r'explain\(\) is for tabular, text-classification and image-classification models, and '
                        r'"face-detector/\w+" is none of them \(its task is object-detection\)\.', error["message"]), error


def test_a_model_built_without_explanations_says_so(session: Session, site_url: str, built_site: BuiltSite) -> None:
    manifest = only_model(json.loads((built_site.site / "models" / "manifest.json").read_text()))
    del manifest["models"][0]["explain"]
    del manifest["models"][0]["drift"]
    body = json.dumps(manifest)
    session.page.route("**/models/manifest.json", lambda route: route.fulfill(status=200, content_type="application/json", body=body))
    session.page.goto(site_url + QUIET_PAGE)
    session.page.wait_for_function("() => window.vitrine !== undefined")
    assert explain_error(session, "penguins-species", manifest["models"][0]["examples"][0]["input"], None) == {
        "name": "VitrineError", "code": "bad-request",
        "message": 'Model "penguins-species" has no explanations: its manifest entry names no explanations file '
                   "(it was built without one). Rebuild the site."}
    drift = session.page.evaluate("""async () => {
        const m = await vitrine.load("penguins-species");
        try { await m.drift("bill_length_mm\\n1\\n"); return null; } catch (e) { return `${e.code}: ${e.message}`; }
    }""")
    assert drift == ('bad-request: Model "penguins-species" has no drift reference: its manifest entry names no drift reference '
                     "file (it was built without one). Rebuild the site.")
