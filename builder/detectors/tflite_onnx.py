"""A small TFLite → ONNX converter for float CNN detectors (BlazeFace-style graphs).

Why our own and not `tflite2onnx`: that project's last release (0.4.1, 2021) writes opset 11, warns
that fp16 weights are "not supported/tested", and would add two unmaintained dependencies. The graphs we
convert use nine TFLite ops; converting them here takes ~200 lines we can read, pins the opset/IR
version onnxruntime-web 1.18 loads, and writes every Conv/MaxPool attribute explicitly (the WebGPU JSEP
build of onnxruntime-web fails on Convs that omit `dilations`).

Layout: TFLite is NHWC. The ONNX graph keeps the model's NHWC input (so the preprocessing spec is the
same as MediaPipe's), transposes once to NCHW, runs every 4-D op in NCHW, and transposes back only where
a 4-D tensor is reshaped or leaves the graph. The flatbuffer is read with the schema module that the
same mediapipe wheel ships (`mediapipe/tasks/metadata/schema_py_generated.py`), loaded by file path so
that mediapipe itself (which pins protobuf<5) is never imported.
"""
from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
IR_VERSION = 8  # onnxruntime-web 1.18 (the plain-WASM tier) loads IR ≤ 9; opset 13 needs IR ≥ 7

_NCHW_FROM_NHWC = [0, 3, 1, 2]
_NHWC_FROM_NCHW = [0, 2, 3, 1]


class ConversionError(ValueError):
    """The TFLite graph uses something this converter does not translate."""


