"""Datasets that Python packages ship, so builds never download anything.

`prepare()` turns a card's `dataset:` block into a reproducible, stratified train/test split
plus the feature specs (training ranges, categories) that the demo form is generated from.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from .cards import Card
from .errors import CardProblem


def _penguins() -> pd.DataFrame:
    from palmerpenguins import load_penguins

    return load_penguins()


def _sklearn(name: str) -> Callable[[], pd.DataFrame]:
    def load() -> pd.DataFrame:
        from sklearn import datasets

        bunch = getattr(datasets, f"load_{name}")(as_frame=True)
        frame = bunch.frame.copy()
        frame["target"] = pd.Categorical.from_codes(bunch.target, list(bunch.target_names)).astype(str)
        return frame

    return load


SOURCES: dict[str, dict[str, tuple[Callable[[], pd.DataFrame], str]]] = {
    "palmerpenguins": {
        "penguins": (_penguins, "Horst AM, Hill AP, Gorman KB (2020). palmerpenguins: Palmer Archipelago (Antarctica) penguin data. doi:10.5281/zenodo.3960218"),
    },
    "sklearn": {
        name: (_sklearn(name), f"scikit-learn bundled dataset '{name}' (sklearn.datasets.load_{name})")
        for name in ("iris", "wine", "breast_cancer")
    },
}


@dataclass
class Split:
    """A prepared dataset: train/test rows with the target encoded as indices into `labels`."""

    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: np.ndarray
    y_test: np.ndarray
    labels: list[str]
    features: list[dict[str, Any]]  # manifest feature specs (see manifest.schema.json)
    info: dict[str, Any]  # manifest `dataset` block
    fingerprint: str  # sha256 of the raw data used

    @property
    def numeric(self) -> list[str]:
        return [f["name"] for f in self.features if f["type"] == "numeric"]

    @property
    def categorical(self) -> list[str]:
        return [f["name"] for f in self.features if f["type"] == "categorical"]


def load_frame(card: Card) -> pd.DataFrame:
    source, name = card.dataset["source"], card.dataset["name"]
    return SOURCES[source][name][0]()


def check(card: Card) -> list[CardProblem]:
    """Problems with a card's dataset block: unknown dataset, missing columns, unusable types."""
    ds = card.dataset
    known = SOURCES[ds["source"]]
    if ds["name"] not in known:
        return [card.problem(("dataset", "name"), f"{ds['name']!r} is not a dataset of {ds['source']} (available: {', '.join(sorted(known))})")]
    try:
        frame = load_frame(card)
    except Exception as err:  # a package that fails to load its own data is still the card's problem to report
        return [card.problem(("dataset", "source"), f"could not load {ds['source']}/{ds['name']}: {err}")]
    columns = list(frame.columns)
    problems = []
    if ds["target"] not in frame:
        problems.append(card.problem(("dataset", "target"), f"no column {ds['target']!r} in {ds['source']}/{ds['name']} (columns: {', '.join(columns)})"))
    for i, feat in enumerate(ds["features"]):
        name = feat["name"]
        if name not in frame:
            problems.append(card.problem(("dataset", "features", i, "name"), f"no column {name!r} in {ds['source']}/{ds['name']} (columns: {', '.join(columns)})"))
        elif feat["type"] == "numeric" and not pd.api.types.is_numeric_dtype(frame[name]):
            problems.append(card.problem(("dataset", "features", i, "type"), f"column {name!r} is not numeric ({frame[name].dtype}); use type: categorical"))
        elif name == ds["target"]:
            problems.append(card.problem(("dataset", "features", i, "name"), f"{name!r} is the target; a feature cannot be the target"))
    names = [f["name"] for f in ds["features"]]
    for i, name in enumerate(names):
        if name in names[:i]:
            problems.append(card.problem(("dataset", "features", i, "name"), f"feature {name!r} is listed twice"))
    return problems


def prepare(card: Card) -> Split:
    """Load, drop rows with missing values, split (stratified, seeded) and describe the features."""
    ds = card.dataset
    raw = load_frame(card)
    names = [f["name"] for f in ds["features"]]
    frame = raw[[*names, ds["target"]]]
    clean = frame.dropna()
    labels = sorted(str(v) for v in clean[ds["target"]].unique())
    y = clean[ds["target"]].astype(str).map({label: i for i, label in enumerate(labels)}).to_numpy(np.int64)
    X = pd.DataFrame(index=clean.index)
    for feat in ds["features"]:
        col = clean[feat["name"]]
        X[feat["name"]] = col.astype(np.float32) if feat["type"] == "numeric" else col.astype(str)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=ds["test_size"], random_state=ds["seed"], stratify=y
    )
    counts = pd.Series(y).value_counts()
    return Split(
        X_train=X_train,
        X_test=X_test,
        y_train=y_train,
        y_test=y_test,
        labels=labels,
        features=[_feature_spec(feat, X_train[feat["name"]]) for feat in ds["features"]],
        info={
            "name": ds["name"],
            "source": ds["source"],
            "citation": SOURCES[ds["source"]][ds["name"]][1],
            "rows": int(len(raw)),
            "train_rows": int(len(X_train)),
            "test_rows": int(len(X_test)),
            "dropped_rows": int(len(frame) - len(clean)),
            "target": ds["target"],
            "class_counts": {labels[i]: int(counts.get(i, 0)) for i in range(len(labels))},
        },
        fingerprint=hashlib.sha256(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()).hexdigest(),
    )


def _feature_spec(feat: dict[str, Any], col: pd.Series) -> dict[str, Any]:
    spec: dict[str, Any] = {"name": feat["name"], "label": feat["label"], "type": feat["type"]}
    for key in ("unit", "description"):
        if key in feat:
            spec[key] = feat[key]
    if feat["type"] == "numeric":
        values = col.to_numpy(np.float64)
        spec.update(
            min=_round(values.min()),
            max=_round(values.max()),
            mean=_round(values.mean()),
            std=_round(values.std()),
            step=_step(values),
            default=_round(float(np.median(values))),
        )
    else:
        counts = col.value_counts()
        categories = sorted(counts.index)
        spec.update(categories=categories, counts=[int(counts[c]) for c in categories], default=str(counts.idxmax()))
    return spec


def _step(values: np.ndarray) -> float:
    """The data's own resolution (1, 0.1, 0.01 or 0.001), so sliders hit real values."""
    for decimals in range(4):
        scaled = values * 10**decimals
        if np.allclose(scaled, np.round(scaled), atol=1e-3):
            return 10.0**-decimals
    return 0.001


def _round(x: float) -> float:
    return float(round(x, 6)) if math.isfinite(x) else 0.0
