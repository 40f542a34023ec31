"""The object-detection widget (js_runtime/demo_detection.js on the demo shell) in a real Chromium.

This tests the widget, not a model: the page mounts it with a fake API whose load() returns a fake
model. Its predict(blob, {signal, candidates: true}) decodes the image (so a corrupt file fails like the
real one), waits, and answers with canned candidates placed relative to the image's size (see BOXES):
two near-duplicates of one face (merged by NMS at the default IoU), a second face, a weak third and a
very weak fourth. The page records every call in window.__calls. No built site is needed.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import struct
from pathlib import Path
from typing import Iterator

import pytest
from PIL import Image
from playwright.sync_api import Browser, FileChooser, Page

from builder.browser import serve_directory

from .test_demo_image_widget import png

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path("/tmp")

# Candidates as fractions of the image: [x, y, w, h], score. A and A2 overlap (IoU ≈ 0.885).
BOXES = {
    "A": ([0.10, 0.15, 0.30, 0.35], 0.92),
    "A2": ([0.11, 0.16, 0.30, 0.35], 0.85),
    "B": ([0.60, 0.50, 0.25, 0.30], 0.70),
    "C": ([0.55, 0.10, 0.15, 0.15], 0.35),
    "D": ([0.05, 0.70, 0.10, 0.10], 0.12),
}

EXAMPLE = png(240, 180, (90, 60, 30))

INFO = {
    "id": "face-detector",
    "title": "Where are the faces?",
    "task": "object-detection",
    "labels": ["face"],
    "preprocessing": {"kind": "image"},
    "postprocessing": {"kind": "object-detection", "min_score": 0.5, "iou": 0.3, "nms": "weighted", "candidate_floor": 0.1,
                       "classes": ["face"], "keypoint_names": ["right eye", "left eye", "nose tip", "mouth", "right ear", "left ear"]},
    "examples": [],
    "artifacts": [
        {"kind": "example", "url": "models/face-detector/group.0123456789abcdef.png",
         "sha256": hashlib.sha256(EXAMPLE).hexdigest(), "bytes": len(EXAMPLE), "name": "group_photo.png"},  # shown as "group photo"
    ],
}

HARNESS = """
import { mountDetection } from './js_runtime/demo_detection.js';

const info = INFO_JSON;
const BOXES = BOXES_JSON;
const fake = window.__fake = {delay: 150, fail: null, garbage: false, ignoreAbort: false, label: 'face', loads: 0};
const calls = window.__calls = [];

const model = {
  backend: 'wasm', backendLabel: 'WASM-SIMD', backendReason: 'auto; WebGPU unavailable: no adapter', threads: 4, info,
  async predict(blob, options) {
    const call = {size: blob.size, options: Object.keys(options).sort(), candidates: options.candidates, aborted: false, settled: null};
    calls.push(call);
    const {signal} = options;
    signal.addEventListener('abort', () => { call.aborted = true; });
    const delay = fake.delay, fail = fake.fail, garbage = fake.garbage, ignoreAbort = fake.ignoreAbort;
    fake.fail = null;
    fake.garbage = false;
    let bitmap = null;
    try { bitmap = await createImageBitmap(blob); } catch {}
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, delay);
      if (!ignoreAbort) signal.addEventListener('abort', () => {
        clearTimeout(timer);
        const e = new Error('The request was cancelled (superseded by a newer one).');
        e.name = 'AbortError';
        reject(e);
      });
    }).catch((e) => { call.settled = 'aborted'; throw e; });
    if (fail) { call.settled = 'failed'; throw new Error(fail); }
    if (!bitmap) { call.settled = 'failed'; throw new Error('This file could not be read as an image (it may be damaged).'); }
    call.settled = 'answered';
    if (garbage) return {boxes: 'not a list'};
    const W = bitmap.width, H = bitmap.height;
    call.size = [W, H];
    return Object.values(BOXES).map(([[x, y, w, h], score]) => ({
      box: [x * W, y * H, w * W, h * H], label: fake.label, score,
      keypoints: [[x + 0.3 * w, y + 0.4 * h], [x + 0.7 * w, y + 0.4 * h], [x + 0.5 * w, y + 0.6 * h],
                  [x + 0.5 * w, y + 0.8 * h], [x + 0.05 * w, y + 0.5 * h], [x + 0.95 * w, y + 0.5 * h]].map(([a, b]) => [a * W, b * H]),
    }));
  },
  dispose() {},
};

