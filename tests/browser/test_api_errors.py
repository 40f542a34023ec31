"""Hostile or damaged manifests and odd API inputs, in the real page: nothing is requested from another
host, a damaged build says so (naming the model and the field), and API errors say what is wrong."""

from __future__ import annotations

import json
from typing import Callable

import pytest

from ..conftest import BuiltSite, only_model
from .conftest import Session

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"


@pytest.fixture(scope="module")
def manifest(built_site: BuiltSite) -> dict:
    """The site's manifest with the tabular model only: the damage below is done to `models[0]`."""
    return only_model(json.loads((built_site.site / "models" / "manifest.json").read_text()))


def serve_manifest(session: Session, manifest: dict, damage: Callable[[dict], None]) -> None:
    """Answer the page's manifest request with a damaged copy."""
    damaged = json.loads(json.dumps(manifest))
    damage(damaged)
    body = json.dumps(damaged)
    session.page.route("**/models/manifest.json", lambda route: route.fulfill(status=200, content_type="application/json", body=body))


def open_demo(session: Session, site_url: str) -> None:
    session.page.goto(site_url + PAGE)
    session.page.wait_for_function("() => window.vitrine !== undefined")


def load_error(session: Session) -> str:
    return session.page.evaluate("""async () => {
        try { await vitrine.load('penguins-species'); return 'loaded'; } catch (e) { return e.message; }
    }""")


def demo_error(session: Session) -> str:
    session.page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])", timeout=30_000)
    return session.page.locator(".vitrine-demo .vitrine-error").inner_text()


def test_a_manifest_cannot_send_the_worker_to_another_host(session: Session, site_url: str, manifest: dict) -> None:
    def damage(m: dict) -> None:
        m["models"][0]["variants"][0]["url"] = "http://evil.example/x.onnx"

    serve_manifest(session, manifest, damage)
    open_demo(session, site_url)
    message = load_error(session)
    assert message == (
        "The model manifest names a file outside this site's models folder (models[0].variants[0].url is "
        '"http://evil.example/x.onnx", in model "penguins-species"), so it was not requested. '
        "The site's build is damaged: rebuild the site and publish it again.")
    assert "outside this site's models folder" in demo_error(session)
    session.page.wait_for_timeout(300)
    assert [u for u in session.requests if "evil.example" in u] == []
    assert session.foreign_requests() == []
    assert session.page.evaluate("() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.onnx')).length") == 0


def test_a_damaged_manifest_names_the_model_and_the_field(session: Session, site_url: str, manifest: dict) -> None:
    def damage(m: dict) -> None:
        del m["models"][0]["variants"]

    serve_manifest(session, manifest, damage)
    open_demo(session, site_url)
    expected = ("The site's build is damaged: its model manifest is invalid (models[0].variants: required, "
                'in model "penguins-species"). Rebuild the site and publish it again.')
    assert load_error(session) == expected
    assert expected in demo_error(session)
    assert not any("Cannot read properties" in e for e in session.errors)


def test_a_manifest_that_fails_only_its_schema_check_runs_nothing(session: Session, site_url: str, manifest: dict) -> None:
    """The download starts from the manifest before its schema check is done (it only fetches inside
    models/ and checks the sha256); the check still decides: no model is handed out, no demo runs."""
    def damage(m: dict) -> None:
        m["models"][0]["variants"][0]["extra"] = 1

    serve_manifest(session, manifest, damage)
    open_demo(session, site_url)
    expected = ("The site's build is damaged: its model manifest is invalid (models[0].variants[0].extra: unknown field, "
                'in model "penguins-species"). Rebuild the site and publish it again.')
    assert load_error(session) == expected
    assert expected in demo_error(session)
    assert session.page.locator('.vitrine-demo[data-source="live"]').count() == 0


def test_a_categorical_feature_without_categories(session: Session, site_url: str, manifest: dict) -> None:
    index = next(i for i, f in enumerate(manifest["models"][0]["preprocessing"]["features"]) if f["type"] == "categorical")

    def damage(m: dict) -> None:
        del m["models"][0]["preprocessing"]["features"][index]["categories"]

    serve_manifest(session, manifest, damage)
    open_demo(session, site_url)
    assert f"models[0].preprocessing.features[{index}].categories: required" in load_error(session)


