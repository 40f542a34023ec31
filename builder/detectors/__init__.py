"""Object detectors whose weights come from PyPI packages, exported to ONNX, with decoding in Python.

`blazeface` is MediaPipe's short-range face detector; `ssd` holds the anchor decoding and NMS that
worker/detection.js mirrors; `evaluate_boxes` computes AP on the hand-labelled set in face_truth.json.
"""
from .blazeface import PREPROCESSING, SPEC, decode, export
from .evaluate_boxes import average_precision, recall_at_precision
from .ssd import decode_candidates, filter_detections, iou, make_anchors, nms

__all__ = [
    "PREPROCESSING", "SPEC", "average_precision", "decode", "decode_candidates", "export",
    "filter_detections", "iou", "make_anchors", "nms", "recall_at_precision",
]
