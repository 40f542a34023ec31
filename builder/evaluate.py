"""Evaluate an exported variant with Python onnxruntime, on the exact bytes that ship.

The task module (builder/tasks/) measures what the model is for (accuracy, top-k, …) and writes
the parity fixtures the browser tests replay; this module adds what every variant gets: size (raw
and gzip, what a visitor downloads) and native latency (builder/variant_report.py: agreement with
fp32, parameters, parity tolerance).
"""

from __future__ import annotations

import gzip
import time
from typing import Any

import numpy as np
import onnxruntime as ort

LATENCY_RUNS = 200
LATENCY_WARMUP = 20
LATENCY_BUDGET_S = 4.0  # slow models (a CNN: ~10 ms a call) run fewer times, never fewer than 20


def native_session(model_bytes: bytes, as_in_browser: bool = False, config: dict[str, str] | None = None) -> ort.InferenceSession:
    """A one-thread CPU session; `as_in_browser` computes what onnxruntime-web computes.

    Native onnxruntime at its default level fuses int8 QDQ pairs into integer kernels (QLinearConv)
    whose rounding differs from the QDQ arithmetic onnxruntime-web runs: on BlazeFace's int8 file the
    box outputs differed by up to 19. At the basic level both compute the same numbers (measured:
    max |Δ| = 0), so metrics and parity fixtures use that; latency uses the default (full) level.
    `config`: the variant's session config entries (manifest `session_options`), which the browser sets too.
    """
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # comparable with single-threaded WASM
    options.inter_op_num_threads = 1
    for key, value in (config or {}).items():
        options.add_session_config_entry(key, value)
    if as_in_browser:
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    return ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])


def sizes(model_bytes: bytes) -> tuple[int, int]:
    """Bytes raw and gzip-compressed (level 9, no timestamp: reproducible)."""
    return len(model_bytes), len(gzip.compress(model_bytes, 9, mtime=0))


def latency(session: ort.InferenceSession, feeds: dict[str, np.ndarray], runs: int = LATENCY_RUNS, whole: bool = False) -> dict[str, Any]:
    """Milliseconds per call on the first row of `feeds`, one row per call as the demo runs it (`whole`: all
    of `feeds` per call, for a model whose rows are the steps of one input, e.g. a recording's frames)."""
    one = feeds if whole else {name: value[:1] for name, value in feeds.items()}
    start = time.perf_counter()
    for _ in range(LATENCY_WARMUP):
        session.run(None, one)
    per_call = (time.perf_counter() - start) / LATENCY_WARMUP
    runs = max(LATENCY_WARMUP, min(runs, int(LATENCY_BUDGET_S / max(per_call, 1e-9))))
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
