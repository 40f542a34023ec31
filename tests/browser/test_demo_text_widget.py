"""The text-classification widget (js_runtime/demo_text.js on the demo shell) in a real Chromium.

Two parts. The widget tests mount it on a fake API (tests/browser/text_harness.py): the fake model
scores a text by how many "spammy" words it has, and its word weights are what the contract says
(the drop of the top label's probability when the word is removed), so every number the widget shows
can be worked out here. The site tests open the real model page of the built site and check that
the widget shows what Python onnxruntime computed for the card's examples.
"""

from __future__ import annotations

import json
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import BuiltSite, model_entry
from .conftest import Session
from .text_harness import serve_widget

pytestmark = pytest.mark.browser
SCREENS = Path("/tmp/text_screens")
HTML_TEXT = '<img src=x onerror="window.__xss=1"><b>bold</b> &amp; free <script>window.__xss=2</script>'

INFO = {
    "id": "spam-filter",
    "title": "Spam filter",
    "task": "text-classification",
    "labels": ["not spam", "spam"],
    "preprocessing": {"kind": "text"},
    "postprocessing": {"kind": "text-classification", "logits_output": "logits"},
    "examples": [
        {"text": "Hi Anna, the meeting moved to Thursday.",
         "output": [{"label": "not spam", "score": 0.9, "index": 0}, {"label": "spam", "score": 0.1, "index": 1}]},
        {"text": "FREE cruise! Click now to claim it",
         "output": [{"label": "spam", "score": 0.995, "index": 1}, {"label": "not spam", "score": 0.005, "index": 0}]},
        {"text": HTML_TEXT,
         "output": [{"label": "spam", "score": 0.6, "index": 1}, {"label": "not spam", "score": 0.4, "index": 0}]},
    ],
    "artifacts": [],
}

# The fake model: p(spam) = sigmoid(2 * (spammy words - hammy words) - 1); word weights exactly as the
# contract defines them.
FAKE_MODEL = r"""
const SPAMMY = new Set(['free', 'prize', 'win', 'click', 'cash', 'cruise']);
const HAMMY = new Set(['meeting', 'agenda']);
const WORD = /[\p{L}\p{N}']+/gu;
function scoresFor(text) {
  const words = [...text.matchAll(WORD)].map((m) => m[0].toLowerCase());
  const n = words.filter((w) => SPAMMY.has(w)).length - words.filter((w) => HAMMY.has(w)).length;
  const p = 1 / (1 + Math.exp(-(2 * n - 1)));
  return [{label: 'spam', score: p, index: 1}, {label: 'not spam', score: 1 - p, index: 0}].sort((a, b) => b.score - a.score);
}
function predictImpl(text, options, call) {
  if (!text.trim()) throw new Error('Type some text first.');
  const out = scoresFor(text);
  call.label = out[0].label;
  Object.defineProperty(out, 'ms', {value: 3.25, enumerable: false});
  if (text.length > 400) Object.defineProperty(out, 'notice', {value: 'The text is longer than the model reads (128 tokens): only its beginning was classified.', enumerable: false});
  if (options.words) {
    const top = out[0];
    const words = [...text.matchAll(WORD)].map((m) => {
      const rest = scoresFor(text.slice(0, m.index) + text.slice(m.index + m[0].length));
      return {text: m[0], start: m.index, end: m.index + m[0].length, weight: top.score - rest.find((s) => s.label === top.label).score};
    });
    Object.defineProperty(out, 'words', {value: words, enumerable: false});
  }
  return out;
}
"""


def p_spam(text: str) -> float:
    words = [w.lower() for w in re.findall(r"[\w']+", text)]
    n = sum(w in {"free", "prize", "win", "click", "cash", "cruise"} for w in words) - sum(w in {"meeting", "agenda"} for w in words)
    return 1 / (1 + math.exp(-(2 * n - 1)))


def js_percent(p: float) -> str:
    """JS `(p * 100).toFixed(1) + '%'` (round half up on the exact double)."""
    return f"{Decimal(p * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


@pytest.fixture(scope="module")
def widget_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_widget(tmp_path_factory.mktemp("text_widget"), info=INFO, module="demo_text.js", mount="mountText",
                      fake_model=FAKE_MODEL) as url:
        yield url


