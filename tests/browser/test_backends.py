"""The four backend tiers in Chromium: each forced tier computes what Python onnxruntime computed (or,
for "static", shows what the build precomputed), the automatic choice follows the browser's features,
and a tier that fails to start falls to the next one and says why.

Browsers: the default Chromium (SIMD, `navigator.gpu` without an adapter), one started with
`--js-flags=--no-enable-sse4-1` (V8 then has no WASM SIMD) and one with `--enable-unsafe-webgpu`
(a SwiftShader WebGPU adapter without `shader-f16`). Each is shared by the tests of this module.
The other engines (Firefox, WebKitGTK, WPE WebKit without SIMD) run test_engines.py.
"""

from __future__ import annotations

import json
from typing import Callable, Iterator

import pytest

from ..conftest import BuiltSite, model_entry
from .conftest import Session, open_session

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
WASM_ATOL = 1e-5  # both WASM tiers vs Python onnxruntime (README, dependency notes: ~1e-7 seen)
# WebGPU (SwiftShader) vs Python on the MLP below: measured max |Δlogit| 3.8e-6, |Δp| 8.3e-7.
WEBGPU_ATOL = 1e-5

SIMD_WASM = "/vendor/onnxruntime-web/ort-wasm-simd-threaded.wasm"
WASM_BUNDLE = "/vendor/onnxruntime-web/ort.wasm.min.mjs"
WEBGPU_WASM = "/vendor/onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm"
WEBGPU_BUNDLE = "/vendor/onnxruntime-web/ort.webgpu.min.mjs"
LEGACY_WASM = "/vendor/onnxruntime-web-legacy/ort-wasm.wasm"  # onnxruntime-web 1.18.0, no SIMD
LEGACY_BUNDLE = "/vendor/onnxruntime-web-legacy/ort.wasm.min.js"

RUN_FIXTURES = """async ([fx, backend]) => {
    const m = await vitrine.load("penguins-species", backend ? {backend} : {});
    const out = await m.run(fx.inputs);
    const r = {backend: m.backend, label: m.backendLabel, threads: m.threads, reason: m.backendReason,
               caps: await vitrine.capabilities(), outputs: {}};
    for (const [name, t] of Object.entries(out)) r.outputs[name] = Array.from(t.data, Number);
    m.dispose();
    return r;
}"""


@pytest.fixture(scope="module")
def fixtures(built_site: BuiltSite) -> dict:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    variant = model_entry(manifest)["variants"][0]
    return json.loads((built_site.site / "models" / variant["fixtures"]).read_text())


@pytest.fixture(scope="module")
def example(built_site: BuiltSite) -> dict:
    return model_entry(json.loads((built_site.site / "models" / "manifest.json").read_text()))["examples"][0]


def sessions_on(browser_fixture: str) -> Callable[..., Iterator[Session]]:
    """Like conftest's `session`, on another browser: without the site's service worker, whose
    fetches `page.route` does not see."""

    @pytest.fixture
    def fixture(request: pytest.FixtureRequest, site_url: str) -> Iterator[Session]:
        s = open_session(request.getfixturevalue(browser_fixture), site_url, service_workers="block")
        yield s
        s.context.close()

    return fixture


nosimd_session = sessions_on("nosimd_browser")
webgpu_session = sessions_on("webgpu_browser")


def open_page(session: Session, site_url: str, query: str = "") -> None:
    session.page.goto(site_url + PAGE + query)
    session.page.wait_for_function("() => window.vitrine !== undefined")


def run_fixtures(session: Session, fixtures: dict, backend: str | None = None) -> tuple[dict, float]:
    """Run all parity rows at once; labels must be identical. Returns the result and max |Δp|."""
    r = session.page.evaluate(RUN_FIXTURES, [fixtures, backend])
    assert r["outputs"]["label"] == fixtures["outputs"]["label"]["data"]
    expected = fixtures["outputs"]["probabilities"]["data"]
    assert len(r["outputs"]["probabilities"]) == len(expected) >= 50 * len(fixtures["labels"])
    diff = max(abs(a - b) for a, b in zip(r["outputs"]["probabilities"], expected, strict=True))
    print(f"{r['backend']} tier: max |browser - python| = {diff:.2e} ({r['reason']})")  # shown with -s
    return r, diff


def fetched(session: Session, suffix: str) -> bool:
    return any(u.split("?")[0].endswith(suffix) for u in session.requests)


def wait_for_demo(session: Session) -> None:
    session.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    session.page.wait_for_selector('.vitrine-demo[data-state="ready"]', timeout=60_000)


