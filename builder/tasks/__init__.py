"""Tasks: what a model does decides its data, its manifest layout, its evaluation and its demo.

Each task module exposes:
- `check(card) -> list[CardProblem]`: dataset problems, before anything is built;
- `prepare(card) -> data` (cheap: the build key hashes `data.fingerprint`; heavy work is lazy);
- `describe(card, data, trained, artifact) -> dict`: the manifest entry's task-specific
  parts (`labels`, `preprocessing`, `postprocessing`, `dataset`); `artifact(kind, bytes, suffix,
  **extra)` stages a content-addressed side file and returns its manifest record;
- `feeds(data, parts, which) -> list[dict[str, np.ndarray]]`: model inputs, one row each, for
  `which` = "verify" (export parity), "calibration" (int8) or "agreement" (variants vs fp32);
- `evaluate(session, data, parts, n_examples) -> TaskEvaluation`: metrics, parity fixtures and
  precomputed examples for one variant.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

MODULES = {
    "tabular-classification": "tabular",
    "tabular-regression": "tabular_regression",
    "time-series-forecasting": "forecasting",
    "anomaly-detection": "anomaly",
    "image-classification": "image_classification",
    "object-detection": "object_detection",
    "text-classification": "text_classification",
    "semantic-search": "semantic_search",
    "text-generation": "text_generation",
    "voice-activity-detection": "voice_activity",
    "recommendation": "recommendation",
}


def get(task: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{MODULES[task]}")


def image_parts(data: Any, trained: Any, examples: list[tuple[str, bytes, str]], artifact: Any) -> dict[str, Any]:
    """The manifest parts of an image task: the recipe's specs, the set's info, its example images as artifacts."""
    return {
        "labels": trained.labels,
        "preprocessing": trained.io["preprocessing"],
        "postprocessing": trained.io["postprocessing"],
        "dataset": data.info,
        "artifacts": [artifact("example", jpeg, ".jpg", name=name, media_type="image/jpeg") for name, jpeg, _ in examples],
    }


@dataclass
class TaskEvaluation:
    metrics: dict[str, Any]
    fixtures: dict[str, Any]
    examples: list[dict[str, Any]]


def tensor_json(value: np.ndarray) -> dict[str, Any]:
    """The JS API's tensor shape: {type, dims, data} with flat data."""
    if value.dtype == object:
        kind, data = "string", [str(v) for v in value.ravel()]
    elif value.dtype == np.float32:  # the shortest decimal that reads back as the same float32: half the bytes
        kind, data = "float32", [float(np.format_float_positional(v, unique=True, trim="-")) if np.isfinite(v) else float(v) for v in value.ravel()]
    elif value.dtype == np.int64:
        kind, data = "int64", [int(v) for v in value.ravel()]
    else:
        raise TypeError(f"no fixture encoding for {value.dtype}")
    return {"type": kind, "dims": list(value.shape), "data": data}
