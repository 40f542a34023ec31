"""builder.image_preprocess: the reference the browser's preprocessing must equal (see its module doc)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from builder.image_preprocess import (
    ImageInputError,
    composite,
    decode,
    decode_rgba,
    letterbox_size,
    normalize_spec,
    prepare,
    shorter_side_size,
)

CROP = {"kind": "image", "input": "image", "size": [224, 224], "fit": "center-crop", "resize": 256, "layout": "NCHW",
        "channels": "RGB", "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "background": [255, 255, 255]}
BOX = {**CROP, "size": [128, 128], "fit": "letterbox", "layout": "NHWC", "mean": [0.0, 0.0, 0.0], "std": [1.0, 1.0, 1.0]}


def encode(img: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def pattern(h: int, w: int) -> np.ndarray:
    """An image where every pixel differs from its neighbours, so a transposition shows."""
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([(x * 7) % 256, (y * 11) % 256, (x * 3 + y * 5) % 256], axis=-1).astype(np.uint8)


def levels(tensor: np.ndarray, spec: dict) -> np.ndarray:
    """A tensor back to 0..255 pixel levels, NHWC, for checks that read better in pixels."""
    t = tensor[0] if spec["layout"] == "NHWC" else tensor[0].transpose(1, 2, 0)
    return (t * np.array(spec["std"]) + np.array(spec["mean"])) * 255


# ---- sizes and geometry ------------------------------------------------------------------------------

def test_rounding_of_resized_sizes_is_half_up_in_integers() -> None:
    assert shorter_side_size(451, 300, 256) == (385, 256)  # 384.85 → 385
    assert shorter_side_size(300, 451, 256) == (256, 385)
    assert shorter_side_size(3, 2, 1) == (2, 1)  # exactly 1.5 → 2
    assert shorter_side_size(5, 2, 1) == (3, 1)  # exactly 2.5 → 3 (not banker's 2)
    assert letterbox_size(1000, 37, 128, 128) == (128, 5)  # 4.736 → 5
    assert letterbox_size(1, 1000, 128, 128) == (1, 128)  # never 0 wide
    assert letterbox_size(3, 2, 4, 4) == (4, 3)  # 2.67 → 3
    assert letterbox_size(4, 2, 4, 4) == (4, 2)


def test_center_crop_geometry_maps_model_pixels_back_to_the_image() -> None:
    p = prepare(pattern(300, 451), CROP)
    assert p.tensor.shape == (1, 3, 224, 224) and p.tensor.dtype == np.float32
    # resized to 385×256, crop at ((385-224)//2, (256-224)//2) = (80, 16)
    g = p.geometry
    assert g == {"scale": 451 / 385, "scale_x": 451 / 385, "scale_y": 300 / 256, "x": 80 * (451 / 385),
                 "y": 16 * (300 / 256), "width": 451, "height": 300}
    # the crop's corners land inside the image, its centre on the image's centre (to half a pixel)
    assert g["x"] + 224 * g["scale_x"] <= 451 and g["y"] + 224 * g["scale_y"] <= 300
    assert abs(g["x"] + 112 * g["scale_x"] - 225.5) < 0.75 and abs(g["y"] + 112 * g["scale_y"] - 150) < 0.75


def test_letterbox_pads_with_background_and_geometry_undoes_the_padding() -> None:
    spec = {**BOX, "background": [10, 20, 30]}
    p = prepare(pattern(100, 400), spec)
    assert p.tensor.shape == (1, 128, 128, 3)
    px = levels(p.tensor, spec)
    # 400×100 → 128×32, pasted at y = (128-32)//2 = 48
    assert np.allclose(px[:48], [10, 20, 30]) and np.allclose(px[80:], [10, 20, 30])
    assert not np.allclose(px[48], [10, 20, 30])
    g = p.geometry
    assert g["scale_x"] == 400 / 128 and g["scale_y"] == 100 / 32 and g["x"] == 0 and g["y"] == -48 * 100 / 32
    assert g["y"] + 48 * g["scale_y"] == 0 and g["y"] + 80 * g["scale_y"] == 100  # image rows 0 and 100


def test_stretch_geometry_has_two_scales() -> None:
    g = prepare(pattern(30, 90), {**CROP, "fit": "stretch"}).geometry
    assert (g["scale_x"], g["scale_y"], g["x"], g["y"]) == (90 / 224, 30 / 224, 0.0, 0.0)


# ---- tensor layout and normalisation -------------------------------------------------------------------

def test_layouts_and_channel_orders_hold_the_same_values() -> None:
    img = pattern(60, 80)
    nchw = prepare(img, CROP).tensor
    nhwc = prepare(img, {**CROP, "layout": "NHWC"}).tensor
    bgr = prepare(img, {**CROP, "channels": "BGR"}).tensor
    assert nhwc.shape == (1, 224, 224, 3)
    assert np.array_equal(nchw[0].transpose(1, 2, 0), nhwc[0])
    assert np.array_equal(bgr[0], nchw[0, ::-1])


def test_normalisation_is_computed_in_float64_then_stored_as_float32() -> None:
    spec = {**CROP, "fit": "stretch", "size": [1, 1], "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}
    t = prepare(np.array([[[0, 128, 255]]], np.uint8), spec).tensor.ravel()
    expect = [np.float32((0 / 255 - 0.485) / 0.229), np.float32((128 / 255 - 0.456) / 0.224), np.float32((255 / 255 - 0.406) / 0.225)]
    assert t.tolist() == expect


def test_resize_is_pil_bilinear_width_first() -> None:
    # values from PIL (Image.resize, BILINEAR, reducing_gap=None), also checked in tests/js/image_preprocess.test.js
    row = np.array([[[v] * 3 for v in (0, 100, 200, 255)]], np.uint8)
    assert prepare(row, {**CROP, "fit": "stretch", "size": [1, 2], "mean": [0] * 3, "std": [1] * 3}).tensor.ravel()[:2].tolist() == [
        np.float32(71 / 255), np.float32(209 / 255)]
    # an upscale in x with a downscale in y: Pillow 13 runs such a single resize vertical-first, which
    # rounds differently; the definition (and the browser) is width first, so equal to two calls
    img = pattern(17, 13)
    spec = {**CROP, "fit": "stretch", "size": [3, 50], "mean": [0] * 3, "std": [1] * 3}
    ours = np.rint(levels(prepare(img, spec).tensor, spec)).astype(np.uint8)
    two = Image.fromarray(img).resize((50, 17), Image.Resampling.BILINEAR).resize((50, 3), Image.Resampling.BILINEAR)
    assert np.array_equal(ours, np.asarray(two))


def test_a_one_pixel_image_fills_every_fit() -> None:
    data = encode(Image.new("RGB", (1, 1), (10, 200, 30)), "PNG")
    for spec in (CROP, BOX, {**CROP, "fit": "stretch"}):
        p = prepare(decode(data), spec)
        assert np.allclose(levels(p.tensor, spec), [10, 200, 30], atol=1e-3)
        assert p.geometry["width"] == 1 and p.geometry["height"] == 1


# ---- decoding -------------------------------------------------------------------------------------------

def test_transparent_pixels_are_composited_over_the_background_before_resizing() -> None:
    rgba = np.zeros((2, 2, 4), np.uint8)
    rgba[0, 0] = (200, 100, 0, 0)  # invisible: background
    rgba[0, 1] = (200, 100, 0, 255)  # opaque: itself
    rgba[1, 0] = (200, 100, 0, 128)  # half: (c*a + bg*(255-a) + 127) // 255
    rgba[1, 1] = (0, 0, 0, 1)
    data = encode(Image.fromarray(rgba, "RGBA"), "PNG")
    rgb = decode(data, background=(255, 255, 255))
    assert rgb.tolist() == [[[255, 255, 255], [200, 100, 0]],
                            [[(200 * 128 + 255 * 127 + 127) // 255, (100 * 128 + 255 * 127 + 127) // 255, (255 * 127 + 127) // 255],
                             [254, 254, 254]]]
    assert np.array_equal(composite(decode_rgba(data), (255, 255, 255)), rgb)
    # prepare() composites an RGBA array with the spec's background
    spec = {**CROP, "fit": "stretch", "size": [2, 2], "mean": [0] * 3, "std": [1] * 3, "background": [0, 0, 255]}
    assert np.allclose(levels(prepare(decode_rgba(data), spec).tensor, spec)[0, 0], [0, 0, 255], atol=1e-3)


def test_grey_palette_and_16_bit_images_become_rgb() -> None:
    grey = Image.fromarray(pattern(20, 30)[..., 0], "L")
    assert np.array_equal(decode(encode(grey, "PNG")), np.repeat(np.asarray(grey)[..., None], 3, axis=2))
    palette = Image.fromarray(pattern(20, 30)).quantize(16)
    assert np.array_equal(decode(encode(palette, "PNG")), np.asarray(palette.convert("RGB")))
    transparent = encode(palette, "PNG", transparency=3)  # palette entry 3 invisible (tRNS)
    hidden = np.asarray(palette) == 3
    assert hidden.any() and (decode(transparent)[hidden] == 255).all()
    deep = Image.fromarray(np.asarray(grey).astype(np.uint16) * 256 + 200)
    assert deep.mode.startswith("I;16")
    assert np.array_equal(decode(encode(deep, "PNG"))[..., 0], np.asarray(grey))  # the high byte
    cmyk = decode(encode(Image.fromarray(pattern(20, 30)).convert("CMYK"), "JPEG"))
    assert cmyk.shape == (20, 30, 3)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_exif_orientation_is_applied_as_browsers_do(fmt: str) -> None:
    img = pattern(20, 30)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    data = encode(Image.fromarray(img), fmt, exif=exif.tobytes(), **({"quality": 100, "subsampling": 0} if fmt == "JPEG" else {}))
    out = decode(data)
    assert out.shape == (30, 20, 3)
    if fmt == "PNG":
        assert np.array_equal(out, np.rot90(img, k=-1))


def test_webp_exif_orientation_is_ignored_like_chromium_does() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encode(Image.fromarray(pattern(20, 30)), "WEBP", lossless=True, exif=exif.tobytes())
    assert np.array_equal(decode(data), pattern(20, 30))


def test_bad_inputs_say_what_is_wrong() -> None:
    good = encode(Image.fromarray(pattern(64, 64)), "JPEG")
    cases = {b"": "empty", b"hello, world\n" * 5: "not an image", good[: len(good) // 2]: "damaged or truncated"}
    for data, words in cases.items():
        with pytest.raises(ImageInputError, match=words) as info:
            decode(data)
        assert info.value.code == "bad-input"


def test_spec_errors_name_the_field() -> None:
    with pytest.raises(ValueError, match="fit must be one of"):
        normalize_spec({**CROP, "fit": "cover"})
    with pytest.raises(ValueError, match="resize must be an integer ≥ the larger of size"):
        normalize_spec({**CROP, "resize": 200})
    with pytest.raises(ValueError, match="size must be"):
        normalize_spec({**CROP, "size": [224]})
    with pytest.raises(ValueError, match="std must not contain 0"):
        normalize_spec({**CROP, "std": [1, 0, 1]})
    assert normalize_spec({"size": [8, 8], "fit": "center-crop"})["resize"] == 8
