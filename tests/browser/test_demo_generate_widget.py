"""The text-generation widget (js_runtime/demo_generate.js on the demo shell) in a real Chromium.

Two parts. The widget tests mount it on a fake API (tests/browser/text_harness.py) whose model streams
an echo of the prompt a few characters per token, so every answer can be worked out here; they need
no build. The site tests open the real model page of the built site (the gallery's text-generation
model, found by its task) once for the whole module, since the model is about 137 MB and takes
seconds to start: an example prompt at temperature 0 must stream to exactly the build's greedy
answer, Stop must stop, and the page must work by keyboard alone and at 360 px.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import BuiltSite
from .text_harness import serve_widget

pytestmark = pytest.mark.browser
SCREENS = Path("/tmp/text_screens")
HTML_PROMPT = '<img src=x onerror="window.__xss=1"><b>Repeat</b> this: <script>window.__xss=2</script>'
CHUNK = 3  # the fake model's characters per token


def fake_answer(prompt: str, max_new_tokens: int = 96) -> tuple[str, int, str]:
    """The fake model's greedy answer to `prompt`: (text, tokens, finish reason)."""
    full = f"Echo: {prompt}"
    chunks = [full[i:i + CHUNK] for i in range(0, len(full), CHUNK)]
    if len(chunks) > max_new_tokens:
        return "".join(chunks[:max_new_tokens]), max_new_tokens, "length"
    return full, len(chunks), "eos"


def example(prompt: str) -> dict:
    text, n, finish = fake_answer(prompt)
    return {"text": prompt, "output": {"text": text, "tokens": list(range(10, 10 + n)), "prompt_tokens": 30, "finish_reason": finish}}


INFO = {
    "id": "python-helper",
    "title": "Python helper",
    "task": "text-generation",
    "labels": [],
    "default_variant": "int8",
    "variants": [{"name": "int8", "bytes": 143_500_000}],
    "preprocessing": {"kind": "text", "tokenizer": "tokenizer.json", "max_tokens": 1024,
                      "inputs": ["input_ids", "attention_mask", "position_ids"],
                      "chat_template": {"format": "chatml", "system": "You are a helpful AI assistant named SmolLM, trained by Hugging Face"}},
    "postprocessing": {"kind": "text-generation", "logits_output": "logits", "eos_token_ids": [2], "context": 2048, "max_new_tokens": 512,
                       "defaults": {"max_new_tokens": 96, "temperature": 0, "top_k": 50, "top_p": 0.95, "seed": 0}},
    "examples": [example("What does a Python list comprehension do?"), example("Write a haiku about tests."), example(HTML_PROMPT)],
    "artifacts": [],
}

# Streams "Echo: <prompt>" CHUNK characters per token, one token every window.__fake.tokenMs; stops on abort.
FAKE_MODEL = r"""
fake.tokenMs = 25;
function predictImpl(prompt, options, call) {
  const full = 'Echo: ' + prompt;
  const chunks = [];
  for (let i = 0; i < full.length; i += CHUNK) chunks.push(full.slice(i, i + CHUNK));
  const budget = Math.min(options.maxNewTokens ?? 96, chunks.length);
  call.settings = {maxNewTokens: options.maxNewTokens, temperature: options.temperature, topK: options.topK, topP: options.topP, seed: options.seed};
  call.tokens = 0;
  return new Promise((resolve, reject) => {
    let timer;
    const step = () => {
      if (call.tokens === budget) {
        call.done = 'answered';
        const text = chunks.slice(0, budget).join('');
        resolve({text, tokens: chunks.slice(0, budget).map((_, i) => 10 + i), promptTokens: 30,
                 finishReason: budget < chunks.length ? 'length' : 'eos', ms: budget * 20, firstTokenMs: 20, tokensPerSecond: 40});
        return;
      }
      options.onToken({index: call.tokens, token: 10 + call.tokens, text: chunks[call.tokens]});
      call.tokens += 1;
      timer = setTimeout(step, fake.tokenMs);
    };
    options.signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      call.done = 'aborted';
      const e = new Error('The request was cancelled.');
      e.name = 'AbortError';
      reject(e);
    });
    timer = setTimeout(step, fake.tokenMs);
  });
}
""".replace("CHUNK", str(CHUNK))


