"""How far a variant is from fp32, how many parameters it stores, and what parity tolerance it gets.

The browser parity tests replay the builder's fixture inputs in onnxruntime-web and compare with
Python onnxruntime's outputs *of the same file*, within the variant's `parity_tolerance`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import onnx
import onnx.numpy_helper
import onnxruntime as ort
from onnx import TensorProto

Outputs = Sequence[np.ndarray] | Mapping[str, np.ndarray]

FP32_PROBABILITIES = 1e-4
FP32_SCORES = 1e-3
INT8_STEPS = 4
INT8_FLOOR = 5e-2
INT8_DYNAMIC_LOGITS = 0.25
FP16_TOLERANCE = 5e-2
# Initializer inputs that hold quantization parameters (scale, zero point), not weights, per op.
_QUANT_PARAM_SLOTS = {
    "QuantizeLinear": {1, 2},
    "DequantizeLinear": {1, 2},
    "MatMulInteger": {2, 3},
    "ConvInteger": {2, 3},
    "QLinearConv": {1, 2, 4, 5, 6, 7},
    "QLinearMatMul": {1, 2, 4, 5, 6, 7},
    "DynamicQuantizeMatMul": {2, 3},
}
_NOT_PARAMETERS = {TensorProto.INT64, TensorProto.BOOL, TensorProto.STRING}  # shapes, axes, indices, masks


def agreement(fp32_outputs: Outputs, variant_outputs: Outputs) -> dict[str, float]:
    """Top-1 agreement, cosine per row and |Δ| on the first output (logits/probabilities/embeddings, rows first).

    Only the first output: later ones (top-k indices, CAMs) are derived from it, and once top-k
    differs they compare different classes, so their |Δ| would measure the wrong thing.
    """
    a, b = _first(fp32_outputs).astype(np.float64), _first(variant_outputs).astype(np.float64)
    if a.shape != b.shape:
        raise ValueError(f"outputs differ in shape: fp32 {a.shape}, variant {b.shape}")
    rows_a, rows_b = a.reshape(a.shape[0], -1) if a.ndim > 1 else a[None], b.reshape(b.shape[0], -1) if b.ndim > 1 else b[None]
    diff = np.abs(a - b)
    norms = np.linalg.norm(rows_a, axis=1) * np.linalg.norm(rows_b, axis=1)
    cosine = np.sum(rows_a * rows_b, axis=1) / np.maximum(norms, 1e-300)
    return {
        "top1_agreement": float(np.mean(rows_a.argmax(axis=1) == rows_b.argmax(axis=1))),
        "cosine_min": float(cosine.min(initial=1.0)),
        "cosine_mean": float(cosine.mean()) if cosine.size else 1.0,
        "max_abs": float(diff.max(initial=0.0)),
        "mean_abs": float(diff.mean()) if diff.size else 0.0,
    }


def parameter_count(model: bytes | onnx.ModelProto) -> int:
    """Stored weights: initializer elements, without quantization scales/zero points or int64 plumbing,
    plus the float attributes of classic-ML (ai.onnx.ml) operators.

    A quantized weight counts once: its int8 tensor, not its scale and zero point, and one weight
    that onnxruntime's quantizer stored in two layouts (`W_quantized` for a Gather and
    `W_Transposed_quantized` for a MatMul) counts as one. fp32, fp16 and int8 variants of one model
    so report about the same number.
    """
    model = onnx.load_from_string(model) if isinstance(model, bytes) else model
    params = _quantization_params(model.graph)
    sizes: dict[str, int] = {}
    for init in model.graph.initializer:
        if init.name in params or init.data_type in _NOT_PARAMETERS or not init.dims:  # scalars: Clip bounds, epsilons
            continue
        base = _weight_name(init.name)
        sizes[base] = max(sizes.get(base, 0), int(np.prod(init.dims, dtype=np.int64)))
    # Classic ML operators keep what they learned in float attributes (a tree ensemble's thresholds
    # and leaf weights, a scaler's means): those are its parameters.
    learned = sum(len(a.floats) for node in model.graph.node if node.domain == "ai.onnx.ml" for a in node.attribute)
    return sum(sizes.values()) + learned


def _weight_name(name: str) -> str:
    """The weight an initializer stores, under onnxruntime quantizer's naming (suffixes it appends)."""
    for suffix in ("_quantized", "_Transposed"):
        name = name.removesuffix(suffix)
    return name


def parity_tolerance(precision: str, task: str, model: onnx.ModelProto) -> float:
    """The absolute tolerance of browser-vs-Python parity tests on this variant's first output.

    The Python side computes what onnxruntime-web computes (builder/evaluate.native_session with
    as_in_browser), so what is left is kernel arithmetic:
    - fp32: tabular probabilities agreed within ~1e-7, CNN logits within ~6e-6 (TOOLCHAIN.md): 1e-4
      for probabilities, 1e-3 for logits and box regressors (values up to ~150).
    - int8: WASM integer kernels round a few activations one step differently; the first output
      inherits it. Seen: exactly 1 and 2 steps (0.054, 0.109) of EfficientNet-Lite0's logits scale
      (0.0544). Four steps of the output's own quantization scale, at least 0.05.
    - dynamic int8 (no output scale): each activation is quantized at run time over its own range,
      and WASM rounds a few of them one step differently; a linear head on a MiniLM embedding
      turns that into up to 0.14 on its logits (seen on the spam filter, probabilities within
      0.0075, same top label): 0.25 for text-classification logits, 0.05 for embeddings.
    - fp16: the WASM EP computes fp16 ops in fp32; 0.05 on O(10) logits. (WebGPU with shader-f16,
      which rounds every activation, could not be measured here.)
    """
    if precision == "int8":
        producer = {out: node for node in model.graph.node for out in node.output}.get(model.graph.output[0].name)
        scales = {i.name: onnx.numpy_helper.to_array(i) for i in model.graph.initializer}
        if producer is not None and producer.op_type == "DequantizeLinear" and scales.get(producer.input[1], np.zeros(2)).size == 1:
            return max(INT8_FLOOR, INT8_STEPS * float(scales[producer.input[1]]))
        return INT8_DYNAMIC_LOGITS if task == "text-classification" else INT8_FLOOR
    if precision == "fp16":
        return FP16_TOLERANCE
    return FP32_PROBABILITIES if task == "tabular-classification" else FP32_SCORES


def run(model_bytes: bytes, feeds: dict[str, np.ndarray], level: ort.GraphOptimizationLevel | None = None) -> list[np.ndarray]:
    """All outputs of one CPU session (one thread, so results do not depend on the machine's cores)."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    if level is not None:
        options.graph_optimization_level = level
    session = ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
    return session.run(None, feeds)


def _quantization_params(graph: onnx.GraphProto) -> set[str]:
    names = {name for node in graph.node for i, name in enumerate(node.input) if i in _QUANT_PARAM_SLOTS.get(node.op_type, ())}
    # quantize_dynamic rescales MatMulInteger's output by (activation scale x weight scale) in a Mul
    dynamic_scales = {node.output[1] for node in graph.node if node.op_type == "DynamicQuantizeLinear"}
    for node in graph.node:
        if node.op_type == "Mul" and dynamic_scales & set(node.input):
            names.update(node.input)
    return names


def _first(outputs: Outputs) -> np.ndarray:
    values = list(outputs.values()) if isinstance(outputs, Mapping) else list(outputs)
    if not values:
        raise ValueError("no outputs to compare")
    return np.asarray(values[0])
