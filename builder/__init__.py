"""Vitrine: turn trained models into a static site whose demos run in the visitor's browser.

Public API: `build_models()` runs the model pipeline (cards → train → ONNX → evaluate →
manifest); `load_cards()` validates cards; the MkDocs plugin and the `vitrine` CLI call these.
Names are imported on first use (PEP 562), so `import builder.pages` or `vitrine --help` does not
load scikit-learn and onnxruntime.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "BuildError": "errors",
    "BuildResult": "pipeline",
    "Card": "cards",
    "CardError": "errors",
    "CardProblem": "errors",
    "ModelResult": "pipeline",
    "VitrineError": "errors",
    "build_models": "pipeline",
    "load_card": "cards",
    "load_cards": "cards",
}
__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:
    from .cards import Card, load_card, load_cards
    from .errors import BuildError, CardError, CardProblem, VitrineError
    from .pipeline import BuildResult, ModelResult, build_models


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'builder' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
