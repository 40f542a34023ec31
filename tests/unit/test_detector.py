"""BlazeFace: TFLite → ONNX conversion, decoding + NMS, the AP helper and the hand-labelled face set.

The TFLite reference outputs come from the fixture (tests/fixtures/make_detection_fixture.py ran
MediaPipe's own runtime, ai-edge-litert), so this file does not need that wheel.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math

import numpy as np
import onnx
import onnxruntime as ort
import pytest

from builder.detectors import blazeface, evaluate_boxes, ssd
from builder.detectors.face_set import TRUTH_FILE, build_image, load_set, mosaic_boxes
from builder.image_preprocess import prepare, to_tensor

from ..conftest import REPO

FIXTURE = json.loads((REPO / "tests/fixtures/detection_blazeface.json").read_text())


def _array(t: dict) -> np.ndarray:
    dtype = np.uint8 if t["dtype"] == "uint8" else np.float32
    return np.frombuffer(base64.b64decode(t["b64"]), dtype=dtype).reshape(t["dims"])


@pytest.fixture(scope="module")
def model_bytes() -> bytes:
    return blazeface.export().SerializeToString()


@pytest.fixture(scope="module")
def session(model_bytes: bytes) -> ort.InferenceSession:
    return ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])


def _run(session: ort.InferenceSession, x: np.ndarray) -> dict[str, np.ndarray]:
    return dict(zip([o.name for o in session.get_outputs()], session.run(None, {blazeface.INPUT: x})))


# -- export ----------------------------------------------------------------------------------------


def test_export_is_valid_reproducible_and_browser_loadable(model_bytes: bytes) -> None:
    model = onnx.load_from_string(model_bytes)
    onnx.checker.check_model(model, full_check=True)
    assert blazeface.export().SerializeToString() == model_bytes, "export must be byte-reproducible"
    assert hashlib.sha256(model_bytes).hexdigest() == FIXTURE["model"]["onnx_sha256"], (
        "the export changed: rerun tests/fixtures/make_detection_fixture.py")
    assert model.ir_version <= 9, "onnxruntime-web 1.18 (plain WASM tier) loads IR ≤ 9"
    assert [(o.domain, o.version) for o in model.opset_import] == [("", 13)]
    assert [(i.name, [d.dim_value for d in i.type.tensor_type.shape.dim]) for i in model.graph.input] == [
        ("input", [1, 128, 128, 3])]
    assert [(o.name, [d.dim_value for d in o.type.tensor_type.shape.dim]) for o in model.graph.output] == [
        ("regressors", [1, 896, 16]), ("classificators", [1, 896, 1])]
    required = {"Conv": {"kernel_shape", "strides", "dilations", "pads", "group"},
                "MaxPool": {"kernel_shape", "strides", "pads"}}
    for node in model.graph.node:
        if node.op_type in required:
            missing = required[node.op_type] - {a.name for a in node.attribute}
            assert not missing, f"{node.name}: {missing} must be explicit (onnxruntime-web JSEP needs them)"
    assert {p.key: p.value for p in model.metadata_props}["license"] == "Apache-2.0"


def test_same_padding_puts_the_extra_pixel_at_the_end() -> None:
    from builder.detectors.tflite_onnx import _Converter

    assert _Converter.same_pads([128, 128], [5, 5], [2, 2], [1, 1]) == [1, 1, 2, 2]
    assert _Converter.same_pads([64, 64], [3, 3], [1, 1], [1, 1]) == [1, 1, 1, 1]
    assert _Converter.same_pads([64, 64], [2, 2], [2, 2], [1, 1]) == [0, 0, 0, 0]


def test_tflite_file_is_checked(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    bad = tmp_path / "m.tflite"
    bad.write_bytes(b"not the model")
    monkeypatch.setattr(blazeface, "_package_file", lambda _rel: bad)
    with pytest.raises(RuntimeError, match="sha256"):
        blazeface.tflite_bytes()


@pytest.mark.parametrize("image", FIXTURE["images"], ids=lambda e: e["id"])
def test_onnxruntime_matches_the_tflite_runtime(session: ort.InferenceSession, image: dict) -> None:
    x = to_tensor(_array(image["pixels"]), blazeface.PREPROCESSING)
    got = _run(session, x)
    assert "tflite_outputs" in image, "the fixture was written without ai-edge-litert: no TFLite reference"
    for name, ref in image["tflite_outputs"].items():
        diff = float(np.abs(got[name] - _array(ref)).max())
        assert diff < 5e-4, f"{name}: max |ONNX − TFLite| = {diff}"  # seen: ≤ 1e-4 on values up to ~155
    for name, ref in image["outputs"].items():  # and the Python ORT outputs the JS test compares against
        assert float(np.abs(got[name] - _array(ref)).max()) < 1e-5


# -- decoding ----------------------------------------------------------------------------------------


def test_anchors_follow_mediapipe() -> None:
    anchors = ssd.make_anchors(blazeface.SPEC["anchors"])
    assert anchors.shape == (blazeface.SPEC["anchors_count"], 4)
    # stride 8: 16×16 cells × 2 anchors; strides 16,16,16 merge into one 8×8 layer × 6 anchors
    assert np.array_equal(anchors[0], [0.5 / 16, 0.5 / 16, 1, 1])
    assert np.array_equal(anchors[2], [1.5 / 16, 0.5 / 16, 1, 1])
    assert np.array_equal(anchors[512], [0.5 / 8, 0.5 / 8, 1, 1])
    assert np.array_equal(anchors[512:518], np.tile([0.5 / 8, 0.5 / 8, 1, 1], (6, 1)))
    sample = FIXTURE["anchors_sample"]
    assert anchors[:3].tolist() == sample["first"] and anchors[-3:].tolist() == sample["last"]


def test_anchors_with_sizes_interpolation_and_reduced_lowest_layer() -> None:
    params = {"num_layers": 2, "min_scale": 0.2, "max_scale": 0.8, "input_size": [32, 64], "strides": [16, 32],
              "aspect_ratios": [1.0, 4.0], "interpolated_scale_aspect_ratio": 1.0, "reduce_boxes_in_lowest_layer": True}
    a = ssd.make_anchors(params)
    assert len(a) == 2 * 4 * 3 + 1 * 2 * 3
    assert a[0].tolist() == [0.125, 0.25, 0.1, 0.1]
    assert a[1].tolist() == [0.125, 0.25, 0.2 * math.sqrt(2), 0.2 / math.sqrt(2)]
    assert a[-1] == pytest.approx([0.75, 0.5, math.sqrt(0.8), math.sqrt(0.8)], abs=1e-15)


@pytest.mark.parametrize("image", FIXTURE["images"], ids=lambda e: e["id"])
def test_decode_is_what_the_fixture_recorded(image: dict) -> None:
    """The JS decoder is checked against these lists; a Python change must regenerate them."""
    outputs = {k: _array(v) for k, v in image["outputs"].items()}
    assert ssd.decode_candidates(outputs, blazeface.SPEC) == image["candidates"]
    assert blazeface.decode(outputs) == image["detections"]
    assert ssd.decode(outputs, {**blazeface.SPEC, "nms": "hard"}) == image["detections_hard"]
    r = FIXTURE["refilter"]
    assert ssd.filter_detections(image["candidates"], r["min_score"], r["iou"]) == image["refiltered"]


def test_decode_finds_the_astronauts_face(session: ort.InferenceSession) -> None:
    faces = {key: (img, truth) for key, img, truth in load_set()}
    image, truth = faces["astronaut"]
    detections = blazeface.detect(session, image)
    assert len(detections) == 1
    face = detections[0]
    assert face["label"] == "face" and face["score"] > 0.9
    assert ssd.iou(face["box"], truth[0]["box"]) >= 0.5
    # keypoints: the right eye (image left) is left of the left eye, both above the nose and mouth
    (rx, ry), (lx, ly), (_, ny), (_, my) = face["keypoints"][:4]
    assert rx < lx and max(ry, ly) < ny < my
    for key in ("coffee", "rocket"):
        assert blazeface.detect(session, faces[key][0]) == [], key


def test_boxes_map_back_to_the_image() -> None:
    """builder.image_preprocess's letterbox geometry takes model pixels back to the image's."""
    image = np.zeros((100, 200, 3), np.uint8)
    prepared = prepare(image, blazeface.PREPROCESSING)
    assert prepared.tensor.shape == (1, 128, 128, 3)
    back = blazeface.from_model_pixels([{"box": [0.0, 32.0, 128.0, 64.0], "keypoints": [[64.0, 64.0]]}], prepared.geometry)
    assert np.allclose(back[0]["box"], [0.0, 0.0, 200.0, 100.0]) and np.allclose(back[0]["keypoints"], [[100.0, 50.0]])


# -- NMS -----------------------------------------------------------------------------------------------


def _det(index: int, score: float, box: list[float]) -> dict:
    return {"box": box, "label": "face", "score": score, "keypoints": [[box[0], box[1]]], "index": index}


@pytest.fixture(scope="module")
def candidates() -> list[dict]:
    return FIXTURE["images"][1]["candidates"]


def test_hard_nms_properties(candidates: list[dict]) -> None:
    kept = ssd.nms(candidates, 0.3, "hard")
    assert 0 < len(kept) < len(candidates)
    assert all(ssd.iou(a["box"], b["box"]) <= 0.3 for i, a in enumerate(kept) for b in kept[i + 1:])
    assert ssd.nms(kept, 0.3, "hard") == kept  # idempotent
    assert ssd.nms(candidates[::-1], 0.3, "hard") == kept  # input order does not matter
    assert len(ssd.nms(candidates, 1.0, "hard")) == len(candidates)  # nothing overlaps more than fully
    assert len(ssd.nms(candidates, 0.7, "hard")) >= len(ssd.nms(candidates, 0.3, "hard"))


def test_weighted_nms_keeps_heads_and_averages_clusters(candidates: list[dict]) -> None:
    snapshot = json.dumps(candidates)
    weighted, hard = ssd.nms(candidates, 0.3), ssd.nms(candidates, 0.3, "hard")
    assert [(d["index"], d["score"]) for d in weighted] == [(d["index"], d["score"]) for d in hard]
    assert json.dumps(candidates) == snapshot, "NMS must not modify its input"
    merged = ssd.nms([_det(1, 0.75, [0, 0, 10, 10]), _det(2, 0.25, [2, 0, 10, 10])], 0.3)
    assert merged == [{"box": [0.5, 0.0, 10.0, 10.0], "label": "face", "score": 0.75,
                       "keypoints": [[0.5, 0.0]], "index": 1}]


def test_ties_break_by_anchor_index_and_unknown_methods_fail() -> None:
    tied = [_det(7, 0.5, [0, 0, 10, 10]), _det(3, 0.5, [100, 100, 10, 10])]
    assert [d["index"] for d in ssd.nms(tied, 0.3, "hard")] == [3, 7]
    with pytest.raises(ValueError, match="unknown NMS"):
        ssd.nms(tied, 0.3, "soft")


def test_iou_edge_cases() -> None:
    assert ssd.iou([0, 0, 10, 10], [20, 20, 5, 5]) == 0
    assert ssd.iou([0, 0, 10, 10], [10, 0, 10, 10]) == 0  # touching
    assert ssd.iou([0, 0, 10, 10], [0, 0, 5, 10]) == 0.5
    assert ssd.iou([0, 0, 0, 0], [0, 0, 0, 0]) == 0


def test_filtering_candidates_equals_decoding(candidates: list[dict]) -> None:
    outputs = {k: _array(v) for k, v in FIXTURE["images"][1]["outputs"].items()}
    spec = blazeface.SPEC
    assert ssd.filter_detections(candidates, spec["min_score"], spec["iou"]) == blazeface.decode(outputs)
    assert blazeface.decode(outputs, min_score=0.99) == []
    with pytest.raises(ValueError, match="anchors"):
        ssd.decode_candidates({"regressors": np.zeros((1, 10, 16)), "classificators": np.zeros((1, 10, 1))}, spec)


# -- AP ------------------------------------------------------------------------------------------------

A, B, C, D = [0, 0, 10, 10], [50, 50, 10, 10], [100, 0, 10, 10], [200, 0, 10, 10]


def _s(box: list[float], score: float) -> dict:
    return {"box": box, "score": score}


def test_average_precision_hand_cases() -> None:
    ap = evaluate_boxes.average_precision
    assert ap({"a": [_s(A, 0.9)], "b": [_s(B, 0.8)]}, {"a": [A], "b": [B]}) == 1.0
    # TP, FP, TP → precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1 → AP = 1/2·1 + 1/2·2/3
    dets = {"a": [_s(A, 0.9)], "b": [_s(C, 0.8), _s(B, 0.7)]}
    assert ap(dets, {"a": [A], "b": [B]}) == pytest.approx(0.5 + 0.5 * 2 / 3)
    assert ap({"a": [_s(A, 0.9), _s(A, 0.8)]}, {"a": [A]}) == 1.0  # a duplicate after the hit costs nothing…
    assert evaluate_boxes.counts({"a": [_s(A, 0.9), _s(A, 0.8)]}, {"a": [A]}, 0.5)["fp"] == 1  # …but is an FP
    assert ap({"a": [_s(A, 0.9)]}, {"a": [A, C]}) == 0.5  # half the faces missed
    assert ap({"a": [_s(C, 0.9)], "b": []}, {"a": [A], "b": []}) == 0.0
    assert ap({"a": [_s([0, 0, 10, 7], 0.9)]}, {"a": [A]}) == 1.0  # IoU 0.7 ≥ 0.5
    assert ap({"a": [_s([0, 0, 10, 7], 0.9)]}, {"a": [A]}, iou=0.75) == 0.0
    assert ap([[_s(A, 0.9)]], [[A]]) == 1.0  # sequences work as mappings by position


def test_ignored_truth_neither_rewards_nor_punishes() -> None:
    truth = {"a": [A, {"box": D, "ignore": True}]}
    assert evaluate_boxes.average_precision({"a": [_s(D, 0.95), _s(A, 0.9)]}, truth) == 1.0
    assert evaluate_boxes.counts({"a": [_s(D, 0.95)]}, truth, 0.5) == {
        "tp": 0, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.0}


def test_recall_at_precision_and_errors() -> None:
    dets, truth = {"a": [_s(A, 0.9)], "b": [_s(C, 0.8), _s(B, 0.7)]}, {"a": [A], "b": [B]}
    assert evaluate_boxes.recall_at_precision(dets, truth, precision=0.9) == 0.5
    assert evaluate_boxes.recall_at_precision(dets, truth, precision=0.6) == 1.0
    assert evaluate_boxes.recall_at_precision({"a": [_s(C, 0.9)]}, {"a": [A]}, precision=0.5) == 0.0
    with pytest.raises(ValueError, match="no .* truth"):
        evaluate_boxes.average_precision({"a": []}, {"a": []})
    with pytest.raises(ValueError, match="without truth"):
        evaluate_boxes.average_precision({"z": [_s(A, 1.0)]}, {"a": [A]})


# -- the hand-labelled set -----------------------------------------------------------------------------


def test_face_truth_is_consistent() -> None:
    doc = json.loads(TRUTH_FILE.read_text())
    assert "comment" in doc and "hand" in doc["comment"].lower()
    ids = [e["id"] for e in doc["images"]]
    assert len(ids) == len(set(ids))
    for entry in doc["images"]:
        width, height = build_image(entry["image"]).size
        for face in entry["faces"]:
            x, y, w, h = face["box"]
            assert 0 <= x and 0 <= y and x + w <= width and y + h <= height and w > 0 and h > 0, entry["id"]
        if entry["image"]["kind"] == "lfw-mosaic":
            r = entry["image"]
            assert [f["box"] for f in entry["faces"]] == mosaic_boxes(r["grid"], r["tile"], r["canvas"])
    with pytest.raises(ValueError, match="equal integer gaps"):
        mosaic_boxes(2, 96, 256)


def test_ap_on_the_hand_labelled_set(session: ort.InferenceSession) -> None:
    """A regression guard, not a benchmark: the set is small and easy (see face_truth.json)."""
    data = load_set()
    detections = {key: blazeface.detect(session, image, min_score=blazeface.SPEC["candidate_floor"])
                  for key, image, _ in data}
    truth = {key: faces for key, _, faces in data}
    assert sum(len(f) for f in truth.values()) == 56
    assert evaluate_boxes.average_precision(detections, truth) >= 0.95  # seen: 0.987
    at_default = evaluate_boxes.counts(detections, truth, blazeface.SPEC["min_score"])
    assert at_default["fp"] == 0 and at_default["recall"] >= 0.9  # seen: 52/56, no false positive
