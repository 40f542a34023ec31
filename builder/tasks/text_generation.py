"""Text generation: a prompt in, the model's answer out, one token per step over a KV cache.

This module is the reference the worker (worker/generate.js) equals: the chat template, the prompt
limits, the step feeds, the sampler (builder/sampling.py) and the text of the answer. Quality is the
variant's perplexity on held-out text (passages of the Python documentation, which the model was
never tuned on here) and its next-token agreement with the fp32 graph; the examples are the card's
prompts answered greedily, which the browser must reproduce token for token.
"""

from __future__ import annotations

import functools
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import sampling, text_sets
from ..cards import Card
from ..errors import CardProblem
from . import TaskEvaluation, tensor_json, text

if TYPE_CHECKING:
    import onnxruntime as ort
    import tokenizers

    from ..recipes import Trained

SOURCES = {"python": ("docs",)}
AGREE_PER_POSITION = True  # the logits of every position are compared with fp32's: rows are token positions
DEFAULTS = {"max_new_tokens": 96, "temperature": 0.0, "top_k": 50, "top_p": 0.95, "seed": 0}
CHARS_PER_TOKEN_LIMIT = 16  # a prompt longer than max_tokens × this is refused before tokenizing (no hang on 1 MB)
PERPLEXITY_TEXTS, PERPLEXITY_TOKENS = 24, 128
AGREEMENT_TEXTS, AGREEMENT_TOKENS = 6, 64
FIXTURE_TOKENS = 24  # greedy tokens per demo prompt in the parity fixture
EDGE_PROMPTS = ("🙂🙂🙂", "مرحبا! ما هي بايثون؟", "<b>bold?</b> & <script>alert(1)</script>", "Say <|im_end|> twice.")
SAMPLED = (
    {"max_new_tokens": 16, "temperature": 0.8, "top_k": 40, "top_p": 0.9, "seed": 7},
    {"max_new_tokens": 16, "temperature": 1.2, "top_k": 0, "top_p": 0.95, "seed": 123},
)
SAMPLER_OPTIONS = (
    {"temperature": 1.0, "top_k": 0, "top_p": 1.0, "seed": 1},
    {"temperature": 0.7, "top_k": 5, "top_p": 1.0, "seed": 42},
    {"temperature": 1.3, "top_k": 0, "top_p": 0.8, "seed": 2024},
    {"temperature": 0.5, "top_k": 10, "top_p": 0.5, "seed": 4294967295},
    {"temperature": 0.0, "top_k": 0, "top_p": 1.0, "seed": 0},
)


class PromptError(ValueError):
    """A prompt the model cannot take; the message says what to do (the worker says the same)."""


@dataclass
class GenerationData:
    info: dict[str, Any]
    fingerprint: str
    corpus: text_sets.Corpus

    @functools.cached_property
    def texts(self) -> list[str]:
        """Held-out passages (seeded sample of the corpus), for perplexity and agreement."""
        rng = np.random.default_rng(0)
        docs = self.corpus.documents
        picks = rng.choice(len(docs), size=min(PERPLEXITY_TEXTS + AGREEMENT_TEXTS, len(docs)), replace=False)
        return [f"{docs[i]['title']}: {docs[i]['text']}" for i in picks]


def check(card: Card) -> list[CardProblem]:
    return text.check_source(card, SOURCES, "a text set to measure perplexity on")


def prepare(card: Card) -> GenerationData:
    from ..recipes import causal_lm

    corpus = text_sets.prepare_reference()
    weights = causal_lm.weights_version(causal_lm.params(card)["model"])
    info = {**{k: v for k, v in corpus.info.items() if k != "questions"}, "citation": corpus.info["citation"] + f"; model weights: {weights}"}
    return GenerationData(info, f"{corpus.fingerprint}:{weights}", corpus)


@functools.lru_cache(maxsize=2)
def tokenizer(json_bytes: bytes) -> tokenizers.Tokenizer:
    from .. import text_tokenizer

    return text_tokenizer.python_tokenizer(json_bytes)