def test_api_errors_say_what_is_wrong(session: Session, site_url: str) -> None:
    open_demo(session, site_url)
    got = session.page.evaluate("""async () => {
        const attempt = async (f) => { try { await f(); return 'no error'; } catch (e) { return `${e.name}: ${e.message}`; } };
        const m = await vitrine.load('penguins-species');
        const row = Object.fromEntries(m.info.preprocessing.features.map((f) => [f.name, f.default]));
        const feeds = Object.fromEntries(m.info.inputs.map((s) => [s.name, {dims: [1, 1], data: [row[s.name]]}]));
        const r = {
            nullOptions: await attempt(() => vitrine.load('penguins-species', null)),
            badSignal: await attempt(() => vitrine.load('penguins-species', {signal: 'x'})),
            runBadSignal: await attempt(() => m.run(feeds, {signal: 'x'})),
            hugeFeature: await attempt(() => m.predict({...row, body_mass_g: 1e39})),
            hugeTensor: await attempt(() => m.run({...feeds, body_mass_g: {dims: [1, 1], data: [1e308]}})),
            sparse: await attempt(() => m.run({...feeds, body_mass_g: {dims: [1, 1], data: new Array(1)}})),
            fine: (await m.predict(row)).label.length > 0,
        };
        m.dispose();
        r.disposedRun = await attempt(() => m.run({}));
        r.disposedPredict = await attempt(() => m.predict({}));
        return r;
    }""")
    assert got == {
        "nullOptions": "TypeError: vitrine.load(): options must be an object (or left out), got null.",
        "badSignal": 'TypeError: vitrine.load(): options.signal must be an AbortSignal (new AbortController().signal), got "x".',
        "runBadSignal": 'TypeError: run(): options.signal must be an AbortSignal (new AbortController().signal), got "x".',
        "hugeFeature": ('Error: Feature "body_mass_g" is 1e+39, which does not fit in the model\'s float32 input '
                        "(largest magnitude 3.4028234663852886e+38)."),
        "hugeTensor": ('Error: Input "body_mass_g": element 0 is 1e+308, which does not fit in float32 '
                       "(largest magnitude 3.4028234663852886e+38)."),
        "sparse": ('Error: Input "body_mass_g": element 0 is missing (data is a sparse array with holes, '
                   "such as new Array(1) or [1, , 3]); give every element a value."),
        "fine": True,
        "disposedRun": 'Error: Model "penguins-species/fp32" was disposed; load it again to run it.',
        "disposedPredict": 'Error: Model "penguins-species/fp32" was disposed; load it again to run it.',
    }


def test_the_demo_never_shows_a_prediction_for_a_value_float32_cannot_hold(session: Session, site_url: str) -> None:
    open_demo(session, site_url)
    page = session.page
    demo = page.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.vitrine-demo')?.dataset.source === 'live'", timeout=30_000)
    box = demo.locator('[name="body_mass_g"]')
    box.fill("1e39")
    box.dispatch_event("change")
    demo.locator(".vitrine-predict").click()
    page.wait_for_function("() => document.querySelector('.vitrine-demo')?.dataset.source === 'invalid'", timeout=30_000)
    shown = page.evaluate("""() => {
        const d = document.querySelector('.vitrine-demo');
        const box = d.querySelector('[name="body_mass_g"]');
        return {source: d.querySelector('.vitrine-source').textContent, invalid: box.getAttribute('aria-invalid'),
                message: document.getElementById(box.getAttribute('aria-describedby').split(' ').find((id) => id.endsWith('-error')) ?? '')?.textContent ?? null,
                text: d.querySelector('.vitrine-output').textContent};
    }""")
    assert not shown["source"].startswith("Live prediction"), shown
    assert shown["invalid"] == "true", shown
    assert shown["message"] == "Enter a number between -3.4e38 and 3.4e38 for Body mass.", shown
    assert shown["source"] == "No prediction: Enter a number between -3.4e38 and 3.4e38 for Body mass.", shown
    assert "NaN" not in shown["text"], shown
