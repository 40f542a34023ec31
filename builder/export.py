"""Export trained models to ONNX and prove the export computes what the original model does."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto

from .datasets import Split
from .recipes import Trained

TARGET_OPSET = 17
_DTYPES = {
    TensorProto.FLOAT: "float32",
    TensorProto.FLOAT16: "float16",
    TensorProto.DOUBLE: "float64",
    TensorProto.INT8: "int8",
    TensorProto.UINT8: "uint8",
    TensorProto.INT32: "int32",
    TensorProto.INT64: "int64",
    TensorProto.BOOL: "bool",
    TensorProto.STRING: "string",
}
# onnx float32 outputs vs the float64 sklearn model: trees compare thresholds in float32
PARITY_ATOL = 1e-4


class ExportError(Exception):
    pass


def to_onnx(trained: Trained, split: Split, model_id: str) -> onnx.ModelProto:
    if trained.framework != "sklearn":
        raise ExportError(f"no exporter for framework {trained.framework!r}")
    from skl2onnx import convert_sklearn
    from skl2onnx.common.data_types import FloatTensorType, StringTensorType

    types = [
        (f["input"], FloatTensorType([None, 1]) if f["type"] == "numeric" else StringTensorType([None, 1]))
        for f in split.features
    ]
    model = convert_sklearn(
        trained.model,
        initial_types=types,
        options={id(trained.model): {"zipmap": False}},  # plain probability tensor, not a map
        target_opset=TARGET_OPSET,
    )
    model.graph.name = model_id  # skl2onnx picks a random UUID: same model, different bytes, different hash
    model.doc_string = f"Vitrine model {model_id}: {trained.summary}"
    onnx.helper.set_model_props(model, {"vitrine.id": model_id, "vitrine.labels": json.dumps(split.labels)})
    onnx.checker.check_model(model, full_check=True)
    verify(model, trained, split)
    return model


def feeds_for(frame: Any, features: list[dict[str, Any]]) -> dict[str, np.ndarray]:
    """One [N, 1] tensor per feature, named by its graph input: the layout the browser uses too."""
    return {
        f["input"]: frame[[f["input"]]].to_numpy(np.float32 if f["type"] == "numeric" else object)
        for f in features
    }


def verify(model: onnx.ModelProto, trained: Trained, split: Split) -> None:
    """Fail the export when onnxruntime disagrees with the fitted model on the test split."""
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    labels, probabilities = session.run(None, feeds_for(split.X_test, split.features))
    expected = trained.model.predict_proba(split.X_test)
    diff = float(np.abs(probabilities - expected).max())
    if diff > PARITY_ATOL:
        raise ExportError(f"ONNX probabilities differ from scikit-learn by {diff:.2e} (> {PARITY_ATOL})")
    agree = float(np.mean(labels == trained.model.predict(split.X_test)))
    if agree < 1.0:
        raise ExportError(f"ONNX labels agree with scikit-learn on only {agree:.1%} of test rows")


def tensor_specs(values: Any) -> list[dict[str, Any]]:
    """Manifest tensor specs (name, dtype, shape with symbolic dims named) of graph inputs/outputs."""
    specs = []
    for value in values:
        tensor = value.type.tensor_type
        shape = [d.dim_value if d.HasField("dim_value") else (d.dim_param or "N") for d in tensor.shape.dim]
        specs.append({"name": value.name, "dtype": _DTYPES[tensor.elem_type], "shape": shape})
    return specs
