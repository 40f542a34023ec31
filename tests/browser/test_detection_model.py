"""The face detector in real Chromium: raw outputs equal Python onnxruntime's on every tier that runs
here, `m.predict` gives Python's boxes (decoding and NMS in the worker), and re-filtering candidates
on the page with other thresholds equals running predict with them.
"""

from __future__ import annotations

import base64
import io
import json

import numpy as np
import pytest
from PIL import Image

from builder.detectors import face_set
from builder.evaluate import native_session
from builder.image_preprocess import decode
from builder.tasks.object_detection import detections

from ..conftest import BuiltSite
from .conftest import RUN_TENSORS, Session

pytestmark = pytest.mark.browser
MODEL = "face-detector"
WEBGPU_TOLERANCE = 1e-3  # box regressors reach ~155: SwiftShader's sums differ by ~5e-5 (measured)

@pytest.fixture(scope="module")
def entry(built_site: BuiltSite) -> dict:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    return next(m for m in manifest["models"] if m["id"] == MODEL)


def variant_of(entry: dict, name: str) -> dict:
    return next(v for v in entry["variants"] if v["name"] == name)


def check_parity(session: Session, built_site: BuiltSite, variant: dict, backend: str, tolerance: float) -> None:
    fixtures = json.loads((built_site.site / "models" / variant["fixtures"]).read_text())
    r = session.page.evaluate(RUN_TENSORS, [MODEL, variant["name"], backend, fixtures["inputs"]])
    assert r["backend"] == backend, r["reason"]
    for name, want in fixtures["outputs"].items():
        diff = float(np.abs(np.array(r["outputs"][name]) - np.array(want["data"])).max())
        print(f"{variant['name']} on {backend}: {name} max |Δ| = {diff:.2e} (tolerance {tolerance:g})")
        assert diff <= tolerance, f"{name}: {diff:.2e} > {tolerance:g}"


@pytest.mark.parametrize("name", ["fp32", "int8", "fp16"])
def test_wasm_simd_matches_python(simd: Session, built_site: BuiltSite, entry: dict, name: str) -> None:
    variant = variant_of(entry, name)
    check_parity(simd, built_site, variant, "wasm", variant["tolerance"])
    assert simd.errors == [] and simd.foreign_requests() == []


def test_plain_wasm_matches_python(nosimd: Session, built_site: BuiltSite, entry: dict) -> None:
    variant = variant_of(entry, "fp32")
    check_parity(nosimd, built_site, variant, "wasm-nosimd", variant["tolerance"])


def test_webgpu_fp32_matches_python(webgpu: Session, built_site: BuiltSite, entry: dict) -> None:
    check_parity(webgpu, built_site, variant_of(entry, "fp32"), "webgpu", WEBGPU_TOLERANCE)


def test_predict_gives_pythons_boxes(simd: Session, built_site: BuiltSite, entry: dict) -> None:
    """Every image of the labelled set as a PNG file: the worker's boxes equal Python's, and the page's
    re-filtering of candidates equals predict with the same thresholds."""
    variant = variant_of(entry, "fp32")
    session = native_session((built_site.site / "models" / variant["url"]).read_bytes(), as_in_browser=True)
    parts = {"preprocessing": entry["preprocessing"], "postprocessing": entry["postprocessing"]}
    files = []
    for _, image, _ in face_set.load_set():
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        files.append(buffer.getvalue())
    browser = simd.page.evaluate("""async (images) => {
        const { filterDetections } = await import(new URL("/vitrine/worker/detection.js", document.baseURI).href);
        const m = await vitrine.load("face-detector", {variant: "fp32", backend: "wasm"});
        const out = [];
        for (const b64 of images) {
            const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]);
            const boxes = await m.predict(blob);
            const strict = await m.predict(blob, {minScore: 0.8, iou: 0.5});
            const candidates = await m.predict(blob, {candidates: true});
            const refiltered = filterDetections(candidates, {minScore: 0.8, iou: 0.5});
            out.push({boxes, strict, refiltered: refiltered.map((d) => ({box: d.box, score: d.score}))});
        }
        m.dispose();
        return out;
    }""", [base64.b64encode(f).decode() for f in files])
    pre = entry["preprocessing"]
    total = 0
    for i, (data, got) in enumerate(zip(files, browser, strict=True)):
        want = detections(session, decode(data, pre["background"]), parts)
        assert len(got["boxes"]) == len(want), f"image {i}"
        for g, w in zip(got["boxes"], want):
            assert abs(g["score"] - w["score"]) < 1e-4 and np.allclose(g["box"], w["box"], atol=1e-2), f"image {i}"
        assert len(got["strict"]) == len(got["refiltered"])
        for a, b in zip(got["strict"], got["refiltered"]):
            assert np.allclose(a["box"], b["box"], atol=1e-6) and abs(a["score"] - b["score"]) < 1e-9
        total += len(want)
    assert total >= 45  # the set has 56 faces; fp32 finds 52 at the default thresholds
    assert simd.errors == []


def test_a_scaled_down_photo_keeps_boxes_in_original_pixels(simd: Session) -> None:
    """A 7000×7000 photo (49 MP) is decoded scaled down; its boxes still come in the original's pixels,
    where the same photo at 3000×3000 (9 MP, decoded whole) has them."""
    astronaut = face_set.build_image({"kind": "skimage", "name": "astronaut"})
    boxes = {}
    for side in (3000, 7000):
        buffer = io.BytesIO()
        astronaut.resize((side, side), Image.BILINEAR).save(buffer, format="JPEG", quality=80)
        r = simd.page.evaluate("""async (b64) => {
            const m = await vitrine.load("face-detector", {variant: "fp32", backend: "wasm"});
            const boxes = await m.predict(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
            m.dispose();
            return {boxes: boxes.map((b) => b.box), notice: boxes.notice ?? null};
        }""", base64.b64encode(buffer.getvalue()).decode())
        print(side, r)
        assert len(r["boxes"]) == 1
        boxes[side] = [v * 512 / side for v in r["boxes"][0]]
    assert np.allclose(boxes[7000], boxes[3000], atol=3), boxes  # in 512-pixel units