def status(session: Session) -> str:
    """The status line's text, the reason behind its disclosure included."""
    return session.page.locator(".vitrine-status").text_content() or ""


# ---- default Chromium: WASM SIMD, navigator.gpu but no adapter ----


def test_forced_wasm_matches_python(session: Session, site_url: str, fixtures: dict) -> None:
    open_page(session, site_url, "?backend=wasm")
    r, diff = run_fixtures(session, fixtures)
    assert (r["backend"], r["reason"]) == ("wasm", "forced by ?backend=wasm")
    assert r["threads"] == (min(4, r["caps"]["hardwareConcurrency"]) if r["caps"]["threads"] else 1)
    assert diff <= WASM_ATOL, f"max |browser - python| = {diff:.2e}"
    assert fetched(session, SIMD_WASM)
    assert not fetched(session, LEGACY_WASM) and not fetched(session, WEBGPU_WASM) and not fetched(session, WEBGPU_BUNDLE)
    assert session.errors == [] and session.foreign_requests() == []


def test_forced_plain_wasm_runs_onnxruntime_1_18(session: Session, site_url: str, fixtures: dict) -> None:
    open_page(session, site_url, "?backend=wasm-nosimd")
    r, diff = run_fixtures(session, fixtures)
    assert (r["backend"], r["label"], r["threads"]) == ("wasm-nosimd", "plain WASM", 1)
    assert r["reason"] == "forced by ?backend=wasm-nosimd"
    assert diff <= WASM_ATOL, f"max |browser - python| = {diff:.2e}"
    # Really onnxruntime-web 1.18's non-SIMD binary, and nothing of 1.30's runtime.
    assert fetched(session, LEGACY_BUNDLE) and fetched(session, LEGACY_WASM)
    assert not [u for u in session.requests if "/vendor/onnxruntime-web/" in u]
    assert session.errors == []


def test_widget_shows_tier_threads_and_reason(session: Session, site_url: str, fixtures: dict, tmp_path_factory) -> None:
    open_page(session, site_url, "?backend=wasm-nosimd")
    wait_for_demo(session)
    demo = session.page.locator(".vitrine-demo")
    row, i = fixtures["rows"][42], 42
    for name, value in row.items():
        field = demo.locator(f'[name="{name}"]')
        field.select_option(value) if isinstance(value, str) else field.fill(str(value))
    demo.locator(".vitrine-predict").click()
    expected = fixtures["labels"][fixtures["outputs"]["label"]["data"][i]]
    session.page.wait_for_function(
        "(e) => { const d = document.querySelector('.vitrine-demo');"
        " return d.dataset.source === 'live' && d.querySelector('.vitrine-label').textContent === e; }", arg=expected)
    assert demo.get_attribute("data-backend") == "wasm-nosimd"
    assert "WebAssembly (plain WASM), 1 thread" in status(session) and "forced by ?backend=wasm-nosimd" in status(session)
    demo.screenshot(path=str(tmp_path_factory.getbasetemp() / "widget-wasm-nosimd.png"))
    assert session.errors == []


def test_auto_without_webgpu_adapter_picks_wasm(session: Session, site_url: str, fixtures: dict) -> None:
    open_page(session, site_url)
    assert session.page.evaluate("() => 'gpu' in navigator")  # present, yet no adapter: not WebGPU
    r, diff = run_fixtures(session, fixtures)
    assert r["caps"]["webgpu"] is False and r["caps"]["wasmSimd"] is True
    assert r["backend"] == "wasm" and diff <= WASM_ATOL
    assert r["reason"].startswith("auto; WebGPU unavailable: no WebGPU adapter")
    # Asking for WebGPU here falls to the next tier that can run, and says why.
    r, _ = run_fixtures(session, fixtures, "webgpu")
    assert r["backend"] == "wasm" and 'requested backend "webgpu"; WebGPU unavailable' in r["reason"]
    assert not fetched(session, WEBGPU_BUNDLE)


