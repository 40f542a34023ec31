"""Phones and tablets, by Playwright's device emulation (viewport, pixel ratio, mobile, touch): no page
scrolls sideways (a wide table or code block scrolls inside its own box), every control of a demo is a
touch target of at least 24 × 24 CSS px (WCAG 2.2, 2.5.8), and the tabular demo answers taps, its
prediction kept in view while the form scrolls. A
screenshot of every page at phone width is kept as a test artifact, in test-artifacts/phone/ (git-ignored)."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser, Playwright

from ..conftest import REPO, BuiltSite
from .conftest import Session, open_with_demos, site_pages, watch

PHONE, TABLET = "Galaxy S9+", "iPad Mini"  # 320 and 768 CSS px wide
ARTIFACTS = REPO / "test-artifacts" / "phone"
MIN_TARGET = 24  # CSS px
# Controls of the demos smaller than MIN_TARGET in either dimension ([selector, width, height]).
SMALL_TARGETS = """() => [...document.querySelectorAll('.vitrine-demo :is(button, input, select, textarea, summary, a[href])')]
    .filter((el) => el.offsetParent !== null && !(el.type === 'hidden'))
    .map((el) => [el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + (el.name ? `[name=${el.name}]` : ''),
                  Math.round(el.getBoundingClientRect().width), Math.round(el.getBoundingClientRect().height)])
    .filter(([, w, h]) => w < %d || h < %d)""" % (MIN_TARGET, MIN_TARGET)


def emulate(playwright: Playwright, name: str) -> dict[str, Any]:
    """The device's context options (its preferred engine is not a context option: the browser is Chromium)."""
    return {k: v for k, v in playwright.devices[name].items() if k != "default_browser_type"}


@pytest.fixture(params=[PHONE, TABLET])
def device(request: pytest.FixtureRequest, playwright: Playwright, browser: Browser, site_url: str) -> Iterator[tuple[str, Session]]:
    context = browser.new_context(**emulate(playwright, request.param))
    try:
        yield request.param, watch(context, site_url)
    finally:
        context.close()


def test_no_page_scrolls_sideways_and_demo_controls_are_touch_sized(device: tuple[str, Session], site_url: str, built_site: BuiltSite) -> None:
    name, s = device
    if name == PHONE:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems: dict[str, Any] = {}
    for path in site_pages(built_site.site):
        open_with_demos(s.page, site_url + path, near=False)
        wide = s.page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if wide[0] > wide[1]:
            problems[f"{path or '/'}: page is {wide[0]} px wide in a {wide[1]} px viewport"] = True
        if small := s.page.evaluate(SMALL_TARGETS):
            problems[f"{path or '/'}: controls under {MIN_TARGET} px"] = small
        if name == PHONE:
            s.page.screenshot(path=ARTIFACTS / f"{path.strip('/').replace('/', '-') or 'home'}.png", full_page=True, scale="css")
    assert problems == {}, name
    assert s.errors == [] and s.foreign_requests() == []


def test_tabular_demo_by_touch(playwright: Playwright, browser: Browser, site_url: str) -> None:
    context = browser.new_context(**emulate(playwright, PHONE))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        s = watch(context, site_url)
        s.page.goto(site_url + "gallery/penguins-species/")
        demo = s.page.locator(".vitrine-demo")
        demo.scroll_into_view_if_needed()
        s.page.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]', timeout=60_000)
        island = s.page.locator('.vitrine-demo [name="island"]')
        before = s.page.locator(".vitrine-demo .vitrine-label").inner_text()
        s.page.locator('.vitrine-demo [name="bill_length_mm"]').tap()
        s.page.locator('.vitrine-demo [name="bill_length_mm"]').fill("47.5")
        s.page.locator('.vitrine-demo [name="bill_depth_mm"]').fill("14.5")
        s.page.locator('.vitrine-demo [name="flipper_length_mm"]').fill("220")
        island.select_option("Biscoe")
        s.page.wait_for_function("""() => {
            const d = document.querySelector('.vitrine-demo');
            return d.dataset.source === 'live' && d.dataset.running === undefined && d.dataset.stale === undefined
                && d.querySelector('.vitrine-label').textContent.trim() === 'Gentoo';
        }""", timeout=30_000)
        demo.screenshot(path=ARTIFACTS / "demo-phone.png", scale="css")
        # Typing into a number box, the on-screen keyboard takes about half the screen: with the form's top
        # at the top, the result panel is out of view below it, and the prediction's one-line copy is
        # pinned to the bottom of what is left.
        s.page.set_viewport_size({"width": 320, "height": 360})
        s.page.locator('.vitrine-demo [name="bill_length_mm"]').first.evaluate("(el) => el.closest('.vitrine-field').scrollIntoView()")
        viewport = s.page.viewport_size
        assert viewport and s.page.locator(".vitrine-demo .vitrine-label-line").bounding_box()["y"] > viewport["height"]  # type: ignore[index]
        summary = s.page.locator(".vitrine-demo .vitrine-summary")
        box = summary.bounding_box()
        assert box and 0 < box["y"] and box["y"] + box["height"] <= viewport["height"] + 1, (box, viewport)
        assert summary.inner_text().split() == ["Prediction:", "Gentoo", s.page.locator('.vitrine-demo tr[data-label="Gentoo"] td').inner_text()]
        s.page.screenshot(path=ARTIFACTS / "demo-phone-form.png", scale="css")
        s.page.locator(".vitrine-demo .vitrine-random").tap()  # a random held-out row, by touch
        s.page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.running === undefined", timeout=30_000)
        assert before and s.errors == []
    finally:
        context.close()
