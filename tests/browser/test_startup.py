"""Fast first prediction (issue 18): on a page with a demo, the runtime (worker, onnxruntime-web and its
WebAssembly), the manifest and the model start at once and in parallel, not one after another behind
the widget's code; and a first visit under the service worker is shown once (no reload), on one
thread, with isolation and threads from the next page view on.

Each ordering is checked by holding one request back until the request that must not wait for it has
gone out: if the runtime or the model download waited, the test would time out.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Request, Route

from ..conftest import BuiltSite
from .conftest import Session, open_session, wait_for_service_worker, wait_until
from .sitecopy import LoggedSite, logged_site_copy

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
LIVE = '.vitrine-demo[data-state="ready"][data-source="live"]'


def held_until(s: Session, site_url: str, hold: str, wanted: str, timeout_s: float = 30) -> list[str]:
    """Open the demo page with every request whose path contains `hold` held back until a request whose
    path ends with `wanted` has gone out; then let them go and wait for the live prediction. Returns the
    held URLs (what was requested while held)."""
    held: list[Route] = []
    seen: list[str] = []

    def on_request(request: Request) -> None:
        if request.url.split("?")[0].endswith(wanted):
            seen.append(request.url)

    def holding(url: str) -> bool:
        return hold in url

    s.context.on("request", on_request)
    s.page.route(holding, lambda route: held.append(route))
    s.page.goto(site_url + PAGE)
    deadline = time.monotonic() + timeout_s
    while not seen and time.monotonic() < deadline:
        s.page.wait_for_timeout(50)
    urls = [r.request.url for r in held]
    assert seen, f"nothing ending with {wanted} was requested while {hold} was held back (held: {urls})"
    assert urls, f"{hold} was never requested"
    for route in held:
        route.continue_()
    s.page.unroute(holding)  # the same matcher (unroute compares it): later requests go through
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_selector(LIVE, timeout=30_000)
    assert s.errors == []
    return urls


def test_the_runtime_starts_while_the_manifest_is_still_on_its_way(session: Session, site_url: str) -> None:
    """The worker and onnxruntime-web's WebAssembly do not wait for the manifest."""
    held_until(session, site_url, "/models/manifest.json", ".wasm")


def test_the_model_downloads_while_the_widget_code_is_still_on_its_way(session: Session, site_url: str) -> None:
    """Once the manifest names the variant and the demo is in view, the model downloads; the widget's
    module (and Chart.js, which it loads) come beside it."""
    held_until(session, site_url, "/vitrine/js_runtime/demo_tabular", ".onnx")


def test_the_model_downloads_while_the_manifest_check_is_still_on_its_way(session: Session, site_url: str) -> None:
    """The manifest's schema check (a generated validator, compiled on its first run) runs beside the
    model's download, not before it; the demo still waits for the check before it runs the model."""
    held_until(session, site_url, "/vitrine/js_runtime/manifest_validator", ".onnx")


def test_a_demo_out_of_view_starts_the_runtime_but_not_its_model(session: Session, site_url: str) -> None:
    """The runtime starts on any page with a demo; the model still waits until the demo comes near the
    viewport (as before: a 130 MB model is not downloaded for a visitor who never scrolls to it)."""
    session.page.set_viewport_size({"width": 1280, "height": 60})
    session.page.goto(site_url + PAGE)
    session.page.wait_for_selector('.vitrine-demo[data-source="precomputed"]')
    deadline = time.monotonic() + 30
    while not any(u.endswith(".wasm") for u in session.requests) and time.monotonic() < deadline:
        session.page.wait_for_timeout(50)
    assert any(u.endswith(".wasm") for u in session.requests), "the runtime did not start"
    session.page.wait_for_timeout(500)
    assert not [u for u in session.requests if u.split("?")[0].endswith(".onnx")], "the model loaded out of view"
    session.page.set_viewport_size({"width": 1280, "height": 720})
    session.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    session.page.wait_for_selector(LIVE, timeout=30_000)
    assert len([u for u in session.requests if u.split("?")[0].endswith(".onnx")]) == 1


def test_the_service_worker_waits_for_the_first_model_load(browser: Browser, site_url: str) -> None:
    """Installing the service worker copies the runtime's files into its cache: that waits until the
    model being loaded has arrived, instead of taking the cores from it once the page is idle."""
    held: list[Route] = []

    def model_file(url: str) -> bool:
        return url.split("?")[0].endswith(".onnx")

    session = open_session(browser, site_url)  # the service worker allowed
    try:
        session.page.route(model_file, lambda route: held.append(route))
        session.page.goto(site_url + PAGE)
        session.page.locator(".vitrine-demo").scroll_into_view_if_needed()
        wait_until(session.page, "() => document.readyState === 'complete'", message="the page never loaded")
        deadline = time.monotonic() + 30
        while not held and time.monotonic() < deadline:
            session.page.wait_for_timeout(50)
        assert held, "the model was never requested"
        session.page.wait_for_timeout(3000)  # the page has settled (load event, then idle: at most 2 s)
        assert not [u for u in session.requests if u.endswith("/vitrine-sw.js")], "registered while the model was still loading"
        for route in held:
            route.continue_()
        session.page.unroute(model_file)
        session.page.wait_for_selector(LIVE, timeout=30_000)
        wait_for_service_worker(session.page)
        assert session.errors == []
    finally:
        session.context.close()


