"""SSD-style anchor decoding and non-maximum suppression, mirrored line for line by worker/detection.js.

Why both languages: the browser decodes the raw model outputs itself (so a page can re-filter with new
score/IoU thresholds without re-running the model), and the build precomputes the same detections for
metrics and static examples. The two must agree; tests/js/detection.test.js checks it on real outputs.

The maths follows MediaPipe's calculators (SsdAnchorsCalculator, TensorsToDetectionsCalculator,
NonMaxSuppressionCalculator), so the spec's parameters are MediaPipe's own names where they exist.
All arithmetic is float64 on float32 raw values, in the same order as the JS version.

Detections are dicts: {"box": [x, y, w, h], "label": str, "score": float, "keypoints": [[x, y], ...],
"index": anchor index}, in model-input pixels (0..width, 0..height).

Ordering is deterministic: by score descending, then anchor index ascending.

NMS (`spec["nms"]`):
- "weighted" (MediaPipe's WEIGHTED algorithm, the default for BlazeFace): take the best remaining
  candidate; every remaining candidate whose IoU with it is > `iou` (itself included) forms a cluster;
  the output box and keypoints are the score-weighted mean of the cluster's corners/keypoints, the
  score is the best candidate's; the cluster is removed. (MediaPipe stops when a cluster is empty,
  which only a zero-area box can cause; here the best candidate always belongs to its own cluster.)
- "hard": greedy NMS: keep the best remaining candidate, drop every remaining one with IoU > `iou`.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np

Detection = dict[str, Any]


def _scale(min_scale: float, max_scale: float, index: int, count: int) -> float:
    if count == 1:
        return (min_scale + max_scale) * 0.5
    return min_scale + (max_scale - min_scale) * index / (count - 1.0)


def make_anchors(params: dict[str, Any]) -> np.ndarray:
    """Anchors [N, 4] as (x_center, y_center, w, h), normalised to 0..1 (MediaPipe's SsdAnchorsCalculator)."""
    strides: list[int] = params["strides"]
    num_layers = int(params["num_layers"])
    height, width = params["input_size"]
    offset_x, offset_y = params.get("anchor_offset", [0.5, 0.5])
    min_scale, max_scale = float(params["min_scale"]), float(params["max_scale"])
    aspect_ratios_in: list[float] = params.get("aspect_ratios", [1.0])
    interpolated = float(params.get("interpolated_scale_aspect_ratio", 1.0))
    reduce_lowest = bool(params.get("reduce_boxes_in_lowest_layer", False))
    fixed = bool(params.get("fixed_anchor_size", False))
    anchors: list[tuple[float, float, float, float]] = []
    layer = 0
    while layer < num_layers:
        ratios: list[float] = []
        scales: list[float] = []
        last = layer
        while last < len(strides) and strides[last] == strides[layer]:
            scale = _scale(min_scale, max_scale, last, len(strides))
            if last == 0 and reduce_lowest:
                ratios += [1.0, 2.0, 0.5]
                scales += [0.1, scale, scale]
            else:
                for ratio in aspect_ratios_in:
                    ratios.append(float(ratio))
                    scales.append(scale)
                if interpolated > 0.0:
                    following = 1.0 if last == len(strides) - 1 else _scale(min_scale, max_scale, last + 1, len(strides))
                    scales.append(math.sqrt(scale * following))
                    ratios.append(interpolated)
            last += 1
        sizes = [(scales[i] * math.sqrt(ratios[i]), scales[i] / math.sqrt(ratios[i])) for i in range(len(ratios))]
        stride = strides[layer]
        rows, cols = math.ceil(height / stride), math.ceil(width / stride)
        for y in range(rows):
            for x in range(cols):
                for w, h in sizes:
                    cx, cy = (x + offset_x) / cols, (y + offset_y) / rows
                    anchors.append((cx, cy, 1.0, 1.0) if fixed else (cx, cy, w, h))
        layer = last
    return np.array(anchors, dtype=np.float64).reshape(-1, 4)


def _raw(outputs: dict[str, Any], name: str) -> np.ndarray:
    """An output as float64 [N, C] (drops the batch axis; batch size must be 1)."""
    value = np.asarray(outputs[name], dtype=np.float32).astype(np.float64)
    if value.ndim == 3:
        if value.shape[0] != 1:
            raise ValueError(f"{name}: only batch size 1 is supported, got {value.shape}")
        value = value[0]
    return value


def scores_of(outputs: dict[str, Any], spec: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Per-anchor best class index and its score (after the spec's score function)."""
    logits = _raw(outputs, spec["scores_output"])
    clip = spec.get("score_clip")
    if clip is not None:
        logits = np.clip(logits, -clip, clip)
    if spec.get("score", "sigmoid") == "sigmoid":
        probs = 1.0 / (1.0 + np.exp(-logits))
    else:
        probs = logits
    classes = np.argmax(probs, axis=1)  # first maximum on ties, like the JS loop
    return classes, probs[np.arange(len(probs)), classes]


def decode_candidates(outputs: dict[str, Any], spec: dict[str, Any], floor: float | None = None) -> list[Detection]:
    """Every anchor whose score is ≥ `floor` (default: spec["candidate_floor"]), decoded, before NMS."""
    floor = spec.get("candidate_floor", 0.0) if floor is None else floor
    anchors = make_anchors(spec["anchors"])
    raw = _raw(outputs, spec["boxes_output"])
    if raw.shape[0] != anchors.shape[0]:
        raise ValueError(f"{spec['boxes_output']} has {raw.shape[0]} boxes but the spec makes {anchors.shape[0]} anchors")
    classes, scores = scores_of(outputs, spec)
    height, width = spec["anchors"]["input_size"]
    xs, ys, ws, hs = spec["box_scale"]
    bx, by, bw, bh = [spec.get("box_order", "xywh").index(c) for c in "xywh"]
    kp_offset = int(spec.get("keypoint_offset", 4))
    labels: list[str] = spec["classes"]
    found: list[Detection] = []
    for i in np.flatnonzero(scores >= floor):
        r, (ax, ay, aw, ah) = raw[i], anchors[i]
        cx = r[bx] / xs * aw + ax
        cy = r[by] / ys * ah + ay
        w = r[bw] / ws * aw
        h = r[bh] / hs * ah
        keypoints = []
        for k in range(int(spec.get("keypoints", 0))):
            kx = r[kp_offset + 2 * k] / xs * aw + ax
            ky = r[kp_offset + 2 * k + 1] / ys * ah + ay
            keypoints.append([float(kx * width), float(ky * height)])
        found.append({
            "box": [float((cx - w / 2) * width), float((cy - h / 2) * height), float(w * width), float(h * height)],
            "label": labels[int(classes[i])],
            "score": float(scores[i]),
            "keypoints": keypoints,
            "index": int(i),
        })
    found.sort(key=lambda d: (-d["score"], d["index"]))
    return found


def iou(a: list[float], b: list[float]) -> float:
    """Intersection over union of two [x, y, w, h] boxes; 0 when they do not overlap or are empty."""
    ix = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    iy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    if ix <= 0 or iy <= 0:
        return 0.0
    inter = ix * iy
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def _weighted(cluster: list[Detection]) -> Detection:
    head = cluster[0]
    total = x0 = y0 = x1 = y1 = 0.0
    kps = [[0.0, 0.0] for _ in head["keypoints"]]
    for d in cluster:
        s = d["score"]
        x, y, w, h = d["box"]
        total += s
        x0 += x * s
        y0 += y * s
        x1 += (x + w) * s
        y1 += (y + h) * s
        for k, (kx, ky) in enumerate(d["keypoints"]):
            kps[k][0] += kx * s
            kps[k][1] += ky * s
    x, y = x0 / total, y0 / total
    return {**head, "box": [x, y, x1 / total - x, y1 / total - y],
            "keypoints": [[kx / total, ky / total] for kx, ky in kps]}


def nms(candidates: list[Detection], iou_threshold: float, method: str = "weighted") -> list[Detection]:
    """Non-maximum suppression ("weighted" or "hard", see the module doc); input order does not matter."""
    if method not in ("weighted", "hard"):
        raise ValueError(f"unknown NMS method {method!r}")
    remaining = sorted(candidates, key=lambda d: (-d["score"], d["index"]))
    kept: list[Detection] = []
    while remaining:
        head = remaining[0]
        cluster, rest = [head], []
        for d in remaining[1:]:
            (cluster if iou(d["box"], head["box"]) > iou_threshold else rest).append(d)
        kept.append(_weighted(cluster) if method == "weighted" else head)
        remaining = rest
    return kept


def filter_detections(candidates: list[Detection], min_score: float, iou_threshold: float,
                      method: str = "weighted") -> list[Detection]:
    """Re-filter decoded candidates with new thresholds: score ≥ min_score, then NMS."""
    return nms([d for d in candidates if d["score"] >= min_score], iou_threshold, method)


def decode(outputs: dict[str, Any], spec: dict[str, Any], *, min_score: float | None = None,
           iou: float | None = None) -> list[Detection]:
    """Raw outputs → final detections (spec thresholds unless given), score desc then anchor index."""
    min_score = spec["min_score"] if min_score is None else min_score
    iou_threshold = spec["iou"] if iou is None else iou
    return filter_detections(decode_candidates(outputs, spec, floor=min_score), min_score, iou_threshold,
                             spec.get("nms", "weighted"))
