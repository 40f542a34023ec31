"""The image-classification widget (js_runtime/demo_image.js on the demo shell) in a real Chromium.

This tests the widget, not a model: the page mounts it with a fake API whose load() returns a fake
model. Its predict(blob, {signal, topK, cam}) decodes the image (so a corrupt file fails like the real
one), waits, and answers with the contract: class "class-<width>x<height>" first, CAMs over the centre
crop, the peak of class 0 in the crop's upper left and of class 1 in its lower right. The page records
every call (with whether its signal was aborted) in window.__calls. No built site is needed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import zlib
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, FileChooser, Page

from builder.browser import serve_directory

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path("/tmp")


def png(width: int, height: int, rgb: tuple[int, int, int] = (200, 120, 40)) -> bytes:
    """A plain RGB PNG (a diagonal gradient over `rgb`), without an imaging library."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(((rgb[0] + x) % 256, (rgb[1] + y) % 256, rgb[2])) for x in range(width))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


EXAMPLES = {"tabby-cat.0123456789abcdef.png": png(240, 180, (90, 60, 30)), "red-fox.fedcba9876543210.png": png(160, 200, (220, 80, 20))}

INFO = {
    "id": "photo-classifier",
    "title": "Photo classifier",
    "task": "image-classification",
    "labels": [f"class-{i}" for i in range(10)],
    "preprocessing": {"kind": "image"},
    "examples": [],
    "artifacts": [
        {"kind": "description", "url": "models/photo-classifier/description.md", "sha256": "0" * 64, "bytes": 1},
        {"kind": "example", "url": "models/photo-classifier/tabby-cat.0123456789abcdef.png",
         "sha256": hashlib.sha256(EXAMPLES["tabby-cat.0123456789abcdef.png"]).hexdigest(),
         "bytes": len(EXAMPLES["tabby-cat.0123456789abcdef.png"]), "label": "Tabby cat"},
        {"kind": "example", "url": "models/photo-classifier/red-fox.fedcba9876543210.png",
         "sha256": hashlib.sha256(EXAMPLES["red-fox.fedcba9876543210.png"]).hexdigest(),
         "bytes": len(EXAMPLES["red-fox.fedcba9876543210.png"])},
        {"kind": "example", "url": "models/photo-classifier/damaged.png", "sha256": "0" * 64, "bytes": 10, "label": "Damaged"},
    ],
}

