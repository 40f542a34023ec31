"""Detectors whose TensorFlow Lite weights a PyPI package ships, converted to ONNX by our own converter.

BlazeFace (short range) comes inside the `mediapipe` wheel (Apache-2.0), installed with `--no-deps`
(its declared dependencies clash with onnx's protobuf): the .tflite file is read as package data
and mediapipe is never imported. builder/detectors/tflite_onnx.py converts the nine operators it
uses, with explicit Conv attributes (onnxruntime-web's WebGPU build needs them).
"""

from __future__ import annotations

from typing import Any

from ..cards import Card
from ..errors import CardProblem
from . import Trained

TASKS = ("object-detection",)
SUPPORTED_VARIANTS = ("fp32", "fp16", "int8")
VARIANTS_WHY = ""
OPTIMIZE = "extended"
MODELS = ("blazeface-short-range",)


def check(card: Card) -> list[CardProblem]:
    problems = []
    for key, value in card.recipe["params"].items():
        if key != "model":
            problems.append(card.problem(("recipe", "params", key), "not a parameter of tflite_detector (allowed: model)"))
        elif value not in MODELS:
            problems.append(card.problem(("recipe", "params", "model"), f"unknown model {value!r} (available: {', '.join(MODELS)})"))
    return problems


def train(card: Card, data: Any) -> Trained:
    """Convert the shipped .tflite (nothing is trained): the 'model' is already an ONNX graph."""
    from ..detectors import blazeface

    return Trained(
        model=blazeface.export(),
        framework="onnx",
        summary=f"BlazeFace short-range face detector (MediaPipe), converted from TFLite; weights: {blazeface.SOURCE}, {blazeface.LICENSE}",
        labels=list(blazeface.SPEC["classes"]),
        io={"inputs": [blazeface.INPUT], "preprocessing": blazeface.PREPROCESSING, "postprocessing": blazeface.SPEC},
    )
