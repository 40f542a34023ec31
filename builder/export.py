"""Export trained models to ONNX, one exporter per framework, and prove each export computes what the source model does.

The recipe's `Trained.framework` selects the exporter; every exporter ends with `verify`: the
exported bytes run in onnxruntime on real inputs and must match the source model.
"""

from __future__ import annotations

import io
import json
import warnings
from typing import Any, Callable

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto

from .recipes import Trained

TARGET_OPSET = 17
# the IR version onnxruntime-web 1.18 (the plain-WASM tier) reads
BROWSER_IR_VERSION = 8


def graph_model(graph: onnx.GraphProto) -> onnx.ModelProto:
    """A graph a recipe builds itself (a few operators around its weights), as a model every tier of the browser reads."""
    model = onnx.helper.make_model(graph, opset_imports=[onnx.helper.make_opsetid("", TARGET_OPSET)], producer_name="vitrine")
    model.ir_version = BROWSER_IR_VERSION
    return model


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
# a regressor's value is summed in float32 by onnxruntime, in float64 by scikit-learn: a few float32
# steps of the value (a target of ~300 has steps of ~3e-5) on top of the absolute tolerance
PARITY_RTOL = 1e-5
# torch CPU vs onnxruntime CPU, float32 convolutions summed in another order: logits of ~10 differ by ~1e-5
TORCH_ATOL = 1e-3

Feeds = list[dict[str, np.ndarray]]


class ExportError(Exception):
    pass


def to_onnx(trained: Trained, feeds: Feeds, model_id: str, labels: list[str], features: list[dict[str, Any]] | None = None) -> onnx.ModelProto:
    """The verified ONNX graph of a trained model; `feeds` are real inputs, one row each."""
    exporters: dict[str, Callable[..., onnx.ModelProto]] = {"sklearn": _sklearn, "torch": _torch, "onnx": _onnx}
    if trained.framework not in exporters:
        raise ExportError(f"no exporter for framework {trained.framework!r} (available: {', '.join(exporters)})")
    model = exporters[trained.framework](trained, feeds, features)
    model.graph.name = model_id  # exporters pick random or generic names: same model, different bytes, different hash
    # skl2onnx lists opset imports in set order, which differs between processes (string hashing is
    # seeded per process): sorted, the same model is the same bytes whoever builds it.
    imports = sorted(model.opset_import, key=lambda o: (o.domain, o.version))
    del model.opset_import[:]
    model.opset_import.extend(imports)
    model.doc_string = f"Vitrine model {model_id}: {trained.summary}"
    onnx.helper.set_model_props(model, {"vitrine.id": model_id, "vitrine.labels": json.dumps(labels)})
    return model


def _sklearn(trained: Trained, feeds: Feeds, features: list[dict[str, Any]] | None) -> onnx.ModelProto:
    from skl2onnx import convert_sklearn
    from skl2onnx.common.data_types import FloatTensorType, StringTensorType

    assert features is not None, "tabular models need their feature specs"
    types = [
        (f["input"], FloatTensorType([None, 1]) if f["type"] == "numeric" else StringTensorType([None, 1]))
        for f in features
    ]
    kind = trained.io["postprocessing"]["kind"]
    model = convert_sklearn(
        trained.model,
        initial_types=types,
        options={id(trained.model): {"zipmap": False}} if kind == "tabular-classification" else None,  # plain probability tensor, not a map
        # IsolationForest's converter needs the ai.onnx.ml opset named (3: TreeEnsembleRegressor, which both runtimes have)
        target_opset={"": TARGET_OPSET, "ai.onnx.ml": 3} if kind == "anomaly-detection" else TARGET_OPSET,
    )
    _check(model, trained)
    verify_sklearn(model, trained, feeds, features)
    return model


