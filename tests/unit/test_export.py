"""ONNX export: valid graphs, reproducible bytes, and a parity check that really fails."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, numpy_helper

from builder import export, recipes
from builder.cards import load_card
from builder.datasets import prepare
from builder.tasks import tabular

from ..conftest import REPO


@pytest.fixture(scope="module")
def penguins():
    card = load_card(REPO / "model_cards" / "penguins-species.yaml")
    split = prepare(card)
    return card, split, recipes.get(card.recipe["kind"]).train(card, split)


def verify_feeds(split) -> list[dict[str, np.ndarray]]:
    """What the pipeline hands the exporter: the test rows, one feed dict each."""
    return tabular.feeds(split, {}, "verify")


def to_onnx(trained, split, model_id: str) -> onnx.ModelProto:
    return export.to_onnx(trained, verify_feeds(split), model_id, split.labels, split.features)


def verify(graph: onnx.ModelProto, trained, split) -> None:
    export.verify_sklearn(graph, trained, verify_feeds(split), split.features)


def test_export_is_valid_and_reproducible(penguins) -> None:
    card, split, trained = penguins
    first = to_onnx(trained, split, card.id)
    onnx.checker.check_model(first, full_check=True)
    retrained = recipes.get(card.recipe["kind"]).train(card, split)
    assert to_onnx(retrained, split, card.id).SerializeToString() == first.SerializeToString()


def test_verify_feeds_are_the_test_rows_one_at_a_time(penguins) -> None:
    _, split, _ = penguins
    feeds = verify_feeds(split)
    batch = tabular.feeds_for(split.X_test, split.features)
    assert len(feeds) == len(split.X_test)
    assert all(list(row) == list(batch) and all(v.shape == (1, 1) for v in row.values()) for row in feeds)
    for name, column in batch.items():
        assert np.array_equal(np.concatenate([row[name] for row in feeds]), column), name
    assert len(tabular.feeds(split, {}, "calibration")) == len(split.X_train)  # never the evaluated rows
    assert len(tabular.feeds(split, {}, "agreement")) == len(split.X_test)


def test_graph_io_matches_features(penguins) -> None:
    card, split, trained = penguins
    model = to_onnx(trained, split, card.id)
    inputs = export.tensor_specs(model.graph.input)
    assert inputs == [
        {"name": f["name"], "dtype": "float32" if f["type"] == "numeric" else "string", "shape": ["N", 1]}
        for f in split.features
    ]
    assert export.tensor_specs(model.graph.output) == [
        {"name": "label", "dtype": "int64", "shape": ["N"]},
        {"name": "probabilities", "dtype": "float32", "shape": ["N", len(split.labels)]},
    ]


def test_verify_rejects_a_graph_that_computes_something_else(penguins) -> None:
    card, split, trained = penguins
    other_card = load_card(REPO / "model_cards" / "penguins-species.yaml")
    other_card.data["recipe"]["params"] = {"estimator": "logistic_regression", "C": 0.001}
    other = recipes.get("sklearn_tabular").train(other_card, split)
    wrong_graph = to_onnx(other, split, card.id)
    with pytest.raises(export.ExportError, match="ONNX probabilities differ from scikit-learn"):
        verify(wrong_graph, trained, split)


def test_linear_models_are_scaled_inside_the_graph(penguins) -> None:
    card, split, _ = penguins
    linear_card = load_card(REPO / "model_cards" / "penguins-species.yaml")
    linear_card.data["recipe"]["params"] = {"estimator": "logistic_regression", "C": 1.0, "max_iter": 1000}
    trained = recipes.get("sklearn_tabular").train(linear_card, split)
    model = to_onnx(trained, split, card.id)  # verify_sklearn() inside: parity holds with the scaler in-graph
    assert "Scaler" in {node.op_type for node in model.graph.node}


# ---- the parity check must catch small, real differences, and to_onnx must always run it ----

def _rewired(model: onnx.ModelProto, output: str, nodes: list[onnx.NodeProto], constants: list[onnx.TensorProto]) -> onnx.ModelProto:
    """A copy of `model` whose graph output `output` is recomputed by `nodes` from the original
    value, renamed `<output>_raw`; every other output is left untouched."""
    edited = onnx.ModelProto()
    edited.CopyFrom(model)
    at = 0
    for k, node in enumerate(edited.graph.node):
        for i, name in enumerate(node.output):
            if name == output:
                node.output[i] = f"{output}_raw"
                at = k + 1
    for offset, node in enumerate(nodes):  # right after the producer: later consumers of `output` stay sorted
        edited.graph.node.insert(at + offset, node)
    edited.graph.initializer.extend(constants)
    return edited


def shifted_probabilities(model: onnx.ModelProto, delta: float) -> onnx.ModelProto:
    """The same graph, with `delta` added to every probability; labels unchanged."""
    return _rewired(
        model, "probabilities",
        [onnx.helper.make_node("Add", ["probabilities_raw", "test_delta"], ["probabilities"])],
        [numpy_helper.from_array(np.array(delta, dtype=np.float32), "test_delta")],
    )


def permuted_labels(model: onnx.ModelProto, permutation: list[int]) -> onnx.ModelProto:
    """The same graph, with label i reported as permutation[i]; probabilities unchanged."""
    return _rewired(
        model, "label",
        [onnx.helper.make_node("Gather", ["test_permutation", "label_raw"], ["label"], axis=0)],
        [numpy_helper.from_array(np.array(permutation, dtype=np.int64), "test_permutation")],
    )


def run_graph(model: onnx.ModelProto, split) -> list[np.ndarray]:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, tabular.feeds_for(split.X_test, split.features))


@pytest.fixture(scope="module")
def exported(penguins) -> onnx.ModelProto:
    card, split, trained = penguins
    return to_onnx(trained, split, card.id)


def test_parity_tolerance_is_tight() -> None:
    """float32 trees agree with float64 scikit-learn to ~1e-7; 1e-4 leaves room for that and no more."""
    assert export.PARITY_ATOL <= 1e-4


def test_verify_rejects_probabilities_off_by_a_thousandth(penguins, exported) -> None:
    _, split, trained = penguins
    graph = shifted_probabilities(exported, 1e-3)
    labels, probabilities = run_graph(graph, split)
    assert (labels == trained.model.predict(split.X_test)).all(), "the edit leaves the labels alone"
    assert abs(float(np.abs(probabilities - trained.model.predict_proba(split.X_test)).max()) - 1e-3) < 1e-6
    with pytest.raises(export.ExportError, match=r"^ONNX probabilities differ from scikit-learn by 1\.00e-03 \(> 0\.0001\)$"):
        verify(graph, trained, split)


def test_verify_accepts_float32_rounding_below_the_tolerance(penguins, exported) -> None:
    _, split, trained = penguins
    verify(shifted_probabilities(exported, 2e-5), trained, split)


def test_verify_rejects_labels_that_disagree_while_probabilities_match(penguins, exported) -> None:
    _, split, trained = penguins
    graph = permuted_labels(exported, [1, 0, 2])  # Adelie <-> Chinstrap; Gentoo stays right
    labels, probabilities = run_graph(graph, split)
    expected = trained.model.predict(split.X_test)
    assert float(np.abs(probabilities - trained.model.predict_proba(split.X_test)).max()) <= 1e-6
    agree = float(np.mean(labels == expected))
    assert 0 < agree < 1
    with pytest.raises(export.ExportError, match=rf"^ONNX labels agree with scikit-learn on only {agree:.1%} of test rows$"):
        verify(graph, trained, split)


def test_verify_rejects_a_single_wrong_label(penguins, exported) -> None:
    """One row of 84 is enough: agreement must be total, not merely high."""
    _, split, trained = penguins
    expected = trained.model.predict(split.X_test)
    rare = int(np.argmin(np.bincount(expected, minlength=len(split.labels))))
    rows = split.X_test[expected == rare]
    if len(rows) != 1:  # make the rare class appear once: keep one of its rows
        keep = (expected != rare) | (np.cumsum(expected == rare) == 1)
        split = dataclasses.replace(split, X_test=split.X_test[keep], y_test=split.y_test[keep])
    permutation = list(range(len(split.labels)))
    permutation[rare] = (rare + 1) % len(split.labels)
    with pytest.raises(export.ExportError, match=r"on only 9\d\.\d% of test rows"):
        verify(permuted_labels(exported, permutation), trained, split)


def test_to_onnx_runs_the_parity_check(penguins, monkeypatch) -> None:
    """An exporter that writes a subtly wrong graph must fail the export, not ship it."""
    import skl2onnx

    card, split, trained = penguins
    real = skl2onnx.convert_sklearn
    monkeypatch.setattr(skl2onnx, "convert_sklearn", lambda *a, **k: shifted_probabilities(real(*a, **k), 1e-3))
    with pytest.raises(export.ExportError, match="ONNX probabilities differ from scikit-learn by 1.00e-03"):
        to_onnx(trained, split, card.id)
    monkeypatch.setattr(skl2onnx, "convert_sklearn", lambda *a, **k: permuted_labels(real(*a, **k), [1, 0, 2]))
    with pytest.raises(export.ExportError, match="ONNX labels agree with scikit-learn on only"):
        to_onnx(trained, split, card.id)


def test_to_onnx_checks_the_graph(penguins, monkeypatch) -> None:
    """A graph the ONNX checker refuses fails as such, before onnxruntime sees it."""
    import skl2onnx

    card, split, trained = penguins
    real = skl2onnx.convert_sklearn

    def broken(*args, **kwargs):
        model = real(*args, **kwargs)
        model.graph.node.append(onnx.helper.make_node("NoSuchOp", ["probabilities"], ["unused"]))
        return model

    monkeypatch.setattr(skl2onnx, "convert_sklearn", broken)
    with pytest.raises(onnx.checker.ValidationError, match="NoSuchOp"):
        to_onnx(trained, split, card.id)


def test_to_onnx_runs_the_full_check(penguins, monkeypatch) -> None:
    """Type errors only the full check (strict shape inference) sees fail there, not later in onnxruntime."""
    import skl2onnx

    card, split, trained = penguins
    real = skl2onnx.convert_sklearn

    def mistyped(*args, **kwargs):
        model = real(*args, **kwargs)
        model.graph.node.append(onnx.helper.make_node("Add", ["probabilities", "label"], ["float_plus_int"]))
        return model

    monkeypatch.setattr(skl2onnx, "convert_sklearn", mistyped)
    with pytest.raises(onnx.shape_inference.InferenceError):
        to_onnx(trained, split, card.id)


def test_to_onnx_refuses_other_frameworks(penguins) -> None:
    card, split, trained = penguins
    with pytest.raises(export.ExportError, match=r"^no exporter for framework 'keras' \(available: [a-z]+(, [a-z]+)*\)$") as info:
        to_onnx(dataclasses.replace(trained, framework="keras"), split, card.id)
    assert {"sklearn", "torch"} <= set(str(info.value).split("(available: ")[1].rstrip(")").split(", "))


def test_to_onnx_refuses_a_graph_without_the_outputs_postprocessing_names(penguins) -> None:
    """The manifest's postprocessing names graph outputs: an export that lacks one fails, it does not ship."""
    card, split, trained = penguins
    io = {"postprocessing": {**trained.io["postprocessing"], "probability_output": "scores"}}
    with pytest.raises(export.ExportError, match=r"^the exported graph has no output scores \(it has label, probabilities\)$"):
        to_onnx(dataclasses.replace(trained, io=io), split, card.id)


