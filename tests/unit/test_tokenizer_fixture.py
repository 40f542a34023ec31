"""The MiniLM tokenizer: builder/text_tokenizer.py, and the parity fixture the browser test uses.

tests/js/tokenizer_parity.test.js checks worker/tokenize.js against the ids stored in
tests/fixtures/tokenizer_parity.json without running Python. These tests check that those ids, the
tokenizer file next to them and the Rust tables in worker/tokenize.js are still what the installed
`tokenizers` gives, so an upgrade that changes any of them fails here, loudly, rather than leaving
the browser test comparing against stale answers.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import Counter
from types import ModuleType

import pytest

from builder.text_tokenizer import encode, package_tokenizer_path, python_tokenizer, shipped_tokenizer_json

from ..conftest import REPO

FIXTURES = REPO / "tests" / "fixtures"
REGENERATE = "regenerate with .venv/bin/python tests/fixtures/make_tokenizer_fixture.py"


def _load_maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_tokenizer_fixture", FIXTURES / "make_tokenizer_fixture.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKER = _load_maker()
FIXTURE = json.loads((FIXTURES / "tokenizer_parity.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped() -> bytes:
    return shipped_tokenizer_json(FIXTURE["max_tokens"])


@pytest.fixture(scope="module")
def tok(shipped: bytes):
    return python_tokenizer(shipped)


# ---- builder/text_tokenizer.py ----

def test_shipped_json_sets_truncation_and_no_padding(shipped: bytes) -> None:
    config = json.loads(shipped)
    package = json.loads(package_tokenizer_path().read_text(encoding="utf-8"))
    assert config["truncation"] == {"direction": "Right", "max_length": 128, "strategy": "LongestFirst", "stride": 0}
    assert config["padding"] is None
    assert package["padding"] is not None, "the package pads; the shipped file must not"
    # Everything else is the package's, in the package's key order.
    assert list(config) == list(package)
    assert {k: v for k, v in config.items() if k not in ("truncation", "padding")} == {
        k: v for k, v in package.items() if k not in ("truncation", "padding")}


def test_shipped_json_is_deterministic_compact_utf8(shipped: bytes) -> None:
    assert shipped_tokenizer_json(128) == shipped
    assert shipped == json.dumps(json.loads(shipped), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert json.loads(shipped_tokenizer_json(64))["truncation"]["max_length"] == 64


@pytest.mark.parametrize("bad", [0, 2, 513, -1])
def test_shipped_json_refuses_lengths_the_model_cannot_take(bad: int) -> None:
    with pytest.raises(ValueError, match="max_tokens must be between 3 and 512"):
        shipped_tokenizer_json(bad)


@pytest.mark.parametrize("bad", [128.0, "128", True, None])
def test_shipped_json_refuses_non_ints(bad: object) -> None:
    with pytest.raises(TypeError, match="max_tokens must be an int"):
        shipped_tokenizer_json(bad)  # type: ignore[arg-type]


def test_encode_gives_ids_masks_and_type_ids_with_cls_sep_and_truncation(tok) -> None:
    short, empty, long = encode(tok, ["Hello, world!", "", "word " * 500])
    assert short == {"ids": [101, 7592, 1010, 2088, 999, 102], "attention_mask": [1] * 6, "token_type_ids": [0] * 6}
    assert empty == {"ids": [101, 102], "attention_mask": [1, 1], "token_type_ids": [0, 0]}
    assert len(long["ids"]) == 128 and long["ids"][0] == 101 and long["ids"][-1] == 102
    assert long["attention_mask"] == [1] * 128 and long["token_type_ids"] == [0] * 128


def test_encode_refuses_a_bare_string_and_non_strings(tok) -> None:
    with pytest.raises(TypeError, match="not a str"):
        encode(tok, "hello")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="each text must be a str, got int"):
        encode(tok, ["ok", 3])  # type: ignore[list-item]


def test_python_tokenizers_refuses_lone_surrogates(tok) -> None:
    # Why the fixture replaces them with U+FFFD for Python (as worker/tokenize.js does for JS).
    with pytest.raises(Exception):
        tok.encode("a\ud800b")
    assert encode(tok, ["a\ufffdb"])[0]["ids"] == encode(tok, ["ab"])[0]["ids"]


# ---- the fixture is up to date ----

def test_tokenizer_file_is_the_shipped_bytes(shipped: bytes) -> None:
    stored = (FIXTURES / "minilm_tokenizer.json").read_bytes()
    assert stored == shipped, f"tests/fixtures/minilm_tokenizer.json is stale: {REGENERATE}"
    assert FIXTURE["tokenizer_sha256"] == hashlib.sha256(shipped).hexdigest(), f"tokenizer_sha256 is stale: {REGENERATE}"
    assert FIXTURE["max_tokens"] == 128


def test_fixture_has_500_cases_in_every_required_category() -> None:
    cases = FIXTURE["cases"]
    assert len(cases) >= 500
    counts = Counter(c["category"] for c in cases)
    missing = [c for c in MAKER.REQUIRED_CATEGORIES if not counts[c]]
    assert not missing, f"categories without cases: {missing}"
    assert len({c["text"] for c in cases}) == len(cases), "a string is stored twice"
    assert sum(len(c["text"]) >= 10000 for c in cases) >= 4, "want several 10 000-character inputs"
    assert any(len(c["text"]) > 100 and " " not in c["text"] for c in cases if c["category"] == "long_words")
    assert (FIXTURES / "tokenizer_parity.json").stat().st_size < 1_500_000
    assert not [c for c in cases if c.get("known_difference")], "every case must match; a known difference needs a report"


def test_fixture_ids_are_what_tokenizers_gives_now(tok) -> None:
    cases = FIXTURE["cases"]
    now = encode(tok, [MAKER.python_text(c["text"]) for c in cases])
    stale = [f"{c['category']} {c['text'][:40]!r}" for c, e in zip(cases, now) if e["ids"] != c["ids"]]
    assert not stale, f"{len(stale)} cases give other ids with tokenizers {MAKER.tokenizers.__version__} " \
        f"(first: {stale[:5]}): {REGENERATE}, then check tests/js/tokenizer_parity.test.js still passes"


def test_lone_surrogate_cases_are_stored_as_js_sees_them() -> None:
    lone = [c for c in FIXTURE["cases"] if c["category"] == "lone_surrogates"]
    assert lone and all(any(0xD800 <= ord(ch) <= 0xDFFF for ch in c["text"]) for c in lone[:12])
    assert MAKER.python_text("a\ud800b\U0001F600") == "a\ufffdb\U0001F600"
    assert MAKER.python_text("\ud83d\ude00") == "\U0001F600"  # two halves in a Python str are one character in JS


def test_code_point_sweep_is_up_to_date(tok) -> None:
    assert MAKER.sweep(tok) == FIXTURE["sweep"], f"the code point sweep is stale: {REGENERATE}"


def test_rust_tables_in_tokenize_js_are_up_to_date() -> None:
    source = (REPO / "worker" / "tokenize.js").read_text(encoding="utf-8")
    expected = MAKER.tokenize_js_with_tables(source, MAKER.tables_block(MAKER.rust_tables()))
    assert source == expected, f"worker/tokenize.js RUST_TABLES differ from tokenizers {MAKER.tokenizers.__version__}: {REGENERATE}"
