"""Voice activity detection: a recording in, the stretches that hold speech out.

The detector scores every 32 ms frame (the probability that it holds speech); Silero's own
post-processing turns the scores into segments (a threshold with hysteresis, short silences bridged,
short blips dropped, a little padding). Measured on the held-out clips of builder/speech.py, whose
frames' truth the build knows: ROC AUC of the frame scores, and precision, recall and F1 of the
frames inside the segments, overall and per noise level, beside an energy detector (a frame is
speech when it is louder than the clip's quiet frames by a margin tuned on these same clips, in the
baseline's favour).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from .. import speech
from ..cards import Card
from ..errors import CardProblem
from . import TaskEvaluation, tensor_json

if TYPE_CHECKING:
    import onnxruntime as ort

    from ..recipes import Trained
    from ..speech import SpeechSet

prepare = speech.prepare
# Native latency: one call on the first block of the first clip (12 s of audio, 381 frames), as predict runs
# a recording, rather than a single 32 ms frame.
LATENCY_WHOLE = True
ENERGY_MARGINS_DB = np.arange(0.0, 30.5, 0.5)  # the energy baseline's margins tried; the best F1 is reported


def check(card: Card) -> list[CardProblem]:
    return speech.check(card)


def describe(card: Card, data: SpeechSet, trained: Trained, artifact: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    """The example recordings ship as side files: the demo plays them, and the parity tests decode them as the worker does."""
    return {
        "labels": trained.labels,
        "preprocessing": trained.io["preprocessing"],
        "postprocessing": trained.io["postprocessing"],
        "dataset": data.info,
        "artifacts": [artifact("example", wav, ".wav", name=name, media_type="audio/wav") for name, wav, _ in data.examples],
    }


def blocks(samples: np.ndarray, pre: dict[str, Any]) -> list[np.ndarray]:
    """[frames, context + frame] blocks as the model reads them (silero_vad.sequence_vad.frame_blocks; worker/vad.js frameBlocks)."""
    frame, context, most = pre["frame"], pre["context"], pre["block_frames"]
    count = -(-len(samples) // frame)
    frames = np.zeros((count, frame), np.float32)
    frames.reshape(-1)[: len(samples)] = samples
    contexts = np.zeros((count, context), np.float32)
    contexts[1:] = frames[:-1, -context:]
    framed = np.concatenate([contexts, frames], axis=1)
    return [framed[i : i + most] for i in range(0, count, most)]


def state(pre: dict[str, Any]) -> dict[str, np.ndarray]:
    """The LSTM state at the start of a recording: zeros."""
    return {name: np.zeros((1, 1, 128), np.float32) for name in pre["state"]}


def probabilities(session: ort.InferenceSession, samples: np.ndarray, parts: dict[str, Any]) -> np.ndarray:
    """Each frame's speech probability: one run per block, the state carried from block to block."""
    pre, post = parts["preprocessing"], parts["postprocessing"]
    carried = state(pre)
    outputs = [post["probability_output"], *pre["state"].values()]
    found = []
    for block in blocks(samples, pre):
        probs, *after = session.run(outputs, {pre["input"]: block, **carried})
        carried = dict(zip(pre["state"], after, strict=True))
        found.append(probs.reshape(-1))
    return np.concatenate(found) if found else np.zeros(0, np.float32)


def segments(probs: np.ndarray, length: int, post: dict[str, Any]) -> list[dict[str, int]]:
    """Speech segments in samples, by Silero's own post-processing (the reference of worker/vad.js)."""
    from silero_vad.utils_vad import get_speech_timestamps_from_probs  # imports torch: only here

    return get_speech_timestamps_from_probs(
        [float(p) for p in probs], sampling_rate=speech.RATE, threshold=post["threshold"], min_speech_duration_ms=post["min_speech_ms"],
        min_silence_duration_ms=post["min_silence_ms"], speech_pad_ms=post["speech_pad_ms"], audio_length_samples=length,
    )


def answer(probs: np.ndarray, found: list[dict[str, int]], length: int) -> dict[str, Any]:
    """What predict() answers (worker/vad.js in the browser): segments in seconds, each frame's probability, the duration."""
    rate = speech.RATE
    return {
        "segments": [{"start": s["start"] / rate, "end": s["end"] / rate} for s in found],
        "probabilities": [round(float(p), 4) for p in probs],
        "frame_seconds": speech.FRAME / rate,
        "duration": length / rate,
    }


