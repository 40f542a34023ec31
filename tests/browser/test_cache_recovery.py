"""A bad file must not outlive its fix, and a bad response must not replace a good offline copy.

- The HTTP cache: a host that sends `Cache-Control: max-age=600` (GitHub Pages' default) lets the
  browser reuse a file for ten minutes without asking. A model file that was corrupted (or of another
  size) when first served must not keep failing after the server is fixed: the next attempt in the same
  profile — Predict on the page, or a reload — succeeds at once (worker/fetch_model.js refetches with
  `cache: 'reload'` after an integrity failure).
- The service worker's offline copy: a truncated manifest.json served once (a 200) must not replace the
  good copy, so the demo still works offline afterwards (worker/service_worker.js storeIfSound).

Each test has its own copy of the site behind its own server, whose answers it can change.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pytest
from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from builder.browser import Override

from ..conftest import BuiltSite, model_entry
from .conftest import Session, open_session, wait_for_service_worker, wait_until
from .sitecopy import LoggedSite, fetch_model_cache_name, logged_site_copy

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
READY = '.vitrine-demo[data-state="ready"]'
MANIFEST = "/models/manifest.json"
GENTOO = {"bill_length_mm": 47.5, "bill_depth_mm": 14.5, "flipper_length_mm": 220, "body_mass_g": 5400, "island": "Biscoe", "sex": "male"}


@dataclass
class FaultySite:
    """A site copy whose server answers the paths in `bad` with those bytes instead of the file (until
    the test removes them), and the paths in `once` with theirs a single time."""

    site: LoggedSite
    stop: Callable[[], None]
    bad: dict[str, Override] = field(default_factory=dict)
    once: dict[str, Override] = field(default_factory=dict)

    def respond(self, path: str) -> Override:
        path = path.split("?")[0]
        if path in self.once:
            return self.once.pop(path)
        return self.bad.get(path)


def serve_faulty(built_site: BuiltSite, dest: Path, cache_control: str | None) -> Iterator[FaultySite]:
    with contextlib.ExitStack() as stack:
        faulty = FaultySite(LoggedSite(dest, ""), stack.close)
        faulty.site = stack.enter_context(logged_site_copy(built_site.site, dest, cache_control=cache_control, respond=faulty.respond))
        yield faulty


@pytest.fixture
def max_age_site(built_site: BuiltSite, tmp_path: Path) -> Iterator[FaultySite]:
    """Like GitHub Pages: every file may be reused from the HTTP cache for 600 s without asking."""
    yield from serve_faulty(built_site, tmp_path / "site", "max-age=600")


@pytest.fixture
def faulty_site(built_site: BuiltSite, tmp_path: Path) -> Iterator[FaultySite]:
    yield from serve_faulty(built_site, tmp_path / "site", None)


@pytest.fixture(scope="module")
def recovery_browser(launch: Callable[..., Browser]) -> Browser:
    return launch()


@dataclass
class ModelFile:
    path: str  # as the server sees it
    data: bytes


def model_file(site: LoggedSite) -> ModelFile:
    manifest = json.loads((site.root / "models" / "manifest.json").read_text())
    rel = "models/" + model_entry(manifest)["variants"][0]["url"]
    return ModelFile("/" + rel, (site.root / rel).read_bytes())


def corrupted(data: bytes) -> bytes:
    bad = bytearray(data)
    bad[len(bad) // 2] ^= 0xFF
    return bytes(bad)


def open_demo(s: Session, site: LoggedSite, service_worker: bool) -> None:
    s.page.goto(site.url + PAGE)
    if service_worker:  # the first visit installs it (no reload); the next view is controlled and isolated
        wait_for_service_worker(s.page)
        s.page.goto(site.url + PAGE)  # a new page view (Playwright's reload() of an uncontrolled page stays uncontrolled)
        s.page.wait_for_function("() => self.crossOriginIsolated === true", timeout=30_000)
    s.page.wait_for_function("() => window.vitrine !== undefined")
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()


def expect_error(s: Session, *words: str) -> str:
    s.page.wait_for_selector('.vitrine-demo[data-state="error"] .vitrine-error[role="alert"]:not([hidden])', timeout=30_000)
    text = s.page.locator(".vitrine-error").inner_text()
    for word in words:
        assert word in text, text
    return text


def expect_ready(s: Session, selector: str = READY) -> None:
    """The demo gets ready; on a timeout, fail with the message the demo shows instead."""
    try:
        s.page.wait_for_selector(selector, timeout=30_000)
    except PlaywrightTimeoutError:
        error = s.page.locator(".vitrine-error")
        shown = error.inner_text() if error.count() and error.is_visible() else "(none)"
        pytest.fail(f"the demo did not get ready; it shows: {shown}")


def parses_as_manifest(text: str) -> bool:
    try:
        return bool(json.loads(text)["models"])
    except (ValueError, KeyError, TypeError):
        return False


# The .onnx files in the model cache (which also holds a model's explanations file).
CACHED_MODELS = f"""async () => (await (await caches.open('{fetch_model_cache_name()}')).keys())
    .map((r) => r.url).filter((u) => new URL(u).pathname.endsWith('.onnx'))"""


def cached_models(s: Session) -> list[str]:
    return s.page.evaluate(CACHED_MODELS)


@pytest.mark.parametrize("service_workers", ["block", "allow"])
def test_corrupted_model_under_max_age_recovers_on_retry_once_the_server_is_fixed(
        recovery_browser: Browser, max_age_site: FaultySite, service_workers: str) -> None:
    site = max_age_site.site
    model = model_file(site)
    max_age_site.bad[model.path] = corrupted(model.data)
    s = open_session(recovery_browser, site.url, service_workers=service_workers)
    try:
        open_demo(s, site, service_workers == "allow")
        expect_error(s, "integrity")
        assert cached_models(s) == [], "a corrupted file was cached"
        # The server is fixed; the browser's HTTP cache still holds the corrupted copy for 600 s.
        del max_age_site.bad[model.path]
        site.log.clear()
        s.page.locator(".vitrine-predict").click()
        expect_ready(s, '.vitrine-demo[data-state="ready"][data-source="live"]')
        assert s.page.locator(".vitrine-error").is_hidden()
        assert site.served(model.path) != [], "the retry never reached the (fixed) server"
        # the good file is cached (written in the background, beside the session's creation)
        wait_until(s.page, f"""async () => (await ({CACHED_MODELS})()).length === 1""", timeout=10_000)
    finally:
        s.context.close()


def test_model_of_another_size_under_max_age_recovers_on_reload_once_the_server_is_fixed(
        recovery_browser: Browser, max_age_site: FaultySite) -> None:
    site = max_age_site.site
    model = model_file(site)
    half = model.data[: len(model.data) // 2]
    max_age_site.bad[model.path] = half  # a complete response (Content-Length matches) of another size
    s = open_session(recovery_browser, site.url, service_workers="block")
    try:
        open_demo(s, site, False)
        text = expect_error(s, "different file", f"({len(half)} bytes, expected {len(model.data)})")
        assert "cut short" not in text, text
        del max_age_site.bad[model.path]
        s.page.reload()
        s.page.wait_for_function("() => window.vitrine !== undefined")
        s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
        expect_ready(s)
        assert s.page.locator(".vitrine-error").is_hidden()
        assert s.page.evaluate("async (row) => (await (await vitrine.load('penguins-species')).predict(row)).label", GENTOO) == "Gentoo"
    finally:
        s.context.close()


def test_truncated_manifest_served_once_does_not_replace_the_offline_copy(recovery_browser: Browser, faulty_site: FaultySite) -> None:
    site = faulty_site.site
    good = (site.root / "models" / "manifest.json").read_bytes()
    s = open_session(recovery_browser, site.url, service_workers="allow")
    try:
        # Visit: the service worker caches the pages, the runtime, the manifest; the worker the model.
        open_demo(s, site, True)
        s.page.wait_for_selector(READY, timeout=30_000)
        # A half-deployed site: manifest.json arrives complete as HTTP goes (a 200 with a matching
        # Content-Length) but cut in the middle.
        faulty_site.once[MANIFEST] = good[: len(good) // 2]
        site.log.clear()
        s.page.reload()
        s.page.wait_for_function("() => window.vitrine !== undefined")
        s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
        expect_error(s)
        assert MANIFEST in [p.split("?")[0] for p in site.log], site.log
        assert faulty_site.once == {}, "the truncated manifest was served"
        # The service worker stores what it keeps in waitUntil: give it the time a (wrong) store takes.
        s.page.wait_for_timeout(1_000)
        kept = s.page.evaluate("""async (url) => {
            for (const name of await caches.keys()) {
                const hit = await (await caches.open(name)).match(url);
                if (hit) return await hit.text();
            }
            return null;
        }""", site.url + MANIFEST.lstrip("/"))
        assert kept is not None, "manifest.json was never cached"
        assert parses_as_manifest(kept), f"the offline copy of manifest.json was replaced by a damaged one: …{kept[-60:]!r}"

        # Offline (and the server gone): the demo works from the good copy.
        faulty_site.stop()
        s.context.set_offline(True)
        s.page.reload()
        s.page.wait_for_function("() => window.vitrine !== undefined")
        s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
        expect_ready(s)
        assert s.page.locator(".vitrine-error").is_hidden()
        assert s.page.evaluate("async (row) => (await (await vitrine.load('penguins-species')).predict(row)).label", GENTOO) == "Gentoo"
        s.context.set_offline(False)
    finally:
        s.context.close()
