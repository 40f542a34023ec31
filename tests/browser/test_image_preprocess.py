"""Image decoding and preprocessing in a real Chromium module worker equal Python's reference.

Every image goes through worker/image_decode.js + worker/image_preprocess.js inside a module Web
Worker (tests/browser/image_worker.js) and through builder.image_preprocess in Python; the tensors must
agree within one grey level (|Δ| ≤ 1/255/std) and the geometry exactly, for an ImageNet center-crop
spec (224, NCHW) and a face-detector letterbox spec (128, NHWC).

Measured (Debian Chromium 156, Pillow 13.0): max |Δ| = 0 on all 35 images × 2 specs (`pytest -s` prints
each) — Chromium's decoders give the bytes PIL's give (JPEG incl. progressive, 4:4:4, grey and CMYK;
PNG incl. palette, tRNS, grey+alpha, 16-bit; GIF; WebP; BMP; AVIF), compositing is the same integer
formula, and the JS resize is PIL's fixed-point arithmetic, so the tensors are bit-identical. The
≤ 1 level is the contract's allowance, not a measured error. Straight RGBA *before* compositing does
differ where alpha < 255 (the canvas stores premultiplied colour and gives back a rounded straight
colour); composited over the background it came out equal here, though up to 1 level is possible.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pytest
import skimage
from playwright.sync_api import Browser, Page
from PIL import Image

from builder.browser import serve_directory
from builder.image_preprocess import decode_rgba, prepare

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SKIMAGE = Path(skimage.__file__).parent / "data"
CROP = {"kind": "image", "input": "image", "size": [224, 224], "fit": "center-crop", "resize": 256, "layout": "NCHW",
        "channels": "RGB", "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "background": [255, 255, 255]}
BOX = {"kind": "image", "input": "image", "size": [128, 128], "fit": "letterbox", "layout": "NHWC", "channels": "RGB",
       "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "background": [0, 0, 0]}
SPECS = [CROP, BOX]
PAGE = b"""<!doctype html><meta charset="utf-8"><title>image preprocessing test</title><script type="module">
const worker = new Worker('/tests/browser/image_worker.js', { type: 'module' });
const pending = new Map();
let next = 0;
worker.onmessage = ({ data }) => { pending.get(data.id)(data); pending.delete(data.id); };
worker.onerror = (e) => console.error('worker failed: ' + e.message);
window.decodeAndPrepare = (request) => new Promise((resolve) => { const id = ++next; pending.set(id, resolve); worker.postMessage({ ...request, id }); });
window.harnessReady = true;
</script>"""


def encode(img: Image.Image, fmt: str, **options: Any) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def orientation(value: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = value
    return exif.tobytes()


def images() -> dict[str, bytes]:
    """≥ 20 real photos, odd sizes, and every mode and format the decoder must handle."""
    files = {name: (SKIMAGE / name).read_bytes() for name in (
        "chelsea.png", "coffee.png", "astronaut.png", "rocket.jpg", "motorcycle_left.png", "camera.png",
        "hubble_deep_field.jpg", "retina.jpg", "logo.png", "horse.png", "coins.png", "page.png", "color.png",
        "no_time_for_that_tiny.gif")}
    chelsea = Image.open(SKIMAGE / "chelsea.png").convert("RGB")
    coffee = Image.open(SKIMAGE / "coffee.png").convert("RGB")
    astronaut = Image.open(SKIMAGE / "astronaut.png").convert("RGB")
    files["chelsea_97x301.png"] = encode(chelsea.resize((97, 301), Image.Resampling.LANCZOS), "PNG")
    files["coffee_1000x37.png"] = encode(coffee.crop((0, 180, 600, 217)).resize((1000, 37)), "PNG")
    files["astronaut_225x224.png"] = encode(astronaut.crop((140, 40, 365, 264)), "PNG")
    files["one_pixel.png"] = encode(astronaut.crop((200, 200, 201, 201)), "PNG")
    files["rocket_q75.jpg"] = encode(Image.open(SKIMAGE / "rocket.jpg").crop((13, 7, 613, 407)), "JPEG", quality=75)
    files["coffee_progressive_444.jpg"] = encode(coffee, "JPEG", quality=92, progressive=True, subsampling=0)
    files["chelsea_grey.jpg"] = encode(chelsea.convert("L"), "JPEG", quality=85)
    files["chelsea_cmyk.jpg"] = encode(chelsea.convert("CMYK"), "JPEG", quality=90)
    files["chelsea_exif6.jpg"] = encode(chelsea, "JPEG", quality=90, exif=orientation(6))
    files["coffee_exif3.jpg"] = encode(coffee, "JPEG", quality=90, exif=orientation(3))
    files["astronaut_exif8.png"] = encode(astronaut.resize((300, 200)), "PNG", exif=orientation(8))
    rgba = np.asarray(chelsea.convert("RGBA")).copy()
    rgba[..., 3] = np.linspace(0, 255, rgba.shape[1]).astype(np.uint8)[None, :]  # every alpha level
    rgba[:30, :, 3] = 0
    rgba[30:40, :, 3] = 1
    files["chelsea_transparent.png"] = encode(Image.fromarray(rgba, "RGBA"), "PNG")
    files["chelsea_transparent.webp"] = encode(Image.fromarray(rgba, "RGBA"), "WEBP", lossless=True)
    files["chelsea_grey_alpha.png"] = encode(Image.fromarray(rgba).convert("LA"), "PNG")
    files["coffee_palette.png"] = encode(coffee.quantize(200), "PNG")
    files["coffee_palette_trns.png"] = encode(coffee.quantize(64), "PNG", transparency=5)
    files["coffee_trns.gif"] = encode(coffee.quantize(64), "GIF", transparency=5)
    grey16 = np.asarray(Image.open(SKIMAGE / "camera.png")).astype(np.uint16) * 256 + 77
    files["camera_16bit.png"] = encode(Image.fromarray(grey16), "PNG")
    files["astronaut.webp"] = encode(astronaut, "WEBP", quality=80)
    files["chelsea.bmp"] = encode(chelsea, "BMP")
    from PIL import features

    if features.check("avif"):
        files["chelsea.avif"] = encode(chelsea, "AVIF", quality=80)
    return files


@dataclass
class Harness:
    """The test page: `run` sends one request to the module worker and returns its reply."""

    page: Page
    files: dict[str, bytes] = field(default_factory=dict)

    def run(self, name: str, data: bytes, specs: list[dict] = SPECS, **request: Any) -> dict:
        self.files[name] = data
        return self.page.evaluate("(r) => decodeAndPrepare(r)", {"url": f"/__image_test/{name}", "specs": specs, **request})


@pytest.fixture(scope="module")
def harness(browser: Browser) -> Iterator[Harness]:
    files: dict[str, bytes] = {}

    def respond(path: str) -> bytes | None:
        path = path.split("?")[0]
        if path == "/__image_test/page.html":
            return PAGE
        if path.startswith("/__image_test/"):
            return files.get(path.removeprefix("/__image_test/"), b"")
        return None

    with serve_directory(REPO, respond=respond) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "__image_test/page.html")
        page.wait_for_function("() => window.harnessReady === true")
        yield Harness(page, files)
        context.close()


def tensor_of(result: dict) -> np.ndarray:
    return np.frombuffer(base64.b64decode(result["tensor"]), np.float32).reshape(result["dims"])


def grey_levels(browser_tensor: np.ndarray, python_tensor: np.ndarray, spec: dict) -> float:
    """max |Δ| in grey levels (1 level = 1/255/std after normalisation)."""
    return float(np.max(np.abs(browser_tensor - python_tensor)) * min(spec["std"]) * 255)


ALL = images()


@pytest.mark.parametrize("name", sorted(ALL))
def test_browser_tensor_equals_python(harness: Harness, name: str) -> None:
    data = ALL[name]
    reply = harness.run(name, data)
    assert reply["ok"], reply
    rgba = decode_rgba(data)
    assert (reply["width"], reply["height"]) == (rgba.shape[1], rgba.shape[0])
    assert reply["notice"] is None
    for spec, result in zip(SPECS, reply["results"]):
        expected = prepare(rgba, spec)
        got = tensor_of(result)
        assert got.shape == expected.tensor.shape
        delta = grey_levels(got, expected.tensor, spec)
        print(f"{name} {spec['fit']}: max |Δ| = {delta:.3g} grey levels")  # shown with pytest -s
        assert delta <= 1.0 + 1e-4, f"{name} {spec['fit']}: max |Δ| = {delta} grey levels"
        assert result["geometry"] == expected.geometry


@pytest.mark.parametrize("kind", ["blob", "buffer", "bitmap"])
def test_every_input_kind_gives_the_same_tensor(harness: Harness, kind: str) -> None:
    data = ALL["chelsea_exif6.jpg"]
    reply = harness.run("chelsea_exif6.jpg", data, **{"as": kind})
    assert reply["ok"], reply
    assert (reply["width"], reply["height"]) == (300, 451)
    expected = prepare(decode_rgba(data), CROP)
    assert grey_levels(tensor_of(reply["results"][0]), expected.tensor, CROP) <= 1.0 + 1e-4


BAD = {
    "text_renamed.png": (b"This is a text file with a .png name.\n" * 20, "This file contains text, not an image."),
    "empty.png": (b"", "The file is empty (0 bytes)"),
    "truncated.jpg": ((SKIMAGE / "rocket.jpg").read_bytes()[:40_000], "This JPEG file could not be decoded: it is probably damaged or incomplete"),
    "truncated.png": ((SKIMAGE / "chelsea.png").read_bytes()[:20_000], "This PNG file could not be decoded: it is probably damaged or incomplete"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_inputs_are_refused_clearly_and_the_worker_keeps_working(harness: Harness, name: str) -> None:
    data, message = BAD[name]
    reply = harness.run(name, data)
    assert not reply["ok"] and reply["code"] == "bad-input"
    assert message in reply["message"]
    after = harness.run("after.png", ALL["one_pixel.png"])
    assert after["ok"], after


@pytest.fixture(scope="module")
def huge_png() -> bytes:
    """8000×6400 (51.2 megapixels) of one colour: a few hundred KB."""
    return encode(Image.new("RGB", (8000, 6400), (200, 30, 40)), "PNG", compress_level=9)


def test_a_50_megapixel_image_is_decoded_scaled_down_with_a_notice(harness: Harness, huge_png: bytes) -> None:
    reply = harness.run("huge.png", huge_png, specs=[CROP])
    assert reply["ok"], reply
    assert reply["width"] * reply["height"] <= 40e6  # never full-size RGBA
    assert (reply["width"], reply["height"]) == (7071, 5656)
    assert reply["original"] == {"width": 8000, "height": 6400}
    assert reply["notice"] == ("The image was scaled down from 8000×6400 to 7071×5656 pixels (this page decodes at most 40 "
                               "megapixels) before the model saw it; results may differ slightly from Python's.")
    colour = (np.array([200, 30, 40]) / 255 - 0.5) / 0.5
    assert np.allclose(tensor_of(reply["results"][0])[0].transpose(1, 2, 0), colour, atol=1e-6)
    g = reply["results"][0]["geometry"]  # maps to the full-size image the visitor sees
    assert (g["width"], g["height"]) == (8000, 6400)
    assert g["scale_x"] == pytest.approx(8000 / 320) and g["scale_y"] == pytest.approx(6400 / 256)  # 7071×5656 → 320×256


def test_a_too_large_image_is_refused_with_its_size_and_the_limit(harness: Harness, huge_png: bytes) -> None:
    reply = harness.run("huge.png", huge_png, specs=[CROP], limits={"maxSourcePixels": 45e6})
    assert not reply["ok"] and reply["code"] == "bad-input"
    assert reply["message"] == ("This image is 8000×6400 pixels (51.2 megapixels); the most this page opens is 45 megapixels. "
                                "Save a smaller copy of it (any photo editor can resize it) and try again.")
    assert harness.run("after.png", ALL["one_pixel.png"])["ok"]


def test_scaling_down_keeps_the_exif_orientation_and_the_picture(harness: Harness) -> None:
    """A rotated JPEG above the limit (here 1 megapixel): scaled down, upright, close to Python's full-size result."""
    photo = Image.open(SKIMAGE / "coffee.png").convert("RGB").resize((1600, 1200))
    data = encode(photo, "JPEG", quality=95, exif=orientation(6))
    reply = harness.run("big_rotated.jpg", data, limits={"maxPixels": 1e6})
    assert reply["ok"], reply
    assert (reply["width"], reply["height"]) == (866, 1154) and reply["original"] == {"width": 1200, "height": 1600}
    assert "scaled down from 1200×1600 to 866×1154" in reply["notice"]
    expected = prepare(decode_rgba(data), CROP).tensor
    diff = np.abs(tensor_of(reply["results"][0]) - expected) * 0.5 * 255
    assert diff.mean() < 2.0, diff.mean()  # the same picture the same way up, resampled differently