def feeds(data: SpeechSet, parts: dict[str, Any], which: str) -> list[dict[str, np.ndarray]]:
    """The first block of a few clips, from a zero state (export check, latency, variant agreement)."""
    pre = parts["preprocessing"]
    chosen = data.clips[:1] if which == "verify" else data.clips[:4]
    return [{pre["input"]: blocks(c.samples, pre)[0], **state(pre)} for c in chosen]


def frame_mask(found: list[dict[str, int]], frames: int) -> np.ndarray:
    """The frames whose centre lies inside a segment."""
    centres = np.arange(frames) * speech.FRAME + speech.FRAME // 2
    mask = np.zeros(frames, bool)
    for s in found:
        mask |= (centres >= s["start"]) & (centres < s["end"])
    return mask


def scores(truth: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    hits = int(np.sum(truth & predicted))
    precision = hits / max(1, int(predicted.sum()))
    recall = hits / max(1, int(truth.sum()))
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall) if hits else 0.0}


def energy_db(samples: np.ndarray) -> np.ndarray:
    """Each frame's energy in dB, relative to the clip's quietest tenth of frames (the energy baseline's score)."""
    frames = -(-len(samples) // speech.FRAME)
    padded = np.zeros(frames * speech.FRAME, np.float64)
    padded[: len(samples)] = samples
    level = 10 * np.log10(np.mean(padded.reshape(frames, speech.FRAME) ** 2, axis=1) + 1e-12)
    return level - np.percentile(level, 10)


def evaluate(session: ort.InferenceSession, data: SpeechSet, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    from sklearn.metrics import roc_auc_score

    post = parts["postprocessing"]
    truth, probs, masks, energies, per_clip = [], [], [], [], []
    for clip in data.clips:
        p = probabilities(session, clip.samples, parts)[: len(clip.speech)]
        mask = frame_mask(segments(p, len(clip.samples), post), len(clip.speech))
        truth.append(clip.speech), probs.append(p), masks.append(mask), energies.append(energy_db(clip.samples))
        per_clip.append((clip, mask))
    y, p, m, e = (np.concatenate(v) for v in (truth, probs, masks, energies))
    margin = max(ENERGY_MARGINS_DB, key=lambda db: scores(y, e > db)["f1"])
    by_snr = []
    for snr in speech.SNRS_DB:
        chosen = [i for i, c in enumerate(data.clips) if c.snr_db == snr]
        t = np.concatenate([truth[i] for i in chosen])
        by_snr.append({
            "snr_db": snr, "clips": len(chosen),
            "f1": scores(t, np.concatenate([masks[i] for i in chosen]))["f1"],
            "baseline_f1": scores(t, np.concatenate([energies[i] for i in chosen]) > margin)["f1"],
        })
    metrics = {
        "clips": len(data.clips),
        "frames": int(len(y)),
        "speech_share": float(y.mean()),
        "roc_auc": float(roc_auc_score(y, p)),
        **scores(y, m),
        "by_snr": by_snr,
        "baseline": {"kind": "energy", "margin_db": float(margin), "roc_auc": float(roc_auc_score(y, e)), **scores(y, e > margin)},
    }
    fixtures: dict[str, Any] = {"examples": []}
    examples = []
    shown = [a for a in parts["artifacts"] if a["kind"] == "example"]
    for artifact, (name, wav, what) in zip(shown, data.examples, strict=True):
        samples, rate = speech.read_wav(wav)
        samples = speech.resample(samples, rate)
        if not examples:  # the raw parity tests' tensors: the first recording's first block, from a zero state
            feed = {parts["preprocessing"]["input"]: blocks(samples, parts["preprocessing"])[0], **state(parts["preprocessing"])}
            names = [o.name for o in session.get_outputs()]
            fixtures["inputs"] = {k: tensor_json(v) for k, v in feed.items()}
            fixtures["outputs"] = {k: tensor_json(v) for k, v in zip(names, session.run(names, feed), strict=True)}
        p = probabilities(session, samples, parts)
        found = segments(p, len(samples), post)
        fixtures["examples"].append({"name": name, "url": artifact["url"], "probabilities": tensor_json(p), "segments": found})
        if len(examples) < n_examples:
            examples.append({"audio": artifact["url"], "name": name, "shows": what, "output": answer(p, found, len(samples))})
    return TaskEvaluation(metrics, fixtures, examples)
