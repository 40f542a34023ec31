"""Object detection: a photo in, boxes with labels and scores out.

Boxes are decoded (anchors, sigmoid scores) and merged by non-maximum suppression in the worker
(worker/detection.js) exactly as builder/detectors/ssd.py does here, so the page can re-filter with
another score or IoU threshold without running the model again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from ..cards import Card
from ..errors import CardProblem
from ..image_sets import example_jpeg
from . import TaskEvaluation, image_parts, tensor_json

if TYPE_CHECKING:
    import onnxruntime as ort
    from PIL import Image

    from ..recipes import Trained

SOURCES = {"skimage": ("faces",)}
# Example images for the demo, with what they show (alt text).
EXAMPLES = {
    "astronaut": "an astronaut, one face",
    "astronaut_pair": "two copies of the astronaut, one mirrored",
    "lfw_3x3_0": "nine small faces from Labeled Faces in the Wild",
    "chelsea": "a cat: no human face",
}
CALIBRATION = ("lfw_2x2_0", "camera", "coffee")  # int8 calibration inputs (also evaluated: the set is small)


@dataclass
class FaceSet:
    """The hand-labelled face set (builder/detectors/face_truth.json), built from scikit-image data on demand."""

    name: str
    info: dict[str, Any]
    fingerprint: str

    @cached_property
    def images(self) -> list[tuple[str, Image.Image, list[dict[str, Any]]]]:
        from ..detectors import face_set

        return face_set.load_set()

    def image(self, key: str) -> Image.Image:
        return next(image for k, image, _ in self.images if k == key)

    @cached_property
    def examples(self) -> list[tuple[str, bytes, str]]:
        """(image id, JPEG bytes, what it shows): the page's example files."""
        return [(key, example_jpeg(self.image(key)), shows) for key, shows in EXAMPLES.items()]


def check(card: Card) -> list[CardProblem]:
    ds = card.dataset
    if ds["name"] not in SOURCES.get(ds["source"], ()):
        sets = ", ".join(f"{s}/{n}" for s, ns in SOURCES.items() for n in ns)
        return [card.problem(("dataset", "name"), f"{ds['source']}/{ds['name']} is not a detection set (available: {sets})")]
    return []


def prepare(card: Card) -> FaceSet:
    from ..detectors import face_set

    truth = face_set.TRUTH_FILE.read_text(encoding="utf-8")
    digest = hashlib.sha256(truth.encode())
    from ..image_sets import photo_bytes

    for name in ("astronaut.png", "camera.png", "chelsea.png", "coffee.png", "rocket.jpg", "lfw_subset.npy"):
        digest.update(hashlib.sha256(photo_bytes(name)).digest())
    labelled = face_set.load_truth()
    entries = labelled["images"]
    comment = labelled["comment"]
    info = {
        "name": card.dataset["name"],
        "source": card.dataset["source"],
        "citation": "scikit-image sample images and lfw_subset (Labeled Faces in the Wild), composed and labelled by hand (builder/detectors/face_truth.json)",
        "images": len(entries),
        "calibration_images": len(CALIBRATION),
        "agreement_images": len(entries),
        "notes": comment if isinstance(comment, str) else " ".join(comment),
    }
    return FaceSet(card.dataset["name"], info, digest.hexdigest())


def describe(card: Card, data: FaceSet, trained: Trained, artifact: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    return image_parts(data, trained, data.examples, artifact)


def _prepared(image: Image.Image | np.ndarray, parts: dict[str, Any]) -> Any:
    from ..image_preprocess import prepare as prepare_image

    rgb = image if isinstance(image, np.ndarray) else np.asarray(image.convert("RGB"))
    return prepare_image(rgb, parts["preprocessing"])


def feeds(data: FaceSet, parts: dict[str, Any], which: str) -> list[dict[str, np.ndarray]]:
    keys = CALIBRATION if which == "calibration" else [k for k, _, _ in data.images][: 3 if which == "verify" else None]
    name = parts["preprocessing"]["input"]
    return [{name: _prepared(data.image(k), parts).tensor} for k in keys]


def detections(session: ort.InferenceSession, image: Image.Image | np.ndarray, parts: dict[str, Any], min_score: float | None = None) -> list[dict[str, Any]]:
    """What `m.predict(image)` answers: boxes [x, y, w, h] in the image's pixels, best first."""
    from ..detectors import blazeface, ssd

    prepared = _prepared(image, parts)
    names = [o.name for o in session.get_outputs()]
    outputs = dict(zip(names, session.run(None, {parts["preprocessing"]["input"]: prepared.tensor})))
    found = ssd.decode(outputs, parts["postprocessing"], min_score=min_score)
    return [
        {"box": [float(v) for v in d["box"]], "label": d["label"], "score": float(d["score"])}
        for d in blazeface.from_model_pixels(found, prepared.geometry)
    ]


def evaluate(session: ort.InferenceSession, data: FaceSet, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    from ..detectors import evaluate_boxes

    post = parts["postprocessing"]
    found = {key: detections(session, image, parts, post["candidate_floor"]) for key, image, _ in data.images}
    truth = {key: faces for key, _, faces in data.images}
    at_default = evaluate_boxes.counts(found, truth, post["min_score"])
    per_image = []
    for key, _, faces in data.images:
        c = evaluate_boxes.counts({key: found[key]}, {key: faces}, post["min_score"])
        per_image.append({"image": key, "faces": len(faces), "tp": c["tp"], "fp": c["fp"], "fn": c["fn"]})
    metrics = {
        "images": len(data.images),
        "ap50": evaluate_boxes.average_precision(found, truth, 0.5),
        "recall": at_default["recall"],
        "precision": at_default["precision"],
        "per_image": per_image,
    }
    key, image, _ = data.images[0]
    row = {parts["preprocessing"]["input"]: _prepared(image, parts).tensor}
    names = [o.name for o in session.get_outputs()]
    outputs = dict(zip(names, session.run(None, row)))
    fixtures = {
        "image": key,
        "inputs": {name: tensor_json(value) for name, value in row.items()},
        "outputs": {name: tensor_json(value) for name, value in outputs.items()},
        "detections": detections(session, image, parts),
    }
    shown = [a for a in parts["artifacts"] if a["kind"] == "example"]
    examples = []
    for artifact, (_, jpeg, shows) in list(zip(shown, data.examples))[:n_examples]:
        from ..image_preprocess import decode

        examples.append({"image": artifact["url"], "shows": shows, "output": detections(session, decode(jpeg), parts)})  # the file the page shows
    return TaskEvaluation(metrics, fixtures, examples)
