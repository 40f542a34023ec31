"""Offline graph optimization that onnxruntime-web can still run.

onnxruntime fuses a graph (constant folding, Conv+activation → FusedConv, …) when it builds a
session; doing it once at build time gives the browser a smaller graph to parse and the manifest a
file whose node count says what really runs. Only the BASIC and EXTENDED levels are offered: ALL
adds NCHWc layout ops (com.microsoft.nchwc) that exist only in native CPU builds, and
onnxruntime-web cannot run them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import onnx
import onnxruntime as ort

from .errors import VitrineError

LEVELS = {
    "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
    "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
}
TRANSFORMER = "transformer"
_DEFAULT_DOMAINS = ("", "ai.onnx")
_CONTRIB_VERSIONS = {"com.microsoft": 1}  # onnxruntime's contrib ops have a single opset version


class OptimizeError(VitrineError):
    """The model cannot be optimized as asked; the message says what to do instead."""


@dataclass(frozen=True)
class Optimized:
    """An optimized model and what optimization did to it (node counts go into build reports)."""

    model_bytes: bytes
    nodes_before: int
    nodes_after: int
    level: str


def optimize(model_bytes: bytes, level: str = "extended", *, heads: int = 0, hidden: int = 0) -> Optimized:
    """Optimize with onnxruntime's own graph transformers, as a session would at load time
    (`transformer`: onnxruntime.transformers' fusions for BERT-type encoders instead, which need the
    encoder's attention `heads` and `hidden` size: it cannot read them from a graph with dynamic axes)."""
    before = onnx.load_from_string(model_bytes)
    if level == TRANSFORMER:
        model = _fuse_transformer(onnx.load_from_string(model_bytes), heads, hidden)  # it fuses in place
    else:
        model = onnx.load_from_string(_run_ort_optimizer(model_bytes, _ort_level(level)))
    prune_opset_imports(model)
    check(model)
    return Optimized(model.SerializeToString(), count_nodes(before), count_nodes(model), level)


def _ort_level(level: str) -> ort.GraphOptimizationLevel:
    if level == "all":
        raise OptimizeError(
            "optimization level 'all' writes NCHWc layout ops (com.microsoft.nchwc) that only native "
            "onnxruntime CPU builds have; onnxruntime-web cannot run them. Use 'extended' or 'basic'."
        )
    if level not in LEVELS:
        raise OptimizeError(f"unknown optimization level {level!r}: use one of {', '.join(LEVELS)}")
    return LEVELS[level]


def _fuse_transformer(model: onnx.ModelProto, heads: int, hidden: int) -> onnx.ModelProto:
    """Attention, embedding and skip layer norms, bias + GELU fused into onnxruntime's contrib ops
    (all of which onnxruntime-web runs)."""
    from onnxruntime.transformers.optimizer import optimize_model

    try:
        fused = optimize_model(model, model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=0)
    except Exception as exc:  # the optimizer asserts on graphs it does not recognise
        raise OptimizeError(f"onnxruntime's transformer optimizer failed ({type(exc).__name__}: {exc}); use 'extended' for this model") from exc
    if not fused.get_fused_operator_statistics().get("Attention"):
        raise OptimizeError("the transformer optimizer found no attention to fuse: give the encoder's heads and hidden size, export with eager attention and the legacy exporter (TOOLCHAIN.md), or use 'extended'")
    return fused.model


def _run_ort_optimizer(model_bytes: bytes, level: ort.GraphOptimizationLevel) -> bytes:
    """Let a CPU session write its optimized graph; the temp dir keeps ORT's files out of the CWD."""
    with tempfile.TemporaryDirectory(prefix="vitrine-opt-") as tmp:
        out = Path(tmp) / "optimized.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = level
        options.optimized_model_filepath = str(out)
        options.intra_op_num_threads = 1
        try:
            ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own Fail/InvalidGraph types
            raise OptimizeError(f"onnxruntime could not load the model to optimize it: {exc}") from exc
        return out.read_bytes()


def count_nodes(model: onnx.ModelProto) -> int:
    """Top-level graph nodes (what build reports compare before/after)."""
    return len(model.graph.node)


def used_domains(model: onnx.ModelProto) -> set[str]:
    """Every operator domain a node uses, in subgraphs and local functions too ('' for ai.onnx)."""
    domains = {_domain(n.domain) for n in _all_nodes(model.graph)}
    for function in model.functions:
        domains.add(_domain(function.domain))
        domains.update(_domain(n.domain) for n in function.node)
        for node in function.node:
            domains.update(_domain(n.domain) for g in _subgraphs(node) for n in _all_nodes(g))
    return domains


def prune_opset_imports(model: onnx.ModelProto) -> None:
    """Import exactly the opsets the graph uses (ORT writes ai.onnx.training, nchwc, aten… unused).

    The manifest lists `opsets` per domain so the runtime can refuse a file an old onnxruntime-web
    cannot run; unused imports would make that check reject files that are fine. The default
    domain is always kept (every model needs it), and contrib domains a fusion used without
    importing (onnxruntime.transformers does this) are added at their only version.
    """
    used = used_domains(model) | {""}
    keep = [o for o in model.opset_import if _domain(o.domain) in used]
    imported = {_domain(o.domain) for o in keep}
    for domain in sorted(used - imported):
        if domain not in _CONTRIB_VERSIONS:
            raise OptimizeError(f"the graph uses operator domain {domain!r} but does not import it")
        keep.append(onnx.helper.make_opsetid(domain, _CONTRIB_VERSIONS[domain]))
    del model.opset_import[:]
    model.opset_import.extend(sorted(keep, key=lambda o: o.domain))


def opsets(model: onnx.ModelProto) -> dict[str, int]:
    """Opset versions per domain, as the manifest records them ('ai.onnx' for the default domain)."""
    return {(o.domain or "ai.onnx"): o.version for o in model.opset_import}


def check(model: onnx.ModelProto) -> None:
    """onnx.checker for structure and types, then a real onnxruntime load for what it cannot judge.

    The checker has no schemas for contrib domains (com.microsoft FusedConv, QDQ helpers…): it
    skips those nodes and its non-strict shape inference passes over them, so only onnxruntime
    can say whether they are well formed.
    """
    try:
        onnx.checker.check_model(model, full_check=True)
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError) as exc:
        raise OptimizeError(f"the optimized model is not valid ONNX: {exc}") from exc
    _check_loads(model.SerializeToString())