def open_widget(browser: Browser, url: str, width: int = 1280, **kwargs: object) -> tuple[Page, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900}, **kwargs)  # type: ignore[arg-type]
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.goto(url)
    p.wait_for_function("() => window.__mounted === true")
    return p, errors


@pytest.fixture
def page(browser: Browser, widget_url: str) -> Iterator[Page]:
    p, errors = open_widget(browser, widget_url)
    p.wait_for_selector('.vitrine-demo[data-state="ready"]')  # in view at once: the model loads
    yield p
    assert errors == []
    p.context.close()


def shown(page: Page) -> dict:
    return page.evaluate("""() => {
        const d = document.querySelector('.vitrine-demo');
        const words = d.querySelector('.vitrine-words');
        return {
            text: d.querySelector('textarea').value,
            source: d.dataset.source,
            stale: d.dataset.stale ?? null,
            sourceText: d.querySelector('.vitrine-source').textContent,
            label: d.querySelector('.vitrine-label').textContent,
            scores: [...d.querySelectorAll('.vitrine-scores li')].map((li) => ({
                name: li.querySelector('.vitrine-score-name').textContent,
                value: li.querySelector('.vitrine-score-value').textContent,
                bar: li.querySelector('.vitrine-bar-fill').style.width,
                top: li.classList.contains('vitrine-score--top')})),
            notice: d.querySelector('.vitrine-text-notice').hidden ? null : d.querySelector('.vitrine-text-notice').textContent,
            marks: [...d.querySelectorAll('.vitrine-highlighted mark')].map((m) => ({
                text: m.textContent, weight: Number(m.dataset.weight), cls: m.className, w: m.style.getPropertyValue('--w')})),
            highlighted: d.querySelector('.vitrine-highlighted').hidden ? null : d.querySelector('.vitrine-highlighted').textContent,
            wordsText: d.querySelector('.vitrine-words-text').hidden ? [] : [...d.querySelectorAll('.vitrine-words-text p')].map((p) => p.textContent),
            wordsStatus: d.querySelector('.vitrine-words-status').textContent,
            wordsStale: words.dataset.stale ?? null,
            error: d.querySelector('.vitrine-error').hidden ? null : d.querySelector('.vitrine-error').textContent,
            announced: d.querySelector('.vitrine-announce').textContent,
            status: d.querySelector('.vitrine-status').textContent,
        };
    }""")


def calls(page: Page) -> list[dict]:
    return page.evaluate("() => window.__calls")


def wait_live(page: Page, text: str, words: bool = False) -> None:
    """Until the widget shows a live verdict for `text` (and, with `words`, its word importance)."""
    page.wait_for_function(
        """([text, words]) => { const d = document.querySelector('.vitrine-demo');
            return d.dataset.source === 'live' && d.dataset.stale === undefined && d.dataset.pending === undefined && d.querySelector('textarea').value === text
                && window.__calls.some((c) => c.input === text && c.settled === 'answered' && !c.words)
                && (!words || (window.__calls.some((c) => c.input === text && c.words && c.settled === 'answered')
                               && !d.querySelector('.vitrine-words-text').hidden && d.querySelector('.vitrine-words').dataset.stale === undefined)); }""",
        arg=[text, words], timeout=10_000)


def expected_scores(text: str) -> list[dict]:
    p = p_spam(text)
    rows = sorted([("spam", p), ("not spam", 1 - p)], key=lambda r: -r[1])
    return [{"name": n, "value": js_percent(s), "top": i == 0} for i, (n, s) in enumerate(rows)]


