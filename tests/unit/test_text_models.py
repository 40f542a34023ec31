"""The text models as built: MiniLM exported, fused and quantized; a spam classifier with held-out
metrics; a search corpus whose int8 codes rank as the parity fixtures say; the data sets they read.
"""

from __future__ import annotations

import email.mime.multipart
import email.mime.text
import hashlib
import json
from pathlib import Path

import numpy as np
import onnx
import pytest

from builder import text_sets, text_tokenizer
from builder.cards import load_card
from builder.errors import CardError
from builder.pipeline import validate
from builder.recipes import sentence_encoder
from builder.tasks import semantic_search, text

from ..conftest import REPO
from ..conftest import model_entry as model

SPAM = "spam-filter"
SEARCH = "python-docs-search"


def variant(entry: dict, name: str) -> dict:
    return next(v for v in entry["variants"] if v["name"] == name)


def artifact(out: Path, entry: dict, kind: str) -> bytes:
    [record] = [a for a in entry["artifacts"] if a["kind"] == kind]
    data = (out / record["url"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == record["sha256"] and len(data) == record["bytes"]
    return data


@pytest.mark.parametrize("model_id", [SPAM, SEARCH])
def test_fp32_is_fused_and_int8_is_dynamic_on_the_fused_graph(built_models, model_id: str) -> None:
    out, result = built_models
    entry = model(result.manifest, model_id)
    assert entry["default_variant"] == "int8"
    fp32, int8 = (onnx.load(out / variant(entry, name)["url"]) for name in ("fp32", "int8"))
    ops32 = [n.op_type for n in fp32.graph.node]
    ops8 = [n.op_type for n in int8.graph.node]
    assert ops32.count("Attention") == 6 and "EmbedLayerNormalization" in ops32  # six layers, fused offline
    assert ops8.count("QAttention") == 6 and "MatMulInteger" in ops8
    assert variant(entry, "fp32")["optimization"]["level"] == "transformer"
    assert variant(entry, "int8")["method"].startswith("dynamic int8")
    assert variant(entry, "int8")["bytes"] < variant(entry, "fp32")["bytes"] / 3.5  # 88 MB → 22 MB


def test_spam_filter_is_measured_on_held_out_emails(built_models) -> None:
    _, result = built_models
    entry = model(result.manifest, SPAM)
    assert entry["labels"] == ["not spam", "spam"]
    assert entry["dataset"]["train_rows"] + entry["dataset"]["test_rows"] == entry["dataset"]["sampled"]
    for v in entry["variants"]:
        m = v["metrics"]
        matrix = np.array(m["confusion_matrix"])
        assert matrix.sum() == entry["dataset"]["test_rows"]
        assert m["accuracy"] == pytest.approx(np.trace(matrix) / matrix.sum())
        assert m["accuracy"] > 0.9, v["name"]  # measured 0.955 (fp32) and 0.949 (int8)
    agreement = variant(entry, "int8")["metrics"]["agreement"]
    assert agreement["rows"] == 100 and agreement["top1"] >= 0.95
    spammy = next(e for e in entry["examples"] if e["text"].startswith("CONGRATULATIONS"))
    assert spammy["output"][0]["label"] == "spam" and spammy["output"][0]["score"] > 0.9
    assert [o["index"] for o in spammy["output"]] == [1, 0] and sum(o["score"] for o in spammy["output"]) == pytest.approx(1)


@pytest.mark.parametrize("model_id", [SPAM, SEARCH])
def test_the_shipped_tokenizer_is_the_one_python_used(built_models, model_id: str) -> None:
    out, result = built_models
    entry = model(result.manifest, model_id)
    shipped = artifact(out, entry, "tokenizer")
    assert shipped == text_tokenizer.shipped_tokenizer_json(entry["preprocessing"]["max_tokens"])
    assert entry["preprocessing"]["tokenizer"] == next(a["url"] for a in entry["artifacts"] if a["kind"] == "tokenizer")
    tok = text_tokenizer.python_tokenizer(shipped)
    for name in ("int8", "fp32"):
        fixtures = json.loads((out / variant(entry, name)["fixtures"]).read_text())
        assert len(fixtures["texts"]) >= 8
        for case in fixtures["texts"]:
            [encoded] = text_tokenizer.encode(tok, [case["text"]])
            assert case["inputs"]["input_ids"]["data"] == encoded["ids"]
            assert len(encoded["ids"]) <= entry["preprocessing"]["max_tokens"]
        assert {len(c["text"]) for c in fixtures["texts"]} >= {0}  # the empty text is a case


def test_search_corpus_codes_rank_as_the_fixtures_say(built_models) -> None:
    out, result = built_models
    entry = model(result.manifest, SEARCH)
    corpus = entry["postprocessing"]["corpus"]
    codes = np.frombuffer(artifact(out, entry, "embeddings"), dtype=np.int8).reshape(corpus["count"], corpus["dims"])
    documents = json.loads(artifact(out, entry, "documents"))
    assert len(documents) == corpus["count"] == entry["dataset"]["documents"] and corpus["dims"] == 384
    assert np.abs(codes).max(axis=1).min() == 127  # every row uses its full int8 range
    unit = semantic_search.unit_rows(codes)
    for name in ("int8", "fp32"):
        fixtures = json.loads((out / variant(entry, name)["fixtures"]).read_text())
        for case in fixtures["texts"]:
            query = np.array(case["outputs"]["embedding"]["data"], dtype=np.float32)
            ranked = semantic_search.rank(query, unit)
            assert [i for i, _ in ranked] == [r["index"] for r in case["results"]]
            assert [documents[i]["title"] for i, _ in ranked] == [r["title"] for r in case["results"]]
    for v in entry["variants"]:
        m = v["metrics"]
        assert m["questions"] == len(m["per_question"]) == 40
        assert m["hit_at_10"] == pytest.approx(np.mean([q["rank"] is not None for q in m["per_question"]]))
        assert m["hit_at_10"] >= 0.65, v["name"]  # measured 0.75 (fp32); a regression in the encoder or the ranking drops it
    agreement = variant(entry, "int8")["metrics"]["agreement"]
    assert agreement["cosine_min"] > 0.98 and "top1" not in agreement


def test_quantized_rows_keep_each_documents_direction() -> None:
    rng = np.random.default_rng(0)
    embeddings = rng.normal(size=(50, 384)).astype(np.float32)
    embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
    unit = semantic_search.unit_rows(semantic_search.quantize_rows(embeddings))
    assert np.min(np.sum(unit * embeddings, axis=1)) > 0.999
    ranked = semantic_search.rank(embeddings[7] * 3.0, unit, k=3)  # the query's length does not matter
    assert ranked[0][0] == 7 and ranked[0][1] == pytest.approx(1, abs=1e-3)
    tie = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.int8)
    assert [i for i, _ in semantic_search.rank(np.array([1.0, 0.0]), semantic_search.unit_rows(tie), k=3)] == [0, 1, 2]


def test_padded_batches_embed_like_single_texts() -> None:
    texts = ["short", "a somewhat longer sentence about Python lists", ""]
    calls: list[tuple[int, int]] = []

    def run(batch: dict[str, np.ndarray]) -> np.ndarray:
        calls.append(batch["input_ids"].shape)
        assert set(batch) == set(text.INPUTS)
        return batch["attention_mask"].sum(axis=1, keepdims=True).astype(np.float32)  # its own token count

    lengths = text.embed(run, texts, 128, batch=2)
    assert lengths[:, 0].tolist() == [len(text.feed(t, {"max_tokens": 128})["input_ids"][0]) for t in texts]
    assert calls == [(2, 3), (1, 9)]  # sorted by length: "" and "short" together, then the long one


def email_bytes(subject: str, plain: str | None, html: str | None, charset: str = "utf-8") -> bytes:
    message = email.mime.multipart.MIMEMultipart("alternative")
    message["Subject"] = subject
    if html is not None:
        message.attach(email.mime.text.MIMEText(html, "html", charset))
    if plain is not None:
        message.attach(email.mime.text.MIMEText(plain, "plain", charset))
    return message.as_bytes()


def test_email_text_is_subject_and_body_without_headers_or_markup() -> None:
    both = email_bytes("Meeting", "See you  at\n\n3pm.", "<p>See <b>you</b></p>")
    assert text_sets.email_text(both) == "Meeting See you at 3pm."  # the plain part wins, whitespace collapsed
    html_only = email_bytes("Win!", None, "<style>p{}</style><p>Click <a href='x'>here</a> &amp; win</p><script>x()</script>")
    assert text_sets.email_text(html_only) == "Win! Click here & win"
    latin = email_bytes("Caf\u00e9", "cr\u00e8me br\u00fbl\u00e9e", None, charset="iso-8859-1")
    assert text_sets.email_text(latin) == "Café crème brûlée"
    unknown = email_bytes("x", "body", None).replace(b'charset="utf-8"', b'charset="no-such-charset"')
    assert text_sets.email_text(unknown).endswith("body")
    assert len(text_sets.email_text(email_bytes("s", "word " * 2000, None))) == text_sets.EMAIL_CHARS


def test_spam_split_is_seeded_stratified_and_disjoint() -> None:
    a, b = text_sets.prepare_spam(0, 0.25), text_sets.prepare_spam(0, 0.25)
    assert a.fingerprint == b.fingerprint and a.test == b.test
    assert text_sets.prepare_spam(1, 0.25).fingerprint != a.fingerprint
    train, test = {t for t, _ in a.train}, {t for t, _ in a.test}
    assert not train & test and abs(len(test) / (len(train) + len(test)) - 0.25) < 0.01
    spam_share = [np.mean([y for _, y in rows]) for rows in (a.train, a.test)]
    assert abs(spam_share[0] - spam_share[1]) < 0.02 and 0.25 < spam_share[1] < 0.4


def test_missing_corpus_says_to_run_npm_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(text_sets, "_PACKAGE", tmp_path / "builder")
    with pytest.raises(text_sets.TextSetError, match="npm ci"):
        text_sets.prepare_spam(0, 0.25)


def test_reference_corpus_keeps_the_most_specific_title() -> None:
    corpus = text_sets.prepare_reference()
    texts = [d["text"] for d in corpus.documents]
    assert len(texts) == len(set(texts)) and len(texts) > 2000
    titles = {d["title"] for d in corpus.documents}
    assert 'The "try" statement' in titles and "list.sort" in titles  # not swallowed by "Compound statements"
    assert all(set(q["answers"]) <= titles for q in corpus.questions)


def test_the_corpus_does_not_depend_on_what_the_build_process_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs' logging replaces warnings.showwarning: the docstrings must be read where nothing did."""
    import warnings

    before = text_sets.prepare_reference().fingerprint
    monkeypatch.setattr(warnings, "showwarning", lambda *a, **k: None)
    assert text_sets.prepare_reference().fingerprint == before


def card_problems(tmp_path: Path, text_of_card: str) -> list[str]:
    (tmp_path / "c.yaml").write_text(text_of_card)
    with pytest.raises(CardError) as err:
        validate(tmp_path)
    return [str(p) for p in err.value.problems]


SEARCH_CARD = """id: c
title: t
task: semantic-search
dataset: {source: python, name: docs}
recipe: {kind: sentence_encoder, params: PARAMS}
demo: {texts: [q]}
"""


@pytest.mark.parametrize(("params", "expected"), [
    ("{max_tokens: 1000}", "max_tokens must be a whole number from 16 to 256"),
    ("{C: 1.0}", "not a parameter of sentence_encoder here (allowed: model, max_tokens)"),
    ("{model: bert-base}", "unknown model 'bert-base'"),
])
def test_recipe_parameters_are_checked_before_building(tmp_path: Path, params: str, expected: str) -> None:
    [problem] = card_problems(tmp_path, SEARCH_CARD.replace("PARAMS", params))
    assert expected in problem and "c.yaml" in problem


def test_text_cards_need_example_texts_and_no_tabular_fields(tmp_path: Path) -> None:
    no_texts = SEARCH_CARD.replace("PARAMS", "{}").replace("demo: {texts: [q]}\n", "")
    assert any("demo" in p for p in card_problems(tmp_path, no_texts))
    with_target = SEARCH_CARD.replace("PARAMS", "{}").replace("name: docs}", "name: docs, target: y}")
    assert any("target" in p for p in card_problems(tmp_path, with_target))
    wrong_set = SEARCH_CARD.replace("PARAMS", "{}").replace("name: docs", "name: spam-assassin")
    assert any("python/spam-assassin is not a document corpus (available: python/docs)" in p for p in card_problems(tmp_path, wrong_set))


def test_repo_text_cards_validate_and_name_their_int8_recipe() -> None:
    for model_id in (SPAM, SEARCH):
        card = load_card(REPO / "model_cards" / f"{model_id}.yaml")
        assert card.variants == ["int8", "fp32"] and card.data["demo"]["texts"]
    assert sentence_encoder.VARIANT_RECIPES == {"int8": "int8-dynamic"}
