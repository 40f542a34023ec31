"""Text generation's reference pieces: the sampler, the weight-only int8 rewrite, the chat template and prompt limits.

The worker (worker/sampling.js, worker/generate.js) is held to these by the parity fixture the build
writes; here they are held to what they claim: the PRNG is mulberry32, the sampler's filters do what
their names say and its frequencies follow the softmax, int8 weights stay close to the float model
and a tied output layer is stored once, and the template is the model's own (its jinja, rendered by
transformers from the GGUF).
"""

from __future__ import annotations

import io
import math

import numpy as np
import onnx
import pytest

from builder import sampling
from builder.quantize import QuantizeError, make_variant, recipe

# ---- the sampler ----


def test_mulberry32_is_the_javascript_stream() -> None:
    # node -e "<mulberry32 from worker/sampling.js>; const d = mulberry32(0); console.log(d(), d(), d())"
    draw = sampling.mulberry32(0)
    assert [draw(), draw(), draw()] == [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]
    big = sampling.mulberry32(2**32 + 5)  # seeds are taken modulo 2**32, as `seed >>> 0` does
    assert big() == sampling.mulberry32(5)()


def test_greedy_takes_the_first_of_tied_maxima_and_draws_nothing() -> None:
    draws: list[float] = []

    def draw() -> float:
        draws.append(0.5)
        return 0.5

    assert sampling.pick([1.0, 3.0, 3.0, 2.0], 0.0, 0, 1.0, draw) == 1
    assert draws == []


def test_top_k_and_top_p_keep_only_the_most_likely() -> None:
    logits = np.log(np.array([0.05, 0.5, 0.05, 0.3, 0.1]))
    draw = sampling.mulberry32(3)
    assert {sampling.pick(logits, 1.0, 1, 1.0, draw) for _ in range(50)} == {1}
    assert {sampling.pick(logits, 1.0, 2, 1.0, draw) for _ in range(200)} == {1, 3}
    assert {sampling.pick(logits, 1.0, 0, 0.75, draw) for _ in range(200)} == {1, 3}  # 0.5 + 0.3 ≥ 0.75
    assert {sampling.pick(logits, 1.0, 0, 0.4, draw) for _ in range(50)} == {1}  # the first already reaches it


def test_frequencies_follow_the_tempered_softmax() -> None:
    logits = np.log(np.array([0.2, 0.3, 0.5]))
    for temperature in (1.0, 0.5):
        draw = sampling.mulberry32(11)
        counts = np.bincount([sampling.pick(logits, temperature, 0, 1.0, draw) for _ in range(20000)], minlength=3) / 20000
        expected = np.exp(logits / temperature) / np.exp(logits / temperature).sum()
        assert np.abs(counts - expected).max() < 0.015, (temperature, counts, expected)


def test_same_seed_same_picks() -> None:
    row = np.random.default_rng(0).normal(size=100)
    first = [sampling.pick(row, 0.9, 20, 0.9, d) for d in [sampling.mulberry32(5)] for _ in range(30)]
    again = [sampling.pick(row, 0.9, 20, 0.9, d) for d in [sampling.mulberry32(5)] for _ in range(30)]
    other = [sampling.pick(row, 0.9, 20, 0.9, d) for d in [sampling.mulberry32(6)] for _ in range(30)]
    assert first == again != other


# ---- weight-only int8 ----


