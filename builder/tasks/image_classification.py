"""Image classification: a photo in, the top-k classes with probabilities (and their activation maps) out.

Preprocessing is the manifest's spec, applied by builder/image_preprocess.py here and by
worker/image_preprocess.js in the browser (equal within one grey level).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from .. import image_sets
from ..cards import Card
from ..errors import CardProblem
from . import TaskEvaluation, image_parts, tensor_json
from ..image_preprocess import decode, prepare as prepare_image

if TYPE_CHECKING:
    import onnxruntime as ort

    from ..image_sets import ImageSet
    from ..recipes import Trained

SOURCES = {"skimage": ("photos",)}
FIXTURE_PHOTO = 0  # the parity fixture feeds the first labelled photo's tensor


def check(card: Card) -> list[CardProblem]:
    ds = card.dataset
    names = SOURCES.get(ds["source"], ())
    if ds["name"] not in names:
        sets = ", ".join(f"{s}/{n}" for s, ns in SOURCES.items() for n in ns)
        return [card.problem(("dataset", "name"), f"{ds['source']}/{ds['name']} is not an image set (available: {sets})")]
    return []


def prepare(card: Card) -> ImageSet:
    return image_sets.prepare(card.dataset["name"], card.dataset["seed"])


def describe(card: Card, data: ImageSet, trained: Trained, artifact: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    return image_parts(data, trained, data.examples, artifact)


def tensor(rgb: np.ndarray, parts: dict[str, Any]) -> dict[str, np.ndarray]:
    pre = parts["preprocessing"]
    return {pre["input"]: prepare_image(rgb, pre).tensor}


def photo(data: bytes, parts: dict[str, Any]) -> np.ndarray:
    """Decoded as the browser decodes it: transparent pixels over the spec's background."""
    return decode(data, parts["preprocessing"]["background"])


def feeds(data: ImageSet, parts: dict[str, Any], which: str) -> list[dict[str, np.ndarray]]:
    if which == "verify":
        images = [photo(raw, parts) for _, raw in data.labelled[:3]]
    else:
        images = data.calibration if which == "calibration" else data.agreement
    return [tensor(rgb, parts) for rgb in images]


def top_k(session: ort.InferenceSession, row: dict[str, np.ndarray], parts: dict[str, Any], k: int) -> list[dict[str, Any]]:
    """The k most probable classes (softmax of the logits), as `m.predict` returns them."""
    logits = session.run([parts["postprocessing"]["logits_output"]], row)[0][0].astype(np.float64)
    p = np.exp(logits - logits.max())
    p /= p.sum()
    order = np.argsort(-p, kind="stable")[:k]
    return [{"label": parts["labels"][i], "score": float(p[i]), "index": int(i)} for i in order]


def evaluate(session: ort.InferenceSession, data: ImageSet, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    k = parts["postprocessing"]["top_k"]
    per_image = []
    for labelled, raw in data.labelled:
        top = top_k(session, tensor(photo(raw, parts), parts), parts, k)
        per_image.append({
            "image": labelled.file,
            "accept": [parts["labels"][i] for i in labelled.accept],
            "top": [t["label"] for t in top],
            "top1": top[0]["index"] in labelled.accept,
            "top5": any(t["index"] in labelled.accept for t in top),
        })
    metrics = {
        "images": len(per_image),
        "top1": float(np.mean([p["top1"] for p in per_image])),
        "top5": float(np.mean([p["top5"] for p in per_image])),
        "per_image": per_image,
    }
    shown_photo, raw = data.labelled[FIXTURE_PHOTO]
    row = tensor(photo(raw, parts), parts)
    names = [o.name for o in session.get_outputs()]
    outputs = dict(zip(names, session.run(None, row)))
    fixtures = {
        "labels_count": len(parts["labels"]),
        "image": shown_photo.file,
        "inputs": {name: tensor_json(value) for name, value in row.items()},
        "outputs": {name: tensor_json(value) for name, value in outputs.items()},
        "top": top_k(session, row, parts, k),
    }
    shown = [a for a in parts["artifacts"] if a["kind"] == "example"]
    examples = []
    for artifact, (_, jpeg, shows) in list(zip(shown, data.examples))[:n_examples]:
        examples.append({"image": artifact["url"], "shows": shows, "output": top_k(session, tensor(photo(jpeg, parts), parts), parts, k)})
    return TaskEvaluation(metrics, fixtures, examples)