def test_forced_static_shows_precomputed_example_and_downloads_no_runtime(session: Session, site_url: str, example: dict) -> None:
    open_page(session, site_url, "?backend=static")
    wait_for_demo(session)
    page, demo = session.page, session.page.locator(".vitrine-demo")
    assert demo.get_attribute("data-backend") == "static"
    assert demo.get_attribute("data-source") == "precomputed"
    assert demo.locator(".vitrine-label").inner_text() == example["output"]["label"]
    note = demo.locator(".vitrine-static-note")
    assert note.is_visible() and "Live predictions are turned off (forced by ?backend=static)" in note.inner_text()
    assert "precomputed examples only" in status(session)
    assert demo.locator("form").is_visible()
    # Editing the form says why there is no live result; the precomputed one stays.
    demo.locator('[name="bill_length_mm"]').fill("51")
    demo.locator(".vitrine-predict").click()
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    assert "not one of the precomputed examples" in demo.locator(".vitrine-error").inner_text()
    assert demo.get_attribute("data-source") == "precomputed"
    api = page.evaluate(
        """async (ex) => {
            const m = await vitrine.load("penguins-species", {backend: "wasm"});  // ?backend= wins
            const attempt = async (fn) => { try { await fn(); return null; } catch (e) { return String(e.message); } };
            return {backend: m.backend, threads: m.threads, example: await m.predict(ex.input),
                    other: await attempt(() => m.predict({...ex.input, body_mass_g: ex.input.body_mass_g + 1})),
                    run: await attempt(() => m.run({}))};
        }""",
        example,
    )
    assert (api["backend"], api["threads"]) == ("static", 0)
    assert api["example"]["label"] == example["output"]["label"]
    assert list(api["example"]["probabilities"].values()) == example["output"]["probabilities"]
    assert "not one of the precomputed examples" in api["other"]
    assert "run() needs an inference runtime" in api["run"]
    assert not [u for u in session.requests if u.split("?")[0].endswith((".wasm", ".onnx"))]
    assert not [u for u in session.requests if "/vendor/onnxruntime-web" in u]


# ---- Chromium without WASM SIMD ----


def test_auto_without_simd_picks_plain_wasm(nosimd_session: Session, site_url: str, fixtures: dict) -> None:
    open_page(nosimd_session, site_url)
    r, diff = run_fixtures(nosimd_session, fixtures)
    assert r["caps"]["wasmSimd"] is False and r["caps"]["wasm"] is True
    assert r["backend"] == "wasm-nosimd" and diff <= WASM_ATOL, f"max |browser - python| = {diff:.2e}"
    assert "WASM-SIMD unavailable: this browser lacks WebAssembly SIMD" in r["reason"]
    assert fetched(nosimd_session, LEGACY_WASM) and not fetched(nosimd_session, SIMD_WASM)
    # The widget predicts there too.
    wait_for_demo(nosimd_session)
    assert "WebAssembly (plain WASM), 1 thread" in status(nosimd_session)
    assert nosimd_session.errors == []


# ---- Chromium with a (SwiftShader) WebGPU adapter ----


@pytest.fixture(scope="module")
def mlp() -> dict:
    """A small float MLP (MatMul/Add/Relu/Softmax: WebGPU EP kernels) with Python onnxruntime outputs.

    The gallery's model cannot be the WebGPU parity subject: onnxruntime-web's WebGPU build has no
    ai.onnx.ml kernels (see the fallback test below), so parity is checked on this graph, driven
    through the real tier worker (worker.js?tier=webgpu) and the site's vendored WebGPU bundle.
    """
    import hashlib

    import numpy as np
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(7)
    w1, b1 = rng.normal(size=(16, 32)).astype(np.float32), rng.normal(size=32).astype(np.float32)
    w2, b2 = rng.normal(size=(32, 4)).astype(np.float32), rng.normal(size=4).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w1"], ["h"]), helper.make_node("Add", ["h", "b1"], ["hb"]),
         helper.make_node("Relu", ["hb"], ["r"]), helper.make_node("MatMul", ["r", "w2"], ["o"]),
         helper.make_node("Add", ["o", "b2"], ["logits"]), helper.make_node("Softmax", ["logits"], ["p"], axis=-1)],
        "mlp", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 16])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", 4]), helper.make_tensor_value_info("p", TensorProto.FLOAT, ["N", 4])],
        [numpy_helper.from_array(a, n) for a, n in ((w1, "w1"), (b1, "b1"), (w2, "w2"), (b2, "b2"))])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    onnx.checker.check_model(model)
    data = model.SerializeToString()
    x = rng.normal(size=(64, 16)).astype(np.float32)
    logits, p = ort.InferenceSession(data, providers=["CPUExecutionProvider"]).run(None, {"x": x})
    return {"bytes": data, "sha256": hashlib.sha256(data).hexdigest(), "x": x.ravel().tolist(),
            "logits": logits.ravel().tolist(), "p": p.ravel().tolist()}


