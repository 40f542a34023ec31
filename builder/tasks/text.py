"""What the text tasks share: the shipped tokenizer (one file that Python and the browser both read) and token feeds.

The tokenizer is a manifest artifact made by builder/text_tokenizer.py from the weights package's
own tokenizer.json; the browser worker (worker/tokenize.js) loads the same bytes, and
tests/js/tokenizer_parity.test.js holds the two to equal ids.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .. import text_tokenizer

INPUTS = ("input_ids", "attention_mask", "token_type_ids")


@functools.lru_cache(maxsize=4)
def tokenizer(max_tokens: int) -> Any:
    return text_tokenizer.python_tokenizer(text_tokenizer.shipped_tokenizer_json(max_tokens))


def preprocessing(max_tokens: int, artifact: Callable[..., dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The manifest's text preprocessing and the tokenizer artifact it names."""
    record = artifact("tokenizer", text_tokenizer.shipped_tokenizer_json(max_tokens), ".json", name="tokenizer.json", media_type="application/json")
    return {"kind": "text", "tokenizer": record["url"], "max_tokens": max_tokens, "inputs": list(INPUTS)}, record


def feed(text: str, pre: dict[str, Any]) -> dict[str, np.ndarray]:
    """One text as the graph's int64 [1, T] inputs, exactly as the browser tokenizes it."""
    encoded = text_tokenizer.encode(tokenizer(pre["max_tokens"]), [text])[0]
    return {name: np.array([encoded[key]], dtype=np.int64) for name, key in zip(INPUTS, ("ids", "attention_mask", "token_type_ids"))}


def padded(texts: Sequence[str], max_tokens: int) -> dict[str, np.ndarray]:
    """A batch, right-padded with zeros (the attention mask keeps padding out of mean pooling)."""
    encoded = text_tokenizer.encode(tokenizer(max_tokens), list(texts))
    width = max(len(e["ids"]) for e in encoded)
    batch = {name: np.zeros((len(texts), width), dtype=np.int64) for name in INPUTS}
    for i, e in enumerate(encoded):
        for name, key in zip(INPUTS, ("ids", "attention_mask", "token_type_ids")):
            batch[name][i, : len(e[key])] = e[key]
    return batch


def embed(run: Callable[[dict[str, np.ndarray]], np.ndarray], texts: Sequence[str], max_tokens: int, batch: int = 32) -> np.ndarray:
    """`run(batch) -> [n, d]` over all texts, in batches of similar length (little padding), in the texts' order."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: list[np.ndarray] = [np.empty(0)] * len(texts)
    for start in range(0, len(order), batch):
        chunk = order[start:start + batch]
        for i, row in zip(chunk, run(padded([texts[i] for i in chunk], max_tokens))):
            out[i] = row
    return np.stack(out)


def parity_cases(session: Any, texts: Sequence[str], pre: dict[str, Any], key: str, answer: Callable[[str], Any]) -> list[dict[str, Any]]:
    """Each text with its token ids, Python onnxruntime's outputs and the task's answer (under `key`):
    the browser must tokenize, compute and answer alike."""
    from . import tensor_json

    cases = []
    for value in texts:
        row = feed(value, pre)
        outputs = dict(zip([o.name for o in session.get_outputs()], session.run(None, row)))
        cases.append({
            "text": value,
            "inputs": {name: tensor_json(v) for name, v in row.items()},
            "outputs": {name: tensor_json(v) for name, v in outputs.items()},
            key: answer(value),
        })
    return cases


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


def check_source(card: Any, sources: dict[str, tuple[str, ...]], what: str) -> list[Any]:
    ds = card.dataset
    if ds["name"] not in sources.get(ds["source"], ()):
        available = ", ".join(f"{s}/{n}" for s, names in sources.items() for n in names)
        return [card.problem(("dataset", "name"), f"{ds['source']}/{ds['name']} is not {what} (available: {available})")]
    return []
