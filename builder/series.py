"""Time series that Python packages ship, read as data files so builds never download anything.

statsmodels (BSD-3-Clause) is installed with `--no-deps` (Makefile): only the CSVs of its
`statsmodels.datasets` are read, and none of its code is imported. `prepare()` turns a card's
`dataset:` block into one regular series (one value per period, gaps filled and counted) and the
index where its back-test period starts: everything before it is for training, and every forecast
the page measures starts inside it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

from .cards import Card, source_problems
from .errors import CardProblem


@dataclass(frozen=True)
class Source:
    load: Callable[[], pd.Series]  # values by period start, before gaps are filled
    label: str  # what a value is, for the page and the plot's axis
    unit: str
    frequency: str  # "monthly"
    season: int  # periods per seasonal cycle: the seasonal-naive baseline repeats the value this many periods back
    citation: str
    licence: str


def _statsmodels_csv(name: str) -> Path:
    """A dataset CSV inside the statsmodels wheel, found without importing statsmodels."""
    spec = importlib.util.find_spec("statsmodels")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("statsmodels is not installed: `make setup` installs its data files (pip install --no-deps statsmodels)")
    return Path(next(iter(spec.submodule_search_locations))) / "datasets" / name / f"{name}.csv"


def _co2() -> pd.Series:
    """Weekly Mauna Loa CO₂ (March 1958 – December 2001) as monthly means; months without a reading are NaN."""
    frame = pd.read_csv(_statsmodels_csv("co2"), dtype={"date": str})
    weekly = pd.Series(frame["co2"].to_numpy(np.float64), index=pd.to_datetime(frame["date"], format="%Y%m%d"))
    return weekly.resample("MS").mean()


SOURCES: dict[str, dict[str, Source]] = {
    "statsmodels": {
        "co2": Source(
            _co2, "CO₂ concentration", "ppm", "monthly", 12,
            "Keeling CD, Whorf TP (2004). Atmospheric CO2 concentrations derived from flask air samples at sites in the SIO network. "
            "Trends: A Compendium of Data on Global Change, CDIAC, Oak Ridge National Laboratory; statsmodels.datasets.co2 (weekly, 1958-2001)",
            "public domain (statsmodels.datasets.co2: COPYRIGHT)",
        ),
    },
}


@dataclass
class Series:
    """One regular series: `values[i]` is the period starting `dates[i]`; [0, test_start) trains the model."""

    dates: list[str]  # "YYYY-MM"
    values: np.ndarray  # float32, gaps filled
    filled: list[str]  # the periods without a measurement, filled by linear interpolation
    test_start: int
    source: Source
    info: dict[str, Any]  # manifest `dataset` block
    fingerprint: str


def check(card: Card) -> list[CardProblem]:
    return source_problems(card, SOURCES.get(card.dataset["source"], {}), "a series", lambda source: source.load())


def prepare(card: Card) -> Series:
    ds = card.dataset
    source = SOURCES[ds["source"]][ds["name"]]
    raw = source.load()
    missing = raw.isna()
    values = raw.interpolate(limit_area="inside").to_numpy(np.float32)
    n = len(values)
    test_start = n - math.ceil(n * ds["test_size"])
    dates = [d.strftime("%Y-%m") for d in raw.index]
    filled = [d for d, gap in zip(dates, missing, strict=True) if gap]
    info = {
        "name": ds["name"],
        "source": ds["source"],
        "citation": source.citation,
        "licence": source.licence,
        "label": source.label,
        "unit": source.unit,
        "frequency": source.frequency,
        "season": source.season,
        "points": n,
        "start": dates[0],
        "end": dates[-1],
        "filled": filled,
        "train_points": test_start,
        "test_start": dates[test_start],
    }
    digest = hashlib.sha256(pd.util.hash_pandas_object(raw, index=True).to_numpy().tobytes()).hexdigest()
    return Series(dates, values, filled, test_start, source, info, digest)
