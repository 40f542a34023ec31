"""The semantic-search widget (js_runtime/demo_search.js on the demo shell) in a real Chromium.

Two parts. The widget tests mount it on a fake API (tests/browser/text_harness.py) over a small
corpus written here: the fake model ranks documents by the share of query words they contain, the
same arithmetic as `rank()` below, so the precomputed examples and the live answers can be worked
out here. The site tests open the real model page of the built site and check that the widget shows
what Python onnxruntime found for the card's example queries.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import BuiltSite, model_entry
from .conftest import Session
from .text_harness import serve_widget

pytestmark = pytest.mark.browser
SCREENS = Path("/tmp/text_screens")
LONG = ("Return a new sorted list from the items in iterable. " * 4 +
        "A custom key function can be supplied to customize the sort order, and the reverse flag can be set to "
        "request the result in descending order. The built-in sorted() function is guaranteed to be stable.")
HTML_TITLE = "<b>html.escape</b>"
DOCUMENTS = [
    {"title": "list.sort", "text": "Sort the list in ascending order and return None."},
    {"title": "sorted", "text": LONG},
    {"title": "The \"try\" statement", "text": "The try statement specifies exception handlers and/or cleanup code for a group of statements."},
    {"title": "Exceptions", "text": "Exceptions are a means of breaking out of the normal flow of control to handle an error."},
    {"title": "open", "text": "Open file and return a corresponding file object; read it line by line with a for loop."},
    {"title": HTML_TITLE, "text": 'Convert the characters &, < and > in string s to HTML-safe sequences: <script>window.__xss=1</script>.'},
    {"title": "threading.Timer", "text": "Call a function after a specified number of seconds in another thread."},
] + [{"title": f"module{i}.function", "text": f"Filler passage number {i} about nothing in particular."} for i in range(20)]
DOCS_FILE = "models/python-docs-search/documents.0123456789abcdef.json"
DOCS_BYTES = json.dumps(DOCUMENTS).encode()
WORD = re.compile(r"[a-z0-9]+")


def rank(query: str, k: int = 10) -> list[dict]:
    """The fake model's answer: score = share of the query's words a document contains, minus index / 10⁴."""
    words = set(WORD.findall(query.lower()))
    scored = []
    for i, d in enumerate(DOCUMENTS):
        have = set(WORD.findall(f"{d['title']} {d['text']}".lower()))
        scored.append((len(words & have) / max(1, len(words)) - i / 1e4, i))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [{"index": i, "score": s, "title": DOCUMENTS[i]["title"]} for s, i in scored[:k]]


QUERIES = ["sort a list by a key", "how do I catch an error", "<i>escape</i> html"]
INFO = {
    "id": "python-docs-search",
    "title": "Docs search",
    "task": "semantic-search",
    "labels": [],
    "preprocessing": {"kind": "text"},
    "postprocessing": {"kind": "semantic-search", "embedding_output": "embedding", "top_k": 10,
                       "corpus": {"documents": DOCS_FILE, "embeddings": "x.bin", "count": len(DOCUMENTS), "dims": 4, "encoding": "int8-rows"}},
    "examples": [{"text": q, "output": rank(q)} for q in QUERIES],
    "artifacts": [
        {"kind": "description", "url": "models/python-docs-search/description.md", "sha256": "0" * 64, "bytes": 1},
        {"kind": "documents", "url": DOCS_FILE, "sha256": hashlib.sha256(DOCS_BYTES).hexdigest(), "bytes": len(DOCS_BYTES),
         "media_type": "application/json"},
    ],
}

FAKE_MODEL = r"""
const DOCUMENTS = DOCS_JSON;
const WORD = /[a-z0-9]+/g;
function predictImpl(query, options, call) {
  if (!query.trim()) throw new Error('Type a query first: an empty query has no meaning to search for.');
  const words = new Set(query.toLowerCase().match(WORD) ?? []);
  const scored = DOCUMENTS.map((d, i) => {
    const have = new Set(`${d.title} ${d.text}`.toLowerCase().match(WORD) ?? []);
    return {index: i, score: [...words].filter((w) => have.has(w)).length / Math.max(1, words.size) - i / 1e4};
  }).sort((a, b) => b.score - a.score || a.index - b.index).slice(0, options.topK ?? 10);
  const out = scored.map((s, r) => ({rank: r + 1, index: s.index, score: s.score, title: DOCUMENTS[s.index].title, text: DOCUMENTS[s.index].text}));
  call.top = out[0].title;
  Object.defineProperty(out, 'ms', {value: 1.5, enumerable: false});
  if (query.length > 200) Object.defineProperty(out, 'notice', {value: 'The query is longer than the model reads (128 tokens): only its beginning was used.', enumerable: false});
  return out;
}
""".replace("DOCS_JSON", json.dumps(DOCUMENTS))


@pytest.fixture(scope="module")
def widget_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_widget(tmp_path_factory.mktemp("search_widget"), info=INFO, module="demo_search.js", mount="mountSearch",
                      fake_model=FAKE_MODEL, files={DOCS_FILE: DOCS_BYTES}) as url:
        yield url


def open_widget(browser: Browser, url: str, width: int = 1280) -> tuple[Page, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.goto(url)
    p.wait_for_function("() => window.__mounted === true")
    return p, errors


@pytest.fixture
def page(browser: Browser, widget_url: str) -> Iterator[Page]:
    p, errors = open_widget(browser, widget_url)
    p.wait_for_selector('.vitrine-demo[data-state="ready"]')
    yield p
    assert errors == []
    p.context.close()


def shown(page: Page) -> dict:
    return page.evaluate("""() => {
        const d = document.querySelector('.vitrine-demo');
        return {
            query: d.querySelector('input[type=search]').value,
            source: d.dataset.source,
            stale: d.dataset.stale ?? null,
            sourceText: d.querySelector('.vitrine-source').textContent,
            summary: d.querySelector('.vitrine-search-summary').textContent,
            results: [...d.querySelectorAll('.vitrine-results > li')].map((li) => ({
                rank: li.querySelector('.vitrine-result-rank').textContent,
                title: li.querySelector('.vitrine-result-title').textContent,
                score: li.querySelector('.vitrine-result-score').textContent,
                visibleScore: li.querySelector('.vitrine-result-score-value').textContent,
                text: li.querySelector('.vitrine-result-text').textContent,
                toggle: li.querySelector('.vitrine-passage-toggle')?.getAttribute('aria-expanded') ?? null})),
            notice: d.querySelector('.vitrine-text-notice').hidden ? null : d.querySelector('.vitrine-text-notice').textContent,
            documentsNote: d.querySelector('.vitrine-documents-note').hidden ? null : d.querySelector('.vitrine-documents-note').textContent,
            error: d.querySelector('.vitrine-error').hidden ? null : d.querySelector('.vitrine-error').textContent,
            announced: d.querySelector('.vitrine-announce').textContent,
            status: d.querySelector('.vitrine-status').textContent,
        };
    }""")


def calls(page: Page) -> list[dict]:
    return page.evaluate("() => window.__calls")


def wait_live(page: Page, query: str) -> None:
    page.wait_for_function(
        """(q) => { const d = document.querySelector('.vitrine-demo');
            return d.dataset.source === 'live' && d.dataset.stale === undefined && d.dataset.pending === undefined && d.querySelector('input[type=search]').value === q
                && window.__calls.some((c) => c.input === q && c.settled === 'answered'); }""",
        arg=query, timeout=10_000)


def js_score(s: float) -> str:
    """What the widget shows: three decimals, a real minus sign, and no "−0.000"."""
    text = f"{abs(s):.3f}"
    return f"−{text}" if s < 0 and text != "0.000" else text


def expected_rows(query: str) -> list[dict]:
    return [{"rank": str(r + 1), "title": d["title"], "visibleScore": js_score(d["score"])} for r, d in enumerate(rank(query))]


def test_first_paint_is_the_precomputed_example_with_its_passages_then_live(browser: Browser, widget_url: str) -> None:
    page, errors = open_widget(browser, widget_url + "?hold")
    out = shown(page)
    example = INFO["examples"][0]
    assert out["query"] == example["text"]
    assert out["source"] == "precomputed" and out["sourceText"].startswith("Precomputed for this example when the site was built")
    assert out["summary"] == f"Top 10 of {len(DOCUMENTS)} passages for “{example['text']}”"
    assert [{k: r[k] for k in ("rank", "title", "visibleScore")} for r in out["results"]] == expected_rows(example["text"])
    assert all(r["score"] == "similarity " + r["visibleScore"] for r in out["results"])  # the word is for screen readers
    # The passages come from the documents artifact (checked against its sha256), by index.
    page.wait_for_function("() => !document.querySelector('.vitrine-result-text--missing')")
    out = shown(page)
    by_title = {d["title"]: d["text"] for d in DOCUMENTS}
    for r in out["results"]:
        if r["title"] == "sorted":
            assert r["text"].endswith("…") and LONG.startswith(r["text"][:-1]) and len(r["text"]) <= 321 and r["toggle"] == "false"
        else:
            assert r["text"] == by_title[r["title"]] and r["toggle"] is None
    assert page.evaluate("() => document.querySelector('.vitrine-demo').dataset.state") == "loading"
    assert calls(page) == []
    page.evaluate("() => window.__releaseLoad()")
    wait_live(page, example["text"])
    out = shown(page)
    assert out["sourceText"] == "Live results, calculated in your browser."
    assert [{k: r[k] for k in ("rank", "title", "visibleScore")} for r in out["results"]] == expected_rows(example["text"])
    assert "last run 1.50 ms" in out["status"]
    assert errors == []
    page.context.close()


def test_example_buttons_show_their_results_and_announce_them(page: Page) -> None:
    for example in INFO["examples"][1:]:
        page.get_by_role("button", name=example["text"]).click()
        wait_live(page, example["text"])
        out = shown(page)
        assert [{k: r[k] for k in ("rank", "title", "visibleScore")} for r in out["results"]] == expected_rows(example["text"])
        best = example["output"][0]
        page.wait_for_function("(t) => document.querySelector('.vitrine-announce').textContent === t",
                               arg=f"10 results. Best: {best['title']}, similarity {js_score(best['score'])}.")
    mine = [c for c in calls(page) if c["input"] == INFO["examples"][1]["text"]]
    assert mine[-1]["options"] == ["signal", "topK"] and mine[-1]["topK"] == 10


def test_long_passages_expand_and_collapse(page: Page) -> None:
    page.locator("input[type=search]").fill("sorted stable")
    wait_live(page, "sorted stable")
    item = page.locator(".vitrine-results > li", has=page.locator(".vitrine-result-title", has_text="sorted")).first
    toggle = item.locator(".vitrine-passage-toggle")
    assert toggle.inner_text() == "Show the whole passage"
    toggle.click()
    assert item.locator(".vitrine-result-text").inner_text() == LONG and toggle.get_attribute("aria-expanded") == "true"
    assert toggle.inner_text() == "Show less"
    toggle.click()
    assert item.locator(".vitrine-result-text").inner_text().endswith("…")


def test_typing_is_debounced_enter_is_immediate_and_a_superseded_run_is_cancelled(page: Page) -> None:
    box = page.locator("input[type=search]")
    box.fill("")
    n = len(calls(page))
    box.press_sequentially("read a file line by line", delay=20)
    wait_live(page, "read a file line by line")
    assert 1 <= len(calls(page)[n:]) <= 3, calls(page)[n:]
    assert shown(page)["results"][0]["title"] == "open"
    # Enter searches at once, without the debounce.
    page.evaluate("() => { window.__fake.delay = 5; }")
    box.fill("exception handlers")
    box.press("Enter")
    page.wait_for_function("() => window.__calls.some((c) => c.input === 'exception handlers')", timeout=200)
    wait_live(page, "exception handlers")
    # A run in flight when a newer query arrives is aborted, and its answer never shown.
    page.evaluate("() => { window.__fake.delay = 800; }")
    box.fill("call a function later in another thread")
    page.wait_for_function("() => window.__calls.some((c) => c.input === 'call a function later in another thread' && c.settled === null)")
    # Meanwhile the results on screen are marked as not (yet) for the query in the box.
    assert page.evaluate("() => document.querySelector('.vitrine-demo').dataset.pending") == "true"
    page.evaluate("() => { window.__fake.delay = 30; }")
    box.fill("sort the list")
    wait_live(page, "sort the list")
    old = next(c for c in calls(page) if c["input"] == "call a function later in another thread")
    assert old["aborted"] is True and old["settled"] == "aborted"
    assert shown(page)["results"][0]["title"] == "list.sort"
    # Results reached by typing are announced once typing pauses, not per keystroke.
    page.wait_for_function("() => document.querySelector('.vitrine-announce').textContent.startsWith('10 results. Best: list.sort')", timeout=5_000)


def test_html_looking_queries_titles_and_passages_are_text(page: Page) -> None:
    example = INFO["examples"][2]
    page.get_by_role("button", name=example["text"]).click()
    wait_live(page, example["text"])
    out = shown(page)
    assert out["summary"].endswith(f"for “{example['text']}”")
    html = next(r for r in out["results"] if r["title"] == HTML_TITLE)
    assert "<script>window.__xss=1</script>" in html["text"]
    demo = page.locator(".vitrine-demo")
    assert demo.locator("b, i, script").count() == 0 and page.evaluate("() => window.__xss") is None
    page.locator("input[type=search]").fill('<img src=x onerror="window.__xss=2"> escape')
    wait_live(page, '<img src=x onerror="window.__xss=2"> escape')
    assert demo.locator("img").count() == 0 and page.evaluate("() => window.__xss") is None


def test_keyboard_only(page: Page) -> None:
    page.locator("h1").click()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "search"
    assert page.evaluate("() => document.activeElement.labels[0].textContent") == "Search query"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Control+A")
    page.keyboard.type("sorted list")
    page.keyboard.press("Enter")
    wait_live(page, "sorted list")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Search"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "vitrine-text-example"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    wait_live(page, INFO["examples"][0]["text"])
    # On to the first "Show the whole passage" button (the long "sorted" passage); Enter opens it.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('vitrine-passage-toggle')"):
            break
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-expanded')") == "true"


def test_an_empty_query_clears_the_results_and_runs_nothing(page: Page) -> None:
    wait_live(page, INFO["examples"][0]["text"])
    n = len(calls(page))
    box = page.locator("input[type=search]")
    box.fill("  ")
    box.press("Enter")
    page.wait_for_timeout(400)
    out = shown(page)
    assert len(calls(page)) == n
    assert out["results"] == [] and out["source"] == "none" and out["summary"] == ""
    assert out["sourceText"] == "Type a question or some words, or pick an example query."
    assert out["error"] is None


def test_a_long_query_gets_the_notice_and_a_failure_is_shown(page: Page) -> None:
    query = "how do I sort " + "a very long list of things " * 8
    page.locator("input[type=search]").fill(query)
    wait_live(page, query)
    assert shown(page)["notice"] == "The query is longer than the model reads (128 tokens): only its beginning was used."
    page.evaluate("() => { window.__fake.fail = 'The model could not run: out of memory.'; }")
    page.locator("input[type=search]").fill("exceptions")
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    out = shown(page)
    assert out["error"] == "The model could not run: out of memory."
    assert out["stale"] == "true" and out["sourceText"] == "Results for the previous query, not the one in the box."
    page.locator("input[type=search]").fill("exceptions error")
    wait_live(page, "exceptions error")
    assert shown(page)["error"] is None and shown(page)["notice"] is None


def test_damaged_documents_are_not_shown(browser: Browser, widget_url: str) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.route("**/documents.*.json", lambda route: route.fulfill(status=200, content_type="application/json",
                                                                  body=json.dumps([{"title": "list.sort", "text": "EVIL"}] * 30)))
    page.goto(widget_url + "?hold")
    page.wait_for_selector(".vitrine-documents-note:not([hidden])")
    out = shown(page)
    assert out["documentsNote"].startswith("The passages of the precomputed results are damaged")
    assert [r["title"] for r in out["results"]] == [d["title"] for d in INFO["examples"][0]["output"]]
    assert all(r["text"] == "The passage could not be loaded." for r in out["results"])
    assert "EVIL" not in page.locator(".vitrine-demo").inner_text()
    page.context.close()


def test_static_tier_answers_the_example_queries_only(browser: Browser, widget_url: str) -> None:
    page, errors = open_widget(browser, widget_url + "?static")
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    example = INFO["examples"][1]
    page.get_by_role("button", name=example["text"]).click()
    page.wait_for_function("() => !document.querySelector('.vitrine-result-text--missing')")
    out = shown(page)
    assert out["source"] == "precomputed" and [r["title"] for r in out["results"]] == [d["title"] for d in example["output"]]
    assert out["sourceText"] == "Precomputed for this example when the site was built (Python onnxruntime)."
    page.locator("input[type=search]").fill("anything else")
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    assert shown(page)["error"].startswith("This query is not one of the example queries, and the model cannot run here.")
    assert calls(page) == [] and errors == []
    page.context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_layout_fits_the_width_in_both_palettes(browser: Browser, widget_url: str, width: int, scheme: str) -> None:
    page, errors = open_widget(browser, widget_url + f"?scheme={scheme}", width=width)
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    page.locator("input[type=search]").fill("sort a list with a key function")
    page.locator("input[type=search]").press("Enter")
    wait_live(page, "sort a list with a key function")
    page.locator(".vitrine-demo").scroll_into_view_if_needed()
    sizes = page.evaluate("""() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
        right: document.querySelector('.vitrine-demo').getBoundingClientRect().right})""")
    assert sizes["scroll"] <= sizes["inner"] and sizes["right"] <= width, sizes
    SCREENS.mkdir(exist_ok=True)
    page.locator(".vitrine-demo").screenshot(path=str(SCREENS / f"widget-search-{width}-{scheme}.png"))
    assert errors == []
    page.context.close()


# ---- the real model page of the built site ----

PAGE = "gallery/python-docs-search/"


@pytest.fixture(scope="module")
def entry(built_site: BuiltSite) -> dict:
    return model_entry(json.loads((built_site.site / "models" / "manifest.json").read_text()), "python-docs-search")


@pytest.fixture(scope="module")
def documents(built_site: BuiltSite, entry: dict) -> list[dict]:
    return json.loads((built_site.site / "models" / entry["postprocessing"]["corpus"]["documents"]).read_text())


def test_site_example_queries_find_what_python_found(session: Session, site_url: str, entry: dict) -> None:
    page = session.page
    page.goto(site_url + PAGE)
    demo = page.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"]', timeout=60_000)
    for example in entry["examples"]:
        demo.get_by_role("button", name=example["text"]).click()
        page.wait_for_function(
            """(q) => { const d = document.querySelector('.vitrine-demo');
                return d.dataset.source === 'live' && d.dataset.pending === undefined && d.querySelector('input[type=search]').value === q
                    && d.querySelector('.vitrine-search-summary').textContent.endsWith(`for “${q}”`); }""",
            arg=example["text"], timeout=60_000)
        rows = page.evaluate("""() => [...document.querySelectorAll('.vitrine-demo .vitrine-results > li')].map((li) => ({
            title: li.querySelector('.vitrine-result-title').textContent, index: Number(li.dataset.index),
            score: Number(li.dataset.score), text: li.querySelector('.vitrine-result-text').textContent}))""")
        assert [r["title"] for r in rows] == [o["title"] for o in example["output"]], example["text"]
        assert [r["index"] for r in rows] == [o["index"] for o in example["output"]]
        for row, want in zip(rows, example["output"]):
            assert abs(row["score"] - want["score"]) <= 1e-3, (example["text"], row, want)
            assert row["text"] and row["text"] != "The passage could not be loaded."
    assert session.errors == []
    assert session.foreign_requests() == []


def test_site_page_shows_precomputed_results_with_passages_before_the_runtime_loads(
        session: Session, site_url: str, entry: dict, documents: list[dict]) -> None:
    page = session.page
    page.route(re.compile(r".*\.(onnx|wasm)$"), lambda route: None)  # never answered: the runtime cannot load
    page.goto(site_url + PAGE)
    page.wait_for_selector('.vitrine-demo[data-source="precomputed"]')
    page.wait_for_function("() => !document.querySelector('.vitrine-result-text--missing')", timeout=30_000)
    example = entry["examples"][0]
    demo = page.locator(".vitrine-demo")
    assert demo.locator("input[type=search]").input_value() == example["text"]
    assert demo.locator(".vitrine-result-title").all_inner_texts() == [o["title"] for o in example["output"]]
    texts = demo.locator(".vitrine-result-text").all_inner_texts()
    for text, out in zip(texts, example["output"]):
        full = documents[out["index"]]["text"]
        assert text == full or (text.endswith("…") and full.startswith(text[:-1].rstrip()))
    assert page.evaluate("() => document.querySelector('.vitrine-demo').dataset.state") != "ready"