@pytest.fixture
def sw_site(built_site: BuiltSite, tmp_path: Path) -> Iterator[LoggedSite]:
    """A copy of the site behind a logging server that sends no isolation headers (like GitHub Pages)."""
    with logged_site_copy(built_site.site, tmp_path / "site") as logged:
        yield logged


def test_first_visit_under_the_service_worker_is_shown_once_and_the_next_view_has_threads(
        open_profile: Callable[..., Session], sw_site: LoggedSite) -> None:
    s = open_profile(sw_site.url)  # on disk: the runtime's .wasm (12 MB) stays in its HTTP cache
    try:
        navigations: list[str] = []
        s.page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == s.page.main_frame else None)
        s.page.goto(sw_site.url + PAGE)
        s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
        s.page.wait_for_selector(LIVE, timeout=30_000)
        # The service worker installs in the background of this view; the view is neither reloaded nor claimed.
        wait_for_service_worker(s.page)
        s.page.wait_for_timeout(500)  # time for a (wrong) reload
        assert navigations == [sw_site.url + PAGE], navigations
        first = s.page.evaluate("() => ({isolated: self.crossOriginIsolated, controlled: navigator.serviceWorker.controller !== null})")
        assert first == {"isolated": False, "controlled": False}
        assert "1 thread" in s.page.locator(".vitrine-status").inner_text()
        assert len(sw_site.served(".onnx")) == 1 and len(sw_site.served(".wasm")) == 1

        # The next view: controlled, isolated, on threads; neither the model nor the runtime is downloaded again.
        # (A new navigation: Playwright's reload() of a page no service worker controls stays uncontrolled.)
        s.page.goto(sw_site.url + PAGE)
        s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
        s.page.wait_for_selector(LIVE, timeout=30_000)
        second = s.page.evaluate("() => ({isolated: self.crossOriginIsolated, controlled: navigator.serviceWorker.controller !== null})")
        assert second == {"isolated": True, "controlled": True}
        threads = s.page.evaluate("async () => (await vitrine.load('penguins-species')).threads")
        assert threads == min(4, s.page.evaluate("() => navigator.hardwareConcurrency")) and threads > 1
        assert len(sw_site.served(".onnx")) == 1, sw_site.log
        assert len(sw_site.served(".wasm")) == 1, "the runtime came from the service worker's copy of the HTTP cache's"
        assert s.errors == []
    finally:
        s.context.close()


def test_one_visit_is_enough_to_work_offline(open_profile: Callable[..., Session], built_site: BuiltSite, tmp_path: Path) -> None:
    """The first view is not the service worker's, so it hands over what it loaded (copied from the HTTP
    cache, never downloaded again): after that single visit the page, its scripts, the manifest, the
    runtime and the model all load offline, with the server gone."""
    with logged_site_copy(built_site.site, tmp_path / "site") as site:
        s = open_profile(site.url)  # on disk: the runtime's .wasm (12 MB) stays in its HTTP cache
        try:
            s.page.goto(site.url + PAGE)
            s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
            s.page.wait_for_selector(LIVE, timeout=30_000)
            # the hand-over: the page and the manifest (adopted), the .wasm (on install), the model (its worker)
            wait_until(s.page, """async ([page, manifest]) => {
                const reg = await navigator.serviceWorker.getRegistration();
                const urls = [];
                for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
                return reg?.active?.state === 'activated' && urls.includes(page) && urls.includes(manifest)
                  && urls.some((u) => u.endsWith('.wasm')) && urls.some((u) => u.endsWith('.onnx'));
            }""", arg=[site.url + PAGE, site.url + "models/manifest.json"], message="the first view did not hand over what it loaded")
            served = list(site.log)
            assert len([p for p in served if p.split("?")[0].endswith((".onnx", ".wasm"))]) == 2, served
        except Exception:
            s.context.close()
            raise
    # The server is gone now.
    try:
        s.context.set_offline(True)
        s.page.goto(site.url + PAGE)
        s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
        s.page.wait_for_selector(LIVE, timeout=30_000)
        assert s.page.locator(".vitrine-error").is_hidden()
    finally:
        s.context.close()
