"""Tabular regression: the diabetes card's build (metrics against the baseline, an interval that holds on
rows it never saw, export parity), its card errors, and its page."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import Ridge

from builder import pages
from builder.datasets import prepare
from builder.evaluate import native_session
from builder.cards import load_card
from builder.export import ExportError, to_onnx, verify_sklearn
from builder.recipes import sklearn_tabular
from builder.tasks import tabular_regression

from ..conftest import REPO, model_entry
from .conftest import card_problems, edited_card

MODEL = "diabetes-progression"
CARD = REPO / "model_cards" / f"{MODEL}.yaml"


@pytest.fixture(scope="module")
def entry(built_models) -> dict:
    return model_entry(json.loads((built_models[0] / "manifest.json").read_text()), MODEL)


def test_diabetes_is_scikit_learns_in_original_units() -> None:
    """Read from the data files without importing scikit-learn: the same frame load_diabetes(scaled=False) gives."""
    from sklearn.datasets import load_diabetes

    from builder.datasets import SOURCES

    ours = SOURCES["sklearn"]["diabetes"][0]()
    theirs = load_diabetes(as_frame=True, scaled=False).frame
    assert ours.equals(theirs.astype(ours.dtypes.to_dict()))
    assert ours["age"].between(19, 79).all() and ours["target"].between(25, 346).all()


def test_model_beats_the_training_mean_on_held_out_rows(entry: dict) -> None:
    metrics = entry["variants"][0]["metrics"]
    base = metrics["baseline"]
    print(f"MAE {metrics['mae']:.1f} vs {base['mae']:.1f}, RMSE {metrics['rmse']:.1f} vs {base['rmse']:.1f}, R² {metrics['r2']:.3f} vs {base['r2']:.3f}")
    assert metrics["mae"] < 0.75 * base["mae"] and metrics["rmse"] < 0.8 * base["rmse"]
    assert 0.35 < metrics["r2"] < 0.7 and base["r2"] <= 0  # the held-out mean differs from the training mean
    assert len(metrics["held_out"]["actual"]) == len(metrics["held_out"]["predicted"]) == entry["dataset"]["test_rows"] == 111


def test_interval_holds_about_as_often_as_it_says(entry: dict) -> None:
    """90% conformal from the training rows' out-of-fold errors: on 111 rows never seen, coverage is
    binomial around ≥ 0.9 (sd ≈ 0.03)."""
    interval = entry["variants"][0]["metrics"]["interval"]
    assert interval["level"] == 0.9
    assert 0.82 <= interval["coverage"] <= 0.98
    held = entry["variants"][0]["metrics"]["held_out"]
    inside = np.abs(np.array(held["actual"]) - np.array(held["predicted"])) <= interval["half_width"]
    assert interval["coverage"] == pytest.approx(inside.mean())


def test_interval_is_the_conformal_quantile_of_out_of_fold_errors() -> None:
    """Recomputed here by hand: the ⌈(n+1)·0.9⌉-th smallest absolute out-of-fold residual."""
    card = load_card(CARD)
    split = prepare(card)
    trained = sklearn_tabular.train(card, split)
    from sklearn.base import clone
    from sklearn.model_selection import KFold

    residuals = np.empty(len(split.y_train))
    for train, test in KFold(5, shuffle=True, random_state=card.dataset["seed"]).split(split.X_train):
        fitted = clone(trained.model).fit(split.X_train.iloc[train], split.y_train[train])
        residuals[test] = np.abs(split.y_train[test] - fitted.predict(split.X_train.iloc[test]))
    n = len(residuals)
    want = np.sort(residuals)[int(np.ceil((n + 1) * 0.9)) - 1]
    assert trained.io["postprocessing"]["interval"]["half_width"] == pytest.approx(want, rel=1e-6)


def test_examples_and_fixtures_are_pythons_answers(built_models, entry: dict) -> None:
    variant = entry["variants"][0]
    fixtures = json.loads((built_models[0] / variant["fixtures"]).read_text())
    session = native_session((built_models[0] / variant["url"]).read_bytes(), as_in_browser=True)  # as the build ran it
    feeds = {name: np.array(t["data"], dtype=np.float32).reshape(t["dims"]) for name, t in fixtures["inputs"].items()}
    (values,) = session.run(["variable"], feeds)
    interval = entry["postprocessing"]["interval"]
    assert fixtures["answers"] == [tabular_regression.answer(float(v), interval) for v in values[:, 0]]
    for i, example in enumerate(entry["examples"]):
        assert example["output"] == fixtures["answers"][i] and example["expected"] == fixtures["expected"][i]
        assert example["input"] == fixtures["rows"][i]


def test_export_refuses_a_graph_that_differs_from_the_model() -> None:
    """verify_sklearn compares the ONNX values with scikit-learn's: the graph of one fit fails against another."""
    card = load_card(CARD)
    split = prepare(card)
    trained = sklearn_tabular.train(card, split)
    feeds = tabular_regression.feeds(split, {}, "verify")
    exported = to_onnx(trained, feeds, MODEL, [], split.features)  # verified against its own fit
    trained.model.steps[-1] = ("clf", Ridge().fit(trained.model[:-1].transform(split.X_train), split.y_train))
    with pytest.raises(ExportError, match="ONNX values differ from scikit-learn by"):
        verify_sklearn(exported, trained, feeds, split.features)