def test_first_paint_is_the_precomputed_example_then_the_live_verdict(browser: Browser, widget_url: str) -> None:
    page, errors = open_widget(browser, widget_url + "?hold")
    out = shown(page)
    example = INFO["examples"][0]
    assert out["text"] == example["text"]
    assert out["source"] == "precomputed" and out["sourceText"].startswith("Precomputed for this example when the site was built")
    assert out["label"] == "not spam"
    assert [(s["name"], s["value"], s["bar"], s["top"]) for s in out["scores"]] == [("not spam", "90.0%", "90%", True), ("spam", "10.0%", "10%", False)]
    assert out["wordsStatus"] == "The words that mattered are shown once the model runs in your browser."
    assert page.evaluate("() => document.querySelector('.vitrine-demo').dataset.state") == "loading"
    page.evaluate("() => window.__releaseLoad()")
    wait_live(page, example["text"], words=True)
    out = shown(page)
    assert out["sourceText"] == "Live prediction, calculated in your browser."
    assert [{k: s[k] for k in ("name", "value", "top")} for s in out["scores"]] == expected_scores(example["text"])
    assert "last run 3.25 ms" in out["status"] and "with WebAssembly (WASM-SIMD), 4 threads" in out["status"]
    # Nothing the visitor did: nothing is announced.
    page.wait_for_timeout(1400)
    assert shown(page)["announced"] == ""
    assert errors == []
    page.context.close()


def test_example_button_shows_its_verdict_word_highlights_and_their_text_alternative(page: Page) -> None:
    example = INFO["examples"][1]
    page.get_by_role("button", name=example["text"]).click()
    wait_live(page, example["text"], words=True)
    out = shown(page)
    p = p_spam(example["text"])
    assert out["label"] == "spam"
    assert [{k: s[k] for k in ("name", "value", "top")} for s in out["scores"]] == expected_scores(example["text"])
    assert abs(float(out["scores"][0]["bar"].rstrip("%")) - 100 * p) < 1e-3 and out["scores"][1]["bar"].endswith("%")
    # The marked words are the spammy ones (each removal lowers p(spam) by the same amount), all "towards spam".
    rest = 1 / (1 + math.exp(-3))  # two spammy words left
    marked = {m["text"]: m for m in out["marks"]}
    assert set(marked) == {"FREE", "cruise", "Click"}
    for m in marked.values():
        # Intensity: weight / the largest weight, but never against less than 0.05 (small effects stay faint).
        assert abs(m["weight"] - (p - rest)) < 1e-9 and "vitrine-word--a" in m["cls"] and m["w"] == f"{(p - rest) / 0.05:.3f}"
    assert out["highlighted"] == example["text"]  # the copy is the text itself, words wrapped in place
    weight = f"+{p - rest:.3f}"
    assert out["wordsText"] == [f"Words that pushed towards spam: FREE ({weight}), cruise ({weight}), Click ({weight})."]
    assert out["wordsStatus"].startswith("Marked: words that change the probability of “spam” by 0.005 or more")
    # One plain run for the verdict, then one run with words; the verdict is announced once, at once.
    mine = [c for c in calls(page) if c["input"] == example["text"]]
    assert [c["words"] for c in mine] == [False, True] and mine[0]["options"] == ["signal"] and mine[1]["options"] == ["signal", "words"]
    page.wait_for_function("() => document.querySelector('.vitrine-announce').textContent !== ''")
    assert shown(page)["announced"] == f"Verdict: spam, {js_percent(p)}."


def test_words_on_both_sides_are_marked_apart_and_listed(page: Page) -> None:
    text = "free lunch after the meeting"  # one spammy, one hammy word: p(spam) = 0.27, so "not spam"
    page.locator("textarea").fill(text)
    wait_live(page, text, words=True)
    out = shown(page)
    assert out["label"] == "not spam"
    # Without "meeting", p(spam) rises to 0.73: it held up "not spam" by 0.46. Without "free", p(spam)
    # falls to 0.05: it pushed towards spam by 0.22 (a negative weight for the top label, "not spam").
    s = lambda x: 1 / (1 + math.exp(-x))  # noqa: E731
    marks = {m["text"]: m for m in out["marks"]}
    assert set(marks) == {"free", "meeting"}
    assert abs(marks["meeting"]["weight"] - (s(1) - s(-1))) < 1e-9 and abs(marks["free"]["weight"] - (s(-3) - s(-1))) < 1e-9
    # Colours (and underline styles) stay with the label: "spam" words are "a", "not spam" words "b".
    assert "vitrine-word--b" in marks["meeting"]["cls"] and "vitrine-word--a" in marks["free"]["cls"]
    assert marks["meeting"]["w"] == "1.000" and marks["free"]["w"] == f"{(s(-1) - s(-3)) / (s(1) - s(-1)):.3f}"
    assert out["wordsText"] == [f"Words that pushed towards not spam: meeting (+{s(1) - s(-1):.3f}).",
                                f"Words that pushed towards spam: free (+{s(-1) - s(-3):.3f})."]
    legend = page.locator(".vitrine-words-legend span").all_inner_texts()
    assert legend == ["towards not spam", "towards spam"]
    # The same words in a spam verdict keep their colours.
    text = "free prize at the meeting"
    page.locator("textarea").fill(text)
    wait_live(page, text, words=True)
    marks = {m["text"]: m for m in shown(page)["marks"]}
    assert shown(page)["label"] == "spam"
    assert "vitrine-word--a" in marks["free"]["cls"] and "vitrine-word--b" in marks["meeting"]["cls"]
    # Nothing that matters: no marks, and the list says so.
    text = "lunch with the team at noon"
    page.locator("textarea").fill(text)
    wait_live(page, text, words=True)
    out = shown(page)
    assert out["label"] == "not spam" and out["marks"] == [] and out["highlighted"] is None
    assert out["wordsText"] == ["No single word, left out, changes the probability of “not spam” by 0.005 or more."]


