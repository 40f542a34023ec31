"""The site under a sub-path, as GitHub Pages serves a project site (https://<user>.github.io/<repo>/):
the server sends no COOP/COEP headers and `Cache-Control: max-age=600`, and nothing of the site lies at
the host's root. The demo runs, the service worker's scope is the sub-path, the next page view is
isolated (WASM threads) with its runtime and model cached, and no request leaves the sub-path."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser

from builder.browser import serve_directory
from tests.browser.conftest import open_session, wait_for_service_worker
from tests.conftest import BuiltSite

PREFIX = "my-showcase"  # the repository's name, in a project site's URL
PAGE = f"{PREFIX}/gallery/penguins-species/"
LIVE = '.vitrine-demo[data-state="ready"][data-source="live"]'


@pytest.fixture(scope="module")
def pages_host(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """A host whose only content is the site under /my-showcase/, served like GitHub Pages; yields its URL and request log."""
    root: Path = tmp_path_factory.mktemp("pages-host")
    (root / PREFIX).symlink_to(built_site.site.resolve(), target_is_directory=True)
    log: list[str] = []
    with serve_directory(root, log=log, cache_control="max-age=600") as url:
        yield url, log


def test_site_works_under_a_sub_path_with_service_worker_and_caches(browser: Browser, pages_host: tuple[str, list[str]]) -> None:
    url, log = pages_host
    s = open_session(browser, url, service_workers="allow")
    try:
        s.page.goto(url + PAGE)
        s.page.wait_for_selector(LIVE, timeout=60_000)  # first view: no isolation yet, one thread
        assert s.page.evaluate("() => self.crossOriginIsolated") is False
        wait_for_service_worker(s.page)
        scope = s.page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).scope")
        assert scope == f"{url}{PREFIX}/"

        s.page.goto(url + PAGE)  # a returning visitor: controlled, isolated by the service worker's headers
        s.page.wait_for_selector(LIVE, timeout=60_000)
        info = s.page.evaluate("""async () => {
            const m = await vitrine.load('penguins-species');
            const p = await m.predict({bill_length_mm: 47.5, bill_depth_mm: 14.5, flipper_length_mm: 220,
                                       body_mass_g: 5400, island: 'Biscoe', sex: 'male'});
            const cached = [];
            for (const name of await caches.keys()) {
                for (const r of await (await caches.open(name)).keys()) cached.push(new URL(r.url).pathname);
            }
            return {isolated: self.crossOriginIsolated, controlled: !!navigator.serviceWorker.controller,
                    threads: m.threads, label: p.label, cached};
        }""")
        assert info["isolated"] and info["controlled"], info
        assert info["threads"] > 1 and info["label"] == "Gentoo", info
        assert any(p.endswith(".onnx") for p in info["cached"]) and any(p.endswith(".wasm") for p in info["cached"]), info["cached"]
        assert all(p.startswith(f"/{PREFIX}/") for p in info["cached"]), info["cached"]
        assert f"/{PAGE}" in log and any(p.endswith(".wasm") for p in log), log
        outside = [p for p in log if not p.startswith(f"/{PREFIX}/")]
        assert outside == [], f"requests outside the sub-path: {outside}"
        assert s.foreign_requests() == [] and s.errors == []
    finally:
        s.context.close()
