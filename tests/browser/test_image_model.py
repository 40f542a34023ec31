"""The image classifier in real Chromium: every variant on every tier that runs here computes what
Python onnxruntime computed on the same file, `m.predict` on photos answers what Python answers,
and bad images get a clear message while the worker keeps working.

Tiers: WASM-SIMD (default Chromium), plain WASM (onnxruntime-web 1.18, Chromium without SSE4.1),
WebGPU (SwiftShader, `--enable-unsafe-webgpu`; no shader-f16, so the fp16 variant is refused there).
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from builder import image_sets
from builder.evaluate import native_session
from builder.image_preprocess import decode, prepare
from builder.tasks.image_classification import top_k

from ..conftest import BuiltSite
from .conftest import RUN_TENSORS, Session

pytestmark = pytest.mark.browser
MODEL = "photo-classifier"
# onnxruntime-web's WebGPU kernels on SwiftShader sum in another order than the CPU EP.
WEBGPU_TOLERANCE = 2e-3

PREDICT = """async ([variant, images]) => {
    const m = await vitrine.load("photo-classifier", {variant, backend: "wasm"});
    const out = [];
    for (const b64 of images) {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const top = await m.predict(new Blob([bytes]), {topK: 5});
        out.push(top.map((t) => ({index: t.index, score: t.score, cam: t.cam ? [t.cam.width, t.cam.height, t.cam.region] : null})));
    }
    m.dispose();
    return out;
}"""


@pytest.fixture(scope="module")
def manifest_entry(built_site: BuiltSite) -> dict:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    return next(m for m in manifest["models"] if m["id"] == MODEL)


def variant_of(entry: dict, name: str) -> dict:
    return next(v for v in entry["variants"] if v["name"] == name)


def fixtures_of(site: Path, variant: dict) -> dict:
    return json.loads((site / "models" / variant["fixtures"]).read_text())


def check_parity(session: Session, site: Path, variant: dict, backend: str, tolerance: float) -> float:
    fixtures = fixtures_of(site, variant)
    r = session.page.evaluate(RUN_TENSORS, [MODEL, variant["name"], backend, fixtures["inputs"]])
    assert r["backend"] == backend, r["reason"]
    logits = np.array(r["outputs"]["logits"])
    expected = np.array(fixtures["outputs"]["logits"]["data"])
    diff = float(np.abs(logits - expected).max())
    print(f"{variant['name']} on {backend}: max |Δlogit| = {diff:.2e} (tolerance {tolerance:g})")  # shown with -s
    assert diff <= tolerance, f"{variant['name']} on {backend}: max |Δlogit| {diff:.2e} > {tolerance:g}"
    # The class activation maps are computed for the graph's own top-5: the same classes, close values.
    assert r["outputs"]["top_classes"] == fixtures["outputs"]["top_classes"]["data"]
    cam, want = np.array(r["outputs"]["cam"]), np.array(fixtures["outputs"]["cam"]["data"])
    cam_diff = float(np.abs(cam - want).max())
    # int8 maps come from quantized feature maps: a step of those moves a map by a few % of its range.
    limit = tolerance * 10 if variant["precision"] != "int8" else 0.05 * float(np.abs(want).max())
    assert cam_diff <= limit, f"cam differs by {cam_diff:.2e} (limit {limit:.2e})"
    return diff


@pytest.mark.parametrize("name", ["fp32", "int8", "fp16"])
def test_wasm_simd_matches_python_for_every_variant(simd: Session, built_site: BuiltSite, manifest_entry: dict, name: str) -> None:
    variant = variant_of(manifest_entry, name)
    check_parity(simd, built_site.site, variant, "wasm", variant["tolerance"])
    assert simd.errors == [] and simd.foreign_requests() == []


@pytest.mark.parametrize("name", ["fp32", "int8"])
def test_plain_wasm_matches_python(nosimd: Session, built_site: BuiltSite, manifest_entry: dict, name: str) -> None:
    variant = variant_of(manifest_entry, name)
    check_parity(nosimd, built_site.site, variant, "wasm-nosimd", variant["tolerance"])
    assert nosimd.errors == []


def test_webgpu_fp32_matches_python(webgpu: Session, built_site: BuiltSite, manifest_entry: dict) -> None:
    caps = webgpu.page.evaluate("() => vitrine.capabilities()")
    assert caps["webgpu"] is True and caps["shaderF16"] is False  # SwiftShader
    check_parity(webgpu, built_site.site, variant_of(manifest_entry, "fp32"), "webgpu", WEBGPU_TOLERANCE)
    # onnxruntime logs (as a console error) that it keeps shape computations on the CPU: expected, not a failure.
    assert [e for e in webgpu.errors if "VerifyEachNodeIsAssignedToAnEp" not in e] == []


def test_fp16_is_refused_on_webgpu_without_shader_f16(webgpu: Session) -> None:
    """fp16 is the WebGPU variant; without shader-f16 WebGPU refuses it and it runs on WASM, saying why."""
    r = webgpu.page.evaluate("""async () => {
        const m = await vitrine.load("photo-classifier", {variant: "fp16", backend: "webgpu"});
        const r = {backend: m.backend, reason: m.backendReason}; m.dispose(); return r;
    }""")
    assert r["backend"] == "wasm"
    assert "WebGPU unavailable: the GPU lacks the shader-f16 feature this fp16 variant needs" in r["reason"]
    # "auto" never picks it here, and picks the smallest sound variant instead.
    chosen = webgpu.page.evaluate("""async () => {
        const m = await vitrine.load("photo-classifier"); const v = m.variant.name; m.dispose(); return v;
    }""")
    assert chosen != "fp16"


def reference_images() -> list[bytes]:
    """≥ 20 real photos as files: every scikit-image photo the set uses, plus JPEG crops of some."""
    files = dict.fromkeys([p.file for p in image_sets.LABELLED] + list(image_sets.CALIBRATION) + list(image_sets.EXAMPLES))
    out = [image_sets.photo_bytes(f) for f in files]
    for f in list(files)[:6]:
        image = Image.open(io.BytesIO(image_sets.photo_bytes(f))).convert("RGB")
        w, h = image.size
        buffer = io.BytesIO()
        image.crop((w // 5, h // 7, w - w // 9, h - h // 4)).save(buffer, format="JPEG", quality=85)
        out.append(buffer.getvalue())
    return out


def test_predict_on_photos_agrees_with_python(simd: Session, built_site: BuiltSite, manifest_entry: dict) -> None:
    """m.predict(Blob): decoding, preprocessing and postprocessing in the worker give Python's top 5."""
    variant = variant_of(manifest_entry, "fp32")
    session = native_session((built_site.site / "models" / variant["url"]).read_bytes(), as_in_browser=True)
    parts = {"labels": manifest_entry["labels"], "postprocessing": manifest_entry["postprocessing"], "preprocessing": manifest_entry["preprocessing"]}
    images = reference_images()
    assert len(images) >= 20
    browser = simd.page.evaluate(PREDICT, ["fp32", [base64.b64encode(b).decode() for b in images]])
    pre = manifest_entry["preprocessing"]
    for i, (data, got) in enumerate(zip(images, browser, strict=True)):
        want = top_k(session, {pre["input"]: prepare(decode(data, pre["background"]), pre).tensor}, parts, 5)
        assert [t["index"] for t in got] == [t["index"] for t in want], f"image {i}"
        assert max(abs(a["score"] - b["score"]) for a, b in zip(got, want)) < 2e-3, f"image {i}"
        assert got[0]["cam"][:2] == [7, 7]
    assert simd.errors == []