def test_typing_is_debounced_and_a_superseded_run_is_cancelled(page: Page) -> None:
    textarea = page.locator("textarea")
    textarea.fill("")
    n = len(calls(page))
    textarea.press_sequentially("win cash now", delay=20)
    wait_live(page, "win cash now", words=True)
    plain = [c for c in calls(page)[n:] if not c["words"]]
    assert 1 <= len(plain) <= 3, plain  # 12 keystrokes, debounced
    assert shown(page)["label"] == "spam"
    # A run in flight when newer text arrives is aborted, and its answer never shown.
    page.evaluate("() => { window.__fake.delay = 800; }")
    textarea.fill("claim your free prize")
    page.wait_for_function("() => window.__calls.some((c) => c.input === 'claim your free prize' && c.settled === null)")
    page.evaluate("() => { window.__fake.delay = 50; }")
    textarea.fill("see you at the meeting")
    wait_live(page, "see you at the meeting")
    old = next(c for c in calls(page) if c["input"] == "claim your free prize")
    assert old["aborted"] is True and old["settled"] == "aborted"
    assert shown(page)["label"] == "not spam"
    # A model that ignores the signal: its late answer for the older text is dropped.
    page.evaluate("() => { window.__fake.delay = 600; window.__fake.ignoreAbort = true; }")
    textarea.fill("cash cash cash")
    page.wait_for_function("() => window.__calls.some((c) => c.input === 'cash cash cash' && !c.words)")
    page.evaluate("() => { window.__fake.delay = 30; }")
    textarea.fill("quarterly report attached")
    page.wait_for_function("() => window.__calls.some((c) => c.input === 'cash cash cash' && c.settled === 'answered')", timeout=5_000)
    page.wait_for_timeout(100)
    out = shown(page)
    assert out["label"] == "not spam" and out["text"] == "quarterly report attached"


def test_the_word_run_is_cancelled_when_the_text_changes(page: Page) -> None:
    wait_live(page, INFO["examples"][0]["text"], words=True)  # the first example's words are on screen
    page.evaluate("() => { window.__fake.delay = 500; }")  # the words run takes 1 s
    textarea = page.locator("textarea")
    textarea.fill("free cruise")
    page.wait_for_function("() => window.__calls.some((c) => c.input === 'free cruise' && c.words && c.settled === null)", timeout=5_000)
    assert page.evaluate("() => document.querySelector('.vitrine-words').getAttribute('aria-busy')") == "true"
    assert shown(page)["wordsStatus"] == "Finding the words that mattered…"
    page.evaluate("() => { window.__fake.delay = 30; }")
    textarea.fill("free cruise today")
    assert shown(page)["wordsStale"] == "true" and page.evaluate("() => document.querySelector('.vitrine-demo').dataset.pending") == "true"
    words_call = next(c for c in calls(page) if c["input"] == "free cruise" and c["words"])
    assert words_call["aborted"] is True
    wait_live(page, "free cruise today", words=True)
    out = shown(page)
    assert out["highlighted"] == "free cruise today" and [m["text"] for m in out["marks"]] == ["free", "cruise"]


