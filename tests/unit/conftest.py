"""Fixtures of the unit tests: a gallery of the penguins card alone, for tests that rebuild privately.

The session's `built_models` (tests/conftest.py) holds every card of the repo, the photo model
among them (~1 min to build): tests that rebuild everything (a corrupt manifest, concurrent or
killed builds) start from this penguins-only build instead, which takes a few seconds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.console import Console

from builder import BuildResult, build_models

from ..conftest import REPO, gallery_ids  # noqa: F401  (re-exported for the unit tests)
from ..conftest import model_entry as model  # noqa: F401

PENGUINS = "penguins-species"
PHOTO = "photo-classifier"


@pytest.fixture(scope="session")
def penguins_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """exported_models/ of a gallery holding only the penguins card (one build per run)."""
    cards = tmp_path_factory.mktemp("penguins_cards")
    shutil.copy(REPO / "model_cards" / f"{PENGUINS}.yaml", cards)
    out = tmp_path_factory.mktemp("penguins_models")
    return out, build_models(cards, out, console=Console(quiet=True))


@pytest.fixture
def penguins_cards(tmp_path: Path) -> Path:
    """A private cards folder with only the penguins card, for tests that edit it and rebuild."""
    dest = tmp_path / "model_cards"
    dest.mkdir()
    shutil.copy(REPO / "model_cards" / f"{PENGUINS}.yaml", dest)
    return dest


@pytest.fixture
def penguins_out(tmp_path: Path, penguins_built: tuple[Path, BuildResult]) -> Path:
    """A private copy of the penguins-only build output."""
    dest = tmp_path / "exported_models"
    shutil.copytree(penguins_built[0], dest)
    return dest


def card_problems(folder: Path) -> list[str]:
    """Every problem the build's validation reports for the cards in `folder`, as printed."""
    from builder import CardError
    from builder.pipeline import validate

    with pytest.raises(CardError) as info:
        validate(folder)
    return [str(p) for p in info.value.problems]


def edited_card(folder: Path, card: Path, old: str, new: str) -> Path:
    """A copy of `card` in `folder` with `old` (which must be in it) replaced by `new`."""
    text = card.read_text()
    assert old in text, old
    path = folder / card.name
    path.write_text(text.replace(old, new))
    return path
