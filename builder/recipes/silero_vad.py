"""Voice activity detectors whose ONNX graph a PyPI package ships: Silero VAD (MIT), nothing trained.

The `silero-vad` wheel is installed with `--no-deps` (its torch/torchaudio pins are not needed to
read a file): its sequence graph, `silero_vad_16k_sequence.onnx`, scores a whole block of 32 ms
frames in one run (an LSTM over the block, its state carried from one block to the next), so the
browser runs one session call per 16 s of audio instead of one per frame. The package's own
post-processing (`get_speech_timestamps_from_probs`) turns the scores into segments; worker/vad.js
is its port, checked against it.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path
from typing import Any

from ..cards import Card
from ..errors import CardProblem
from . import Trained, check_params

TASKS = ("voice-activity-detection",)
SUPPORTED_VARIANTS = ("fp32",)
VARIANTS_WHY = "Silero's graph as it ships, 1.2 MB; its own fp16 file is for the per-frame model, not this sequence graph"
OPTIMIZE = "extended"  # 63 → 21 nodes, the same scores to the last bit (tests/unit/test_voice_activity.py)
MODELS = {"silero-vad-16k": "silero_vad/data/silero_vad_16k_sequence.onnx"}
PARAMS: dict[str, Any] = {"model": "silero-vad-16k", "threshold": 0.5, "min_speech_ms": 250, "min_silence_ms": 100, "speech_pad_ms": 30}
LIMITS: dict[str, tuple[type | tuple[type, ...], float, float]] = {
    "threshold": ((int, float), 0.05, 0.95), "min_speech_ms": (int, 0, 5000), "min_silence_ms": (int, 0, 5000), "speech_pad_ms": (int, 0, 1000),
}
# The graph's names; the state is [1, 1, 128] each, zeros at the start of a recording.
INPUT, STATE = "input", {"h": "hn", "c": "cn"}
PROBABILITIES = "speech_probs"
FRAME, CONTEXT, BLOCK_FRAMES, RATE = 512, 64, 512, 16000
MAX_SECONDS = 600  # the longest recording the demo reads (10 minutes: 18,750 frames)


def settings(card: Card) -> dict[str, Any]:
    """The card's parameters with their defaults."""
    return {**PARAMS, **card.recipe["params"]}


def check(card: Card) -> list[CardProblem]:
    return check_params(card, "silero_vad", PARAMS, LIMITS, {"model": MODELS})


def model_file(name: str = "silero-vad-16k") -> Path:
    """The graph inside the silero-vad wheel, found without importing the package (it imports torch)."""
    return Path(str(importlib.metadata.distribution("silero-vad").locate_file(MODELS[name])))


def train(card: Card, data: Any) -> Trained:
    """Load the shipped graph (nothing is trained) and say how the page reads its scores."""
    import onnx

    params = settings(card)
    return Trained(
        model=onnx.load(model_file(params["model"])),
        framework="onnx",
        summary=f"Silero VAD v6 (silero-vad {importlib.metadata.version('silero-vad')}, MIT): sequence graph, 16 kHz, 32 ms frames",
        labels=["speech"],
        io={
            "preprocessing": {
                "kind": "audio", "input": INPUT, "state": STATE, "sample_rate": RATE, "frame": FRAME, "context": CONTEXT,
                "block_frames": BLOCK_FRAMES, "max_seconds": MAX_SECONDS,
            },
            "postprocessing": {
                "kind": "voice-activity-detection", "probability_output": PROBABILITIES, "threshold": params["threshold"],
                "min_speech_ms": params["min_speech_ms"], "min_silence_ms": params["min_silence_ms"], "speech_pad_ms": params["speech_pad_ms"],
            },
        },
    )