def test_model_and_visitor_text_is_shown_as_text(page: Page) -> None:
    page.get_by_role("button", name=HTML_TEXT).click()
    wait_live(page, HTML_TEXT, words=True)
    out = shown(page)
    assert out["text"] == HTML_TEXT and out["highlighted"] == HTML_TEXT
    assert page.evaluate("() => window.__xss") is None
    demo = page.locator(".vitrine-demo")
    assert demo.locator("img, b, script").count() == 0
    assert page.get_by_role("button", name=HTML_TEXT).inner_text() == HTML_TEXT
    # Typed markup too.
    page.locator("textarea").fill('<svg onload="window.__xss=3"></svg> free prize')
    wait_live(page, '<svg onload="window.__xss=3"></svg> free prize', words=True)
    assert demo.locator("svg").count() == 0 and page.evaluate("() => window.__xss") is None
    assert "svg" in shown(page)["highlighted"]


def test_keyboard_only(page: Page) -> None:
    page.locator("h1").click()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA"
    assert page.evaluate("() => document.activeElement.labels[0].textContent") == "Text to classify"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Control+A")
    page.keyboard.type("win a free cruise")
    wait_live(page, "win a free cruise", words=True)
    assert shown(page)["label"] == "spam"
    # Tab on to the example buttons; Enter picks one.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "vitrine-text-example"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    wait_live(page, INFO["examples"][0]["text"], words=True)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    wait_live(page, INFO["examples"][1]["text"], words=True)
    assert page.evaluate("() => document.activeElement.textContent") == INFO["examples"][1]["text"]  # focus stays put


def test_a_long_text_gets_the_models_notice_and_an_empty_one_no_run(page: Page) -> None:
    text = "Dear customer, " + "this is a long letter about the weather. " * 12
    page.locator("textarea").fill(text)
    wait_live(page, text)
    assert shown(page)["notice"] == "The text is longer than the model reads (128 tokens): only its beginning was classified."
    n = len(calls(page))
    page.locator("textarea").fill("   ")
    page.wait_for_timeout(400)
    out = shown(page)
    assert len(calls(page)) == n
    assert out["source"] == "none" and out["label"] == "–" and out["scores"] == [] and out["notice"] is None
    assert out["sourceText"] == "Type or paste some text, or pick an example."
    assert out["wordsText"] == [] and out["highlighted"] is None


def test_a_failed_prediction_is_shown_and_the_widget_stays_usable(page: Page) -> None:
    wait_live(page, INFO["examples"][0]["text"])
    page.evaluate("() => { window.__fake.fail = 'The model could not run: out of memory.'; }")
    page.locator("textarea").fill("free money")
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    out = shown(page)
    assert out["error"] == "The model could not run: out of memory."
    assert out["stale"] == "true" and out["sourceText"] == "Verdict for the previous text, not the one in the box."
    page.locator("textarea").fill("free money now")
    wait_live(page, "free money now")
    assert shown(page)["error"] is None


def test_static_tier_answers_the_examples_and_says_why_nothing_else(browser: Browser, widget_url: str) -> None:
    page, errors = open_widget(browser, widget_url + "?static")
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    example = INFO["examples"][1]
    page.get_by_role("button", name=example["text"]).click()
    out = shown(page)
    assert out["source"] == "precomputed" and out["label"] == "spam"
    assert [s["value"] for s in out["scores"]] == ["99.5%", "0.5%"]
    assert out["sourceText"] == "Precomputed for this example when the site was built (Python onnxruntime)."
    assert out["wordsStatus"] == "Word importance needs the live model, which cannot run here."
    assert page.locator(".vitrine-static-note").inner_text().startswith("Live predictions are turned off")
    page.locator("textarea").fill("something else entirely")
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    assert shown(page)["error"].startswith("This text is not one of the examples, and the model cannot run here.")
    assert shown(page)["stale"] == "true"
    assert calls(page) == []
    assert errors == []
    page.context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_layout_fits_the_width_in_both_palettes(browser: Browser, widget_url: str, width: int, scheme: str) -> None:
    page, errors = open_widget(browser, widget_url + f"?scheme={scheme}", width=width)
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    text = "CONGRATULATIONS!!! You have been selected to receive a FREE cruise. Click here now to claim your prize: " \
           "https://example.invalid/a-very-long-link-without-any-spaces-that-has-to-wrap-somewhere-on-a-phone"
    page.locator("textarea").fill(text)
    wait_live(page, text, words=True)
    page.locator(".vitrine-demo").scroll_into_view_if_needed()
    sizes = page.evaluate("""() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
        right: document.querySelector('.vitrine-demo').getBoundingClientRect().right})""")
    assert sizes["scroll"] <= sizes["inner"] and sizes["right"] <= width, sizes
    # The marked words' underline (the cue besides colour) stands out from the background (WCAG 1.4.11: 3:1).
    ratio = page.evaluate("""() => {
        const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => v / 255)
            .map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const mark = document.querySelector('.vitrine-highlighted mark');
        const bg = getComputedStyle(document.querySelector('.vitrine-highlighted')).backgroundColor;
        const line = getComputedStyle(mark).borderBottomColor;
        const [a, b] = [lum(line), lum(bg)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
    }""")
    assert ratio >= 3, ratio
    SCREENS.mkdir(exist_ok=True)
    page.locator(".vitrine-demo").screenshot(path=str(SCREENS / f"widget-text-{width}-{scheme}.png"))
    assert errors == []
    page.context.close()