def load_schema(path: Path) -> ModuleType:
    """Import a flatc-generated TFLite schema module from a file, without importing its package."""
    name = "_vitrine_tflite_schema"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ConversionError(f"cannot load the TFLite schema from {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _enum_names(enum_class: type) -> dict[int, str]:
    return {v: k for k, v in vars(enum_class).items() if not k.startswith("_") and isinstance(v, int)}


class _Converter:
    """One pass over the operators of subgraph 0, emitting ONNX nodes; 4-D tensors are kept NCHW."""

    def __init__(self, schema: ModuleType, buf: bytes) -> None:
        self.s = schema
        self.model = schema.ModelT.InitFromPackedBuf(bytearray(buf), 0)
        if len(self.model.subgraphs) != 1:
            raise ConversionError("only single-subgraph TFLite models are supported")
        self.g = self.model.subgraphs[0]
        self.op_names = _enum_names(schema.BuiltinOperator)
        self.type_names = _enum_names(schema.TensorType)
        self.nodes: list[onnx.NodeProto] = []
        self.inits: dict[str, onnx.TensorProto] = {}
        self.consts: dict[int, np.ndarray] = {}  # tensor index → constant value (fp32 after dequantize)
        self.nchw: set[int] = set()  # tensor indices whose ONNX value is NCHW
        self.names: dict[int, str] = {}
        self._uid = 0

    # -- helpers ---------------------------------------------------------------------------------

    def name(self, t: int) -> str:
        if t not in self.names:
            raw = self.g.tensors[t].name
            self.names[t] = raw.decode() if isinstance(raw, bytes) else str(raw)
        return self.names[t]

    def fresh(self, base: str) -> str:
        self._uid += 1
        return f"{base}__{self._uid}"

    def shape(self, t: int) -> list[int]:
        return [int(d) for d in self.g.tensors[t].shape]

    def const(self, t: int) -> np.ndarray | None:
        """The constant value of tensor `t` (from its buffer, or a folded DEQUANTIZE), else None."""
        if t in self.consts:
            return self.consts[t]
        tensor = self.g.tensors[t]
        buffer = self.model.buffers[tensor.buffer]
        if buffer.offset > 1:  # weights stored after the flatbuffer (models > 2 GB): not needed here
            raise ConversionError(f"constant {self.name(t)} is stored outside the flatbuffer")
        data = buffer.data
        if data is None or len(data) == 0:
            return None
        dtype = {"FLOAT32": np.float32, "FLOAT16": np.float16, "INT32": np.int32, "INT64": np.int64}.get(
            self.type_names[tensor.type])
        if dtype is None:
            raise ConversionError(f"constant {self.name(t)} has unsupported type {self.type_names[tensor.type]}")
        value = np.frombuffer(np.asarray(data, dtype=np.uint8).tobytes(), dtype=dtype).reshape(self.shape(t))
        self.consts[t] = value
        return value

    def init(self, name: str, value: np.ndarray) -> str:
        self.inits[name] = numpy_helper.from_array(value, name)
        return name

    def activation(self, out: str, fused: int, final: str) -> None:
        """Apply a fused activation from `out` into `final` (an Identity-free rename when NONE)."""
        act = _enum_names(self.s.ActivationFunctionType)[fused]
        if act == "NONE":
            return
        if act == "RELU":
            self.nodes.append(helper.make_node("Relu", [out], [final]))
        elif act == "RELU6":
            lo = self.init(self.fresh("relu6_min"), np.array(0, np.float32))
            hi = self.init(self.fresh("relu6_max"), np.array(6, np.float32))
            self.nodes.append(helper.make_node("Clip", [out, lo, hi], [final]))
        else:
            raise ConversionError(f"fused activation {act} is not supported")

    def with_activation(self, fused: int, t_out: int) -> tuple[str, str]:
        """Name to write the op's raw result to, and the final tensor name (they differ if fused)."""
        final = self.name(t_out)
        if _enum_names(self.s.ActivationFunctionType)[fused] == "NONE":
            return final, final
        return self.fresh(final + "_preact"), final

    @staticmethod
    def same_pads(in_hw: list[int], kernel: list[int], strides: list[int], dilations: list[int]) -> list[int]:
        """TF 'SAME' padding as ONNX pads [top, left, bottom, right] (the extra pixel goes at the end)."""
        begins, ends = [], []
        for size, k, s, d in zip(in_hw, kernel, strides, dilations):
            out = math.ceil(size / s)
            total = max((out - 1) * s + (k - 1) * d + 1 - size, 0)
            begins.append(total // 2)
            ends.append(total - total // 2)
        return begins + ends

    def pads_for(self, padding: int, in_hw: list[int], kernel: list[int], strides: list[int],
                 dilations: list[int]) -> list[int]:
        if padding == self.s.Padding.SAME:
            return self.same_pads(in_hw, kernel, strides, dilations)
        return [0, 0, 0, 0]

    def as_nchw(self, t: int) -> str:
        if t not in self.nchw:
            raise ConversionError(f"{self.name(t)} is expected to be a 4-D NCHW activation")
        return self.name(t)

    def as_plain(self, t: int) -> str:
        """The tensor in TFLite's own layout (transposing an NCHW activation back to NHWC)."""
        if t not in self.nchw:
            return self.name(t)
        out = self.fresh(self.name(t) + "_nhwc")
        self.nodes.append(helper.make_node("Transpose", [self.name(t)], [out], perm=_NHWC_FROM_NCHW))
        return out

    # -- ops ---------------------------------------------------------------------------------------

    def convert(self, graph_name: str) -> onnx.ModelProto:
        inputs, outputs = [], []
        for t in self.g.inputs:
            shape = self.shape(t)
            inputs.append(helper.make_tensor_value_info(self.name(t), TensorProto.FLOAT, shape))
            if len(shape) == 4:
                nchw = self.fresh(self.name(t) + "_nchw")
                self.nodes.append(helper.make_node("Transpose", [self.name(t)], [nchw], perm=_NCHW_FROM_NHWC))
                self.names[t] = nchw
                self.nchw.add(t)
        for op in self.g.operators:
            code = self.model.operatorCodes[op.opcodeIndex]
            kind = self.op_names[max(code.builtinCode, code.deprecatedBuiltinCode)]
            handler = getattr(self, "op_" + kind.lower(), None)
            if handler is None:
                raise ConversionError(f"TFLite op {kind} is not supported by this converter")
            handler([int(i) for i in op.inputs], [int(o) for o in op.outputs], op.builtinOptions)
        for t in self.g.outputs:
            raw = self.g.tensors[t].name
            out_name = raw.decode() if isinstance(raw, bytes) else str(raw)
            value = self.as_plain(t)
            if value != out_name:
                self.nodes.append(helper.make_node("Identity", [value], [out_name]))
            outputs.append(helper.make_tensor_value_info(out_name, TensorProto.FLOAT, self.shape(t)))
        graph = helper.make_graph(self.nodes, graph_name, inputs, outputs, list(self.inits.values()))
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                  producer_name="vitrine.builder.detectors.tflite_onnx")
        model.ir_version = IR_VERSION
        return model

    def op_dequantize(self, ins: list[int], outs: list[int], _opts: Any) -> None:
        value = self.const(ins[0])
        if value is None:
            raise ConversionError("DEQUANTIZE of a non-constant tensor is not supported")
        tensor = self.g.tensors[ins[0]]
        if self.type_names[tensor.type] != "FLOAT16":
            raise ConversionError("only fp16 → fp32 DEQUANTIZE (weight storage) is supported")
        self.consts[outs[0]] = value.astype(np.float32)

    def _conv(self, ins: list[int], outs: list[int], opts: Any, depthwise: bool) -> None:
        weight, bias = self.const(ins[1]), self.const(ins[2]) if len(ins) > 2 and ins[2] >= 0 else None
        if weight is None:
            raise ConversionError("convolution weights must be constant")
        _, in_h, in_w, in_c = self.shape(ins[0])
        if depthwise:  # TFLite [1, kh, kw, C*m] → ONNX [C*m, 1, kh, kw], group = C
            w = np.ascontiguousarray(weight.transpose(3, 0, 1, 2)).astype(np.float32)
            group = in_c
        else:  # TFLite [O, kh, kw, I] → ONNX [O, I, kh, kw]
            w = np.ascontiguousarray(weight.transpose(0, 3, 1, 2)).astype(np.float32)
            group = 1
        kernel = [int(w.shape[2]), int(w.shape[3])]
        strides = [opts.strideH, opts.strideW]
        dilations = [opts.dilationHFactor, opts.dilationWFactor]
        pads = self.pads_for(opts.padding, [in_h, in_w], kernel, strides, dilations)
        base = self.name(outs[0])
        feeds = [self.as_nchw(ins[0]), self.init(base + "/weight", w)]
        if bias is not None:
            feeds.append(self.init(base + "/bias", bias.astype(np.float32)))
        raw, final = self.with_activation(opts.fusedActivationFunction, outs[0])
        self.nodes.append(helper.make_node(
            "Conv", feeds, [raw], name=base, kernel_shape=kernel, strides=strides, dilations=dilations,
            pads=pads, group=group))
        self.activation(raw, opts.fusedActivationFunction, final)
        self.nchw.add(outs[0])

    def op_conv_2d(self, ins: list[int], outs: list[int], opts: Any) -> None:
        self._conv(ins, outs, opts, depthwise=False)

    def op_depthwise_conv_2d(self, ins: list[int], outs: list[int], opts: Any) -> None:
        if opts.depthMultiplier not in (0, 1):
            # multiplier > 1 works the same way in ONNX (group = C, C*m filters) but is untested here
            raise ConversionError("depthwise multiplier > 1 is not supported")
        self._conv(ins, outs, opts, depthwise=True)

    def op_relu(self, ins: list[int], outs: list[int], _opts: Any) -> None:
        self.nodes.append(helper.make_node("Relu", [self.name(ins[0])], [self.name(outs[0])]))
        if ins[0] in self.nchw:
            self.nchw.add(outs[0])

    def op_add(self, ins: list[int], outs: list[int], opts: Any) -> None:
        a, b = ins
        if (a in self.nchw) != (b in self.nchw) or any(self.const(t) is not None for t in ins):
            raise ConversionError("ADD is supported between two activations of the same layout")
        raw, final = self.with_activation(opts.fusedActivationFunction if opts else 0, outs[0])
        self.nodes.append(helper.make_node("Add", [self.name(a), self.name(b)], [raw]))
        self.activation(raw, opts.fusedActivationFunction if opts else 0, final)
        if a in self.nchw:
            self.nchw.add(outs[0])

    def op_pad(self, ins: list[int], outs: list[int], _opts: Any) -> None:
        paddings = self.const(ins[1])
        if paddings is None:
            raise ConversionError("PAD needs constant paddings")
        paddings = paddings.astype(np.int64)  # [rank, 2] in TFLite's (NHWC) axis order
        if ins[0] in self.nchw:
            paddings = paddings[_NCHW_FROM_NHWC]
        pads = np.concatenate([paddings[:, 0], paddings[:, 1]])
        name = self.init(self.name(outs[0]) + "/pads", pads)
        self.nodes.append(helper.make_node("Pad", [self.name(ins[0]), name], [self.name(outs[0])], mode="constant"))
        if ins[0] in self.nchw:
            self.nchw.add(outs[0])

    def op_max_pool_2d(self, ins: list[int], outs: list[int], opts: Any) -> None:
        _, in_h, in_w, _ = self.shape(ins[0])
        kernel, strides = [opts.filterHeight, opts.filterWidth], [opts.strideH, opts.strideW]
        pads = self.pads_for(opts.padding, [in_h, in_w], kernel, strides, [1, 1])
        raw, final = self.with_activation(opts.fusedActivationFunction, outs[0])
        self.nodes.append(helper.make_node(
            "MaxPool", [self.as_nchw(ins[0])], [raw], name=self.name(outs[0]), kernel_shape=kernel,
            strides=strides, pads=pads, dilations=[1, 1], ceil_mode=0))
        self.activation(raw, opts.fusedActivationFunction, final)
        self.nchw.add(outs[0])

    def op_reshape(self, ins: list[int], outs: list[int], _opts: Any) -> None:
        target = np.array(self.shape(outs[0]), dtype=np.int64)
        shape = self.init(self.name(outs[0]) + "/shape", target)
        self.nodes.append(helper.make_node("Reshape", [self.as_plain(ins[0]), shape], [self.name(outs[0])]))

    def op_concatenation(self, ins: list[int], outs: list[int], opts: Any) -> None:
        layouts = {t in self.nchw for t in ins}
        if len(layouts) != 1:
            raise ConversionError("CONCATENATION of mixed layouts is not supported")
        rank = len(self.shape(outs[0]))
        axis = opts.axis % rank
        if ins[0] in self.nchw:
            axis = _NHWC_FROM_NCHW[axis]  # NHWC axis (N,H,W,C) → its position in NCHW
        raw, final = self.with_activation(opts.fusedActivationFunction, outs[0])
        self.nodes.append(helper.make_node("Concat", [self.name(t) for t in ins], [raw], axis=axis))
        self.activation(raw, opts.fusedActivationFunction, final)
        if ins[0] in self.nchw:
            self.nchw.add(outs[0])


def convert(buf: bytes, schema: ModuleType, graph_name: str = "tflite") -> onnx.ModelProto:
    """Convert a float TFLite flatbuffer to an ONNX model (opset 13, IR 8), checked by onnx.checker."""
    model = _Converter(schema, buf).convert(graph_name)
    onnx.checker.check_model(model, full_check=True)
    return model