def test_export_names_the_model_and_records_its_labels(penguins, exported) -> None:
    card, split, trained = penguins
    assert exported.graph.name == card.id
    assert exported.doc_string == f"Vitrine model {card.id}: {trained.summary}"
    assert {p.key: p.value for p in exported.metadata_props} == {"vitrine.id": card.id, "vitrine.labels": json.dumps(split.labels)}
    assert [(o.domain, o.version <= export.TARGET_OPSET) for o in exported.opset_import if o.domain in ("", "ai.onnx")] == [("", True)]


def test_feeds_are_one_column_per_graph_input(penguins, exported) -> None:
    _, split, _ = penguins
    feeds = tabular.feeds_for(split.X_test, split.features)
    assert list(feeds) == [i.name for i in exported.graph.input]
    for f, (name, array) in zip(split.features, feeds.items()):
        assert array.shape == (len(split.X_test), 1), name
        assert array.dtype == (np.float32 if f["type"] == "numeric" else object), name


def test_tensor_specs_name_every_dtype_as_onnxruntime_web_does() -> None:
    types = {
        TensorProto.FLOAT: "float32", TensorProto.FLOAT16: "float16", TensorProto.DOUBLE: "float64",
        TensorProto.INT8: "int8", TensorProto.UINT8: "uint8", TensorProto.INT32: "int32",
        TensorProto.INT64: "int64", TensorProto.BOOL: "bool", TensorProto.STRING: "string",
    }
    values = [onnx.helper.make_tensor_value_info(f"t{i}", elem, ["batch", 3, None]) for i, elem in enumerate(types)]
    assert export.tensor_specs(values) == [
        {"name": f"t{i}", "dtype": dtype, "shape": ["batch", 3, "N"]} for i, dtype in enumerate(types.values())
    ]


