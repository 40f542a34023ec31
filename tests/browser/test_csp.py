"""The Content Security Policy every built page carries (builder/csp.py): no page, demo or prediction
breaks it; and what onnxruntime-web needs, found by serving the site with a CSP header on the worker
scripts: with 'wasm-unsafe-eval' the demo runs, without it the runtime cannot compile its WebAssembly
and the demo keeps the precomputed result and says what the policy lacks."""

from __future__ import annotations

from typing import Callable

import pytest
from playwright.sync_api import Browser

from builder import csp
from builder.browser import serve_directory

from ..conftest import BuiltSite
from .conftest import Session, open_session, open_with_demos, site_pages

# Every violation the document reports, from before the page's first script.
RECORD = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));"""
LIVE = '.vitrine-demo[data-state="ready"][data-source="live"]'
PENGUINS = "gallery/penguins-species/"


def test_every_page_carries_the_policy_and_breaks_none_of_it(session: Session, site_url: str, built_site: BuiltSite) -> None:
    session.context.add_init_script(RECORD)
    found = {}
    for path in site_pages(built_site.site):
        html = (built_site.site / path / "index.html").read_text()
        assert html.count('<meta http-equiv="Content-Security-Policy"') == 1, path
        assert f'content="{csp.policy(html)}"' in html, f"{path}: the policy does not name each inline script's hash"
        open_with_demos(session.page, site_url + path)
        if path == PENGUINS:  # a live prediction and its explanation, under the policy
            session.page.wait_for_selector(LIVE, timeout=60_000)
            session.page.locator(".vitrine-demo .vitrine-random").click()
            session.page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.running === undefined")
        if violations := session.page.evaluate("() => window.__cspViolations"):
            found[path or "/"] = violations
    assert found == {}
    assert session.errors == []


def worker_policy(script_src: str) -> Callable[[str], dict[str, str]]:
    """A CSP header on every script, as a host that sends one would: a worker's policy is its script's
    (the inference worker's, onnxruntime-web's thread workers'); on a page's scripts it does nothing."""
    def headers(path: str) -> dict[str, str]:
        return {"Content-Security-Policy": f"script-src {script_src}"} if path.split("?")[0].endswith((".js", ".mjs")) else {}
    return headers


@pytest.mark.parametrize("script_src, runs", [("'self' 'wasm-unsafe-eval'", True), ("'self'", False)])
def test_what_onnxruntime_web_needs_in_the_worker(browser: Browser, built_site: BuiltSite, script_src: str, runs: bool) -> None:
    with serve_directory(built_site.site, isolate=True, headers=worker_policy(script_src)) as url:
        s = open_session(browser, url, service_workers="block")
        try:
            s.page.goto(url + PENGUINS)
            s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
            if runs:
                s.page.wait_for_selector(LIVE, timeout=60_000)
            else:  # every WASM tier fails to compile: the demo keeps the precomputed result and says why
                s.page.wait_for_function("""() => document.querySelector('.vitrine-demo').textContent
                    .includes("Content Security Policy forbids compiling WebAssembly: the policy of its worker scripts needs 'wasm-unsafe-eval'")""",
                                         timeout=60_000)
                assert s.page.locator(LIVE).count() == 0
        finally:
            s.context.close()
