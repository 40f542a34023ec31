"""The gallery page: one card per model, linked to its page, and a filter by task that shows only that
task's cards, says how many, and keeps the filter's state in aria-pressed."""

from __future__ import annotations

import json

from ..conftest import REPO, BuiltSite
from .conftest import Session

ARTIFACTS = REPO / "test-artifacts"  # git-ignored; README's screenshots are copies of these

VISIBLE = "() => [...document.querySelectorAll('.vitrine-card')].filter((c) => !c.hidden).map((c) => c.dataset.task)"


def test_filter_by_task(session: Session, site_url: str, built_site: BuiltSite) -> None:
    models = json.loads((built_site.site / "models" / "manifest.json").read_text())["models"]
    page = session.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "gallery/")
    page.wait_for_selector(".vitrine-gallery-filter:not([hidden])")
    page.evaluate("() => Promise.all([...document.images].map((i) => i.decode().catch(() => {})))")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "gallery.png")
    assert sorted(page.evaluate(VISIBLE)) == sorted(m["task"] for m in models)
    links = page.locator(".vitrine-card-title a")
    assert sorted(links.evaluate_all("(as) => as.map((a) => a.getAttribute('href'))")) == sorted(f"{m['id']}/" for m in models)

    page.locator('.vitrine-chip[data-task="text-classification"]').click()
    assert page.evaluate(VISIBLE) == ["text-classification"] * sum(m["task"] == "text-classification" for m in models)
    assert page.locator('.vitrine-chip[aria-pressed="true"]').get_attribute("data-task") == "text-classification"
    assert page.locator(".vitrine-gallery-count").inner_text() == f"{len(page.evaluate(VISIBLE))} of {len(models)} models"

    page.locator('.vitrine-chip[data-task=""]').click()  # All
    assert len(page.evaluate(VISIBLE)) == len(models) and page.locator(".vitrine-gallery-count").inner_text() == ""

    page.locator(".vitrine-card", has=page.locator('a[href="penguins-species/"]')).click()  # the whole card is the link
    page.wait_for_url("**/gallery/penguins-species/")
    assert session.errors == []


def test_home_page_opens_on_a_live_demo_and_the_gallery(session: Session, site_url: str, built_site: BuiltSite) -> None:
    """The landing page: a live demo starts above the fold at desktop size, and the gallery's cards below
    it link to every model page, with their photos loaded."""
    models = json.loads((built_site.site / "models" / "manifest.json").read_text())["models"]
    page = session.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    demo = page.locator(".vitrine-demo")
    assert demo.bounding_box()["y"] < 900 - 200, "the demo should start well above the fold"  # type: ignore[index]
    page.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]', timeout=60_000)
    smallest = min(models, key=lambda m: (next(v for v in m["variants"] if v["name"] == m["default_variant"])["gzip_bytes"], m["id"]))
    assert demo.get_attribute("data-model") == smallest["id"]  # the quickest to start (site_src/index.md)
    assert not demo.locator(".vitrine-summary").is_visible()  # the phones' pinned copy: the result sits beside the form here
    page.locator(".vitrine-card-image").first.scroll_into_view_if_needed()
    page.evaluate("() => Promise.all([...document.images].map((i) => i.decode().catch(() => {})))")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "home.png")
    links = page.locator(".vitrine-card-title a").evaluate_all("(as) => as.map((a) => a.getAttribute('href'))")
    assert sorted(links) == sorted(f"gallery/{m['id']}/" for m in models)
    assert page.evaluate("() => [...document.querySelectorAll('.vitrine-card-image')].every((i) => i.naturalWidth > 0)")
    page.locator(".vitrine-card", has=page.locator('a[href="gallery/spam-filter/"]')).click()
    page.wait_for_url("**/gallery/spam-filter/")
    assert session.errors == []
    assert session.foreign_requests() == []