@pytest.fixture(scope="module")
def widget_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_widget(tmp_path_factory.mktemp("generate_widget"), info=INFO, module="demo_generate.js", mount="mountGenerate",
                      fake_model=FAKE_MODEL) as url:
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
        const a = d.querySelector('.vitrine-gen-answer');
        const error = d.querySelector('.vitrine-error');
        return {
            prompt: d.querySelector('textarea').value,
            source: d.dataset.source,
            generating: d.dataset.generating ?? null,
            sourceText: d.querySelector('.vitrine-source').textContent,
            echo: d.querySelector('.vitrine-gen-prompt').textContent,
            answer: a.textContent,
            answerElements: a.children.length,
            finish: a.dataset.finish ?? null,
            tokens: a.dataset.tokens === undefined ? null : Number(a.dataset.tokens),
            status: d.querySelector('.vitrine-gen-status').textContent,
            stopDisabled: d.querySelector('.vitrine-stop').disabled,
            error: error.hidden ? null : error.textContent,
            problem: d.querySelector('.vitrine-gen-problem').hidden ? null : d.querySelector('.vitrine-gen-problem').textContent,
            announced: d.querySelector('.vitrine-announce').textContent,
        };
    }""")


def calls(page: Page) -> list[dict]:
    return page.evaluate("() => window.__calls")


WATCH = """() => {
    const a = document.querySelector('.vitrine-demo .vitrine-gen-answer');
    window.__states = [];
    new MutationObserver(() => window.__states.push(a.textContent)).observe(a, {childList: true, characterData: true, subtree: true});
}"""


def wait_finished(page: Page, timeout: float = 10_000) -> dict:
    """Until no run is going (the answer has ended one way or another)."""
    page.wait_for_function("""() => { const d = document.querySelector('.vitrine-demo');
        return d.dataset.generating === undefined && d.querySelector('.vitrine-gen-answer').dataset.finish !== undefined; }""",
                           timeout=timeout)
    return shown(page)


def set_field(page: Page, name: str, value: str) -> None:
    page.locator(f'.vitrine-demo input[name="{name}"]').fill(value)


def test_first_paint_is_the_precomputed_answer_then_an_example_streams_to_it(browser: Browser, widget_url: str) -> None:
    page, errors = open_widget(browser, widget_url + "?hold")
    first = INFO["examples"][0]
    out = shown(page)
    assert out["prompt"] == first["text"] and out["echo"] == first["text"]
    assert out["source"] == "precomputed" and out["answer"] == first["output"]["text"]
    assert out["sourceText"].startswith("Precomputed when the site was built (Python onnxruntime, greedy: temperature 0).")
    assert out["status"] == f"Precomputed answer: {len(first['output']['tokens'])} tokens, ended by the model."
    assert page.locator(".vitrine-gen-download").is_visible()  # while the model downloads: it is kept for next time
    page.evaluate("() => window.__releaseLoad()")
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    assert not page.locator(".vitrine-gen-download").is_visible()
    assert calls(page) == []  # nothing is generated until asked
    second = INFO["examples"][1]
    page.evaluate(WATCH)
    page.get_by_role("button", name=second["text"]).click()
    out = wait_finished(page)
    assert out["source"] == "live" and out["finish"] == "eos"
    assert out["answer"] == second["output"]["text"] and out["answerElements"] == 0
    assert out["tokens"] == len(second["output"]["tokens"])
    assert re.fullmatch(rf"Done: {out['tokens']} tokens in \d+\.\d s, 40\.0 tokens/s\.", out["status"]), out["status"]
    states = page.evaluate("() => window.__states")
    assert len(set(states)) >= out["tokens"] - 1, "the answer grows token by token"
    assert all(second["output"]["text"].startswith(s) for s in states)
    assert calls(page)[-1]["settings"] == {"maxNewTokens": 96, "temperature": 0, "topK": 50, "topP": 0.95, "seed": 0}
    page.wait_for_function("() => document.querySelector('.vitrine-announce').textContent.startsWith('Answer ready')")
    assert shown(page)["announced"] == f"Answer ready: {out['tokens']} tokens."
    assert errors == []
    page.context.close()


def test_stop_stops_and_a_new_generate_supersedes(page: Page) -> None:
    page.evaluate("() => { window.__fake.tokenMs = 150; }")
    page.locator("textarea").fill("A long prompt that takes a while to echo back, token by token.")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_function("() => Number(document.querySelector('.vitrine-gen-answer').dataset.tokens) >= 2")
    assert shown(page)["generating"] == "true" and not shown(page)["stopDisabled"]
    assert re.fullmatch(r"Generating… \d+ tokens(, \d+\.\d tokens/s)?", shown(page)["status"])
    page.get_by_role("button", name="Stop").click()
    out = wait_finished(page)
    assert out["finish"] == "stopped" and re.fullmatch(r"Stopped after \d+ tokens?\.", out["status"])
    assert out["stopDisabled"] and out["error"] is None
    assert calls(page)[-1]["done"] == "aborted"
    page.wait_for_timeout(400)
    assert shown(page)["answer"] == out["answer"], "no token after Stop"
    # A new Generate while one runs cancels the old one first; only the new answer is shown.
    page.get_by_role("button", name="Generate").click()
    page.wait_for_function("() => Number(document.querySelector('.vitrine-gen-answer').dataset.tokens) >= 1")
    page.evaluate("() => { window.__fake.tokenMs = 10; }")
    page.locator("textarea").fill("Short one.")
    page.get_by_role("button", name="Generate").click()
    out = wait_finished(page)
    assert [c["done"] for c in calls(page)[-2:]] == ["aborted", "answered"]
    assert out["answer"] == fake_answer("Short one.")[0] and out["echo"] == "Short one." and out["finish"] == "eos"


def test_settings_are_checked_and_passed_on(page: Page) -> None:
    page.locator("textarea").fill("  ")
    page.get_by_role("button", name="Generate").click()
    assert shown(page)["problem"] == "Type a prompt." and shown(page)["error"] is None
    assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA"
    page.locator("textarea").fill("Count to ten.")
    set_field(page, "temperature", "2.5")
    page.get_by_role("button", name="Generate").click()
    assert shown(page)["problem"] == "Check the settings: Temperature must be a number from 0 to 2 (0 = greedy)."
    temperature = page.locator('input[name="temperature"]')
    assert temperature.get_attribute("aria-invalid") == "true"
    assert page.evaluate("() => document.activeElement.name") == "temperature"
    assert page.locator(".vitrine-gen-setting.vitrine-invalid .vitrine-field-error").inner_text() == "Temperature must be a number from 0 to 2 (0 = greedy)."
    set_field(page, "temperature", "0.8")
    assert temperature.get_attribute("aria-invalid") is None
    assert shown(page)["problem"] is None  # the only wrong setting is right now
    set_field(page, "top_k", "5")
    set_field(page, "seed", "42")
    set_field(page, "max_new_tokens", "4")
    page.get_by_role("button", name="Generate").click()
    out = wait_finished(page)
    assert calls(page)[-1]["settings"] == {"maxNewTokens": 4, "temperature": 0.8, "topK": 5, "topP": 0.95, "seed": 42}
    assert out["finish"] == "length" and out["tokens"] == 4
    assert out["status"].endswith("The answer was cut at the limit of 4 new tokens.")
    assert out["sourceText"] == "Live answer, generated in your browser: sampled at temperature 0.8, top-k 5, top-p 0.95, seed 42."


def test_keyboard_only(page: Page) -> None:
    page.evaluate("() => { window.__fake.tokenMs = 120; }")
    page.locator("h1").click()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA"
    assert page.evaluate("() => document.activeElement.labels[0].textContent") == "Prompt"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Control+A")
    page.keyboard.type("Explain decorators, please, in a few short sentences.")
    page.keyboard.press("Control+Enter")
    page.wait_for_function("() => Number(document.querySelector('.vitrine-gen-answer').dataset.tokens) >= 1")
    page.keyboard.press("Escape")
    out = wait_finished(page)
    assert out["finish"] == "stopped"
    # Tab on through the examples and the settings to the buttons; each shows where focus is.
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        el = page.evaluate("""() => ({cls: document.activeElement.className, name: document.activeElement.name ?? '',
            text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle})""")
        assert el["outline"] != "none", el
        seen.append(el)
        if "vitrine-generate" in el["cls"]:
            break
    names = [e["name"] for e in seen if e["name"]]
    assert names == ["max_new_tokens", "temperature", "top_k", "top_p", "seed"], seen
    assert sum("vitrine-text-example" in e["cls"] for e in seen) == len(INFO["examples"])
    page.keyboard.press("Enter")  # Generate
    page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.generating === 'true'")
    page.keyboard.press("Tab")
    assert "vitrine-stop" in page.evaluate("() => document.activeElement.className")
    page.keyboard.press("Enter")  # Stop: focus moves back to Generate, as Stop turns off
    out = wait_finished(page)
    assert out["finish"] == "stopped"
    assert "vitrine-generate" in page.evaluate("() => document.activeElement.className")
    # Enter in a settings box generates too (the form's submit).
    page.evaluate("() => { window.__fake.tokenMs = 5; }")
    page.locator('input[name="max_new_tokens"]').focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    out = wait_finished(page)
    assert out["finish"] == "length" and out["tokens"] == 3


def test_html_in_prompts_and_answers_is_text(page: Page) -> None:
    page.get_by_role("button", name=HTML_PROMPT).click()
    out = wait_finished(page)
    assert out["echo"] == HTML_PROMPT and out["answer"] == fake_answer(HTML_PROMPT)[0] and out["answerElements"] == 0
    demo = page.locator(".vitrine-demo")
    assert demo.locator("img, b, script").count() == 0 and page.evaluate("() => window.__xss") is None


def test_static_tier_shows_the_examples_and_says_why_nothing_else(browser: Browser, widget_url: str) -> None:
    page, errors = open_widget(browser, widget_url + "?static")
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    second = INFO["examples"][1]
    page.get_by_role("button", name=second["text"]).click()
    out = shown(page)
    assert out["source"] == "precomputed" and out["answer"] == second["output"]["text"]
    assert out["sourceText"] == "Precomputed when the site was built (Python onnxruntime, greedy: temperature 0)."
    page.locator("textarea").fill("Anything else")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_selector(".vitrine-demo .vitrine-error:not([hidden])")
    assert shown(page)["error"].startswith("This prompt is not one of the examples, and the model cannot run here.")
    assert calls(page) == [] and errors == []
    page.context.close()


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_layout_fits_the_width_in_both_palettes(browser: Browser, widget_url: str, width: int, scheme: str) -> None:
    page, errors = open_widget(browser, widget_url + f"?scheme={scheme}", width=width)
    page.wait_for_selector('.vitrine-demo[data-state="ready"]')
    prompt = "Explain https://example.invalid/a-very-long-link-without-any-spaces-that-has-to-wrap-somewhere-on-a-phone in one line."
    page.locator("textarea").fill(prompt)
    set_field(page, "max_new_tokens", "30")
    page.get_by_role("button", name="Generate").click()
    wait_finished(page)
    page.locator(".vitrine-demo").scroll_into_view_if_needed()
    sizes = page.evaluate("""() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
        right: document.querySelector('.vitrine-demo').getBoundingClientRect().right})""")
    assert sizes["scroll"] <= sizes["inner"] and sizes["right"] <= width, sizes
    SCREENS.mkdir(exist_ok=True)
    page.locator(".vitrine-demo").screenshot(path=str(SCREENS / f"widget-generate-{width}-{scheme}.png"))
    assert errors == []
    page.context.close()


# ---- the real model page of the built site: one page, one model load, for all of these ----

@pytest.fixture(scope="module")
def gen_entry(built_site: BuiltSite) -> dict:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    found = [m for m in manifest["models"] if m["task"] == "text-generation"]
    assert found, "the gallery has no text-generation model (model_cards/python-helper.yaml)"
    return found[0]


@pytest.fixture(scope="module")
def site_page(browser: Browser, site_url: str, gen_entry: dict) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + f"gallery/{gen_entry['id']}/")
    page.locator(".vitrine-demo").scroll_into_view_if_needed()
    page.wait_for_selector('.vitrine-demo[data-state="ready"]', timeout=240_000)
    yield page
    assert errors == []
    context.close()


def site_finished(page: Page, timeout: float = 240_000) -> dict:
    return wait_finished(page, timeout=timeout)


def test_site_example_streams_exactly_the_precomputed_greedy_answer(site_page: Page, gen_entry: dict) -> None:
    page = site_page
    defaults = gen_entry["postprocessing"]["defaults"]
    first = gen_entry["examples"][0]
    # First paint (before anything ran): the first example's precomputed answer, as text.
    out = shown(page)
    assert out["source"] == "precomputed" and out["answer"] == first["output"]["text"] and out["prompt"] == first["text"]
    assert "WASM" in page.locator(".vitrine-backend").inner_text()
    set_field(page, "temperature", "0")
    set_field(page, "max_new_tokens", str(defaults["max_new_tokens"]))
    page.evaluate(WATCH)
    page.get_by_role("button", name=first["text"]).click()
    page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.source === 'live'")
    out = site_finished(page)
    assert out["error"] is None, out["error"]
    assert out["answer"] == first["output"]["text"], (out["answer"], first["output"]["text"])
    assert out["tokens"] == len(first["output"]["tokens"]) and out["finish"] == first["output"]["finish_reason"]
    assert out["answerElements"] == 0
    assert re.match(rf"Done: {out['tokens']} tokens? in \d+\.\d s", out["status"]), out["status"]
    states = page.evaluate("() => window.__states")
    assert len(set(states)) >= min(3, out["tokens"]), "the answer streams in"
    assert all(first["output"]["text"].startswith(s) for s in states)


def test_site_stop_mid_run_then_a_new_run_works(site_page: Page) -> None:
    page = site_page
    page.locator("textarea").fill("Write a long story about a robot who learns to paint.")
    set_field(page, "max_new_tokens", "200")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_function("() => Number(document.querySelector('.vitrine-gen-answer').dataset.tokens) >= 4", timeout=120_000)
    rate = float(re.search(r"([\d.]+) tokens/s", shown(page)["status"]).group(1))
    page.get_by_role("button", name="Stop").click()
    out = site_finished(page, timeout=10_000)
    assert out["finish"] == "stopped" and re.fullmatch(r"Stopped after \d+ tokens?\.", out["status"]), out
    assert out["error"] is None
    page.wait_for_timeout(1000)
    assert shown(page)["answer"] == out["answer"], "no token after Stop"
    # The worker's loop stopped too: a new run does not wait for the old one's remaining tokens.
    left = (200 - out["tokens"]) / rate
    set_field(page, "max_new_tokens", "8")
    started = time.monotonic()
    page.get_by_role("button", name="Generate").click()
    out = site_finished(page)
    took = time.monotonic() - started
    assert out["finish"] in ("eos", "length") and out["status"].startswith("Done: ") and out["error"] is None
    assert 1 <= out["tokens"] <= 8
    assert took < left / 2, f"the new run took {took:.1f} s; the stopped one had about {left:.0f} s of tokens left"


def tab_to(page: Page, test: str, limit: int = 20) -> None:
    """Press Tab until `test` (a JS expression on `el`, the focused element) holds; every stop shows focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        el = page.evaluate(f"() => {{ const el = document.activeElement; return {{hit: !!({test}), outline: getComputedStyle(el).outlineStyle, cls: el.className}}; }}")
        assert el["outline"] != "none", el
        if el["hit"]:
            return
    raise AssertionError(f"Tab never reached {test}")