RUN_IN_TIER_WORKER = """async ([tier, url, sha256, bytes, x]) => {
    const worker = new Worker(new URL(`vitrine/worker/worker.js?tier=${tier}`, location.origin + '/'), {type: 'module'});
    const ask = (msg) => new Promise((resolve, reject) => {
        const on = (e) => {
            if (e.data.id !== msg.id || e.data.type === 'progress') return;
            worker.removeEventListener('message', on);
            e.data.type === 'error' ? reject(new Error(e.data.message)) : resolve(e.data);
        };
        worker.addEventListener('message', on);
        worker.postMessage(msg);
    });
    const ready = await ask({id: 1, type: 'init', numThreads: 1});
    await ask({id: 2, type: 'load', model: 'mlp/fp32', url, sha256, bytes});
    const out = await ask({id: 3, type: 'run', model: 'mlp/fp32', feeds: {x: {type: 'float32', dims: [x.length / 16, 16], data: Float32Array.from(x)}}});
    worker.terminate();
    return {backend: ready.backend, logits: Array.from(out.outputs.logits.data), p: Array.from(out.outputs.p.data)};
}"""


def test_webgpu_tier_matches_python(webgpu_session: Session, site_url: str, mlp: dict) -> None:
    page = webgpu_session.page
    url = site_url + "models/webgpu-parity/mlp.onnx"  # served by the route below (inside models/, as the worker requires)
    page.route(url, lambda route: route.fulfill(status=200, body=mlp["bytes"], content_type="application/octet-stream"))
    open_page(webgpu_session, site_url)
    caps = page.evaluate("() => vitrine.capabilities()")
    assert caps["webgpu"] is True and caps["shaderF16"] is False  # SwiftShader: an adapter, no shader-f16
    r = page.evaluate(RUN_IN_TIER_WORKER, ["webgpu", url, mlp["sha256"], len(mlp["bytes"]), mlp["x"]])
    assert r["backend"] == "webgpu"
    logit_diff = max(abs(a - b) for a, b in zip(r["logits"], mlp["logits"], strict=True))
    p_diff = max(abs(a - b) for a, b in zip(r["p"], mlp["p"], strict=True))
    print(f"WebGPU tier (SwiftShader) vs Python: max |Δlogit| = {logit_diff:.2e}, max |Δp| = {p_diff:.2e}")
    assert logit_diff <= WEBGPU_ATOL and p_diff <= WEBGPU_ATOL
    assert fetched(webgpu_session, WEBGPU_BUNDLE) and fetched(webgpu_session, WEBGPU_WASM)
    assert webgpu_session.errors == []


def test_webgpu_is_skipped_up_front_for_classic_ml_operators(webgpu_session: Session, site_url: str, fixtures: dict) -> None:
    """The WebGPU runtime build has no ai.onnx.ml operators ("No Op registered for OneHotEncoder"):
    the manifest's opsets let the page skip it without downloading its 27 MB runtime."""
    open_page(webgpu_session, site_url)
    r, diff = run_fixtures(webgpu_session, fixtures)
    assert r["caps"]["webgpu"] is True
    assert r["backend"] == "wasm" and diff <= WASM_ATOL
    assert r["reason"] == "auto; WebGPU unavailable: its runtime build has no ai.onnx.ml (classic ML) operators, which this model uses"
    assert not fetched(webgpu_session, WEBGPU_BUNDLE) and not fetched(webgpu_session, WEBGPU_WASM)
    assert fetched(webgpu_session, SIMD_WASM)
    wait_for_demo(webgpu_session)
    text = status(webgpu_session)
    assert f"WebAssembly (WASM-SIMD), {r['threads']} thread" in text and "no ai.onnx.ml" in text


def test_runtime_that_fails_to_load_falls_to_the_next_tier(session: Session, site_url: str, fixtures: dict) -> None:
    session.page.route(f"**{WASM_BUNDLE}", lambda route: route.fulfill(status=404, body="not here"))
    open_page(session, site_url, "?backend=wasm")
    r, diff = run_fixtures(session, fixtures)
    assert r["backend"] == "wasm-nosimd" and diff <= WASM_ATOL
    assert r["reason"].startswith("forced by ?backend=wasm; WASM-SIMD failed: The ONNX runtime could not be loaded")
    assert not fetched(session, SIMD_WASM) and fetched(session, LEGACY_WASM)
    wait_for_demo(session)  # the widget reuses what the page learnt: plain WASM at once, with the reason
    assert "WASM-SIMD failed" in status(session)