const api = {
  async load(id, {onProgress}) {
    fake.loads++;
    onProgress?.({loaded: 5e5, total: 1e6});
    await new Promise((r) => setTimeout(r, 50));
    onProgress?.({loaded: 1e6, total: 1e6});
    return model;
  },
};

mountDetection(document.querySelector('.vitrine-demo'), info, api, 'auto');
window.__mounted = true;
"""

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Detection widget</title>
<link rel="stylesheet" href="material/main.css"><link rel="stylesheet" href="material/palette.css">
<link rel="stylesheet" href="js_runtime/vitrine.css">
<style>/* the content column's width on a real page, between material's two sidebars */
@media (min-width: 76.25em) { .md-content { max-width: 36.8rem; margin: 0 auto; } }</style>
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset">
<h1>Where are the faces?</h1>
<h2>Try it</h2>
<div class="vitrine-demo" data-model="face-detector"><p>Static content</p></div>
<h2>Model</h2><p>More text.</p>
</article></div></div></main></div>
<script type="module" src="harness.js"></script>
</body></html>"""


@pytest.fixture(scope="module")
def widget_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("detection_widget")
    (root / "js_runtime").symlink_to(REPO / "js_runtime")
    (root / "worker").symlink_to(REPO / "worker")
    material = root / "material"
    material.mkdir()
    try:
        import material as mkdocs_material  # the theme's own stylesheets: the real variables and typography

        sheets = Path(mkdocs_material.__file__).parent / "templates" / "assets" / "stylesheets"
        shutil.copy(next(sheets.glob("main.*.min.css")), material / "main.css")
        shutil.copy(next(sheets.glob("palette.*.min.css")), material / "palette.css")
    except (ImportError, StopIteration):
        (material / "main.css").write_text("")
        (material / "palette.css").write_text("")
    models = root / "models" / "face-detector"
    models.mkdir(parents=True)
    (models / "group.0123456789abcdef.png").write_bytes(EXAMPLE)
    harness = HARNESS.replace("INFO_JSON", json.dumps(INFO)).replace("BOXES_JSON", json.dumps(BOXES))
    (root / "harness.js").write_text(harness)
    (root / "index.html").write_text(PAGE)
    with serve_directory(root) as url:
        yield url


@pytest.fixture
def page(browser: Browser, widget_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.goto(widget_url)
    p.wait_for_function("() => window.__mounted === true")
    p.wait_for_selector('.vitrine-demo[data-state="ready"]')  # visible at once: the model preloads
    yield p
    assert errors == []
    context.close()


def wait_live(page: Page, name: str) -> None:
    page.wait_for_function(
        "(name) => { const d = document.querySelector('.vitrine-demo');"
        " return d.dataset.source === 'live' && d.querySelector('.vitrine-source').textContent.includes(`“${name}”`); }",
        arg=name, timeout=10_000)


def shown(page: Page) -> dict:
    return page.evaluate("""() => {
        const d = document.querySelector('.vitrine-demo');
        const canvas = d.querySelector('canvas.vitrine-boxes');
        const value = (id) => { const i = d.querySelector(id); return {value: i.value, text: i.closest('.vitrine-det-slider').querySelector('output').textContent,
                                                                     valuetext: i.getAttribute('aria-valuetext'), min: i.min, max: i.max}; };
        return {
            count: d.querySelector('.vitrine-det-count').textContent,
            dataCount: d.dataset.count ?? null,
            source: d.dataset.source,
            sourceText: d.querySelector('.vitrine-source').textContent,
            rows: [...d.querySelectorAll('li.vitrine-detection')].map((li) => ({
                name: li.querySelector('.vitrine-det-name').textContent,
                score: li.querySelector('.vitrine-det-score').textContent,
                box: li.querySelector('.vitrine-det-box').textContent})),
            overlay: {hidden: canvas.hidden, width: canvas.width, height: canvas.height},
            results: !d.querySelector('.vitrine-det-results').hidden,
            score: value('input[id$="-score"]'),
            iou: value('input[id$="-iou"]'),
            imageAlt: d.querySelector('img.vitrine-image').alt,
            error: d.querySelector('.vitrine-error').hidden ? null : d.querySelector('.vitrine-error').textContent,
            status: d.querySelector('.vitrine-status').textContent,
        };
    }""")


def edge_ink(page: Page, name: str) -> float:
    """The share of canvas pixels along box `name`'s four edges (mapped to the displayed size) that are drawn."""
    return page.evaluate("""([x, y, w, h]) => {
        const d = document.querySelector('.vitrine-demo');
        const canvas = d.querySelector('canvas.vitrine-boxes');
        if (canvas.hidden || !canvas.width) return 0;
        const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const X = (f) => Math.min(canvas.width - 1, Math.max(0, Math.round(f * canvas.width)));
        const Y = (f) => Math.min(canvas.height - 1, Math.max(0, Math.round(f * canvas.height)));
        let drawn = 0, all = 0;
        const at = (cx, cy) => { all++; if (px[4 * (cy * canvas.width + cx) + 3] > 0) drawn++; };
        for (let cx = X(x + 0.02); cx <= X(x + w - 0.02); cx++) { at(cx, Y(y)); at(cx, Y(y + h)); }
        for (let cy = Y(y + 0.02); cy <= Y(y + h - 0.02); cy++) { at(X(x), cy); at(X(x + w), cy); }
        return drawn / all;
    }""", BOXES[name][0])


def calls(page: Page) -> list[dict]:
    return page.evaluate("() => window.__calls")


def pick(page: Page, path: Path) -> None:
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(path))


