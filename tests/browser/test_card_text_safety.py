"""Card text is data: a corpus of script-injection payloads in every text field of a card runs
nothing on any page of the built site (also not through the theme's search), leaves no event
handler or script URL in any DOM, and shows up as the text the author typed."""

from __future__ import annotations

from typing import Iterator

import pytest
import yaml
from rich.console import Console

from builder import build_models
from builder.browser import serve_directory

from ..conftest import mkdocs, write_site_config
from .conftest import open_session

pytestmark = pytest.mark.browser
HIT = "window.__xss = (window.__xss || 0) + 1"
# One-line payloads: what a title, label, unit or class name may hold.
LINE_PAYLOADS = [
    f'<img src=x onerror="{HIT}">',
    f'{{: onfocus="{HIT}" autofocus tabindex=0 }}',
    f"[x](javascript:{HIT})",
    f'![x](x){{: onerror="{HIT}" }}',
    f"</title><script>{HIT}</script>",
    f'"><svg onload="{HIT}">',
    "{{ 7 * 7 }} {% raw %}",
    f"<a href='javascript:{HIT}'>a</a> *em* `code`",
]
# Markdown-level payloads for the description, which is Markdown.
DESCRIPTION = "\n\n".join([
    *LINE_PAYLOADS,
    f"[ref link][r]\n\n[r]: javascript:{HIT}",
    f"[data link](data:text/html,<script>{HIT}</script>)",
    f"<script>{HIT}</script>",
    f'<div markdown="1" onclick="{HIT}">*md in html*</div>',
    f"Text {{: onmouseover=\"{HIT}\" }}",
    "Inline code keeps its characters: `a < b && c > \"d\"`",
    "A [real link](https://example.org/docs) stays a link.",
])
TITLE = LINE_PAYLOADS[0] + " R&D"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict]]:
    tmp = tmp_path_factory.mktemp("hostile")
    cards = tmp / "cards"
    cards.mkdir()
    card = {
        "id": "hostile",
        "title": TITLE,
        "description": DESCRIPTION,
        "task": "tabular-classification",
        "dataset": {
            "source": "sklearn", "name": "wine", "target": "target",
            "classes": {"class_0": LINE_PAYLOADS[1], "class_1": LINE_PAYLOADS[2], "class_2": LINE_PAYLOADS[4]},
            "features": [
                {"name": "alcohol", "type": "numeric", "label": LINE_PAYLOADS[3], "unit": LINE_PAYLOADS[5][:40], "description": LINE_PAYLOADS[0]},
                {"name": "proline", "type": "numeric", "label": LINE_PAYLOADS[6], "unit": LINE_PAYLOADS[7][:40]},
                {"name": "hue", "type": "numeric", "label": LINE_PAYLOADS[4]},
            ],
        },
        "recipe": {"kind": "sklearn_tabular", "params": {"estimator": "logistic_regression", "max_iter": 500}},
    }
    (cards / "hostile.yaml").write_text(yaml.safe_dump(card, allow_unicode=True, sort_keys=False))
    result = build_models(cards, tmp / "out", console=Console(quiet=True))
    proc = mkdocs("build", "--strict", "-f", str(write_site_config(tmp, tmp / "out", cards)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with serve_directory(tmp / "site") as url:
        yield url, result.manifest["models"][0]


AUDIT = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            const v = a.value.trim().toLowerCase();
            if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}`);
            if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) && /^(javascript|data|vbscript):/.test(v)) bad.push(`${el.tagName} ${a.name}=${v.slice(0, 40)}`);
        }
    }
    for (const s of document.scripts) if (s.textContent.includes('__xss')) bad.push('script with payload');
    return {hits: window.__xss || 0, bad};
}"""


def test_payloads_in_every_field_run_nowhere(browser, hostile_site: tuple[str, dict]) -> None:
    url, _ = hostile_site
    s = open_session(browser, url, service_workers="block")
    dialogs: list[str] = []
    s.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in ("", "gallery/", "gallery/hostile/", "authoring/", "api/", "performance/"):
            s.page.goto(url + path)
            s.page.wait_for_function("() => window.vitrine !== undefined")
            if path == "gallery/hostile/":
                s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
                s.page.wait_for_selector('.vitrine-demo[data-state="ready"]', timeout=30_000)
                s.page.keyboard.press("Tab")
                for el in s.page.locator("article :is(a, h1, p, th, label):not(.vitrine-sr-only)").all()[:60]:
                    if el.is_visible():
                        el.hover(timeout=2_000)
            s.page.wait_for_timeout(300)
            audit = s.page.evaluate(AUDIT)
            assert audit == {"hits": 0, "bad": []}, (path, audit)
        # The theme's search renders result titles and text: search for the payloads too.
        s.page.goto(url + "gallery/hostile/")
        s.page.locator("label.md-search__icon, .md-search__input").first.click()
        for query in ("onerror", "script", "javascript"):
            s.page.fill("input.md-search__input", query)
            s.page.wait_for_timeout(800)
            audit = s.page.evaluate(AUDIT)
            assert audit == {"hits": 0, "bad": []}, (query, audit)
        assert dialogs == []
    finally:
        s.context.close()


def test_payloads_show_as_the_text_the_author_typed(browser, hostile_site: tuple[str, dict]) -> None:
    url, entry = hostile_site
    s = open_session(browser, url, service_workers="block")
    try:
        s.page.goto(url + "gallery/hostile/")
        assert s.page.locator("h1#model-title").inner_text() == TITLE
        assert s.page.title().startswith(TITLE)
        description = s.page.locator(".vitrine-description")
        assert description.locator("code", has_text="a < b").inner_text() == 'a < b && c > "d"'
        assert description.locator('a[href="https://example.org/docs"]').inner_text() == "real link"
        assert LINE_PAYLOADS[1] in description.inner_text()  # attribute-list syntax stays visible text
        facts = s.page.locator("table.vitrine-facts").inner_text()
        assert all(label in facts for label in entry["labels"])
        s.page.goto(url + "gallery/")
        assert s.page.locator(".vitrine-card-title a").inner_text() == TITLE
    finally:
        s.context.close()


def test_manifest_keeps_the_raw_text(hostile_site: tuple[str, dict]) -> None:
    """Escaping happens where text is shown, once: the manifest holds what the author wrote."""
    _, entry = hostile_site
    assert entry["title"] == TITLE
    assert entry["labels"] == [LINE_PAYLOADS[1], LINE_PAYLOADS[2], LINE_PAYLOADS[4]]
