"""Evaluate an exported variant with Python onnxruntime on the held-out split.

Everything is measured on the exact bytes that ship: accuracy-type metrics, size (raw and
gzip, what a visitor downloads), native latency, and parity fixtures (inputs + outputs) that
the browser tests replay to prove the browser computes the same thing.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import onnxruntime as ort
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from .datasets import Split
from .export import feeds_for

LATENCY_RUNS = 200
LATENCY_WARMUP = 20


@dataclass
class Evaluation:
    metrics: dict[str, Any]
    fixtures: dict[str, Any]
    examples: list[dict[str, Any]]
    bytes: int
    gzip_bytes: int


def evaluate(model_bytes: bytes, split: Split, n_examples: int) -> Evaluation:
    session = native_session(model_bytes)
    feeds = feeds_for(split.X_test, split.features)
    label_out, prob_out = (o.name for o in session.get_outputs()[:2])
    predicted, probabilities = session.run([label_out, prob_out], feeds)
    n_labels = len(split.labels)
    precision, recall, f1, support = precision_recall_fscore_support(
        split.y_test, predicted, labels=range(n_labels), zero_division=0
    )
    metrics = {
        "accuracy": float(np.mean(predicted == split.y_test)),
        "macro_f1": float(f1_score(split.y_test, predicted, average="macro", zero_division=0)),
        "per_class": {
            label: {"precision": float(precision[i]), "recall": float(recall[i]), "f1": float(f1[i]), "support": int(support[i])}
            for i, label in enumerate(split.labels)
        },
        "confusion_matrix": confusion_matrix(split.y_test, predicted, labels=range(n_labels)).tolist(),
        "latency_ms": latency(session, feeds),
    }
    rows = _rows(split)
    fixtures = {
        "runtime": f"onnxruntime {ort.__version__}",
        "labels": split.labels,
        "rows": rows,
        "expected": [split.labels[i] for i in split.y_test],
        "inputs": {name: _tensor(value) for name, value in feeds.items()},
        "outputs": {label_out: _tensor(predicted), prob_out: _tensor(probabilities)},
    }
    examples = [
        {
            "input": rows[i],
            "expected": split.labels[int(split.y_test[i])],
            "output": {"label": split.labels[int(predicted[i])], "probabilities": [float(p) for p in probabilities[i]]},
        }
        for i in range(min(n_examples, len(rows)))
    ]
    return Evaluation(metrics, fixtures, examples, len(model_bytes), len(gzip.compress(model_bytes, 9, mtime=0)))


def native_session(model_bytes: bytes) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # comparable with single-threaded WASM
    options.inter_op_num_threads = 1
    return ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])


def latency(session: ort.InferenceSession, feeds: dict[str, np.ndarray], runs: int = LATENCY_RUNS) -> dict[str, Any]:
    """Milliseconds per call on the first row of `feeds`, one row per call as the demo runs it."""
    one = {name: value[:1] for name, value in feeds.items()}
    for _ in range(LATENCY_WARMUP):
        session.run(None, one)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        session.run(None, one)
        times.append((time.perf_counter() - start) * 1000)
    return {
        **percentiles(times),
        "runs": runs,
        "runtime": f"onnxruntime {ort.__version__} CPU, 1 thread",
    }


def percentiles(values: list[float], digits: int | None = None) -> dict[str, float]:
    """p50 and p95 of timings (ms), optionally rounded for display."""
    out = {"p50": float(np.percentile(values, 50)), "p95": float(np.percentile(values, 95))}
    return {k: round(v, digits) for k, v in out.items()} if digits is not None else out


def _rows(split: Split) -> list[dict[str, Any]]:
    """Test rows keyed by column name, as a person would type them: the shortest decimal that is the same float32."""
    names = {f["input"]: f["name"] for f in split.features}
    return [
        {names[k]: float(str(np.float32(v))) if isinstance(v, (float, np.floating)) else str(v) for k, v in record.items()}
        for record in split.X_test.to_dict("records")
    ]


def _tensor(value: np.ndarray) -> dict[str, Any]:
    """The JS API's tensor shape: {type, dims, data} with flat data."""
    if value.dtype == object:
        kind, data = "string", [str(v) for v in value.ravel()]
    elif value.dtype == np.float32:
        kind, data = "float32", [float(v) for v in value.ravel()]
    elif value.dtype == np.int64:
        kind, data = "int64", [int(v) for v in value.ravel()]
    else:
        raise TypeError(f"no fixture encoding for {value.dtype}")
    return {"type": kind, "dims": list(value.shape), "data": data}
