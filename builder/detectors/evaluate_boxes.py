"""Detection metrics for one class over several images: VOC-style AP, recall at a precision, counts.

Why our own: the metric is 40 lines, and pycocotools/torchmetrics would be heavy dependencies for a
hand-labelled set of a dozen images. Conventions (stated because they change numbers):

- boxes are [x, y, w, h] in the same pixel space for detections and truth;
- a detection matches the unmatched truth box it overlaps most in its image if IoU ≥ `iou`
  (COCO's ≥; the VOC devkit uses >); a second detection of an already-matched box is a false positive;
- truth boxes marked `"ignore": true` (e.g. faces too small to count) neither reward nor punish:
  detections matching them are dropped from the ranking;
- detections are ranked by score descending, ties broken by image order then list order;
- AP is the area under the precision envelope (VOC 2010+ "all points" interpolation).

`detections` and `truth` are mappings image id → list (or sequences, indexed by position). A truth item
is a box list or {"box": [...], "ignore": bool}; a detection is {"box": [...], "score": float}.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .ssd import iou as box_iou

Boxes = Mapping[Any, Sequence[Any]] | Sequence[Sequence[Any]]


def _as_mapping(items: Boxes) -> dict[Any, list[Any]]:
    if isinstance(items, Mapping):
        return {k: list(v) for k, v in items.items()}
    return {i: list(v) for i, v in enumerate(items)}


def _truth_item(item: Any) -> tuple[list[float], bool]:
    if isinstance(item, Mapping):
        return list(item["box"]), bool(item.get("ignore", False))
    return list(item), False


def match(detections: Boxes, truth: Boxes, iou: float = 0.5) -> tuple[np.ndarray, np.ndarray, int]:
    """Greedy matching in score order → (scores, is_true_positive, number of counted truth boxes)."""
    dets, gts = _as_mapping(detections), _as_mapping(truth)
    unknown = set(dets) - set(gts)
    if unknown:
        raise ValueError(f"detections for images without truth: {sorted(map(str, unknown))}")
    order = {key: n for n, key in enumerate(gts)}
    ranked = sorted(((d["score"], order[key], j, key, d) for key, ds in dets.items() for j, d in enumerate(ds)),
                    key=lambda r: (-r[0], r[1], r[2]))
    parsed = {key: [_truth_item(t) for t in ts] for key, ts in gts.items()}
    used = {key: [False] * len(ts) for key, ts in parsed.items()}
    positives = sum(not ignore for ts in parsed.values() for _, ignore in ts)
    scores, hits = [], []
    for score, _, _, key, d in ranked:
        best, best_iou = -1, -1.0
        for t, (box, _) in enumerate(parsed[key]):
            overlap = box_iou(d["box"], box)
            if not used[key][t] and overlap >= iou and overlap > best_iou:
                best, best_iou = t, overlap
        if best >= 0 and parsed[key][best][1]:
            used[key][best] = True  # matched an ignored box: not counted either way
            continue
        if best >= 0:
            used[key][best] = True
        scores.append(score)
        hits.append(best >= 0)
    return np.asarray(scores, dtype=np.float64), np.asarray(hits, dtype=bool), positives


def precision_recall(detections: Boxes, truth: Boxes, iou: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Precision and recall after each ranked detection."""
    _, hits, positives = match(detections, truth, iou)
    if positives == 0:
        raise ValueError("no (non-ignored) truth boxes: recall is undefined")
    tp = np.cumsum(hits)
    fp = np.cumsum(~hits)
    return tp / np.maximum(tp + fp, 1), tp / positives


def average_precision(detections: Boxes, truth: Boxes, iou: float = 0.5) -> float:
    """VOC-style AP (all-points interpolation) for one class over all images."""
    precision, recall = precision_recall(detections, truth, iou)
    p = np.concatenate([[0.0], precision, [0.0]])
    r = np.concatenate([[0.0], recall, [recall[-1] if len(recall) else 0.0]])
    for i in range(len(p) - 2, -1, -1):
        p[i] = max(p[i], p[i + 1])
    steps = np.flatnonzero(r[1:] != r[:-1])
    return float(np.sum((r[steps + 1] - r[steps]) * p[steps + 1]))


def recall_at_precision(detections: Boxes, truth: Boxes, precision: float = 0.9, iou: float = 0.5) -> float:
    """The highest recall reached at any score threshold whose precision is ≥ `precision` (0 if none)."""
    p, r = precision_recall(detections, truth, iou)
    ok = p >= precision
    return float(r[ok].max()) if ok.any() else 0.0


def counts(detections: Boxes, truth: Boxes, min_score: float, iou: float = 0.5) -> dict[str, float]:
    """TP/FP/FN, precision and recall of the detections scoring ≥ min_score (one operating point)."""
    kept = {k: [d for d in v if d["score"] >= min_score] for k, v in _as_mapping(detections).items()}
    _, hits, positives = match(kept, truth, iou)
    tp, fp = int(hits.sum()), int((~hits).sum())
    return {"tp": tp, "fp": fp, "fn": positives - tp,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / positives if positives else 1.0}