def verify_sklearn(model: onnx.ModelProto, trained: Trained, feeds: Feeds, features: list[dict[str, Any]]) -> None:
    """Fail the export when onnxruntime disagrees with the fitted model on the test rows."""
    import pandas as pd

    post = trained.io["postprocessing"]
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    batch = {name: np.concatenate([row[name] for row in feeds]) for name in feeds[0]}
    frame = pd.DataFrame({f["input"]: batch[f["input"]][:, 0] for f in features})
    if "score_output" in post:  # an anomaly detector: decision_function and its ±1 labels
        scores, labels = session.run([post["score_output"], post["label_output"]], batch)
        diff = float(np.abs(scores[:, 0] - trained.model.decision_function(frame)).max())
        if diff > PARITY_ATOL:
            raise ExportError(f"ONNX anomaly scores differ from scikit-learn by {diff:.2e} (> {PARITY_ATOL})")
        if (agree := float(np.mean(labels[:, 0] == trained.model.predict(frame)))) < 1.0:
            raise ExportError(f"ONNX anomaly labels agree with scikit-learn on only {agree:.1%} of test rows")
        return
    if "value_output" in post:  # a regressor
        (values,) = session.run([post["value_output"]], batch)
        wanted = trained.model.predict(frame)
        excess = np.abs(values[:, 0] - wanted) - (PARITY_ATOL + PARITY_RTOL * np.abs(wanted))
        worst = int(np.argmax(excess))
        if excess[worst] > 0:
            raise ExportError(f"ONNX values differ from scikit-learn by {abs(values[worst, 0] - wanted[worst]):.2e} on a test row "
                              f"({values[worst, 0]} vs {wanted[worst]}; allowed {PARITY_ATOL} + {PARITY_RTOL} × |value|)")
        return
    labels, probabilities = session.run([post["label_output"], post["probability_output"]], batch)
    expected = trained.model.predict_proba(frame)
    diff = float(np.abs(probabilities - expected).max())
    if diff > PARITY_ATOL:
        raise ExportError(f"ONNX probabilities differ from scikit-learn by {diff:.2e} (> {PARITY_ATOL})")
    agree = float(np.mean(labels == trained.model.predict(frame)))
    if agree < 1.0:
        raise ExportError(f"ONNX labels agree with scikit-learn on only {agree:.1%} of test rows")


def _torch(trained: Trained, feeds: Feeds, features: Any) -> onnx.ModelProto:
    """Legacy TorchScript exporter (dynamo=False): its graphs fuse well offline (TOOLCHAIN.md); batch axis
    dynamic, or the axes the recipe names (text: batch and sequence)."""
    import torch

    names_in, names_out = trained.io["inputs"], trained.io["outputs"]
    example = tuple(torch.from_numpy(feeds[0][name]) for name in names_in)
    buffer = io.BytesIO()
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # TorchScript tracer notes on constant folding, not problems of the export
        torch.onnx.export(
            trained.model, example, buffer, dynamo=False, opset_version=TARGET_OPSET,
            input_names=names_in, output_names=names_out,
            dynamic_axes=trained.io.get("dynamic_axes") or {name: {0: "N"} for name in [*names_in, *names_out]},
        )
    model = onnx.load_from_string(buffer.getvalue())
    _check(model, trained)
    verify_torch(model, trained, feeds)
    return model


def verify_torch(model: onnx.ModelProto, trained: Trained, feeds: Feeds) -> None:
    import torch

    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    for row in feeds:
        with torch.no_grad():
            expected = trained.model(*(torch.from_numpy(row[name]) for name in trained.io["inputs"]))
        got = session.run(trained.io["outputs"], row)
        for name, want, have in zip(trained.io["outputs"], expected, got, strict=True):
            want = want.numpy()
            if want.dtype.kind in "iu":  # class indices: exact
                if not np.array_equal(want, have):
                    raise ExportError(f"ONNX output {name!r} differs from torch: {have.ravel()[:8]} vs {want.ravel()[:8]}")
            elif (diff := float(np.abs(want - have).max())) > TORCH_ATOL:
                raise ExportError(f"ONNX output {name!r} differs from torch by {diff:.2e} (> {TORCH_ATOL})")


def _onnx(trained: Trained, feeds: Feeds, features: Any) -> onnx.ModelProto:
    """A recipe that converts to ONNX itself (a TFLite file): check it runs on real inputs and answers finite numbers."""
    model = trained.model
    _check(model, trained)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    for row in feeds:
        for output in session.run(None, row):
            if not np.all(np.isfinite(output)):
                raise ExportError("the converted model answers NaN or infinity on a real input")
    return model


def _check(model: onnx.ModelProto, trained: Trained) -> None:
    """A valid graph (onnx.checker, before onnxruntime sees it) with the outputs the postprocessing spec names."""
    onnx.checker.check_model(model, full_check=True)
    have = {o.name for o in model.graph.output}
    named = {v for k, v in trained.io["postprocessing"].items() if k.endswith("_output")}
    if missing := named - have:
        raise ExportError(f"the exported graph has no output {', '.join(sorted(missing))} (it has {', '.join(sorted(have))})")


def tensor_specs(values: Any) -> list[dict[str, Any]]:
    """Manifest tensor specs (name, dtype, shape with symbolic dims named) of graph inputs/outputs."""
    specs = []
    for value in values:
        tensor = value.type.tensor_type
        shape = [d.dim_value if d.HasField("dim_value") else (d.dim_param or "N") for d in tensor.shape.dim]
        specs.append({"name": value.name, "dtype": _DTYPES[tensor.elem_type], "shape": shape})
    return specs
