"""MediaPipe BlazeFace (short range) face detector, converted from the TFLite file the mediapipe wheel ships.

Why this model: its weights come from a PyPI package (mediapipe 0.10.14, Apache-2.0), it is small
(230 KB of fp16 weights; 421 KB as fp32 ONNX), has one 128×128 input, and its decoding (SSD anchors +
sigmoid scores + NMS) is simple enough to run identically in Python and in the browser.

Install: `pip install --no-deps mediapipe==0.10.14`. Its declared dependencies (jax, opencv, matplotlib,
protobuf<5, …) are not needed, and protobuf<5 would clash with onnx; we never import mediapipe, we only
read two of its data files (the .tflite and the TFLite flatbuffer schema module) through
importlib.metadata.

Parameters below are copied from MediaPipe's face_detection_short_range graph
(mediapipe/modules/face_detection/face_detection_short_range.pbtxt and face_detection.pbtxt at v0.10.14,
Apache-2.0); that graph is compiled into the wheel, not shipped as text.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from PIL import Image

from . import ssd
from .tflite_onnx import convert, load_schema

MEDIAPIPE_VERSION = "0.10.14"
TFLITE_FILE = "mediapipe/modules/face_detection/face_detection_short_range.tflite"
TFLITE_SHA256 = "bbff11cebd1eb27a1e004cae0b0e63ec8c551cbf34a4451148b4908b8db3eca8"
SCHEMA_FILE = "mediapipe/tasks/metadata/schema_py_generated.py"
LICENSE = "Apache-2.0"
SOURCE = f"mediapipe=={MEDIAPIPE_VERSION} (PyPI), {TFLITE_FILE}"
CITATION = ("Bazarevsky et al., BlazeFace: Sub-millisecond Neural Face Detection on Mobile GPUs, "
            "CVPR Workshops 2019 (arXiv:1907.05047); weights: Google MediaPipe, Apache-2.0")

INPUT = "input"
BOXES_OUTPUT = "regressors"  # [1, 896, 16]: box (x, y, w, h) offsets then 6 keypoints (x, y)
SCORES_OUTPUT = "classificators"  # [1, 896, 1]: face logit
SIZE = 128

PREPROCESSING: dict[str, Any] = {
    "kind": "image",
    "input": INPUT,
    "size": [SIZE, SIZE],
    "fit": "letterbox",
    "layout": "NHWC",
    "channels": "RGB",
    "mean": [0.5, 0.5, 0.5],  # (pixel/255 - 0.5) / 0.5 → [-1, 1], as MediaPipe's ImageToTensor
    "std": [0.5, 0.5, 0.5],
    "background": [0, 0, 0],
}

SPEC: dict[str, Any] = {
    "kind": "object-detection",
    "decoder": "ssd-anchors",
    "boxes_output": BOXES_OUTPUT,
    "scores_output": SCORES_OUTPUT,
    "anchors": {  # MediaPipe SsdAnchorsCalculator options
        "num_layers": 4,
        "min_scale": 0.1484375,
        "max_scale": 0.75,
        "input_size": [SIZE, SIZE],  # [height, width]
        "anchor_offset": [0.5, 0.5],  # [x, y]
        "strides": [8, 16, 16, 16],
        "aspect_ratios": [1.0],
        "interpolated_scale_aspect_ratio": 1.0,
        "reduce_boxes_in_lowest_layer": False,
        "fixed_anchor_size": True,
    },
    "anchors_count": 896,
    "box_order": "xywh",  # MediaPipe reverse_output_order: true
    "box_scale": [128.0, 128.0, 128.0, 128.0],  # x_scale, y_scale, w_scale, h_scale
    "keypoint_offset": 4,
    "keypoints": 6,
    "keypoint_names": ["right_eye", "left_eye", "nose_tip", "mouth_center", "right_ear_tragion", "left_ear_tragion"],
    "score": "sigmoid",
    "score_clip": 100.0,
    "min_score": 0.5,
    "iou": 0.3,
    "nms": "weighted",
    "candidate_floor": 0.1,  # what a page keeps before NMS so it can re-filter without re-running the model
    "classes": ["face"],
}


def _package_file(relative: str) -> Path:
    """A file inside the installed mediapipe distribution, found without importing mediapipe."""
    try:
        dist = importlib.metadata.distribution("mediapipe")
    except importlib.metadata.PackageNotFoundError as err:
        raise RuntimeError(f"BlazeFace needs `pip install --no-deps mediapipe=={MEDIAPIPE_VERSION}`") from err
    if dist.version != MEDIAPIPE_VERSION:
        raise RuntimeError(f"BlazeFace expects mediapipe=={MEDIAPIPE_VERSION}, found {dist.version}")
    path = Path(str(dist.locate_file(relative)))
    if not path.is_file():
        raise RuntimeError(f"{relative} is missing from the installed mediapipe wheel")
    return path


def tflite_bytes() -> bytes:
    """The .tflite file from the wheel, checked against the sha256 the spec above was written for."""
    data = _package_file(TFLITE_FILE).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != TFLITE_SHA256:
        raise RuntimeError(f"{TFLITE_FILE}: sha256 {digest} is not the expected {TFLITE_SHA256}")
    return data


def export() -> onnx.ModelProto:
    """The fp32 ONNX model: input "input" [1,128,128,3] NHWC in [-1,1]; outputs regressors, classificators."""
    model = convert(tflite_bytes(), load_schema(_package_file(SCHEMA_FILE)), graph_name="blazeface_short_range")
    model.doc_string = f"MediaPipe BlazeFace short-range face detector, converted from {SOURCE}. {LICENSE}."
    for key, value in (("source", SOURCE), ("license", LICENSE)):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    return model


def decode(outputs: dict[str, np.ndarray], spec: dict[str, Any] = SPEC, *, min_score: float | None = None,
           iou: float | None = None) -> list[ssd.Detection]:
    """Raw outputs → [{"box": [x, y, w, h], "label", "score", "keypoints", "index"}] in input pixels."""
    return ssd.decode(outputs, spec, min_score=min_score, iou=iou)


def detect(session: Any, image: Image.Image, spec: dict[str, Any] = SPEC, **thresholds: float) -> list[ssd.Detection]:
    """Run an onnxruntime session on a PIL image; detections in the original image's pixels.

    Preprocessing is builder.image_preprocess (the definition the browser's worker equals), so these
    are the detections a visitor's browser computes.
    """
    from ..image_preprocess import prepare

    prepared = prepare(np.asarray(image.convert("RGB")), PREPROCESSING)
    names = [o.name for o in session.get_outputs()]
    outputs = dict(zip(names, session.run(None, {INPUT: prepared.tensor})))
    return from_model_pixels(decode(outputs, spec, **thresholds), prepared.geometry)


def from_model_pixels(detections: list[ssd.Detection], geometry: dict[str, float]) -> list[ssd.Detection]:
    """Model-input pixels → the image's pixels, by image_preprocess's geometry (x = x_model * scale_x + x0)."""
    sx, sy, x0, y0 = geometry["scale_x"], geometry["scale_y"], geometry["x"], geometry["y"]
    return [
        {**d, "box": [d["box"][0] * sx + x0, d["box"][1] * sy + y0, d["box"][2] * sx, d["box"][3] * sy],
         "keypoints": [[kx * sx + x0, ky * sy + y0] for kx, ky in d["keypoints"]]}
        for d in detections
    ]