def test_predict_takes_urls_images_and_bitmaps(simd: Session, manifest_entry: dict, site_url: str) -> None:
    example = manifest_entry["examples"][0]
    r = simd.page.evaluate("""async (url) => {
        const m = await vitrine.load("photo-classifier", {variant: "int8", backend: "wasm"});
        const fromUrl = await m.predict(url);
        const img = new Image(); img.src = url; await img.decode();
        const fromImg = await m.predict(img);
        const fromBitmap = await m.predict(await createImageBitmap(await (await fetch(url)).blob()));
        const explained = await m.explain(url, {topK: 3});  // its class activation maps
        const wrong = await m.explain(url, {method: "exact"}).catch((e) => `${e.name}: ${e.message}`);
        m.dispose();
        const e = {...explained, maps: explained.maps.map((c) => ({...c, data: c.data.length}))};
        return {indices: [fromUrl, fromImg, fromBitmap].map((top) => top[0].index), top: fromUrl.slice(0, 3), e, wrong};
    }""", site_url + "models/" + example["image"])
    assert len(set(r["indices"])) == 1
    e, top = r["e"], r["top"]
    assert e["method"] == "cam" and e["outputs"] == [t["label"] for t in top] and e["prediction"] == [t["score"] for t in top]
    assert [(c["label"], c["index"], c["width"], c["height"], c["data"]) for c in e["maps"]] == [(t["label"], t["index"], 7, 7, 49) for t in top]
    assert r["wrong"] == 'TypeError: explain(): an image classifier is explained by method "cam", got "exact".'


BAD_INPUTS = """async (cases) => {
    const m = await vitrine.load("photo-classifier", {variant: "int8", backend: "wasm"});
    const out = {};
    for (const [name, b64] of Object.entries(cases)) {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        try { const top = await m.predict(new Blob([bytes])); out[name] = {ok: top[0].label}; }
        catch (e) { out[name] = {error: e.message, code: e.code}; }
    }
    m.dispose();
    return out;
}"""


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_bad_images_get_clear_messages_and_the_worker_survives(simd: Session) -> None:
    chelsea = image_sets.photo_bytes("chelsea.png")
    jpeg = image_sets.photo_bytes("rocket.jpg")
    transparent = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    cases = {
        "text": b"hello, this is not an image\n" * 10,
        "corrupt_jpeg": jpeg[: len(jpeg) // 3],
        "empty": b"",
        "huge": png(Image.new("RGB", (8000, 6400), (90, 120, 200))),  # 51 megapixels, a few KB of PNG
        "transparent": png(transparent),
        "one_pixel": png(Image.new("RGB", (1, 1), (200, 30, 30))),
        "after": chelsea,  # the worker still answers after all of the above
    }
    r = simd.page.evaluate(BAD_INPUTS, {k: base64.b64encode(v).decode() for k, v in cases.items()})
    print(json.dumps(r, indent=1))
    assert r["text"]["code"] == "bad-input" and "not an image" in r["text"]["error"].lower() or "PNG, JPEG" in r["text"]["error"]
    assert r["corrupt_jpeg"]["code"] == "bad-input"
    assert r["empty"]["code"] == "bad-input" and "empty" in r["empty"]["error"]
    assert "ok" in r["huge"] or ("megapixel" in r["huge"]["error"])
    assert "ok" in r["transparent"] and "ok" in r["one_pixel"]
    assert r["after"]["ok"] in ("tabby cat", "a cat having a striped coat", "Egyptian Mau")
    # Nothing of the visitor's images is cached: the Cache API holds only content-addressed model files.
    cached = simd.page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
        return urls;
    }""")
    assert all(u.endswith(".onnx") for u in cached), cached
