"""The generated pages of the text models (spam-filter, python-docs-search) and their gallery rows."""

from __future__ import annotations

import html
from html.parser import HTMLParser
import json
import re

import pytest

from ..conftest import BuiltSite, model_entry


@pytest.fixture(scope="module")
def manifest(built_site: BuiltSite) -> dict:
    return json.loads((built_site.output_dir / "manifest.json").read_text())


def page_html(built_site: BuiltSite, model_id: str) -> str:
    return (built_site.site / "gallery" / model_id / "index.html").read_text()


def page_text(page: str) -> str:
    """The page's markup with character references resolved (jinja2 writes " as &#34;, not &quot;)."""
    return html.unescape(page)


def cells(row_html: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row_html, re.S)]


class _Cards(HTMLParser):
    """The gallery's cards: per title link, the card's task, title, sample line and badges."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: dict[str, dict] = {}
        self.card: dict | None = None
        self.field: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "vitrine-card" in classes:
            self.card = {"task": a.get("data-task"), "title": "", "sample": "", "badges": []}
        elif self.card is not None and "vitrine-card-title" in classes:
            self.field = "link"
        elif self.field == "link" and tag == "a" and a.get("href"):
            self.cards[a["href"]] = self.card
            self.field = "title"
        elif self.card is not None and "vitrine-card-sample" in classes:
            self.field = "sample"
        elif self.card is not None and "vitrine-badge" in classes:
            self.card["badges"].append("")
            self.field = "badges"

    def handle_endtag(self, tag: str) -> None:
        self.field = None

    def handle_data(self, data: str) -> None:
        if self.card is None or self.field in (None, "link"):
            return
        if self.field == "badges":
            self.card["badges"][-1] += data
        else:
            self.card[self.field] += data


def gallery_cards(page: str) -> dict[str, dict]:
    parser = _Cards()
    parser.feed(page)
    return parser.cards


def table_rows(page: str, table_class: str) -> list[list[str]]:
    table = re.search(rf'<table class="(?:[\w-]+ )*{table_class}">(.*?)</table>', page, re.S)
    assert table, table_class
    return [cells(r) for r in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)]


def test_text_classification_page_shows_its_metrics_dataset_and_examples(built_site: BuiltSite, manifest: dict) -> None:
    entry = model_entry(manifest, "spam-filter")
    v = next(x for x in entry["variants"] if x["name"] == entry["default_variant"])
    page = page_html(built_site, "spam-filter")
    assert re.search(r'<div class="vitrine-demo" data-model="spam-filter" data-variant="int8"', page)
    # The precomputed examples, as the noscript/first-paint content of the demo.
    examples = table_rows(page, "vitrine-text-examples-table")
    assert examples[0] == ["Text", "Verdict", *entry["labels"]]
    for row, ex in zip(examples[1:], entry["examples"], strict=True):
        assert row[0] == ex["text"] and row[1] == ex["output"][0]["label"]
    # Accuracy, macro F1, per-class scores and the confusion matrix: the tabular models' tables.
    m = v["metrics"]
    assert f"<td>{100 * m['accuracy']:.1f}%</td><td>{m['macro_f1']:.3f}</td>" in page
    assert 'vitrine-confusion">' in page
    confusion = table_rows(page, "vitrine-confusion")
    assert confusion[0] == ["true \\ predicted", *entry["labels"]]
    assert [r[1:] for r in confusion[1:]] == [[str(n) for n in row] for row in m["confusion_matrix"]]
    for label, c in m["per_class"].items():
        assert f"<tr><th scope=\"row\">{label}</th><td>{c['precision']:.3f}</td>" in page_text(page)
    # The variants: accuracy and top-1 agreement with fp32.
    variants = table_rows(page, "vitrine-variants")
    assert variants[0][4] == "Accuracy"
    assert [r[5] for r in variants[1:]] == [f"{100 * x['metrics']['agreement']['top1']:.1f}% top-1, max |Δ| {x['metrics']['agreement']['max_abs']:.2g}"
                                            for x in entry["variants"]]
    # The dataset: size, split, source and licence.
    d = entry["dataset"]
    assert f"{d['train_rows']:,} for training and {d['test_rows']:,} held out for testing" in page
    assert d["license"] in page_text(page) and d["citation"] in page_text(page)
    assert f"Measured with onnxruntime on the exported file, on {d['test_rows']} held-out texts." in page


def test_semantic_search_page_shows_hit_rate_mrr_questions_corpus_and_cosine_agreement(built_site: BuiltSite, manifest: dict) -> None:
    entry = model_entry(manifest, "python-docs-search")
    v = next(x for x in entry["variants"] if x["name"] == entry["default_variant"])
    m = v["metrics"]
    page = page_html(built_site, "python-docs-search")
    assert re.search(r'<div class="vitrine-demo" data-model="python-docs-search" data-variant="int8"', page)
    assert f"<td>{100 * m['hit_at_10']:.1f}%</td><td>{m['mrr']:.3f}</td><td>{m['questions']}</td>" in page
    # Every question: expected passages, the rank of the first one (or that none is in the top 10), the top result.
    rows = table_rows(page, "vitrine-questions")
    assert rows[0] == ["Question", "Expected passages", "Rank of the first", "Top result"]
    assert len(rows) - 1 == m["questions"] == len(m["per_question"])
    for row, q in zip(rows[1:], m["per_question"], strict=True):
        assert row == [q["question"], " · ".join(q["answers"]), "not in the top 10" if q["rank"] is None else str(q["rank"]), q["top"]]
    # Variants are compared by the cosine of their query embeddings with fp32's, not by a top class.
    variants = table_rows(page, "vitrine-variants")
    assert variants[0][4] == "hit@10 / MRR"
    for row, x in zip(variants[1:], entry["variants"], strict=True):
        a = x["metrics"]["agreement"]
        assert row[4] == f"{100 * x['metrics']['hit_at_10']:.1f}% / {x['metrics']['mrr']:.3f}"
        assert row[5] == f"cosine ≥ {a['cosine_min']:.4f} (mean {a['cosine_mean']:.4f})"
        assert "top-1" not in row[5]
    # The corpus: how many passages, where they come from, their licence, the documents file.
    corpus = entry["postprocessing"]["corpus"]
    d = entry["dataset"]
    assert f"{corpus['count']:,} passages" in page
    assert d["citation"] in page_text(page) and f"<td>{d['license']}</td>" in page_text(page)
    assert f'href="../../models/{corpus["documents"]}"' in page
    assert (built_site.site / "models" / corpus["documents"]).is_file()
    # The precomputed example queries, with their best passages.
    for ex in entry["examples"]:
        assert ex["text"] in page_text(page)
        assert ex["output"][0]["title"] in page_text(page)


def test_gallery_lists_the_text_models_with_their_headline_metric(built_site: BuiltSite, manifest: dict) -> None:
    cards = gallery_cards((built_site.site / "gallery" / "index.html").read_text())
    spam = model_entry(manifest, "spam-filter")
    search = model_entry(manifest, "python-docs-search")
    sv = next(x for x in spam["variants"] if x["name"] == spam["default_variant"])["metrics"]
    qv = next(x for x in search["variants"] if x["name"] == search["default_variant"])["metrics"]
    assert cards["spam-filter/"]["task"] == "text-classification"
    assert cards["spam-filter/"]["title"] == html.unescape(spam["title"])
    assert f"accuracy {100 * sv['accuracy']:.1f}%" in cards["spam-filter/"]["badges"]
    assert f"hit@10 {100 * qv['hit_at_10']:.0f}%, MRR {qv['mrr']:.2f} on {qv['questions']} questions" in cards["python-docs-search/"]["badges"]
    # the first example, input → output
    top = spam["examples"][0]["output"][0]
    assert cards["spam-filter/"]["sample"].endswith(f"→ {top['label']} ({100 * top['score']:.1f}%)")