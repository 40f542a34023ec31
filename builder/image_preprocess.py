"""Image preprocessing: the reference definition the browser (worker/image_preprocess.js) must equal.

A model card's image models are evaluated here in Python and run in the visitor's browser; both must
feed the model the same tensor, or browser results silently drift from the measured metrics. So every
step is defined exactly, and the JS port follows it step for step:

1. **Decode** (`decode`): PIL, first frame, EXIF orientation applied (as browsers do with
   `imageOrientation: 'from-image'`; except in WebP files, where Chromium ignores it), embedded
   colour profiles ignored (as `colorSpaceConversion:
   'none'`), any mode brought to 8-bit RGB(A); 16-bit samples keep their high byte (what PIL's own
   PNG decoder does for 16-bit RGB, and libpng's `strip_16`).
2. **Composite** transparent pixels over `spec["background"]`, *before* resizing, per channel in
   integers: ``out = (c*a + bg*(255 - a) + 127) // 255`` (round to nearest).
3. **Resize** the RGB image with PIL's bilinear filter, width first, then height: two calls of
   ``Image.resize(size, Image.BILINEAR, reducing_gap=None)`` that each change one side. PIL's bilinear
   is a triangle filter whose support widens by the downscale factor (antialiased), with pixel
   centres at ``i + 0.5``, per-pixel normalised weights in 22-bit fixed point, rounding, and
   clipping to 0..255 after each pass (libImaging/Resample.c). It is *not* the bilinear of
   torchvision tensors, OpenCV or a canvas `drawImage`. The pass order is ours, not PIL's: one
   ``resize`` call runs the horizontal pass first up to Pillow 12, but Pillow 13 runs the vertical
   pass first when ``out_h < in_h and in_h - out_h > 2 * (in_w - out_w)``, and the 8-bit rounding
   between the passes makes the two orders differ by a grey level here and there. Two calls give
   the same bytes under every Pillow version.
4. **Fit** the model size ``[H, W]``:
   - ``stretch``: resize to exactly W×H.
   - ``letterbox``: scale to fit inside W×H keeping the aspect ratio; the limited side becomes W (or
     H), the other ``(2*other*W + limited) // (2*limited)`` (round half up, at least 1); pasted at
     ``((W - nw) // 2, (H - nh) // 2)`` over `background`.
   - ``center-crop``: the shorter side becomes `resize` (default ``max(H, W)``), the longer
     ``(2*long*resize + short) // (2*short)`` (round half up), then the crop at
     ``((rw - W) // 2, (rh - H) // 2)``.
5. **Normalise**: ``(pixel / 255 - mean[c]) / std[c]`` in float64, stored as float32, batch of 1 in
   `layout` (NCHW or NHWC), channel order `channels` (RGB, or BGR for models trained that way).

`geometry` maps model-input coordinates back to the decoded image in continuous pixel coordinates
(pixel i spans [i, i+1]): ``original_x = model_x * scale_x + x``, ``original_y = model_y * scale_y + y``.
`scale` is `scale_x`; the two differ only for `stretch` or by the rounding of the resized size.
(In the browser, an image above the decode limit is decoded scaled down; its geometry then maps to the
full-size image, see worker/image_decode.js.)
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

FITS = ("center-crop", "letterbox", "stretch")
LAYOUTS = ("NCHW", "NHWC")
CHANNELS = ("RGB", "BGR")
WHITE = (255, 255, 255)


class ImageInputError(ValueError):
    """An input that is not a usable image; the message says why in words a visitor understands."""

    code = "bad-input"


@dataclass(frozen=True)
class Prepared:
    """A model-ready tensor and how its pixels map back to the image it came from."""

    tensor: np.ndarray  # float32, shape (1, 3, H, W) or (1, H, W, 3)
    geometry: dict[str, float | int]  # scale, scale_x, scale_y, x, y, width, height (see module doc)


def decode_rgba(data: bytes) -> np.ndarray:
    """Decode image bytes to uint8 H×W×4 straight-alpha RGBA, like `getImageData` after `createImageBitmap`."""
    img = _open(data)
    if img.mode.startswith("I;16"):
        grey = np.asarray(img, dtype=np.uint16) >> 8  # 16-bit samples: keep the high byte
        img = Image.fromarray(grey.astype(np.uint8), "L")
    if img.mode != "RGBA":
        try:  # P/L/RGB with tRNS, LA, PA get their alpha; the rest alpha 255
            img = img.convert("RGBA")
        except ValueError:  # modes PIL cannot take to RGBA in one step (YCbCr, F, …)
            img = img.convert("RGB").convert("RGBA")
    return np.array(img, dtype=np.uint8)


def decode(data: bytes, background: Sequence[int] = WHITE) -> np.ndarray:
    """Decode image bytes to uint8 H×W×3 RGB, transparent pixels composited over `background`."""
    return composite(decode_rgba(data), background)


def composite(rgba: np.ndarray, background: Sequence[int] = WHITE) -> np.ndarray:
    """RGBA → RGB over `background` in integers, so JS can do exactly the same arithmetic."""
    if rgba.ndim != 3 or rgba.shape[2] not in (3, 4):
        raise ValueError(f"expected an H×W×3 or H×W×4 uint8 array, got shape {rgba.shape}")
    if rgba.shape[2] == 3:
        return np.ascontiguousarray(rgba, dtype=np.uint8)
    c = rgba[..., :3].astype(np.int32)
    a = rgba[..., 3:4].astype(np.int32)
    bg = np.asarray(background, dtype=np.int32).reshape(1, 1, 3)
    return ((c * a + bg * (255 - a) + 127) // 255).astype(np.uint8)


def normalize_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The spec with defaults filled in, or ValueError naming the bad field (same rules as JS)."""
    if spec.get("kind", "image") != "image":
        raise ValueError(f'preprocessing kind must be "image", got {spec.get("kind")!r}')
    size = spec.get("size")
    if not (isinstance(size, (list, tuple)) and len(size) == 2 and all(_positive_int(v) for v in size)):
        raise ValueError(f"preprocessing size must be [height, width] of positive integers, got {size!r}")
    fit = spec.get("fit", "stretch")
    if fit not in FITS:
        raise ValueError(f"preprocessing fit must be one of {', '.join(FITS)}, got {fit!r}")
    layout = spec.get("layout", "NCHW")
    if layout not in LAYOUTS:
        raise ValueError(f"preprocessing layout must be NCHW or NHWC, got {layout!r}")
    channels = spec.get("channels", "RGB")
    if channels not in CHANNELS:
        raise ValueError(f"preprocessing channels must be RGB or BGR, got {channels!r}")
    mean = _triple(spec.get("mean", (0.0, 0.0, 0.0)), "mean")
    std = _triple(spec.get("std", (1.0, 1.0, 1.0)), "std")
    if any(s == 0 for s in std):
        raise ValueError("preprocessing std must not contain 0")
    background = spec.get("background", WHITE)
    if not (isinstance(background, (list, tuple)) and len(background) == 3
            and all(_int(v) and 0 <= v <= 255 for v in background)):
        raise ValueError(f"preprocessing background must be three integers 0..255, got {background!r}")
    out = {"kind": "image", "input": spec.get("input"), "size": [int(size[0]), int(size[1])], "fit": fit,
           "layout": layout, "channels": channels, "mean": mean, "std": std, "background": [int(v) for v in background]}
    if fit == "center-crop":
        resize = spec.get("resize", max(size))
        if not _positive_int(resize) or resize < max(size):
            raise ValueError(f"preprocessing resize must be an integer ≥ the larger of size {list(size)}, got {resize!r}")
        out["resize"] = int(resize)
    return out


