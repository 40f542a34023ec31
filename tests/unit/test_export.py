"""ONNX export: valid graphs, reproducible bytes, and a parity check that really fails."""

from __future__ import annotations

import onnx
import pytest

from builder import export, recipes
from builder.cards import load_card
from builder.datasets import prepare

from ..conftest import REPO


@pytest.fixture(scope="module")
def penguins():
    card = load_card(REPO / "model_cards" / "penguins-species.yaml")
    split = prepare(card)
    return card, split, recipes.get(card.recipe["kind"]).train(card, split)


def test_export_is_valid_and_reproducible(penguins) -> None:
    card, split, trained = penguins
    first = export.to_onnx(trained, split, card.id)
    onnx.checker.check_model(first, full_check=True)
    retrained = recipes.get(card.recipe["kind"]).train(card, split)
    assert export.to_onnx(retrained, split, card.id).SerializeToString() == first.SerializeToString()


def test_graph_io_matches_features(penguins) -> None:
    card, split, trained = penguins
    model = export.to_onnx(trained, split, card.id)
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
    wrong_graph = export.to_onnx(other, split, card.id)
    with pytest.raises(export.ExportError, match="ONNX probabilities differ from scikit-learn"):
        export.verify(wrong_graph, trained, split)


def test_linear_models_are_scaled_inside_the_graph(penguins) -> None:
    card, split, _ = penguins
    linear_card = load_card(REPO / "model_cards" / "penguins-species.yaml")
    linear_card.data["recipe"]["params"] = {"estimator": "logistic_regression", "C": 1.0, "max_iter": 1000}
    trained = recipes.get("sklearn_tabular").train(linear_card, split)
    model = export.to_onnx(trained, split, card.id)  # verify() inside: parity holds with the scaler in-graph
    assert "Scaler" in {node.op_type for node in model.graph.node}