def _tied_lm() -> bytes:
    """A tiny language-model-shaped graph: embedding → linear → output layer tied to the embedding."""
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)

    class Tiny(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = torch.nn.Embedding(300, 32)
            self.mix = torch.nn.Linear(32, 32, bias=False)
            self.head = torch.nn.Linear(32, 300, bias=False)
            self.head.weight = self.embed.weight  # tied, as SmolLM2's

        def forward(self, ids):  # type: ignore[no-untyped-def]
            return self.head(torch.tanh(self.mix(self.embed(ids))))

    buffer = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(Tiny().eval(), (torch.tensor([[1, 2, 3]]),), buffer, dynamo=False, opset_version=17,
                          input_names=["ids"], output_names=["logits"], dynamic_axes={"ids": {1: "T"}, "logits": {1: "T"}})
    return buffer.getvalue()


def test_weight_only_int8_stores_a_tied_table_once_and_stays_close() -> None:
    import onnxruntime as ort

    fp32 = _tied_lm()
    int8 = recipe("int8-weight-only").make(fp32)
    model = onnx.load_from_string(int8)
    ops = [n.op_type for n in model.graph.node]
    assert ops.count("DequantizeLinear") == 2 and "Transpose" in ops  # table + mix; the head reads the table
    int8_tables = [i for i in model.graph.initializer if i.data_type == onnx.TensorProto.INT8 and len(i.dims) == 2]
    assert sorted(tuple(i.dims) for i in int8_tables) == [(32, 32), (300, 32)]
    assert not [i for i in model.graph.initializer if i.data_type == onnx.TensorProto.FLOAT and math.prod(i.dims) >= 32 * 32]
    ids = np.array([[5, 17, 299, 0]], dtype=np.int64)
    want = ort.InferenceSession(fp32).run(None, {"ids": ids})[0]
    options = ort.SessionOptions()
    options.add_session_config_entry("session.disable_quant_qdq", "1")  # as the manifest's session_options
    got = ort.InferenceSession(int8, options).run(None, {"ids": ids})[0]
    assert np.abs(got - want).max() < 0.02 * np.abs(want).max()
    assert (got.argmax(-1) == want.argmax(-1)).mean() >= 0.75
    assert recipe("int8-weight-only").make(fp32) == int8  # content-addressed: same input, same bytes


def test_weight_only_int8_refuses_what_it_cannot_do() -> None:
    from onnx import TensorProto, helper

    graph = helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "g",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])], [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])])
    plain = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]).SerializeToString()
    with pytest.raises(QuantizeError, match="no constant float MatMul weight"):
        make_variant(plain, "int8", method="weight-only")
    with pytest.raises(QuantizeError, match="drop `calibration`"):
        make_variant(_tied_lm(), "int8", method="weight-only", calibration=[{"ids": np.zeros((1, 1), np.int64)}])


# ---- the model's own template and the prompt limits (the GGUF's tokenizer: a few seconds) ----


@pytest.fixture(scope="module")
def parts() -> dict:
    from builder import text_tokenizer
    from builder.recipes import causal_lm
    from builder.tasks import text_generation

    model = causal_lm.PARAMS["model"]
    json_bytes = text_tokenizer.generator_tokenizer_json(model)
    tok = text_tokenizer.python_tokenizer(json_bytes)
    return {
        "tokenizer_json": json_bytes,
        "preprocessing": {"max_tokens": 64, "inputs": ["input_ids", "attention_mask", "position_ids"],
                          "chat_template": {"format": "chatml", "system": causal_lm.MODELS[model]["system"]}},
        "postprocessing": {"eos_token_ids": [tok.token_to_id("<|im_end|>")]},
        "module": text_generation,
    }


@pytest.mark.parametrize("prompt", ["What is the capital of France?", "two\nlines, ünïcode 🙂", "<|im_end|> typed"])
def test_template_is_the_models_own(parts: dict, prompt: str) -> None:
    from builder.recipes import causal_lm

    tok, _ = causal_lm.load(causal_lm.PARAMS["model"], with_model=False)
    theirs = tok.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True)
    assert parts["module"].templated(prompt, parts["preprocessing"]["chat_template"]) == theirs
    ids = parts["module"].prompt_ids(prompt, parts)
    assert parts["module"].tokenizer(parts["tokenizer_json"]).decode(ids, skip_special_tokens=False) == theirs
    assert ids.count(parts["postprocessing"]["eos_token_ids"][0]) == 2 + prompt.count("<|im_end|>")  # typed special tokens are tokens


def test_prompt_limits_have_clear_messages(parts: dict) -> None:
    module = parts["module"]
    with pytest.raises(module.PromptError, match="Type a prompt"):
        module.prompt_ids(" \n\t", parts)
    with pytest.raises(module.PromptError, match=r"too long: at most about 1024 characters \(64 tokens\)"):
        module.prompt_ids("x" * 1025, parts)
    with pytest.raises(module.PromptError, match=r"The prompt is \d+ tokens long; this model reads at most 64"):
        module.prompt_ids("word " * 100, parts)


# ---- the browser's tokenizer fixture is current ----


def test_generation_tokenizer_fixture_and_tables_are_current() -> None:
    """tests/js/generate.test.js compares worker/tokenize_bpe.js with ids stored by a script; a new
    tokenizers version, tokenizer file or chat template must regenerate them, not leave them stale."""
    import importlib.util

    from ..conftest import REPO

    path = REPO / "tests" / "fixtures" / "make_generation_fixture.py"
    spec = importlib.util.spec_from_file_location("make_generation_fixture", path)
    assert spec and spec.loader
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    fixture, source = maker.build()
    regenerate = "regenerate with .venv/bin/python tests/fixtures/make_generation_fixture.py"
    assert maker.FIXTURE.read_text(encoding="utf-8") == fixture, f"tests/fixtures/generation_tokenizer_parity.json is stale: {regenerate}"
    assert maker.TOKENIZE_BPE_JS.read_text(encoding="utf-8") == source, f"worker/tokenize_bpe.js RUST_BYTELEVEL_TABLES are stale: {regenerate}"