def prepare(image: np.ndarray, spec: Mapping[str, Any]) -> Prepared:
    """Turn a decoded image (H×W×3 RGB, or H×W×4 RGBA composited first) into the model's input tensor."""
    s = normalize_spec(spec)
    rgb = composite(np.asarray(image), s["background"])
    h, w = rgb.shape[:2]
    if h == 0 or w == 0:
        raise ImageInputError("The image has no pixels (its width or height is 0).")
    H, W = s["size"]
    if s["fit"] == "stretch":
        out = _resize(rgb, W, H)
        sx, sy, x, y = w / W, h / H, 0.0, 0.0
    elif s["fit"] == "letterbox":
        nw, nh = letterbox_size(w, h, W, H)
        px, py = (W - nw) // 2, (H - nh) // 2
        out = np.empty((H, W, 3), dtype=np.uint8)
        out[:] = np.asarray(s["background"], dtype=np.uint8)
        out[py:py + nh, px:px + nw] = _resize(rgb, nw, nh)
        sx, sy = w / nw, h / nh
        x, y = 0 - px * sx, 0 - py * sy
    else:
        rw, rh = shorter_side_size(w, h, s["resize"])
        cx, cy = (rw - W) // 2, (rh - H) // 2
        out = _resize(rgb, rw, rh)[cy:cy + H, cx:cx + W]
        sx, sy = w / rw, h / rh
        x, y = cx * sx, cy * sy
    geometry: dict[str, float | int] = {"scale": sx, "scale_x": sx, "scale_y": sy, "x": x, "y": y, "width": w, "height": h}
    return Prepared(to_tensor(out, s), geometry)