def test_classifier_estimator_on_a_regression_card(tmp_path: Path) -> None:
    path = edited_card(tmp_path, CARD, "estimator: gradient_boosting", "estimator: logistic_regression")
    [msg] = card_problems(tmp_path)
    assert msg == f"{path}:35: recipe.params.estimator: unknown estimator 'logistic_regression' (available: random_forest, gradient_boosting, ridge)"


def test_regressor_needs_a_numeric_target(tmp_path: Path) -> None:
    path = tmp_path / "penguins-mass.yaml"
    path.write_text(textwrap.dedent("""\
        id: penguins-mass
        title: Penguins
        task: tabular-regression
        dataset:
          source: palmerpenguins
          name: penguins
          target: species
          features:
            - {name: body_mass_g, type: numeric}
        recipe:
          kind: sklearn_tabular
          params: {estimator: ridge, alpha: 1.0}
        """))
    [msg] = card_problems(tmp_path)
    assert msg.startswith(f"{path}:7: dataset.target: column 'species' is not numeric (")  # the dtype: str or object, by pandas version
    assert msg.endswith("); a regressor predicts a number: use task: tabular-classification")


def test_classes_are_not_a_regression_field(tmp_path: Path) -> None:
    path = edited_card(tmp_path, CARD, "  target_label: Progression after one year\n", "  target_label: Progression after one year\n  classes: {a: b}\n")
    assert card_problems(tmp_path) == [f"{path}:19: dataset.classes: is not a field of this task's dataset "
                                  "(allowed here: source, name, target, target_label, target_unit, features, test_size, seed)"]


def test_a_test_size_that_leaves_too_few_rows(tmp_path: Path) -> None:
    path = edited_card(tmp_path, CARD, "test_size: 0.25", "test_size: 0.99")
    assert card_problems(tmp_path) == [
        f"{path}:30: dataset.test_size: 0.99 of 442 usable rows gives 4 training and 438 test rows; a regressor needs at least 20 in each"
    ]


def test_page_reports_the_measured_numbers(built_models, entry: dict) -> None:
    text = pages.model_page(entry, "../../models")
    metrics = entry["variants"][0]["metrics"]
    assert f"<td>{metrics['mae']:.1f}</td><td>{metrics['baseline']['mae']:.1f}</td>" in text
    assert f"On the 111 held-out rows it held for {100 * metrics['interval']['coverage']:.1f}%." in text
    assert 'class="vitrine-regression-plots" data-model="diabetes-progression"' in text
    assert text.count("<tr><th scope=\"row\">") >= 111  # the held-out rows' table: the plots' alternative
    assert "<th scope=\"row\">Predicts</th><td>Progression after one year: one number" in text
