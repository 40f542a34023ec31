"""The small hand-labelled face set: images built at run time from scikit-image's bundled data.

Why built, not stored: every pixel comes from files scikit-image ships (astronaut.png, camera.png,
lfw_subset.npy, …), so the repo only holds the recipes and the truth boxes (face_truth.json) and
nothing is downloaded. Recipes are deterministic (PIL bilinear resizes of fixed crops).

Recipe kinds (the "image" field of an entry):
- {"kind": "skimage", "name": "astronaut"}: a skimage.data image as is (grey images become RGB);
- {"kind": "lfw-mosaic", "indices": [...], "grid": n, "tile": t, "canvas": c, "background": v}: LFW
  face crops (25×25 grey) upscaled to t×t and laid out n×n, row by row, with equal gaps on a c×c
  canvas of grey level v;
- {"kind": "collage", "canvas": [w, h], "background": [r, g, b], "pieces": [{"name", "crop": [x, y, w, h],
  "at": [x, y], "size": [w, h], "mirror": bool}]}: crops of skimage images resized and pasted.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

TRUTH_FILE = Path(__file__).with_name("face_truth.json")


def _skimage(name: str) -> Image.Image:
    import skimage.data

    if name == "lfw_subset":
        raise ValueError("use the lfw-mosaic recipe for lfw_subset")
    array = getattr(skimage.data, name)()
    return Image.fromarray(array).convert("RGB")


@cache
def _lfw() -> np.ndarray:
    import skimage.data

    return (skimage.data.lfw_subset() * 255.0).round().astype(np.uint8)  # [200, 25, 25]; 0..99 are faces


def mosaic_boxes(grid: int, tile: int, canvas: int) -> list[list[float]]:
    """The tile rectangles [x, y, w, h] of an lfw-mosaic, row by row."""
    gap, rest = divmod(canvas - grid * tile, grid + 1)
    if gap < 0 or rest:
        raise ValueError(f"{grid}×{tile} px tiles do not fit a {canvas} px canvas with equal integer gaps")
    return [[float(gap + c * (tile + gap)), float(gap + r * (tile + gap)), float(tile), float(tile)]
            for r in range(grid) for c in range(grid)]


def build_image(recipe: dict[str, Any]) -> Image.Image:
    """The RGB image an entry's recipe describes."""
    kind = recipe["kind"]
    if kind == "skimage":
        return _skimage(recipe["name"])
    if kind == "lfw-mosaic":
        grid, tile, size = recipe["grid"], recipe["tile"], recipe["canvas"]
        canvas = Image.new("L", (size, size), recipe.get("background", 128))
        faces = _lfw()
        for index, (x, y, _, _) in zip(recipe["indices"], mosaic_boxes(grid, tile, size)):
            face = Image.fromarray(faces[index]).resize((tile, tile), Image.Resampling.BILINEAR)
            canvas.paste(face, (int(x), int(y)))
        return canvas.convert("RGB")
    if kind == "collage":
        canvas = Image.new("RGB", tuple(recipe["canvas"]), tuple(recipe.get("background", [128, 128, 128])))
        for piece in recipe["pieces"]:
            x, y, w, h = piece["crop"]
            part = _skimage(piece["name"]).crop((x, y, x + w, y + h)).resize(tuple(piece["size"]), Image.Resampling.BILINEAR)
            if piece.get("mirror"):
                part = part.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            canvas.paste(part, tuple(piece["at"]))
        return canvas
    raise ValueError(f"unknown image recipe kind {kind!r}")


def load_truth(path: Path = TRUTH_FILE) -> dict[str, Any]:
    """The parsed face_truth.json."""
    return json.loads(path.read_text(encoding="utf-8"))


def load_set(path: Path = TRUTH_FILE) -> list[tuple[str, Image.Image, list[dict[str, Any]]]]:
    """[(image id, RGB image, truth faces [{"box": [x, y, w, h], "ignore"?: bool}])] in file order."""
    return [(entry["id"], build_image(entry["image"]), entry["faces"]) for entry in load_truth(path)["images"]]