def letterbox_size(w: int, h: int, W: int, H: int) -> tuple[int, int]:
    """Size of a w×h image scaled to fit inside W×H (limited side exact, the other rounded half up)."""
    if w * H >= h * W:  # width-limited
        return W, min(H, max(1, (2 * h * W + w) // (2 * w)))
    return min(W, max(1, (2 * w * H + h) // (2 * h))), H


def shorter_side_size(w: int, h: int, resize: int) -> tuple[int, int]:
    """Size of a w×h image whose shorter side becomes `resize` (the longer one rounded half up)."""
    if w <= h:
        return resize, max(resize, (2 * h * resize + w) // (2 * w))
    return max(resize, (2 * w * resize + h) // (2 * h)), resize


def to_tensor(rgb: np.ndarray, spec: Mapping[str, Any]) -> np.ndarray:
    """uint8 H×W×3 → float32 (1, 3, H, W) or (1, H, W, 3): (v/255 - mean)/std in float64, then float32."""
    s = normalize_spec(spec)
    if s["channels"] == "BGR":
        rgb = rgb[..., ::-1]
    levels = np.arange(256, dtype=np.float64) / 255.0
    planes = [((levels - s["mean"][c]) / s["std"][c]).astype(np.float32)[rgb[..., c]] for c in range(3)]
    axis = 0 if s["layout"] == "NCHW" else 2
    return np.stack(planes, axis=axis)[np.newaxis]


def _resize(rgb: np.ndarray, w: int, h: int) -> np.ndarray:
    """PIL's antialiased bilinear, width then height (module doc, step 3): what the browser reimplements."""
    img = Image.fromarray(rgb, "RGB")
    if w != img.width:
        img = img.resize((w, img.height), Image.Resampling.BILINEAR, reducing_gap=None)
    if h != img.height:
        img = img.resize((w, h), Image.Resampling.BILINEAR, reducing_gap=None)
    return np.asarray(img)


def _open(data: bytes) -> Image.Image:
    """Open, load and orient `data`, turning PIL's errors into messages a visitor can act on."""
    if not data:
        raise ImageInputError("The file is empty (0 bytes).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))  # an animation opens at its first frame, as browsers show it
            img.load()
    except UnidentifiedImageError as e:
        raise ImageInputError("This file is not an image that can be read (expected PNG, JPEG, GIF, WebP or BMP).") from e
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ImageInputError(f"The image is too large to decode safely: {e}") from e
    except (OSError, SyntaxError, ValueError) as e:
        raise ImageInputError(f"The image could not be decoded; the file may be damaged or truncated ({e}).") from e
    if img.width == 0 or img.height == 0:
        raise ImageInputError("The image has no pixels (its width or height is 0).")
    if img.format == "WEBP":  # Chromium ignores a WebP's EXIF orientation; so do we, to match it
        return img
    return ImageOps.exif_transpose(img) or img


def _positive_int(v: object) -> bool:
    return _int(v) and v > 0  # type: ignore[operator]


def _int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _triple(v: object, name: str) -> list[float]:
    if not (isinstance(v, (list, tuple)) and len(v) == 3 and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v)):
        raise ValueError(f"preprocessing {name} must be three numbers, got {v!r}")
    return [float(x) for x in v]