def set_slider(page: Page, which: str, value: float) -> None:
    page.locator(f'.vitrine-demo input[id$="-{which}"]').fill(str(value))


def test_boxes_are_drawn_listed_and_announced(page: Page, tmp_path: Path) -> None:
    image = tmp_path / "wide photo.png"
    image.write_bytes(png(300, 200))
    pick(page, image)
    wait_live(page, "wide photo.png")
    out = shown(page)
    # The defaults (score 50%, IoU 0.30): A and A2 merge into one, B stays; C and D score too low.
    assert out["count"] == "2 faces found" and out["dataCount"] == "2"
    assert [r["name"] for r in out["rows"]] == ["Face 1", "Face 2"]
    assert [r["score"] for r in out["rows"]] == ["92.0%", "70.0%"]
    assert out["rows"][1]["box"] == "x 180, y 100, 75 × 60 px"
    assert out["sourceText"] == "Live detection for “wide photo.png”, calculated in your browser."
    assert out["score"] == {"value": "0.5", "text": "50%", "valuetext": "50%", "min": "0.1", "max": "0.95"}
    assert out["iou"] == {"value": "0.3", "text": "0.30", "valuetext": "0.30", "min": "0.1", "max": "0.9"}
    assert out["imageAlt"] == "The image to search for faces: wide photo.png"
    assert "with WebAssembly (WASM-SIMD), 4 threads" in out["status"] and "last run" in out["status"]
    # Drawn: the kept boxes' edges, not the filtered-out ones; the canvas matches the displayed image.
    assert not out["overlay"]["hidden"]
    size = page.evaluate("() => { const r = document.querySelector('img.vitrine-image').getBoundingClientRect(); return [r.width, r.height]; }")
    assert abs(out["overlay"]["width"] - size[0]) <= 1 and abs(out["overlay"]["height"] - size[1]) <= 1
    assert edge_ink(page, "B") > 0.95
    assert edge_ink(page, "C") < 0.05 and edge_ink(page, "D") < 0.05
    assert calls(page)[0]["options"] == ["candidates", "signal"] and calls(page)[0]["candidates"] is True
    page.wait_for_function("() => document.querySelector('.vitrine-announce').textContent"
                           " === 'wide photo.png: 2 faces found; the best scores 92.0%.'")
    # The list is text: a label with markup stays text.
    page.evaluate("() => { window.__fake.label = '<img src=x onerror=alert(1)>face'; }")
    pick(page, image)
    page.wait_for_function("() => window.__calls.length === 2 && document.querySelector('.vitrine-demo').dataset.source === 'live'")
    assert shown(page)["rows"][0]["name"] == "<img src=x onerror=alert(1)>face 1"
    assert page.evaluate("() => document.querySelectorAll('.vitrine-panel img').length") == 0