def describe(card: Card, data: GenerationData, trained: Trained, artifact: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    from .. import text_tokenizer
    from ..recipes import causal_lm

    json_bytes = text_tokenizer.generator_tokenizer_json(causal_lm.params(card)["model"])
    record = artifact("tokenizer", json_bytes, ".json", name="tokenizer.json", media_type="application/json")
    tok = tokenizer(json_bytes)
    eos = [tok.token_to_id(t) for t in trained.io["eos"]]
    post = trained.io["postprocessing"]
    return {
        "labels": [],
        "preprocessing": {**trained.io["preprocessing"], "tokenizer": record["url"]},
        "postprocessing": {**post, "eos_token_ids": eos, "defaults": {**DEFAULTS, "max_new_tokens": min(DEFAULTS["max_new_tokens"], post["max_new_tokens"])}},
        "dataset": data.info,
        "artifacts": [record],
        "demo_texts": card.data["demo"]["texts"],  # not a manifest key: the examples evaluate() precomputes
        "tokenizer_json": json_bytes,  # not a manifest key either
    }


# ---- prompt → ids, ids → text ----

def templated(prompt: str, chat: dict[str, str]) -> str:
    """What the model's chat template (ChatML) renders for one user message, with the generation prompt."""
    return f"<|im_start|>system\n{chat['system']}<|im_end|>\n<|im_start|>user\n{prompt}<|im_end|>\n<|im_start|>assistant\n"


def prompt_ids(prompt: str, parts: dict[str, Any]) -> list[int]:
    pre = parts["preprocessing"]
    limit = pre["max_tokens"]
    if not prompt.strip():
        raise PromptError("Type a prompt.")
    if len(prompt) > limit * CHARS_PER_TOKEN_LIMIT:
        raise PromptError(f"The prompt is too long: at most about {limit * CHARS_PER_TOKEN_LIMIT} characters ({limit} tokens). Shorten it.")
    ids = tokenizer(parts["tokenizer_json"]).encode(templated(prompt, pre["chat_template"])).ids
    if len(ids) > limit:
        raise PromptError(f"The prompt is {len(ids)} tokens long; this model reads at most {limit}. Shorten it.")
    return list(ids)


def decode(ids: list[int], parts: dict[str, Any]) -> str:
    return tokenizer(parts["tokenizer_json"]).decode(ids, skip_special_tokens=True)


# ---- the decode loop ----

def step_feed(ids: list[int], start: int, past: dict[str, np.ndarray] | None, parts: dict[str, Any]) -> dict[str, np.ndarray]:
    """The feeds of one step: `ids` at positions start… after `start` cached positions (past None: empty cache)."""
    cache = parts["postprocessing"]["cache"]
    ids_input, mask_input, positions_input = parts["preprocessing"]["inputs"]
    feed = {
        ids_input: np.array([ids], dtype=np.int64),
        mask_input: np.ones((1, start + len(ids)), dtype=np.int64),
        positions_input: np.arange(start, start + len(ids), dtype=np.int64)[None],
    }
    for layer in range(cache["layers"]):
        for kind in ("key", "value"):
            name = cache["past"].format(layer=layer, kind=kind)
            feed[name] = past[cache["present"].format(layer=layer, kind=kind)] if past else np.zeros((1, cache["kv_heads"], 0, cache["head_dim"]), np.float32)
    return feed


def generate(session: ort.InferenceSession, prompt: str, parts: dict[str, Any], **options: Any) -> dict[str, Any]:
    """The worker's loop in Python: greedy at temperature 0, else the seeded sampler; times per step."""
    o = {**parts["postprocessing"]["defaults"], **options}
    post = parts["postprocessing"]
    ids = prompt_ids(prompt, parts)
    budget = min(o["max_new_tokens"], post["max_new_tokens"], post["context"] - len(ids))
    names = [out.name for out in session.get_outputs()]
    draw = sampling.mulberry32(o["seed"])
    tokens: list[int] = []
    times: list[float] = []
    past, feed_ids, start, finish = None, ids, 0, "length"
    while len(tokens) < budget:
        began = time.perf_counter()
        outputs = dict(zip(names, session.run(None, step_feed(feed_ids, start, past, parts))))
        times.append((time.perf_counter() - began) * 1000)
        token = sampling.pick(outputs[post["logits_output"]][0, -1], o["temperature"], o["top_k"], o["top_p"], draw)
        if token in post["eos_token_ids"]:
            finish = "eos"
            break
        tokens.append(token)
        past, start, feed_ids = outputs, start + len(feed_ids), [token]
    return {"prompt_ids": ids, "tokens": tokens, "text": decode(tokens, parts), "finish_reason": finish, "ms": times}


def _answer(result: dict[str, Any]) -> dict[str, Any]:
    return {"text": result["text"], "tokens": result["tokens"], "prompt_tokens": len(result["prompt_ids"]), "finish_reason": result["finish_reason"]}


# ---- the build's feeds and evaluation ----

def _text_ids(value: str, parts: dict[str, Any], limit: int) -> list[int]:
    return tokenizer(parts["tokenizer_json"]).encode(value).ids[:limit]


def feeds(data: GenerationData, parts: dict[str, Any], which: str) -> list[dict[str, np.ndarray]]:
    if which == "calibration":
        return []  # weight-only int8 needs no activations
    if which == "agreement":
        return [step_feed(_text_ids(t, parts, AGREEMENT_TOKENS), 0, None, parts) for t in data.texts[PERPLEXITY_TEXTS:]]
    # verify (export): a step after 4 cached positions (the exporter must not see an empty past as
    # a constant) and a real prompt's first step over an empty cache
    cache = parts["postprocessing"]["cache"]
    rng = np.random.default_rng(0)
    past = {cache["present"].format(layer=layer, kind=kind): rng.standard_normal((1, cache["kv_heads"], 4, cache["head_dim"])).astype(np.float32)
            for layer in range(cache["layers"]) for kind in ("key", "value")}
    first = prompt_ids(parts["demo_texts"][0], parts)
    return [step_feed(first[:3], 4, past, parts), step_feed(first, 0, None, parts)]


def perplexity(session: ort.InferenceSession, texts: list[str], parts: dict[str, Any]) -> tuple[float, int]:
    """exp(mean negative log-likelihood of each next token) over the texts' first PERPLEXITY_TOKENS tokens."""
    logits_output = parts["postprocessing"]["logits_output"]
    total, count = 0.0, 0
    for value in texts:
        ids = _text_ids(value, parts, PERPLEXITY_TOKENS)
        logits = session.run([logits_output], step_feed(ids, 0, None, parts))[0][0, :-1].astype(np.float64)
        top = logits.max(axis=1, keepdims=True)
        log_probs = logits - top - np.log(np.exp(logits - top).sum(axis=1, keepdims=True))
        total -= float(log_probs[np.arange(len(ids) - 1), ids[1:]].sum())
        count += len(ids) - 1
    return float(np.exp(total / count)), count


def evaluate(session: ort.InferenceSession, data: GenerationData, parts: dict[str, Any], n_examples: int) -> TaskEvaluation:
    ppl, count = perplexity(session, data.texts[:PERPLEXITY_TEXTS], parts)
    runs = [generate(session, prompt, parts, temperature=0.0) for prompt in parts["demo_texts"]]
    decode_ms = [ms for r in runs for ms in r["ms"][1:]]
    metrics = {
        "perplexity": ppl,
        "texts": PERPLEXITY_TEXTS,
        "tokens": count,
        "decode_ms_per_token": statistics.median(decode_ms) if decode_ms else 0.0,
        "prefill_ms": statistics.median(r["ms"][0] for r in runs),
    }
    examples = [{"text": prompt, "output": _answer(r)} for prompt, r in zip(parts["demo_texts"], runs)]
    return TaskEvaluation(metrics, fixtures(session, parts, runs), examples)


def fixtures(session: ort.InferenceSession, parts: dict[str, Any], runs: list[dict[str, Any]]) -> dict[str, Any]:
    """What the browser must reproduce: one step's outputs, greedy and seeded generations, sampler picks, token ids."""
    first = runs[0]["prompt_ids"][:4]
    feed = step_feed(first, 0, None, parts)
    outputs = dict(zip([o.name for o in session.get_outputs()], session.run(None, feed)))
    generations = []
    for prompt, run in zip(parts["demo_texts"], runs):  # greedy: a run's first tokens are the shorter run's
        tokens = run["tokens"][:FIXTURE_TOKENS]
        finish = run["finish_reason"] if len(run["tokens"]) <= FIXTURE_TOKENS else "length"
        generations.append({"prompt": prompt, "prompt_ids": run["prompt_ids"], "options": {"max_new_tokens": FIXTURE_TOKENS, "temperature": 0},
                            "tokens": tokens, "text": decode(tokens, parts), "finish_reason": finish})
    for prompt in EDGE_PROMPTS:
        r = generate(session, prompt, parts, max_new_tokens=12, temperature=0.0)
        generations.append({"prompt": prompt, "prompt_ids": r["prompt_ids"], "options": {"max_new_tokens": 12, "temperature": 0}, **_answer(r)})
    sampled = []
    for options in SAMPLED:
        r = generate(session, parts["demo_texts"][0], parts, **options)
        sampled.append({"prompt": parts["demo_texts"][0], "options": options, **_answer(r)})
    return {
        "inputs": {name: tensor_json(v) for name, v in feed.items()},
        "outputs": {name: tensor_json(v) for name, v in outputs.items()},
        "generations": generations,
        "sampled": sampled,
        "sampler_cases": sampler_cases(),
        "tokenizer_cases": [{"text": t, "ids": _text_ids(t, parts, 10**9), "decoded": decode(_text_ids(t, parts, 10**9), parts)}
                            for t in (*parts["demo_texts"], *EDGE_PROMPTS, "", "  leading and trailing  ", "tab\tnew\nline", "naïve café — ½ ≠ ∞", "日本語のテキスト", "a" * 300)],
    }


def sampler_cases() -> list[dict[str, Any]]:
    """The sampler alone on fixed rows (ties included): the worker's picks must be these."""
    rng = np.random.default_rng(1)
    row = rng.normal(0, 2, 64).astype(np.float32)
    row[[3, 17, 40]] = row.max()  # a three-way tie for the top
    cases = []
    for options in SAMPLER_OPTIONS:
        draw = sampling.mulberry32(options["seed"])
        picks = [sampling.pick(row, options["temperature"], options["top_k"], options["top_p"], draw) for _ in range(20)]
        cases.append({"logits": [float(v) for v in row], "options": options, "draws": picks})
    return cases
