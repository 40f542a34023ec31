"""Errors a user can act on: each names the file, the line, the field and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


class VitrineError(Exception):
    """Base class for every error the builder reports to a user (no traceback needed)."""


@dataclass(frozen=True)
class CardProblem:
    """One problem in one card, located as precisely as the YAML allows."""

    path: Path
    line: int | None
    field: str
    message: str
    warning: bool = False  # the card builds, but probably not as its author meant

    def __str__(self) -> str:
        where = f"{_shown(self.path)}:{self.line}" if self.line else str(_shown(self.path))
        text = f"warning: {self.message}" if self.warning else self.message
        return f"{where}: {self.field}: {text}" if self.field else f"{where}: {text}"


def _shown(path: Path) -> Path:
    """Relative to the working directory when under it, as compilers print paths: short, and
    clickable in a terminal or editor opened there."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class CardError(VitrineError):
    """One or more model cards are invalid; nothing has been built or written."""

    def __init__(self, problems: list[CardProblem]):
        self.problems = problems
        self.partial: Any = None  # cards.Card with the parts that parsed (see cards.load_card), or None
        lines = "\n".join(f"  {p}" for p in problems)
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} {noun} in model cards (nothing was written):\n{lines}")


class BuildError(VitrineError):
    """A stage failed for one model; exported_models/ was left as it was."""

    def __init__(self, model_id: str, stage: str, message: str):
        self.model_id, self.stage = model_id, stage
        super().__init__(f"{model_id}: {stage} failed: {message} (exported_models/ is unchanged)")