def _check_loads(model_bytes: bytes) -> None:
    """A file we write must load; graph optimizations off so this tests the file, not ORT's fixes."""
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    options.intra_op_num_threads = 1
    try:
        ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise OptimizeError(f"onnxruntime cannot load the optimized model: {exc}") from exc


def transformer_fusions(
    model_bytes: bytes, model_type: str = "bert", *, num_heads: int = 0, hidden_size: int = 0
) -> bytes:
    """Fuse attention/LayerNorm/GELU patterns of a transformer encoder (onnxruntime.transformers).

    Runs the Python fusions only (`opt_level=0`, no onnxruntime session), so the result holds
    contrib ops that onnxruntime-web has (Attention, SkipLayerNormalization, …) and nothing
    CPU-specific; `num_heads`/`hidden_size` 0 lets the optimizer read them from the graph. Export
    with the legacy exporter and eager attention, or the attention pattern is not found.
    """
    from onnxruntime.transformers.optimizer import optimize_model

    if (num_heads == 0) != (hidden_size == 0) or (num_heads and hidden_size % num_heads):
        raise OptimizeError(
            f"num_heads={num_heads}, hidden_size={hidden_size}: give both (hidden_size a multiple of "
            f"num_heads), or neither to let the optimizer read them from the graph"
        )
    model = onnx.load_from_string(model_bytes)
    fused = optimize_model(
        model, model_type=model_type, num_heads=num_heads, hidden_size=hidden_size, opt_level=0, only_onnxruntime=False
    ).model
    prune_opset_imports(fused)
    check(fused)
    return fused.SerializeToString()


def _all_nodes(graph: onnx.GraphProto) -> Iterator[onnx.NodeProto]:
    for node in graph.node:
        yield node
        for sub in _subgraphs(node):
            yield from _all_nodes(sub)


def _subgraphs(node: onnx.NodeProto) -> Iterable[onnx.GraphProto]:
    for attr in node.attribute:
        if attr.type == onnx.AttributeProto.GRAPH:
            yield attr.g
        elif attr.type == onnx.AttributeProto.GRAPHS:
            yield from attr.graphs


def _domain(domain: str) -> str:
    return "" if domain in _DEFAULT_DOMAINS else domain