def test_sliders_refilter_without_running_the_model(page: Page, tmp_path: Path) -> None:
    image = tmp_path / "group.png"
    image.write_bytes(png(300, 200))
    pick(page, image)
    wait_live(page, "group.png")
    before = page.evaluate("() => document.querySelector('canvas.vitrine-boxes').toDataURL()")
    set_slider(page, "score", 0.3)
    out = shown(page)
    assert out["count"] == "3 faces found" and [r["score"] for r in out["rows"]] == ["92.0%", "70.0%", "35.0%"]
    assert out["score"]["text"] == "30%" and out["score"]["valuetext"] == "30%"
    assert edge_ink(page, "C") > 0.95
    assert page.evaluate("() => document.querySelector('canvas.vitrine-boxes').toDataURL()") != before
    set_slider(page, "score", 0.8)
    assert shown(page)["count"] == "1 face found" and edge_ink(page, "B") < 0.05
    set_slider(page, "score", 0.95)
    out = shown(page)
    assert out["count"] == "No faces found" and out["rows"] == [] and out["dataCount"] == "0"
    # A higher IoU threshold keeps the near-duplicates apart.
    set_slider(page, "score", 0.5)
    set_slider(page, "iou", 0.9)
    out = shown(page)
    assert out["count"] == "3 faces found" and [r["score"] for r in out["rows"]] == ["92.0%", "85.0%", "70.0%"]
    assert out["iou"]["text"] == "0.90"
    assert edge_ink(page, "A") > 0.95 and edge_ink(page, "A2") > 0.95
    assert len(calls(page)) == 1, "moving the sliders must not run the model again"
    page.wait_for_function("() => document.querySelector('.vitrine-announce').textContent === '3 faces found; the best scores 92.0%.'")
    # The thresholds stay for the next image, which runs the model once.
    image2 = tmp_path / "second.png"
    image2.write_bytes(png(200, 300))
    pick(page, image2)
    wait_live(page, "second.png")
    assert shown(page)["count"] == "3 faces found" and len(calls(page)) == 2