# ---- the real model page of the built site ----

PAGE = "gallery/spam-filter/"


@pytest.fixture(scope="module")
def entry(built_site: BuiltSite) -> dict:
    return model_entry(json.loads((built_site.site / "models" / "manifest.json").read_text()), "spam-filter")


def test_site_examples_show_what_python_computed(session: Session, site_url: str, entry: dict) -> None:
    page = session.page
    page.goto(site_url + PAGE)
    demo = page.locator(".vitrine-demo")
    demo.scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"]', timeout=60_000)
    variant = next(v for v in entry["variants"] if v["name"] == entry["default_variant"])
    for example in entry["examples"]:
        demo.get_by_role("button", name=example["text"]).click()
        page.wait_for_function(
            """(text) => { const d = document.querySelector('.vitrine-demo');
                return d.dataset.source === 'live' && d.dataset.pending === undefined && d.querySelector('textarea').value === text
                    && !d.querySelector('.vitrine-words-text').hidden && d.querySelector('.vitrine-words').dataset.stale === undefined; }""",
            arg=example["text"], timeout=60_000)
        rows = page.evaluate("""() => [...document.querySelectorAll('.vitrine-demo .vitrine-scores li')].map((li) => ({
            label: li.dataset.label, score: Number(li.dataset.score), text: li.querySelector('.vitrine-score-value').textContent}))""")
        assert [r["label"] for r in rows] == [o["label"] for o in example["output"]], example["text"]
        for row, want in zip(rows, example["output"]):
            assert abs(row["score"] - want["score"]) <= 1e-4, (example["text"], row, want)
            assert row["text"] in {js_percent(want["score"] - 1e-4), js_percent(want["score"]), js_percent(want["score"] + 1e-4)}
        assert demo.locator(".vitrine-label").inner_text() == example["output"][0]["label"]
        # Word importance came back, and its text alternative names words of this text.
        lines = demo.locator(".vitrine-words-text p").all_inner_texts()
        assert lines and all(line.startswith(("Words that pushed towards", "No single word, left out")) for line in lines)
        for mark in demo.locator(".vitrine-highlighted mark").all_inner_texts():
            assert mark in example["text"]
    assert "WASM" in demo.locator(".vitrine-backend").inner_text()
    assert variant["name"] == demo.get_attribute("data-variant")
    assert session.errors == []
    assert session.foreign_requests() == []


def test_site_page_shows_the_precomputed_example_before_the_runtime_loads(session: Session, site_url: str, entry: dict) -> None:
    page = session.page
    page.route(re.compile(r".*\.(onnx|wasm)$"), lambda route: None)  # never answered: the runtime cannot load
    page.goto(site_url + PAGE)
    page.wait_for_selector('.vitrine-demo[data-source="precomputed"]')
    example = entry["examples"][0]
    demo = page.locator(".vitrine-demo")
    assert demo.locator("textarea").input_value() == example["text"]
    assert demo.locator(".vitrine-label").inner_text() == example["output"][0]["label"]
    assert demo.locator(".vitrine-score-value").all_inner_texts() == [js_percent(o["score"]) for o in example["output"]]