HARNESS = """
import { mountImage } from './js_runtime/demo_image.js';

const info = INFO_JSON;
const fake = window.__fake = {delay: 150, fail: null, ignoreAbort: false, loads: 0};
const calls = window.__calls = [];

function cam(width, height, peak, region) {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    data[y * width + x] = -3 + 10 * Math.exp(-((x - peak[0]) ** 2 + (y - peak[1]) ** 2) / 2);
  }
  return {width, height, data, region};
}

const model = {
  backend: 'wasm', backendLabel: 'WASM-SIMD', backendReason: 'auto; WebGPU unavailable: no adapter', threads: 4, info,
  async predict(blob, options) {
    const call = {size: blob.size, type: blob.type, options: Object.keys(options).sort(), topK: options.topK, cam: options.cam,
                  aborted: false, settled: null};
    calls.push(call);
    const {signal} = options;
    signal.addEventListener('abort', () => { call.aborted = true; });
    const delay = fake.delay, fail = fake.fail, ignoreAbort = fake.ignoreAbort;
    fake.fail = null;
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
    const W = bitmap.width, H = bitmap.height, side = Math.min(W, H);
    const region = {x: (W - side) / 2, y: (H - side) / 2, width: side, height: side};
    call.settled = 'answered';
    call.label = `class-${W}x${H}`;
    return [0.62, 0.2, 0.1, 0.05, 0.03].map((score, i) => ({
      label: i === 0 ? `class-${W}x${H}` : `other-${i}`, score, index: i,
      cam: cam(7, 7, i === 1 ? [5, 5] : i === 2 ? [3, 3] : [1, 1], region),
    }));
  },
  dispose() {},
};

const api = {
  async load(id, {onProgress}) {
    fake.loads++;
    onProgress?.({loaded: 5e6, total: 1e7});
    await new Promise((r) => setTimeout(r, 50));
    onProgress?.({loaded: 1e7, total: 1e7});
    return model;
  },
};

mountImage(document.querySelector('.vitrine-demo'), info, api, 'auto');
window.__mounted = true;
"""

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Image widget</title>
<link rel="stylesheet" href="material/main.css"><link rel="stylesheet" href="material/palette.css">
<link rel="stylesheet" href="js_runtime/vitrine.css">
<style>/* the content column's width on a real page, between material's two sidebars */
@media (min-width: 76.25em) { .md-content { max-width: 36.8rem; margin: 0 auto; } }</style>
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset">
<h1>Photo classifier</h1>
<h2>Try it</h2>
<div class="vitrine-demo" data-model="photo-classifier"><p>Static content</p></div>
<h2>Model</h2><p>More text.</p>
</article></div></div></main></div>
<script type="module" src="harness.js"></script>
</body></html>"""


@pytest.fixture(scope="module")
def widget_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("image_widget")
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
    models = root / "models" / "photo-classifier"
    models.mkdir(parents=True)
    for name, data in EXAMPLES.items():
        (models / name).write_bytes(data)
    (models / "damaged.png").write_bytes(b"not the file the manifest names")
    (root / "harness.js").write_text(HARNESS.replace("INFO_JSON", json.dumps(INFO)))
    (root / "index.html").write_text(PAGE)
    with serve_directory(root) as url:
        yield url


@pytest.fixture
def page(browser: Browser, widget_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.goto(widget_url)
    p.wait_for_function("() => window.__mounted === true")
    p.wait_for_selector('.vitrine-demo[data-state="ready"]')  # visible at once: the model preloads
    yield p
    assert errors == []
    context.close()


def wait_live(page: Page, label: str) -> None:
    page.wait_for_function(
        "(label) => { const d = document.querySelector('.vitrine-demo');"
        " return d.dataset.source === 'live' && d.querySelector('.vitrine-label').textContent === label; }",
        arg=label, timeout=10_000)


def shown(page: Page) -> dict:
    return page.evaluate("""() => {
        const d = document.querySelector('.vitrine-demo');
        const rows = [...d.querySelectorAll('.vitrine-topk button.vitrine-class')];
        const canvas = d.querySelector('canvas.vitrine-cam');
        let opaque = 0;
        if (canvas.width && canvas.height) {
            const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < px.length; i += 4) if (px[i] > 0) opaque++;
        }
        return {
            label: d.querySelector('.vitrine-label').textContent,
            source: d.dataset.source,
            sourceText: d.querySelector('.vitrine-source').textContent,
            rows: rows.map((b) => ({name: b.querySelector('.vitrine-class-name').textContent,
                                    score: b.querySelector('.vitrine-class-score').textContent,
                                    pressed: b.getAttribute('aria-pressed'),
                                    bar: b.querySelector('.vitrine-bar-fill').style.width})),
            camText: d.querySelector('.vitrine-cam-text').textContent,
            overlay: {hidden: canvas.hidden, opaque, width: canvas.width, height: canvas.height,
                      left: canvas.style.left, top: canvas.style.top, w: canvas.style.width, h: canvas.style.height,
                      opacity: canvas.style.opacity},
            image: d.querySelector('img.vitrine-image').src,
            imageAlt: d.querySelector('img.vitrine-image').alt,
            error: d.querySelector('.vitrine-error').hidden ? null : d.querySelector('.vitrine-error').textContent,
            announced: d.querySelector('.vitrine-announce').textContent,
            status: d.querySelector('.vitrine-status').textContent,
        };
    }""")


def calls(page: Page) -> list[dict]:
    return page.evaluate("() => window.__calls")


def test_file_picker_shows_top5_heat_map_and_status(page: Page, tmp_path: Path) -> None:
    image = tmp_path / "wide photo.png"
    image.write_bytes(png(300, 200))
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(image))
    wait_live(page, "class-300x200")
    out = shown(page)
    assert [r["name"] for r in out["rows"]] == ["class-300x200", "other-1", "other-2", "other-3", "other-4"]
    assert [r["score"] for r in out["rows"]] == ["62.0%", "20.0%", "10.0%", "5.0%", "3.0%"]
    assert [r["bar"] for r in out["rows"]] == ["62%", "20%", "10%", "5%", "3%"]
    assert [r["pressed"] for r in out["rows"]] == ["true", "false", "false", "false", "false"]
    assert out["sourceText"] == "Live prediction for “wide photo.png”, calculated in your browser."
    # The heat map is drawn, over the centre crop (x 50..250 of 300, the full height).
    assert not out["overlay"]["hidden"] and out["overlay"]["opaque"] == out["overlay"]["width"] * out["overlay"]["height"] > 0
    assert out["overlay"]["left"].startswith("16.66") and out["overlay"]["top"] == "0%"
    assert out["overlay"]["w"].startswith("66.66") and out["overlay"]["h"] == "100%"
    assert out["overlay"]["opacity"] == "0.6"
    assert out["camText"].startswith("Heat map for “class-300x200”: strongest activation in the upper left of the crop")
    assert out["image"].startswith("blob:") and out["imageAlt"] == "The image to classify: wide photo.png"
    assert "with WebAssembly (WASM-SIMD), 4 threads" in out["status"] and "auto; WebGPU unavailable" in out["status"]
    assert "last run" in out["status"]
    page.wait_for_function("() => document.querySelector('.vitrine-announce').textContent.includes('class-300x200 62.0%')")
    assert calls(page)[0]["options"] == ["cam", "signal", "topK"] and calls(page)[0]["topK"] == 5 and calls(page)[0]["cam"] is True
    assert page.evaluate("() => window.__fake.loads") == 1
    # The previous object URL is revoked when another image replaces it.
    first = out["image"]
    image2 = tmp_path / "tall.png"
    image2.write_bytes(png(100, 150))
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(image2))
    wait_live(page, "class-100x150")
    assert page.evaluate("async (url) => { try { await fetch(url); return 'alive'; } catch { return 'revoked'; } }", first) == "revoked"


def test_selecting_a_class_redraws_its_map_and_the_opacity_controls_work(page: Page, tmp_path: Path) -> None:
    image = tmp_path / "square.png"
    image.write_bytes(png(200, 200))
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(image))
    wait_live(page, "class-200x200")
    before = page.evaluate("() => document.querySelector('canvas.vitrine-cam').toDataURL()")
    page.locator(".vitrine-topk button.vitrine-class").nth(1).click()
    out = shown(page)
    assert [r["pressed"] for r in out["rows"]] == ["false", "true", "false", "false", "false"]
    assert out["camText"].startswith("Heat map for “other-1”: strongest activation in the lower right of the crop")
    assert page.evaluate("() => document.querySelector('canvas.vitrine-cam').toDataURL()") != before
    page.locator(".vitrine-cam-opacity input").fill("20")
    assert shown(page)["overlay"]["opacity"] == "0.2"
    page.locator(".vitrine-cam-toggle input").uncheck()
    assert shown(page)["overlay"]["hidden"] is True
    page.locator(".vitrine-cam-toggle input").check()
    assert shown(page)["overlay"]["hidden"] is False


def test_paste_and_drop(page: Page) -> None:
    make_file = """([w, h, name]) => new Promise((resolve) => {
        const c = document.createElement('canvas'); c.width = w; c.height = h;
        c.getContext('2d').fillRect(0, 0, w / 2, h / 2);
        c.toBlob((b) => resolve(new File([b], name, {type: 'image/png'})), 'image/png');
    })"""
    # Paste while the widget has focus.
    page.locator(".vitrine-dropzone").focus()
    page.evaluate(f"""async () => {{
        const file = await ({make_file})([120, 90, 'clip.png']);
        const data = new DataTransfer(); data.items.add(file);
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', {{clipboardData: data, bubbles: true, cancelable: true}}));
    }}""")
    wait_live(page, "class-120x90")
    assert shown(page)["sourceText"] == "Live prediction for “Pasted image”, calculated in your browser."
    # Paste with nothing focused goes to the image widget last used.
    page.evaluate("() => document.activeElement.blur()")
    page.evaluate(f"""async () => {{
        const file = await ({make_file})([80, 60, 'clip.png']);
        const data = new DataTransfer(); data.items.add(file);
        document.body.dispatchEvent(new ClipboardEvent('paste', {{clipboardData: data, bubbles: true, cancelable: true}}));
    }}""")
    wait_live(page, "class-80x60")
    # A paste into another text field of the page is left alone.
    page.evaluate("""() => { const t = document.createElement('textarea'); t.id = 'other'; document.body.append(t); t.focus(); }""")
    n = len(calls(page))
    page.evaluate(f"""async () => {{
        const file = await ({make_file})([64, 64, 'x.png']);
        const data = new DataTransfer(); data.items.add(file);
        document.getElementById('other').dispatchEvent(new ClipboardEvent('paste', {{clipboardData: data, bubbles: true, cancelable: true}}));
    }}""")
    page.wait_for_timeout(300)
    assert len(calls(page)) == n
    # Drop a file anywhere on the widget.
    page.evaluate(f"""async () => {{
        const file = await ({make_file})([150, 100, 'dropped.png']);
        const data = new DataTransfer(); data.items.add(file);
        const zone = document.querySelector('.vitrine-stage');
        for (const type of ['dragenter', 'dragover', 'drop']) {{
            zone.dispatchEvent(new DragEvent(type, {{dataTransfer: data, bubbles: true, cancelable: true}}));
        }}
    }}""")
    wait_live(page, "class-150x100")
    assert shown(page)["sourceText"] == "Live prediction for “dropped.png”, calculated in your browser."
    assert not page.evaluate("() => document.querySelector('.vitrine-demo').classList.contains('vitrine-dragover')")
    # Dropping a file that is not an image says so, before any model call.
    n = len(calls(page))
    page.evaluate("""() => {
        const data = new DataTransfer(); data.items.add(new File(['hello'], 'notes.txt', {type: 'text/plain'}));
        document.querySelector('.vitrine-dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
    }""")
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    assert shown(page)["error"] == ("“notes.txt” is not an image (it is text/plain). "
                                    "Choose a photo or picture file: PNG, JPEG, WebP, GIF or BMP.")
    assert len(calls(page)) == n


def test_examples_are_checked_and_classified(page: Page) -> None:
    buttons = page.locator(".vitrine-example")
    assert buttons.all_inner_texts() == ["Tabby cat", "red-fox", "Damaged"]  # the description artifact is no example
    page.wait_for_function("() => [...document.querySelectorAll('.vitrine-example img')].slice(0, 2).every((i) => i.naturalWidth > 0)")
    buttons.nth(0).click()
    wait_live(page, "class-240x180")
    assert shown(page)["sourceText"] == "Live prediction for “Tabby cat”, calculated in your browser."
    buttons.nth(1).click()
    wait_live(page, "class-160x200")
    # A file that does not match the manifest's sha256 is refused; what is shown stays as it was.
    n = len(calls(page))
    buttons.nth(2).click()
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    assert "“Damaged” is damaged" in shown(page)["error"]
    assert len(calls(page)) == n and shown(page)["label"] == "class-160x200"


def test_keyboard_only(page: Page) -> None:
    # From the top of the page, Tab reaches the drop zone, which opens the file picker with Enter.
    # (Listening before the key press: Playwright turns on file-chooser interception asynchronously.)
    choosers: list[FileChooser] = []
    page.on("filechooser", lambda chooser: choosers.append(chooser))
    page.locator("h1").click()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "vitrine-dropzone"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "keyboard focus must be visible"
    page.keyboard.press("Enter")
    for _ in range(50):
        if choosers:
            break
        page.wait_for_timeout(100)
    assert len(choosers) == 1
    choosers[0].set_files(files=[{"name": "k.png", "mimeType": "image/png", "buffer": png(90, 90)}])
    wait_live(page, "class-90x90")
    # Then on to the first example (no camera here: headless Chromium has mediaDevices, so the button shows).
    order = []
    for _ in range(8):
        page.keyboard.press("Tab")
        order.append(page.evaluate("() => document.activeElement.className || document.activeElement.tagName"))
        if order[-1] == "vitrine-example":
            break
    assert order[-1] == "vitrine-example", order
    page.keyboard.press("Enter")
    wait_live(page, "class-240x180")
    # Tab on to the class rows; Space selects one.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('vitrine-class')"):
            break
    assert page.evaluate("() => document.activeElement.dataset.index") == "0"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert [r["pressed"] for r in shown(page)["rows"]] == ["false", "true", "false", "false", "false"]
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the other rows, to the heat-map checkbox
    assert page.evaluate("() => document.activeElement.closest('label')?.className") == "vitrine-cam-toggle"
    page.keyboard.press("Space")
    assert shown(page)["overlay"]["hidden"] is True
    assert page.locator(".vitrine-cam-opacity input").is_disabled()  # no opacity for a hidden map
    page.keyboard.press("Space")
    assert shown(page)["overlay"]["hidden"] is False
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "range"
    page.keyboard.press("ArrowLeft")
    assert shown(page)["overlay"]["opacity"] == "0.55"


def test_a_superseded_request_is_aborted_and_a_stale_answer_never_shown(page: Page, tmp_path: Path) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    a.write_bytes(png(50, 40))
    b.write_bytes(png(40, 50))
    page.evaluate("() => { window.__fake.delay = 800; }")
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(a))
    page.wait_for_function("() => window.__calls.length === 1")
    assert shown(page)["source"] == "pending" and shown(page)["rows"] == []
    page.evaluate("() => { window.__fake.delay = 100; }")
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(b))
    wait_live(page, "class-40x50")
    first, second = calls(page)
    assert first["aborted"] is True and first["settled"] == "aborted"
    assert second["aborted"] is False and second["settled"] == "answered"
    # A model that ignores the signal: its late answer for the older image is dropped.
    page.evaluate("() => { window.__fake.delay = 700; window.__fake.ignoreAbort = true; }")
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(a))
    page.wait_for_function("() => window.__calls.length === 3")
    page.evaluate("() => { window.__fake.delay = 50; }")
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(b))
    page.wait_for_function("() => window.__calls[2].settled === 'answered'", timeout=5_000)
    page.wait_for_timeout(100)
    assert shown(page)["label"] == "class-40x50" and shown(page)["sourceText"].endswith("for “b.png”, calculated in your browser.")
    assert calls(page)[2]["aborted"] is True


def test_a_failed_prediction_is_shown_and_the_widget_stays_usable(page: Page, tmp_path: Path) -> None:
    ok = tmp_path / "ok.png"
    ok.write_bytes(png(64, 48))
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(ok))
    wait_live(page, "class-64x48")
    page.evaluate("() => { window.__fake.fail = 'This image is too large (12000 × 9000 pixels); the limit is 40 megapixels.'; }")
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(ok))
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    out = shown(page)
    assert out["error"] == "This image is too large (12000 × 9000 pixels); the limit is 40 megapixels."
    assert out["source"] == "failed" and out["rows"] == [] and out["label"] == "–" and out["overlay"]["hidden"] is True
    # A corrupt file: the (fake) model cannot decode it.
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(broken))
    page.wait_for_function("() => document.querySelector('.vitrine-error').textContent.startsWith('This file could not be read')")
    # And the next image works: the error goes.
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(ok))
    wait_live(page, "class-64x48")
    assert shown(page)["error"] is None


def test_camera_takes_a_photo_and_stops_the_tracks(browser: Browser, widget_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script("""(() => {
        window.__tracks = [];
        navigator.mediaDevices.getUserMedia = async () => {
            const c = document.createElement('canvas'); c.width = 64; c.height = 48;
            const ctx = c.getContext('2d');
            setInterval(() => { ctx.fillStyle = `hsl(${Date.now() % 360}, 80%, 50%)`; ctx.fillRect(0, 0, 64, 48); }, 30);
            const stream = c.captureStream(15);
            window.__tracks.push(...stream.getTracks());
            return stream;
        };
    })();""")
    page.goto(widget_url)
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    page.locator(".vitrine-camera-button").click()
    page.wait_for_selector(".vitrine-camera:not([hidden])")
    assert page.evaluate("() => document.activeElement.className").startswith("vitrine-take-photo")
    page.wait_for_function("() => document.querySelector('.vitrine-camera-video').videoWidth > 0")
    page.keyboard.press("Enter")
    wait_live(page, "class-64x48")
    assert page.evaluate("() => window.__tracks.every((t) => t.readyState === 'ended')")
    assert page.locator(".vitrine-camera").is_hidden()
    assert shown(page)["sourceText"] == "Live prediction for “Camera photo”, calculated in your browser."
    # Escape closes the preview without a photo, and stops the camera again.
    page.locator(".vitrine-camera-button").click()
    page.wait_for_selector(".vitrine-camera:not([hidden])")
    page.keyboard.press("Escape")
    assert page.locator(".vitrine-camera").is_hidden()
    assert page.evaluate("() => window.__tracks.length === 2 && window.__tracks.every((t) => t.readyState === 'ended')")
    assert page.evaluate("() => document.activeElement.className").startswith("vitrine-camera-button")
    context.close()


def test_a_denied_camera_hides_its_button_and_says_why(browser: Browser, widget_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("""navigator.mediaDevices.getUserMedia = async () => {
        throw new DOMException('Permission denied', 'NotAllowedError'); };""")
    page.goto(widget_url)
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    page.locator(".vitrine-camera-button").click()
    page.wait_for_selector(".vitrine-camera-note:not([hidden])")
    assert page.locator(".vitrine-camera-button").is_hidden()
    assert "access to it was denied" in page.locator(".vitrine-camera-note").inner_text()
    context.close()
    # Without mediaDevices (an insecure page, an old browser) there is no camera button at all.
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'mediaDevices', {get: () => undefined});")
    page.goto(widget_url)
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    assert page.locator(".vitrine-camera-button").is_hidden()
    context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_layout_has_no_horizontal_scroll_and_puts_the_panel_beside_or_under_the_image(page: Page, width: int, tmp_path: Path) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    image = tmp_path / "a very long file name without any spaces so that it has to wrap somewhere.png"
    image.write_bytes(png(400, 300))
    page.set_input_files(".vitrine-demo input.vitrine-file-input", str(image))
    wait_live(page, "class-400x300")
    page.locator(".vitrine-demo").scroll_into_view_if_needed()
    boxes = page.evaluate("""() => {
        const box = (s) => { const r = document.querySelector(s).getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
        return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                stage: box('.vitrine-stage'), panel: box('.vitrine-panel'), demo: box('.vitrine-demo')};
    }""")
    assert boxes["scroll"] <= boxes["inner"], boxes
    assert boxes["demo"]["right"] <= width
    if width >= 1000:
        assert boxes["panel"]["left"] >= boxes["stage"]["right"] - 1 and boxes["panel"]["top"] < boxes["stage"]["bottom"], boxes
    else:
        assert boxes["panel"]["top"] >= boxes["stage"]["bottom"] - 1, boxes
    page.locator(".vitrine-demo").screenshot(path=str(SCREENSHOTS / f"vitrine-image-widget-{width}.png"))
    page.screenshot(path=str(SCREENSHOTS / f"vitrine-image-page-{width}.png"), full_page=True)


def test_ctrl_v_pastes_the_clipboard_image(browser: Browser, widget_url: str) -> None:
    """A real key press and the system clipboard (not a synthetic event): into the focused widget, and
    with nothing focused."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(widget_url)
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    copy = """async ([w, h]) => {
        const c = document.createElement('canvas'); c.width = w; c.height = h; c.getContext('2d').fillRect(0, 0, 5, 5);
        const blob = await new Promise((r) => c.toBlob(r, 'image/png'));
        await navigator.clipboard.write([new ClipboardItem({'image/png': blob})]);
    }"""
    page.evaluate(copy, [33, 22])
    page.locator(".vitrine-dropzone").focus()
    page.keyboard.press("Control+V")
    wait_live(page, "class-33x22")
    page.evaluate("() => document.activeElement.blur()")
    page.evaluate(copy, [44, 22])
    page.keyboard.press("Control+V")
    wait_live(page, "class-44x22")
    context.close()
