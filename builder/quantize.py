"""Variants of an exported fp32 model: fp16 and int8 (static QDQ or dynamic), made reproducibly.

The build is content-addressed, so a recipe must give the same bytes for the same input bytes and
calibration feeds; `make_variant` is tested for that. Each recipe is the one measured to hold up
(see shared TOOLCHAIN.md and tests/unit/test_variants.py):

- `fp16`: onnxruntime.transformers.float16 with keep_io_types=True, applied to the EXTENDED-optimized
  graph. Half the bytes; a WebGPU variant (WASM computes fp16 by casting back to fp32, no faster).
- `int8` / `static-qdq` (default, CNNs): QDQ, per-channel QInt8 weights, QUInt8 activations,
  calibrated on representative inputs. ReLU-type activations (Clip, Relu) are quantized too, so the
  quantizer folds them into the producing Conv's output range: without them a Conv output is
  quantized over its raw range (±50 on EfficientNet-Lite0) before the Clip to [0, 6], and top-1
  agreement with fp32 fell from 88% to 50% on real photos.
- `int8` / `dynamic` (transformer encoders): quant_pre_process → quantize_dynamic, per-channel QInt8.
- `int8` / `weight-only` (language models): int8 weights, one scale per output channel, feeding
  DequantizeLinear → the original float MatMul; activations stay float. Dynamic int8 broke SmolLM2
  (wrong from the first token: its activations have outliers) and was 251 MB; this is 137 MB, and a
  tied output layer reads the int8 embedding table instead of storing it twice.

MatMul/Gemm nodes are quantized only when their weight is a constant initializer. Where both inputs
are computed (attention scores, a class-activation map from Gather'ed classifier rows) a per-axis
weight scale does not fit the runtime shape, and onnxruntime fails at run time.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
from onnxruntime.quantization import CalibrationDataReader

from .errors import VitrineError
from .optimize import OptimizeError, check, optimize, prune_opset_imports

PRECISIONS = ("fp32", "fp16", "int8")
INT8_METHODS = ("static-qdq", "dynamic", "weight-only")
STATIC_OP_TYPES = ("Conv", "Gemm", "MatMul", "Clip", "Relu")
# onnxruntime's dynamic default minus Conv (ConvInteger ran 7x slower than fp32 in onnxruntime-web
# WASM) and Transpose (an 8-bit pass-through, a loss where the consumer stays float).
DYNAMIC_OP_TYPES = ("MatMul", "Attention", "Gather", "EmbedLayerNormalization", "LSTM")
_WEIGHT_OPS = ("MatMul", "Gemm")
_QUANTIZED_OPS = {"DequantizeLinear", "DynamicQuantizeLinear", "MatMulInteger", "ConvInteger", "QAttention", "QGemm"}
_cwd_lock = threading.Lock()


class QuantizeError(VitrineError):
    """A variant recipe does not apply to this model; the message says what to do."""


@dataclass(frozen=True)
class Variant:
    """A named recipe: what the manifest calls the variant and how it is made from the fp32 file."""

    name: str
    precision: str
    method: str | None = None
    needs_calibration: bool = False
    # made from the offline-optimized fp32 file: dynamic int8 quantizes the fused Attention and
    # EmbedLayerNormalization ops (QAttention…), which the unfused export does not have
    from_optimized: bool = False

    def make(
        self,
        fp32_bytes: bytes,
        *,
        calibration: Iterable[dict[str, np.ndarray]] | None = None,
        op_types: Sequence[str] | None = None,
    ) -> bytes:
        return make_variant(fp32_bytes, self.precision, method=self.method, calibration=calibration, op_types=op_types)


RECIPES: dict[str, Variant] = {
    "fp32": Variant("fp32", "fp32"),
    "fp16": Variant("fp16", "fp16"),
    "int8": Variant("int8", "int8", "static-qdq", needs_calibration=True),
    "int8-dynamic": Variant("int8-dynamic", "int8", "dynamic", from_optimized=True),
    "int8-weight-only": Variant("int8-weight-only", "int8", "weight-only"),
}


def recipe(name: str) -> Variant:
    """The recipe a model card names, or an error listing the known ones."""
    if name not in RECIPES:
        raise QuantizeError(f"unknown variant {name!r}: known variants are {', '.join(RECIPES)}")
    return RECIPES[name]


def make_variant(
    fp32_bytes: bytes,
    precision: str,
    *,
    method: str | None = None,
    calibration: Iterable[dict[str, np.ndarray]] | None = None,
    op_types: Sequence[str] | None = None,
) -> bytes:
    """Make the `precision` variant of an unoptimized fp32 export (fp32 itself comes back optimized).

    int8 starts from the unoptimized graph on purpose: the quantizer knows Conv, not the FusedConv
    that offline optimization writes, and onnxruntime fuses the QDQ pairs itself at load time.
    """
    if precision not in PRECISIONS:
        raise QuantizeError(f"unknown precision {precision!r}: use one of {', '.join(PRECISIONS)}")
    if precision != "int8" and (method, calibration, op_types) != (None, None, None):
        raise QuantizeError(f"method, calibration and op_types apply to int8 only, not {precision}")
    model = _load(fp32_bytes)
    if precision == "fp32":
        return _optimized(fp32_bytes)
    _refuse_unquantizable(model, precision)
    if precision == "fp16":
        return to_fp16(_optimized(fp32_bytes))
    method = method or "static-qdq"
    if method == "static-qdq":
        feeds = _calibration_feeds(model, calibration)
        return _quantize(fp32_bytes, lambda pre, out, excluded: _static(pre, out, feeds, op_types, excluded))
    if method == "dynamic":
        if calibration is not None:
            raise QuantizeError("dynamic int8 computes activation ranges at run time: drop `calibration`, or use method='static-qdq'")
        return _quantize(fp32_bytes, lambda pre, out, excluded: _dynamic(pre, out, op_types, excluded))
    if method == "weight-only":
        if (calibration, op_types) != (None, None):
            raise QuantizeError("weight-only int8 quantizes every MatMul weight and the embedding, from the weights alone: drop `calibration` and `op_types`")
        return weight_only_int8(model)
    raise QuantizeError(f"unknown int8 method {method!r}: use one of {', '.join(INT8_METHODS)}")


def to_fp16(model_bytes: bytes) -> bytes:
    """fp16 weights and activations, fp32 graph inputs/outputs (the page's tensors stay float32)."""
    from onnxruntime.transformers.float16 import convert_float_to_float16

    model = convert_float_to_float16(_load(model_bytes), keep_io_types=True)
    sort_topologically(model.graph)  # the converter appends its input Casts after their consumers
    prune_opset_imports(model)
    _check(model)
    return model.SerializeToString()


def sort_topologically(graph: onnx.GraphProto) -> None:
    """Reorder nodes so each comes after its producers (ONNX requires it), keeping the order otherwise.

    Stable (Kahn's algorithm, earliest original index first), so the bytes are reproducible.
    Names no node produces (graph inputs, initializers, outer-scope values) count as available.
    """
    nodes = list(graph.node)
    producer = {out: i for i, node in enumerate(nodes) for out in node.output if out}
    waiting_on = [{producer[name] for name in node.input if name in producer} - {i} for i, node in enumerate(nodes)]
    consumers: dict[int, list[int]] = {}
    for i, deps in enumerate(waiting_on):
        for dep in deps:
            consumers.setdefault(dep, []).append(i)
    ready = [i for i, deps in enumerate(waiting_on) if not deps]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        i = heapq.heappop(ready)
        order.append(i)
        for consumer in consumers.get(i, ()):
            waiting_on[consumer].discard(i)
            if not waiting_on[consumer]:
                heapq.heappush(ready, consumer)
    if len(order) != len(nodes):  # a cycle: not ours to fix, and the checker will name it
        return
    sorted_nodes = [onnx.NodeProto.FromString(nodes[i].SerializeToString()) for i in order]
    del graph.node[:]
    graph.node.extend(sorted_nodes)


def _optimized(model_bytes: bytes) -> bytes:
    try:
        return optimize(model_bytes, "extended").model_bytes
    except OptimizeError as exc:
        raise QuantizeError(str(exc)) from exc


# ---- int8 ----

def _int8_per_channel(weight: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 codes and one float32 scale per index of `axis` (max |w| → 127)."""
    reduce = tuple(i for i in range(weight.ndim) if i != axis)
    scale = np.abs(weight).max(axis=reduce) / 127.0
    scale[scale == 0] = 1.0
    shape = [1] * weight.ndim
    shape[axis] = -1
    codes = np.clip(np.rint(weight / scale.reshape(shape)), -127, 127).astype(np.int8)
    return codes, scale.astype(np.float32)


def weight_only_int8(model: onnx.ModelProto) -> bytes:
    """Every constant MatMul weight and Gather table as int8 + DequantizeLinear (per output channel / per row).

    A MatMul weight equal to the transpose of a Gather table (a language model's output layer tied
    to its embedding, which the exporter writes out twice) becomes a Transpose of the dequantized
    table, stored once.
    """
    from onnx import helper, numpy_helper

    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    tables = {n.input[0]: numpy_helper.to_array(inits[n.input[0]]) for n in graph.node if n.op_type == "Gather" and n.input[0] in inits}
    tables = {name: t for name, t in tables.items() if t.dtype == np.float32 and t.ndim == 2}
    added: list[onnx.TensorProto] = []
    nodes: list[onnx.NodeProto] = []
    replaced: set[str] = set()

    def dequantize(name: str, weight: np.ndarray, axis: int) -> None:
        codes, scale = _int8_per_channel(weight, axis)
        added.extend([numpy_helper.from_array(codes, f"{name}_int8"), numpy_helper.from_array(scale, f"{name}_scale"),
                      numpy_helper.from_array(np.zeros(scale.size, np.int8), f"{name}_zero_point")])
        nodes.append(helper.make_node("DequantizeLinear", [f"{name}_int8", f"{name}_scale", f"{name}_zero_point"], [name], axis=axis, name=f"{name}_dequantize"))
        replaced.add(name)

    for name, table in sorted(tables.items()):
        dequantize(name, table, 0)
    for node in graph.node:
        name = node.input[1] if node.op_type == "MatMul" and len(node.input) == 2 else None
        if name is None or name not in inits or name in replaced:
            continue
        weight = numpy_helper.to_array(inits[name])
        if weight.dtype != np.float32 or weight.ndim != 2:
            continue
        tied = next((t for t, table in tables.items() if table.shape == weight.shape[::-1] and np.array_equal(table.T, weight)), None)
        if tied is not None:
            nodes.append(helper.make_node("Transpose", [tied], [name], perm=[1, 0], name=f"{name}_tied"))
            replaced.add(name)
        else:
            dequantize(name, weight, 1)
    if not replaced:
        raise QuantizeError("nothing was quantized: the graph has no constant float MatMul weight or Gather table")
    kept = [i for i in graph.initializer if i.name not in replaced]
    del graph.initializer[:]
    graph.initializer.extend(kept + added)
    body = list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes + body)
    prune_opset_imports(model)
    _check(model)
    return model.SerializeToString()

def _quantize(fp32_bytes: bytes, run: Callable[[Path, Path, list[str]], None]) -> bytes:
    """Pre-process, pick the nodes to leave alone, quantize: all inside a scratch working directory."""
    with _scratch_dir() as tmp:
        pre, out = tmp / "pre.onnx", tmp / "quantized.onnx"
        _pre_process(fp32_bytes, pre)
        model = onnx.load(pre)
        _name_nodes(model)
        onnx.save(model, pre)
        try:
            run(pre, out, unquantizable_nodes(model))
        except Exception as exc:  # onnxruntime's quantizers assert and raise bare exceptions
            raise QuantizeError(
                f"onnxruntime's quantizer failed ({type(exc).__name__}: {exc}); pass op_types= without the op "
                f"type it names, or ship fp32/fp16"
            ) from exc
        quantized = onnx.load(out)
    if not any(n.op_type in _QUANTIZED_OPS for n in quantized.graph.node):
        raise QuantizeError("nothing was quantized: the graph has none of the chosen op types; pass op_types= that it has")
    prune_opset_imports(quantized)
    _check(quantized)
    return quantized.SerializeToString()


def _pre_process(fp32_bytes: bytes, dest: Path) -> None:
    """Symbolic shape inference + constant folding, which the quantizer needs to see weights as constants."""
    from onnxruntime.quantization.shape_inference import quant_pre_process

    try:
        quant_pre_process(_load(fp32_bytes), str(dest))
    except Exception as exc:  # ORT raises bare Exception ("Incomplete symbolic shape inference")
        raise QuantizeError(
            f"quantization pre-processing failed ({exc}); export with static shapes except the batch "
            "dimension, or ship fp32/fp16 only"
        ) from exc


def _static(pre: Path, out: Path, feeds: list[dict[str, np.ndarray]], op_types: Sequence[str] | None, excluded: list[str]) -> None:
    from onnxruntime.quantization import QuantFormat, QuantType, quantize_static

    quantize_static(
        str(pre),
        str(out),
        _Reader(feeds),
        quant_format=QuantFormat.QDQ,
        op_types_to_quantize=list(op_types or STATIC_OP_TYPES),
        per_channel=True,
        activation_type=QuantType.QUInt8,
        weight_type=QuantType.QInt8,
        nodes_to_exclude=excluded,
    )


def _dynamic(pre: Path, out: Path, op_types: Sequence[str] | None, excluded: list[str]) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(pre),
        str(out),
        op_types_to_quantize=list(op_types or DYNAMIC_OP_TYPES),
        per_channel=True,
        weight_type=QuantType.QInt8,
        nodes_to_exclude=excluded,
    )


def unquantizable_nodes(model: onnx.ModelProto) -> list[str]:
    """Nodes the quantizers get wrong, by name: weights that are computed, or shared with a Gather.

    - MatMul/Gemm whose second input is not a stored initializer (attention scores, a CAM from
      Gather'ed classifier rows): a per-axis weight scale does not fit, onnxruntime fails at run time.
    - Gather of an initializer that other nodes use too (a classifier matrix that is also indexed):
      the MatMul's per-channel scale and the Gather's per-tensor one collide (the quantizer asserts).
    """
    initializers = {i.name for i in model.graph.initializer}
    uses: dict[str, int] = {}
    for node in model.graph.node:
        for name in set(node.input):
            uses[name] = uses.get(name, 0) + 1
    excluded = set()
    for n in model.graph.node:
        if n.op_type in _WEIGHT_OPS and n.input[1] not in initializers:
            excluded.add(n.name)
        elif n.op_type == "Gather" and n.input[0] in initializers and uses[n.input[0]] > 1:
            excluded.add(n.name)
    return sorted(excluded)


def _name_nodes(model: onnx.ModelProto) -> None:
    """Give every node a unique, stable name: exclusions are by name, and the quantizer derives its names from them."""
    seen: set[str] = set()
    for index, node in enumerate(model.graph.node):
        if not node.name or node.name in seen:
            node.name = f"{node.op_type}_{index}"
        seen.add(node.name)


class _Reader(CalibrationDataReader):
    """The calibration feeds, read once and in order (the order is part of what makes the bytes)."""

    def __init__(self, feeds: list[dict[str, np.ndarray]]):
        self._feeds: Iterator[dict[str, np.ndarray]] = iter(feeds)

    def get_next(self) -> dict[str, np.ndarray] | None:
        return next(self._feeds, None)


def _calibration_feeds(model: onnx.ModelProto, calibration: Iterable[dict[str, np.ndarray]] | None) -> list[dict[str, np.ndarray]]:
    """Materialise and check the feeds before a long calibration run can fail halfway."""
    if calibration is None:
        raise QuantizeError(
            "static int8 needs calibration data: pass calibration=[{input_name: array}, ...] with a few dozen "
            "representative inputs (e.g. training images), or use method='dynamic'"
        )
    inputs = _graph_inputs(model)
    feeds = [{name: np.ascontiguousarray(value) for name, value in feed.items()} for feed in calibration]
    if not feeds:
        raise QuantizeError("calibration data is empty: pass at least one feed (a few dozen is better)")
    for i, feed in enumerate(feeds):
        if set(feed) != set(inputs):
            raise QuantizeError(f"calibration feed {i} has inputs {sorted(feed)}; the model takes {sorted(inputs)}")
        for name, value in feed.items():
            if value.dtype != inputs[name]:
                raise QuantizeError(f"calibration feed {i}: input {name!r} is {value.dtype}, the model takes {inputs[name]}")
    return feeds


def _graph_inputs(model: onnx.ModelProto) -> dict[str, np.dtype]:
    initializers = {i.name for i in model.graph.initializer}
    return {
        i.name: onnx.helper.tensor_dtype_to_np_dtype(i.type.tensor_type.elem_type)
        for i in model.graph.input
        if i.name not in initializers
    }


# ---- shared checks ----

def _refuse_unquantizable(model: onnx.ModelProto, precision: str) -> None:
    """skl2onnx graphs: duplicate default-domain imports break onnxruntime's tools, ML ops have no low-precision form."""
    default_imports = [o for o in model.opset_import if o.domain in ("", "ai.onnx")]
    if len(default_imports) > 1:
        raise QuantizeError(
            f"the model imports the ai.onnx domain {len(default_imports)} times (as skl2onnx graphs do), which "
            f"onnxruntime's tools reject; ship fp32 only (such models are small), or deduplicate opset_import first"
        )
    fused = sorted({n.op_type for n in model.graph.node if n.domain == "com.microsoft" and n.op_type.startswith("Fused")})
    if precision == "int8" and fused:
        raise QuantizeError(
            f"the model is already optimized ({', '.join(fused)}): the quantizer does not know these fused ops "
            f"and would leave them float; pass the unoptimized export (onnxruntime fuses the int8 graph at load)"
        )
    ml_ops = sorted({n.op_type for n in model.graph.node if n.domain == "ai.onnx.ml"})
    if ml_ops:
        raise QuantizeError(
            f"{precision} does not apply to classical-ML operators ({', '.join(ml_ops)}): they have no "
            f"low-precision kernels; ship fp32 only (such models are small anyway)"
        )


def _load(model_bytes: bytes) -> onnx.ModelProto:
    try:
        return onnx.load_from_string(model_bytes)
    except Exception as exc:  # protobuf DecodeError
        raise QuantizeError(f"not an ONNX model ({exc})") from exc


def _check(model: onnx.ModelProto) -> None:
    try:
        check(model)
    except OptimizeError as exc:
        raise QuantizeError(str(exc).replace("optimized model", "variant")) from exc


@contextlib.contextmanager
def _scratch_dir() -> Iterator[Path]:
    """A temp dir that is also the working directory: onnxruntime's tools drop files into the CWD.

    (symbolic shape inference writes sym_shape_infer_temp.onnx there when it fails). The CWD is
    process-wide, so one quantization runs at a time; paths given to us are absolute by then.
    """
    with _cwd_lock, tempfile.TemporaryDirectory(prefix="vitrine-quant-") as tmp:
        previous = os.getcwd()
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(previous)