# ---- the torch exporter: the same contract (named, checked, verified) on a tiny network ----

@pytest.fixture(scope="module")
def tiny_torch():
    """A 4 → 3 linear classifier returning its logits and its top class, as recipes/torch_image's network does."""
    import torch

    torch.manual_seed(0)

    class Tiny(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.linear = torch.nn.Linear(4, 3)

        def forward(self, x):
            logits = self.linear(x)
            return logits, logits.argmax(1)

    trained = recipes.Trained(
        model=Tiny().eval(), framework="torch", summary="Tiny()", labels=["a", "b", "c"],
        io={"inputs": ["x"], "outputs": ["logits", "top"], "postprocessing": {"kind": "image-classification", "logits_output": "logits"}},
    )
    feeds = [{"x": np.random.default_rng(i).normal(size=(1, 4)).astype(np.float32)} for i in range(5)]
    return trained, feeds


def test_torch_export_is_named_checked_and_has_a_dynamic_batch(tiny_torch) -> None:
    trained, feeds = tiny_torch
    model = export.to_onnx(trained, feeds, "tiny", trained.labels)
    assert model.graph.name == "tiny" and model.doc_string == "Vitrine model tiny: Tiny()"
    assert {p.key: p.value for p in model.metadata_props} == {"vitrine.id": "tiny", "vitrine.labels": '["a", "b", "c"]'}
    assert export.tensor_specs(model.graph.input) == [{"name": "x", "dtype": "float32", "shape": ["N", 4]}]
    assert [(o["name"], o["dtype"], o["shape"][0]) for o in export.tensor_specs(model.graph.output)] == [("logits", "float32", "N"), ("top", "int64", "N")]
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    batch = np.concatenate([f["x"] for f in feeds])
    logits, top = session.run(None, {"x": batch})
    assert logits.shape == (5, 3) and np.array_equal(top, logits.argmax(1))


def test_verify_torch_rejects_logits_off_by_a_hundredth(tiny_torch) -> None:
    trained, feeds = tiny_torch
    model = export.to_onnx(trained, feeds, "tiny", trained.labels)
    export.verify_torch(model, trained, feeds)
    nudged = _rewired(model, "logits", [onnx.helper.make_node("Add", ["logits_raw", "test_delta"], ["logits"])],
                      [numpy_helper.from_array(np.array(1e-2, dtype=np.float32), "test_delta")])
    with pytest.raises(export.ExportError, match=r"^ONNX output 'logits' differs from torch by 1\.00e-02 \(> 0\.001\)$"):
        export.verify_torch(nudged, trained, feeds)
    export.verify_torch(_rewired(model, "logits", [onnx.helper.make_node("Add", ["logits_raw", "test_delta"], ["logits"])],
                                 [numpy_helper.from_array(np.array(1e-4, dtype=np.float32), "test_delta")]), trained, feeds)


def test_verify_torch_wants_class_indices_exactly(tiny_torch) -> None:
    trained, feeds = tiny_torch
    model = export.to_onnx(trained, feeds, "tiny", trained.labels)
    shifted = _rewired(model, "top", [onnx.helper.make_node("Gather", ["test_permutation", "top_raw"], ["top"], axis=0)],
                       [numpy_helper.from_array(np.array([1, 2, 0], dtype=np.int64), "test_permutation")])
    with pytest.raises(export.ExportError, match=r"^ONNX output 'top' differs from torch: "):
        export.verify_torch(shifted, trained, feeds)


def test_torch_export_runs_the_parity_check(tiny_torch, monkeypatch) -> None:
    """A torch exporter that writes a subtly wrong graph fails the export (verify_torch inside to_onnx)."""
    trained, feeds = tiny_torch
    real = onnx.load_from_string
    monkeypatch.setattr(export.onnx, "load_from_string", lambda data: _rewired(
        real(data), "logits", [onnx.helper.make_node("Add", ["logits_raw", "test_delta"], ["logits"])],
        [numpy_helper.from_array(np.array(1e-2, dtype=np.float32), "test_delta")]))
    with pytest.raises(export.ExportError, match="ONNX output 'logits' differs from torch by 1.00e-02"):
        export.to_onnx(trained, feeds, "tiny", trained.labels)