def test_download_saves_the_annotated_image_at_its_natural_size(page: Page, tmp_path: Path) -> None:
    image = tmp_path / "beach day.png"
    image.write_bytes(png(640, 480, (30, 160, 90)))
    pick(page, image)
    wait_live(page, "beach day.png")
    # Shown smaller than it is (it fits the column), saved at 640 × 480.
    assert page.evaluate("() => document.querySelector('img.vitrine-image').getBoundingClientRect().width") < 640
    with page.expect_download() as info:
        page.get_by_role("button", name="Download annotated image").click()
    download = info.value
    assert download.suggested_filename == "beach day-annotated.png"
    data = Path(download.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (640, 480)
    saved = Image.open(io.BytesIO(data)).convert("RGB")
    original = Image.open(io.BytesIO(png(640, 480, (30, 160, 90)))).convert("RGB")
    x, y, w, h = BOXES["B"][0]
    on_edge = (round((x + w / 2) * 640), round(y * 480))
    assert saved.getpixel(on_edge) != original.getpixel(on_edge), "the box is drawn on the saved image"
    away = (round(0.02 * 640), round(0.98 * 480))
    assert saved.getpixel(away) == original.getpixel(away), "the rest of the image is unchanged"


def test_keyboard_only(page: Page) -> None:
    choosers: list[FileChooser] = []
    page.on("filechooser", lambda chooser: choosers.append(chooser))
    page.locator("h1").click()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "vitrine-dropzone"
    page.keyboard.press("Enter")
    for _ in range(50):
        if choosers:
            break
        page.wait_for_timeout(100)
    assert len(choosers) == 1
    choosers[0].set_files(files=[{"name": "k.png", "mimeType": "image/png", "buffer": png(160, 120)}])
    wait_live(page, "k.png")
    # On to the example, which runs with Enter.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.className") == "vitrine-example":
            break
    assert page.evaluate("() => document.activeElement.className") == "vitrine-example"
    page.keyboard.press("Enter")
    wait_live(page, "group photo")
    # On to the score slider: visible focus, arrows move it and re-filter.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id.endsWith('-score')")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert page.evaluate("() => document.activeElement.labels[0].textContent") == "Score threshold"
    for _ in range(20):
        page.keyboard.press("ArrowLeft")
    out = shown(page)
    assert out["score"]["text"] == "30%" and out["count"] == "3 faces found"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id.endsWith('-iou')")
    page.keyboard.press("End")
    assert shown(page)["iou"]["text"] == "0.90" and shown(page)["count"] == "4 faces found"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Download annotated image"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename == "group photo-annotated.png"
    assert len(calls(page)) == 2


def test_a_failed_prediction_is_shown_and_the_widget_stays_usable(page: Page, tmp_path: Path) -> None:
    ok = tmp_path / "ok.png"
    ok.write_bytes(png(64, 48))
    pick(page, ok)
    wait_live(page, "ok.png")
    page.evaluate("() => { window.__fake.fail = 'This image is too large (12000 × 9000 pixels); the limit is 40 megapixels.'; }")
    pick(page, ok)
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    out = shown(page)
    assert out["error"] == "This image is too large (12000 × 9000 pixels); the limit is 40 megapixels."
    assert out["source"] == "failed" and out["sourceText"] == "No detection for “ok.png”. Try another image."
    assert out["rows"] == [] and out["count"] == "–" and out["overlay"]["hidden"] and not out["results"]
    # An answer that is not the contract: a sentence for visitors (details in the console).
    page.evaluate("() => { window.__fake.garbage = true; }")
    pick(page, ok)
    page.wait_for_function("() => document.querySelector('.vitrine-error').textContent.startsWith('The model returned an answer this page cannot show')")
    assert shown(page)["source"] == "failed"
    # A corrupt file: the (fake) model cannot decode it.
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    pick(page, broken)
    page.wait_for_function("() => document.querySelector('.vitrine-error').textContent.startsWith('This file could not be read')")
    # The next image works and the error goes.
    pick(page, ok)
    wait_live(page, "ok.png")
    out = shown(page)
    assert out["error"] is None and out["count"] == "2 faces found" and out["results"] and not out["overlay"]["hidden"]


def test_a_superseded_request_is_aborted_and_a_stale_answer_never_shown(page: Page, tmp_path: Path) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    a.write_bytes(png(50, 40))
    b.write_bytes(png(40, 50))
    page.evaluate("() => { window.__fake.delay = 800; }")
    pick(page, a)
    page.wait_for_function("() => window.__calls.length === 1")
    assert shown(page)["source"] == "pending" and shown(page)["rows"] == []
    page.evaluate("() => { window.__fake.delay = 100; }")
    pick(page, b)
    wait_live(page, "b.png")
    first, second = calls(page)
    assert first["aborted"] is True and first["settled"] == "aborted"
    assert second["settled"] == "answered" and second["size"] == [40, 50]


def layout(page: Page) -> dict:
    return page.evaluate("""() => {
        const box = (s) => { const r = document.querySelector(s).getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
        return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                stage: box('.vitrine-stage'), panel: box('.vitrine-panel'), demo: box('.vitrine-demo')};
    }""")


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("width", [1280, 360])
def test_layout_has_no_horizontal_scroll_and_puts_the_panel_beside_or_under_the_image(
        page: Page, width: int, scheme: str, tmp_path: Path) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.evaluate("(scheme) => { document.body.dataset.mdColorScheme = scheme; }", scheme)
    image = tmp_path / "a very long file name without any spaces so that it has to wrap somewhere.png"
    image.write_bytes(png(400, 300))
    pick(page, image)
    page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.source === 'live'")
    set_slider(page, "score", 0.3)
    page.locator(".vitrine-demo").scroll_into_view_if_needed()
    boxes = layout(page)
    assert boxes["scroll"] <= boxes["inner"], boxes
    assert boxes["demo"]["right"] <= width
    if width >= 1000:
        assert boxes["panel"]["left"] >= boxes["stage"]["right"] - 1 and boxes["panel"]["top"] < boxes["stage"]["bottom"], boxes
    else:
        assert boxes["panel"]["top"] >= boxes["stage"]["bottom"] - 1, boxes
    # After a resize the boxes are redrawn at the new displayed size.
    page.wait_for_function("""() => { const c = document.querySelector('canvas.vitrine-boxes');
        return Math.abs(c.width - document.querySelector('img.vitrine-image').getBoundingClientRect().width * devicePixelRatio) <= 1; }""")
    assert edge_ink(page, "C") > 0.95
    page.locator(".vitrine-demo").screenshot(path=str(SCREENSHOTS / f"vitrine-detection-widget-{width}-{scheme}.png"))
