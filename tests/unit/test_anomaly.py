"""Anomaly detection: the sensor card's build (the score ranks anomalies far above a blind score, the threshold
flags what the card's contamination says), export parity, its card errors and its page."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from builder import pages
from builder.cards import load_card
from builder.datasets import prepare
from builder.evaluate import native_session
from builder.export import ExportError, to_onnx, verify_sklearn
from builder.recipes import sklearn_tabular
from builder.tasks import anomaly

from ..conftest import REPO, model_entry
from .conftest import card_problems, edited_card

MODEL = "sensor-anomalies"
CARD = REPO / "model_cards" / f"{MODEL}.yaml"


@pytest.fixture(scope="module")
def entry(built_models) -> dict:
    return model_entry(json.loads((built_models[0] / "manifest.json").read_text()), MODEL)


def test_the_score_ranks_anomalies_far_above_a_blind_score(entry: dict) -> None:
    m = entry["variants"][0]["metrics"]
    at = m["at_threshold"]
    print(f"ROC AUC {m['roc_auc']:.3f}, AP {m['average_precision']:.3f} (blind {m['prevalence']:.4f}); at 0: precision {at['precision']:.3f}, recall {at['recall']:.3f}")
    assert m["roc_auc"] > 0.9 and m["average_precision"] > 20 * m["prevalence"]  # measured: 0.978, 0.749 vs 0.008
    assert at["anomalies"] == 37 and at["rows"] == 4729 == entry["dataset"]["test_rows"]
    assert at["precision"] > 0.3 and at["recall"] > 0.3
    curve = m["curve"]
    assert len(curve["threshold"]) == len(curve["precision"]) == len(curve["recall"]) <= anomaly.CURVE_POINTS


def test_threshold_flags_about_the_contamination_of_training_rows() -> None:
    card = load_card(CARD)
    split = prepare(card)
    trained = sklearn_tabular.train(card, split)
    flagged = float(np.mean(trained.model.decision_function(split.X_train) < 0))
    assert card.recipe["params"]["contamination"] == 0.01 and 0.008 <= flagged <= 0.012
    assert split.labels == ["normal", "anomaly"] and split.y_train.sum() + split.y_test.sum() == 149


def test_fixtures_and_examples_are_pythons_answers(built_models, entry: dict) -> None:
    variant = entry["variants"][0]
    fixtures = json.loads((built_models[0] / variant["fixtures"]).read_text())
    session = native_session((built_models[0] / variant["url"]).read_bytes(), as_in_browser=True)
    feeds = {name: np.array(t["data"], dtype=np.float32).reshape(t["dims"]) for name, t in fixtures["inputs"].items()}
    (raw,) = session.run(["scores"], feeds)
    assert fixtures["answers"] == [anomaly.answer(float(-s), 0.0) for s in raw[:, 0]]
    verdicts = {ex["expected"] for ex in entry["examples"]}
    assert verdicts == {"normal", "anomaly"}  # both to click
    for ex in entry["examples"]:
        i = fixtures["rows"].index(ex["input"])
        assert ex["output"] == fixtures["answers"][i]


def test_export_refuses_a_graph_of_another_forest() -> None:
    from sklearn.ensemble import IsolationForest

    card = load_card(CARD)
    split = prepare(card)
    trained = sklearn_tabular.train(card, split)
    feeds = anomaly.feeds(split, {}, "verify")
    exported = to_onnx(trained, feeds, MODEL, split.labels, split.features)
    trained.model.steps[-1] = ("clf", IsolationForest(n_estimators=10, random_state=1).fit(trained.model[:-1].transform(split.X_train)))
    with pytest.raises(ExportError, match="ONNX anomaly scores differ from scikit-learn by"):
        verify_sklearn(exported, trained, feeds, split.features)


@pytest.mark.parametrize(("old", "new", "says"), [
    ("target: label", "target: mote_id", "dataset.target: an anomaly detector's target marks anomalies with 1 and other rows with 0; 'mote_id' holds 1, 2, 3, 4"),
    ("contamination: 0.01", "contamination: 0.7", "recipe.params.contamination: is the share of training rows taken for anomalies: at most 0.5, got 0.7"),
    ("estimator: isolation_forest", "estimator: one_class_svm", "recipe.params.estimator: unknown estimator 'one_class_svm' (available: isolation_forest)"),
    ("  target: label\n", "  target: label\n  classes: {0: ok}\n", "dataset.classes: is not a field of this task's dataset (allowed here: source, name, target, features, test_size, seed)"),
])
def test_card_errors(tmp_path: Path, old: str, new: str, says: str) -> None:
    path = edited_card(tmp_path, CARD, old, new)
    [msg] = card_problems(tmp_path)
    assert msg.startswith(f"{path}:") and says in msg, msg


def test_page_reports_the_measured_numbers(entry: dict) -> None:
    text = pages.model_page(entry, "../../models")
    m = entry["variants"][0]["metrics"]
    assert f"<tr><th scope=\"row\">Average precision</th><td>{m['average_precision']:.3f}</td><td>{m['prevalence']:.3f}</td></tr>" in text
    assert 'class="vitrine-anomaly-lab" data-model="sensor-anomalies" data-variant="fp32"' in text
    assert "ODC-BY 1.0" in text and "Suthaharan" in text
