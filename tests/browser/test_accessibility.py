"""Accessibility: axe-core (npm, run inside the page) finds no serious or critical violation on any page
of the built site, in the light and the dark scheme, with every demo ready; and on the tabular demo with
a live prediction and its explanation shown, and with an input error shown. Colour contrast is fixed in
site_src/stylesheets/theme.css, the search dialog's name in builder/plugin.py."""

from __future__ import annotations

from ..conftest import REPO, BuiltSite, gallery_ids
from .conftest import Session, open_with_demos, site_pages

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = ["default", "slate"]
# axe.run on the whole document in each scheme (mkdocs-material's palette reads the body's attribute),
# once the theme's transitions (colours; the header's title fading in after a scroll; at most 250 ms)
# have ended.
RUN = """async (schemes) => {
    const found = {};
    for (const scheme of schemes) {
        document.body.setAttribute('data-md-color-scheme', scheme);
        await new Promise((resolve) => setTimeout(resolve, 400));
        const {violations} = await axe.run(document, {resultTypes: ['violations']});
        found[scheme] = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }
    return found;
}"""


def audit(session: Session) -> dict[str, list[str]]:
    """The serious and critical violations on the page as it is now, per colour scheme (none: {})."""
    if not session.page.evaluate("() => typeof axe === 'object'"):
        # evaluated through the DevTools protocol: a <script> tag would be blocked by the page's CSP
        assert session.page.evaluate(AXE.read_text() + "\n;typeof axe") == "object"
    return {scheme: found for scheme, found in session.page.evaluate(RUN, SCHEMES).items() if found}


def test_every_page_in_both_schemes(session: Session, site_url: str, built_site: BuiltSite) -> None:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci`"
    pages = site_pages(built_site.site)
    assert {"", "gallery/", "gallery/penguins-species/", "performance/"} <= set(pages), pages
    problems = {}
    for path in pages:
        open_with_demos(session.page, site_url + path)
        if found := audit(session):
            problems[path or "/"] = found
    assert problems == {}
    assert session.foreign_requests() == [], "a page made a request that left the site's origin"
    assert session.errors == []


def test_tabular_demo_with_a_prediction_explanation_and_an_error(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(site_url + "gallery/penguins-species/")
    page.locator(".vitrine-demo").scroll_into_view_if_needed()
    page.wait_for_function("""() => {
        const d = document.querySelector('.vitrine-demo'), x = d.querySelector('.vitrine-explain');
        return d.dataset.source === 'live' && x && !x.hidden && x.dataset.label;
    }""", timeout=60_000)
    assert audit(session) == {}
    page.locator('.vitrine-demo [name="bill_length_mm"]').fill("")
    page.wait_for_selector('.vitrine-demo[data-source="invalid"]')
    assert audit(session) == {}
    assert session.errors == []


# A control's key: tag, name, first class (not mkdocs-material's focus-visible marker), text.
_KEY = """(el) => el.tagName.toLowerCase() + (el.name ? `[name=${el.name}]` : '')
    + ([...el.classList].filter((c) => c !== 'focus-visible').map((c) => '.' + c)[0] ?? '')
    + (el.textContent.trim() ? ` "${el.textContent.trim().slice(0, 30)}"` : '')"""
# The keys of a demo's controls that can take focus.
CONTROLS = """() => [...document.querySelectorAll('.vitrine-demo :is(button, input, select, textarea, summary, a[href], [tabindex])')]
    .filter((el) => el.offsetParent !== null && !el.disabled && el.tabIndex >= 0 && el.type !== 'hidden').map(%s)""" % _KEY
# The focused element's key, if it is in a demo, and whether its focus shows (an outline or a shadow).
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || !el.closest('.vitrine-demo')) return null;
    const cs = getComputedStyle(el);
    return [(%s)(el), (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none'];
}""" % _KEY
MAX_TABS = 400


def test_every_demo_control_is_reached_by_tab_and_shows_its_focus(session: Session, site_url: str) -> None:
    """From the top of each gallery page, Tab reaches every control of its demo, each with a visible focus
    indicator (outline or shadow); a demo that traps focus would stop the walk short."""
    page = session.page
    missing, unmarked = {}, {}
    for model in gallery_ids():
        page.goto(f"{site_url}gallery/{model}/")
        page.locator(".vitrine-demo").scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.state === 'ready'", timeout=60_000)
        wanted = page.evaluate(CONTROLS)
        reached: dict[str, bool] = {}
        page.locator("body").focus()
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is not None:
                reached.setdefault(focused[0], focused[1])
            elif reached and len(reached) >= len(set(wanted)):
                break
        if lost := sorted(set(wanted) - set(reached)):
            missing[model] = lost
        if hidden := sorted(k for k, shown in reached.items() if not shown):
            unmarked[model] = hidden
    assert missing == {}, "controls Tab never reached"
    assert unmarked == {}, "controls whose keyboard focus is invisible"