def test_site_keyboard_only(site_page: Page) -> None:
    page = site_page
    page.locator(".vitrine-demo textarea").focus()  # where a visitor starts typing
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Control+A")
    page.keyboard.type("List the days of the week, one per line.")
    tab_to(page, "el.name === 'max_new_tokens'")
    page.keyboard.press("Control+A")
    page.keyboard.type("200")
    page.keyboard.press("Control+Enter")
    page.wait_for_function("() => Number(document.querySelector('.vitrine-gen-answer').dataset.tokens) >= 2", timeout=120_000)
    page.keyboard.press("Escape")
    out = site_finished(page, timeout=10_000)
    assert out["finish"] == "stopped" and shown(page)["prompt"] == "List the days of the week, one per line."
    # Generate and Stop by Tab and Enter.
    tab_to(page, "el.classList.contains('vitrine-generate')")
    page.keyboard.press("Enter")
    page.wait_for_function("() => Number(document.querySelector('.vitrine-gen-answer').dataset.tokens) >= 1", timeout=120_000)
    page.keyboard.press("Tab")
    assert "vitrine-stop" in page.evaluate("() => document.activeElement.className")
    page.keyboard.press("Enter")
    out = site_finished(page, timeout=10_000)
    assert out["finish"] == "stopped"
    assert "vitrine-generate" in page.evaluate("() => document.activeElement.className")


def test_site_html_looking_prompt_is_text(site_page: Page) -> None:
    page = site_page
    page.locator("textarea").fill(HTML_PROMPT)
    set_field(page, "max_new_tokens", "16")
    set_field(page, "temperature", "0")
    page.get_by_role("button", name="Generate").click()
    out = site_finished(page)
    assert out["echo"] == HTML_PROMPT and out["answerElements"] == 0 and out["error"] is None
    assert page.locator(".vitrine-demo .vitrine-gen-result").locator("img, b, script").count() == 0
    assert page.evaluate("() => window.__xss") is None


@pytest.mark.parametrize("width", [1280, 360])
def test_site_fits_the_width(site_page: Page, width: int) -> None:
    page = site_page
    page.set_viewport_size({"width": width, "height": 900})
    try:
        demo = page.locator(".vitrine-demo")
        demo.scroll_into_view_if_needed()
        sizes = page.evaluate("""() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
            right: document.querySelector('.vitrine-demo').getBoundingClientRect().right})""")
        assert sizes["scroll"] <= sizes["inner"] and sizes["right"] <= width, sizes
        SCREENS.mkdir(exist_ok=True)
        demo.screenshot(path=str(SCREENS / f"site-generate-{width}.png"))
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
