"""The text models in real Chromium: the worker tokenizes as Python does, every variant computes what
Python onnxruntime computed, `m.predict(text)` answers what Python answers (labels; search top 10), word
weights by occlusion point at the spam words, and awkward texts get an answer or a clear message.

Tiers: WASM-SIMD (onnxruntime-web 1.30) for every variant; plain WASM (1.18, Chromium without SSE4.1)
for the int8 variants, whose contrib operators (DynamicQuantizeLinear, MatMulInteger, Attention,
SkipLayerNormalization…) 1.18 also runs.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from builder.tasks import text
from builder.tasks.semantic_search import rank, unit_rows

from ..conftest import BuiltSite
from .conftest import Session

pytestmark = pytest.mark.browser
CLASSIFIER = "spam-filter"
SEARCH = "python-docs-search"
MODELS = (CLASSIFIER, SEARCH)
# fp32 query embeddings against Python's (the bar); int8 ones are quantized at run time, so
# ORT-web and Python's ORT may round an activation differently: they are held to the variant's tolerance.
FP32_COSINE = 0.9999
# Top-10 order: fp32 may swap only documents whose Python scores differ by less than this.
FP32_SWAP = 1e-6
SPAM_TEXT = "Meeting moved to Thursday. Also claim your FREE prize now!"

# Each fixture text twice: its Python token ids through m.run (the numerics), and the text itself
# through m.predict (tokenization in the worker + run + answer), with the tokens and embedding shown.
REPLAY = """async ([id, variant, backend, cases]) => {
    const m = await vitrine.load(id, {variant, backend});
    const search = m.info.postprocessing.kind === "semantic-search";
    const out = {backend: m.backend, reason: m.backendReason, cases: []};
    for (const c of cases) {
        const r = {outputs: {}};
        const feeds = {};
        for (const [name, t] of Object.entries(c.inputs)) feeds[name] = {type: t.type, dims: t.dims, data: BigInt64Array.from(t.data, BigInt)};
        for (const [name, t] of Object.entries(await m.run(feeds))) r.outputs[name] = Array.from(t.data, Number);
        try {
            const p = await m.predict(c.text, search ? {tokens: true, embedding: true} : {tokens: true});
            r.answer = Array.from(p, (x) => ({...x, text: undefined}));
            r.tokens = p.tokens;
            r.embedding = p.embedding ? Array.from(p.embedding) : null;
            r.notice = p.notice ?? null;
            r.enumerable = Object.keys(p);
        } catch (e) { r.error = {message: e.message, code: e.code}; }
        out.cases.push(r);
    }
    m.dispose();
    return out;
}"""


@pytest.fixture(scope="module")
def manifest(built_site: BuiltSite) -> dict:
    return json.loads((built_site.site / "models" / "manifest.json").read_text())


def entry_of(manifest: dict, model: str) -> dict:
    return next(m for m in manifest["models"] if m["id"] == model)


def variant_of(entry: dict, name: str) -> dict:
    return next(v for v in entry["variants"] if v["name"] == name)


def corpus_of(site: Path, entry: dict) -> tuple[np.ndarray, list[str]]:
    """Python's ranking corpus (unit rows of the int8 codes) and the titles, from the site's artifacts."""
    c = entry["postprocessing"]["corpus"]
    codes = np.frombuffer((site / "models" / c["embeddings"]).read_bytes(), dtype=np.int8).reshape(c["count"], c["dims"])
    documents = json.loads((site / "models" / c["documents"]).read_text())
    return unit_rows(codes), [d["title"] for d in documents]


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def assert_top_k_within(got: list[int], scores: np.ndarray, eps: float, what: str) -> None:
    """`got` is a top-k of `scores` (best first), allowing only swaps of documents whose scores differ by < eps."""
    s = scores[got]
    for i in range(len(got)):
        for j in range(i + 1, len(got)):
            assert s[i] >= s[j] - eps, f"{what}: #{i + 1} (doc {got[i]}, {s[i]:.7f}) ranks above #{j + 1} (doc {got[j]}, {s[j]:.7f})"
    outside = np.delete(scores, got)
    assert outside.max() <= s.min() + eps, f"{what}: a document outside the top {len(got)} scores {outside.max():.7f} > {s.min():.7f}"


def check_replay(session: Session, site: Path, entry: dict, variant: dict, backend: str) -> dict[str, float]:
    """Every fixture text, as described at REPLAY; returns the worst differences seen (printed with -s)."""
    fixtures = json.loads((site / "models" / variant["fixtures"]).read_text())
    cases = fixtures["texts"]
    tol = variant["tolerance"]
    r = session.page.evaluate(REPLAY, [entry["id"], variant["name"], backend, [{"text": c["text"], "inputs": c["inputs"]} for c in cases]])
    assert r["backend"] == backend, r["reason"]
    search = entry["task"] == "semantic-search"
    corpus, titles = corpus_of(site, entry) if search else (None, [])
    names = entry["preprocessing"]["inputs"]
    worst = {"output": 0.0, "score": 0.0, "cosine": 1.0}
    for c, got in zip(cases, r["cases"], strict=True):
        label = f"{entry['id']}/{variant['name']} on {backend}, {c['text'][:40]!r}"
        # The fixture's own tokens through m.run: ORT-web computes what Python's ORT computed.
        for name, want in c["outputs"].items():
            diff = float(np.abs(np.array(got["outputs"][name]) - np.array(want["data"])).max())
            worst["output"] = max(worst["output"], diff)
            assert diff <= tol, f"{label}: output {name} differs by {diff:.2e} (tolerance {tol:g})"
        if search and c["text"].strip() == "":
            assert got["error"] == {"message": "Type a question to search.", "code": "bad-input"}, label
            continue
        assert "error" not in got, f"{label}: {got.get('error')}"
        # The worker's tokenization of the text is Python's.
        assert got["tokens"]["ids"] == c["inputs"][names[0]]["data"], f"{label}: token ids"
        assert got["tokens"]["attentionMask"] == c["inputs"][names[1]]["data"], label
        assert got["tokens"]["typeIds"] == c["inputs"][names[2]]["data"], label
        truncated = len(got["tokens"]["ids"]) == entry["preprocessing"]["max_tokens"] and got["tokens"]["truncated"]
        assert (got["notice"] is not None) == truncated, f"{label}: notice {got['notice']!r}"
        assert got["enumerable"] == [str(i) for i in range(len(got["answer"]))], "extras are not enumerable"
        if not search:
            want = {s["index"]: s["score"] for s in c["scores"]}
            assert sorted(want) == sorted(a["index"] for a in got["answer"]), label
            diff = max(abs(a["score"] - want[a["index"]]) for a in got["answer"])
            worst["score"] = max(worst["score"], diff)
            assert diff <= tol, f"{label}: scores differ by {diff:.2e}"
            if abs(c["scores"][0]["score"] - c["scores"][1]["score"]) > 2 * tol:
                assert got["answer"][0]["index"] == c["scores"][0]["index"], f"{label}: top label"
            continue
        # Search: the query embedding, then the ranking.
        mine = np.array(got["embedding"], dtype=np.float64)
        python = np.array(c["outputs"][entry["postprocessing"]["embedding_output"]]["data"], dtype=np.float64)
        cos = cosine(mine, python)
        worst["cosine"] = min(worst["cosine"], cos)
        if variant["precision"] == "fp32":
            assert cos >= FP32_COSINE, f"{label}: query embedding cosine {cos:.7f} < {FP32_COSINE}"
        indices = [a["index"] for a in got["answer"]]
        assert [a["rank"] for a in got["answer"]] == list(range(1, 11)), label
        assert [a["title"] for a in got["answer"]] == [titles[i] for i in indices], label
        # The worker ranks its own embedding as Python's rank() does: same documents, same scores.
        reference = rank(mine, corpus)
        assert_top_k_within(indices, corpus @ (mine / np.linalg.norm(mine)), 1e-9, f"{label}: ranking of the browser's embedding")
        assert max(abs(a["score"] - s) for a, (_, s) in zip(got["answer"], reference)) < 1e-9, label
        # And its answer is Python's top 10: swaps only where the embeddings' difference allows them.
        py_scores = corpus @ (python / np.linalg.norm(python))
        assert [i for i, _ in rank(python, corpus)] == [h["index"] for h in c["results"]], "the fixture is Python's rank()"
        delta = float(np.linalg.norm(mine / np.linalg.norm(mine) - python / np.linalg.norm(python)))
        eps = FP32_SWAP if variant["precision"] == "fp32" else 2 * delta  # a unit row's score moves ≤ delta
        assert_top_k_within(indices, py_scores, eps, f"{label}: top 10 against Python's")
    print(f"{entry['id']}/{variant['name']} on {backend}: max |Δoutput| {worst['output']:.2e}, max |Δscore| {worst['score']:.2e}, "
          f"min query cosine {worst['cosine']:.8f} (tolerance {tol:g})")
    return worst


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("name", ["int8", "fp32"])
def test_wasm_simd_matches_python_for_every_variant(simd: Session, built_site: BuiltSite, manifest: dict, model: str, name: str) -> None:
    entry = entry_of(manifest, model)
    check_replay(simd, built_site.site, entry, variant_of(entry, name), "wasm")
    assert simd.errors == [] and simd.foreign_requests() == []


@pytest.mark.parametrize("model", MODELS)
def test_plain_wasm_runs_the_int8_variants(nosimd: Session, built_site: BuiltSite, manifest: dict, model: str) -> None:
    """onnxruntime-web 1.18 (no SIMD) runs MiniLM's int8 contrib operators, within the variant's tolerance."""
    entry = entry_of(manifest, model)
    check_replay(nosimd, built_site.site, entry, variant_of(entry, "int8"), "wasm-nosimd")
    assert nosimd.errors == []


AWKWARD = """async ([id, variant]) => {
    const m = await vitrine.load(id, {variant, backend: "wasm"});
    const cases = {
        empty: "",
        spaces: "   \\n\\t ",
        megabyte: "Free money, act now! ".repeat(50000),
        megabyte_one_word: "a".repeat(1 << 20),
        surrogates: "win \\uD800 a FREE \\uDC00 prize \\uD83D",
        emoji: "🙂🙂🙂",
        rtl: "مرحبا بالعالم، هذا عرض مجاني",
        mixed_bidi: "שלום! Meeting at 3pm, חינם",
    };
    const out = {};
    for (const [name, value] of Object.entries(cases)) {
        const start = performance.now();
        try {
            const p = await m.predict(value, {tokens: true});
            out[name] = {top: p[0].index, n: p.length, ids: p.tokens.ids, notice: p.notice ?? null};
        } catch (e) { out[name] = {error: e.message, code: e.code ?? null, name: e.name}; }
        out[name].ms = performance.now() - start;
    }
    for (const [name, value] of Object.entries({number: 42, nothing: undefined, object: {text: "hi"}, list: ["hi"], blob: new Blob(["hi"])})) {
        try { await m.predict(value); out[name] = {ok: true}; } catch (e) { out[name] = {error: e.message, name: e.name}; }
    }
    out.after = (await m.predict("Thanks for the notes, see you Monday"))[0].index;
    m.dispose();
    return out;
}"""


@pytest.mark.parametrize("model", MODELS)
def test_awkward_texts_get_answers_or_clear_messages(simd: Session, manifest: dict, model: str) -> None:
    entry = entry_of(manifest, model)
    r = simd.page.evaluate(AWKWARD, [model, "int8"])
    print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "ids"} if isinstance(v, dict) else v for k, v in r.items()}, indent=1))
    pre = entry["preprocessing"]
    search = model == SEARCH

    def python_ids(value: str) -> list[int]:
        return text.feed(value, pre)["input_ids"][0].tolist()

    for name in ("empty", "spaces"):
        if search:
            assert r[name]["code"] == "bad-input" and r[name]["error"] == "Type a question to search.", name
        else:
            assert r[name]["ids"] == [101, 102] and r[name]["n"] == 2, name
    # 1 MB: cut safely at max_tokens, quickly, and said so.
    for name in ("megabyte", "megabyte_one_word"):
        assert len(r[name]["ids"]) <= pre["max_tokens"], name
        assert r[name]["ms"] < 5000, f"{name} took {r[name]['ms']:.0f} ms"
    assert r["megabyte"]["ids"] == python_ids("Free money, act now! " * 50000)
    assert "only its first 126 word pieces were used" in r["megabyte"]["notice"]
    assert r["megabyte_one_word"]["ids"] == python_ids("a" * (1 << 20)) == [101, 100, 102]  # one word: [UNK]
    # Lone surrogates are replaced (U+FFFD, which the normalizer drops), as TextEncoder does.
    assert r["surrogates"]["ids"] == python_ids("win \ufffd a FREE \ufffd prize \ufffd")
    for name, value in (("emoji", "🙂🙂🙂"), ("rtl", "مرحبا بالعالم، هذا عرض مجاني"), ("mixed_bidi", "שלום! Meeting at 3pm, חינם")):
        assert r[name]["ids"] == python_ids(value), name
        assert r[name]["n"] == (10 if search else 2), name
    for name, kind in (("number", "42"), ("nothing", "undefined"), ("object", "an object (Object)"), ("list", "an array"), ("blob", "an object (Blob)")):
        assert r[name] == {"error": f"predict() takes a text (a string) for this model, got {kind}.", "name": "TypeError"}, name
    assert isinstance(r["after"], int)
    assert simd.errors == []


WORDS = """async ([variant, text]) => {
    const m = await vitrine.load("spam-filter", {variant, backend: "wasm"});
    const p = await m.predict(text, {words: true});
    const w = p.words.find((x) => x.text === "FREE");
    const without = await m.predict(text.slice(0, w.start) + text.slice(w.end));
    const spam = (ps) => ps.find((x) => x.label === "spam").score;
    const r = {top: p[0].label, spam: spam(p), withoutFree: spam(without), words: p.words, wordsMs: p.wordsMs, ms: p.ms};
    r.explained = await m.explain(text);  // the same occlusion, for every label
    r.wrongMethod = await m.explain(text, {method: "exact"}).catch((e) => `${e.name}: ${e.message}`);
    m.dispose();
    return r;
}"""


@pytest.mark.parametrize("name", ["int8", "fp32"])
def test_word_weights_point_at_the_spam_words(simd: Session, manifest: dict, name: str) -> None:
    """Occlusion in the worker: removing "FREE" lowers the spam probability most, and its weight says by how much."""
    r = simd.page.evaluate(WORDS, [name, SPAM_TEXT])
    weights = {w["text"]: w["weight"] for w in r["words"]}
    print(name, r["top"], f"{r['spam']:.4f}", sorted(weights.items(), key=lambda kv: -kv[1]), f"occlusion {r['wordsMs']:.0f} ms")
    assert r["top"] == "spam"
    assert [w["text"] for w in r["words"]] == ["Meeting", "moved", "to", "Thursday", "Also", "claim", "your", "FREE", "prize", "now"]
    for w in r["words"]:
        assert SPAM_TEXT[w["start"]:w["end"]] == w["text"]
    assert weights["FREE"] > 0.03 and weights["FREE"] == max(weights.values())
    assert r["withoutFree"] < r["spam"]
    # The batched run agrees with running the edited text alone (int8: the batch shares one activation
    # quantization range, so only roughly).
    tolerance = 1e-4 if name == "fp32" else variant_of(entry_of(manifest, CLASSIFIER), name)["tolerance"]
    assert abs(weights["FREE"] - (r["spam"] - r["withoutFree"])) < tolerance
    # m.explain(text): every label's occlusion values; the top label's are the words' weights
    e = r["explained"]
    assert e["method"] == "occlusion" and e["outputs"] == entry_of(manifest, CLASSIFIER)["labels"]
    assert e["features"] == [w["text"] for w in r["words"]] and e["words"] == [{k: w[k] for k in ("text", "start", "end")} for w in r["words"]]
    spam_k = e["outputs"].index("spam")
    assert e["prediction"][spam_k] == pytest.approx(r["spam"], abs=1e-12)
    assert e["values"][spam_k] == pytest.approx([w["weight"] for w in r["words"]], abs=1e-12)
    assert e["values"][1 - spam_k] == pytest.approx([-w["weight"] for w in r["words"]], abs=1e-6)  # two labels: p(ham) = 1 − p(spam)
    assert e["evaluations"] == len(r["words"]) + 1
    assert r["wrongMethod"] == 'TypeError: explain(): a text classifier is explained by method "occlusion", got "exact".'
    assert simd.errors == []
