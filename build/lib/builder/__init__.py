"""Vitrine: turn trained models into a static site whose demos run in the visitor's browser.

Public API: `build_models()` runs the model pipeline (cards → train → ONNX → evaluate →
manifest); `load_cards()` validates cards; the MkDocs plugin and the `vitrine` CLI call these.
"""

__version__ = "0.1.0"

from .cards import Card, load_card, load_cards  # noqa: E402
from .errors import BuildError, CardError, CardProblem, VitrineError  # noqa: E402
from .pipeline import BuildResult, ModelResult, build_models  # noqa: E402

__all__ = [
    "BuildError",
    "BuildResult",
    "Card",
    "CardError",
    "CardProblem",
    "ModelResult",
    "VitrineError",
    "__version__",
    "build_models",
    "load_card",
    "load_cards",
]
