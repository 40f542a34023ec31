"""The site-root service worker: isolation (threads), cache-first runtime and models, offline use, opt-out.

Runs against a private copy of the site behind a logging server, so "no network request" means the
server saw none. Service workers are per origin: every test uses a fresh context (fresh profile state).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest
import yaml
from playwright.sync_api import Browser

from ..conftest import BuiltSite, mkdocs, write_site_config
from .conftest import Session, open_session
from .sitecopy import LoggedSite, logged_site_copy

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
READY = '.vitrine-demo[data-state="ready"]'


@pytest.fixture(scope="module")
def site(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoggedSite]:
    with logged_site_copy(built_site.site, tmp_path_factory.mktemp("sw") / "site") as logged:
        yield logged


@pytest.fixture(scope="module")
def sw_browser(launch: Callable[..., Browser]) -> Browser:
    return launch()


@pytest.fixture
def sw_session(sw_browser: Browser, site: LoggedSite) -> Iterator[Session]:
    s = open_session(sw_browser, site.url, service_workers="allow")
    yield s
    s.context.close()


def open_isolated(s: Session, site: LoggedSite) -> None:
    """First visit: the service worker installs and the page reloads itself once, isolated."""
    s.page.goto(site.url + PAGE)
    s.page.wait_for_function("() => self.crossOriginIsolated === true", timeout=30_000)
    s.page.wait_for_function("() => window.vitrine !== undefined")


def predict_label(s: Session, row: dict) -> str:
    return s.page.evaluate("async (row) => (await (await vitrine.load('penguins-species')).predict(row)).label", row)


GENTOO = {"bill_length_mm": 47.5, "bill_depth_mm": 14.5, "flipper_length_mm": 220, "body_mass_g": 5400, "island": "Biscoe", "sex": "male"}


def test_built_service_worker_is_at_the_site_root(built_site: BuiltSite) -> None:
    sw = (built_site.site / "vitrine-sw.js").read_text()
    assert "__VITRINE_BUILD__" not in sw and "Cross-Origin-Embedder-Policy" in sw
    assert "serviceWorker: true" in (built_site.site / "vitrine" / "js_runtime" / "site_config.js").read_text().replace('"', "")


def test_isolation_threads_cached_reload_and_offline(sw_session: Session, site: LoggedSite) -> None:
    s = sw_session
    start = time.perf_counter()
    open_isolated(s, site)
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_selector(READY, timeout=30_000)
    cold_s = time.perf_counter() - start
    info = s.page.evaluate("""async () => {
        const m = await vitrine.load('penguins-species');
        return {threads: m.threads, caps: await vitrine.capabilities(), controlled: !!navigator.serviceWorker.controller,
                caches: await caches.keys()};
    }""")
    assert info["controlled"] and info["caps"]["crossOriginIsolated"] and info["caps"]["threads"]
    assert info["threads"] > 1, info
    assert "vitrine-models-v1" in info["caches"] and any(n.startswith("vitrine-runtime-") for n in info["caches"])
    assert "threads" in s.page.locator(".vitrine-backend").inner_text()
    assert predict_label(s, GENTOO) == "Gentoo"

    # Cached reload: nothing model- or runtime-sized reaches the server.
    site.log.clear()
    start = time.perf_counter()
    s.page.reload()
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_selector(READY, timeout=30_000)
    cached_s = time.perf_counter() - start
    assert site.served(".onnx") == [] and site.served(".wasm") == [] and site.served(".mjs") == [], site.log
    assert s.page.evaluate("() => self.crossOriginIsolated") is True
    print(f"\n[sw] threads={info['threads']} cold page→ready {cold_s:.2f}s (incl. SW install + reload), cached reload→ready {cached_s:.2f}s")

    # Offline: the visited page, its scripts, the runtime and the model all come from the caches.
    s.context.set_offline(True)
    site.log.clear()
    s.page.reload()
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_selector(READY, timeout=30_000)
    assert predict_label(s, GENTOO) == "Gentoo"
    assert site.log == []
    assert s.page.locator(".vitrine-error").is_hidden()
    s.context.set_offline(False)
    assert s.errors == []
    assert s.foreign_requests() == []


def test_opt_out_unregisters_an_installed_service_worker(sw_session: Session, site: LoggedSite) -> None:
    s = sw_session
    open_isolated(s, site)
    config = site.root / "vitrine" / "js_runtime" / "site_config.js"
    original = config.read_text()
    try:
        config.write_text(original.replace("true", "false"))
        s.page.reload()
        s.page.wait_for_function("async () => (await navigator.serviceWorker.getRegistrations()).length === 0", timeout=15_000)
        # An unregistered worker keeps controlling the clients it has (a reload reuses the tab's
        # client); a new tab of the same profile is not controlled and not isolated.
        s.page.close()
        page = s.context.new_page()
        page.goto(site.url + PAGE)
        page.wait_for_function("() => window.vitrine !== undefined")
        page.wait_for_timeout(500)  # time for a (wrong) registration to happen
        assert page.evaluate("() => navigator.serviceWorker.controller === null && !self.crossOriginIsolated") is True
        assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    finally:
        config.write_text(original)


def test_mkdocs_option_turns_the_service_worker_off(tmp_path: Path, built_site: BuiltSite) -> None:
    config_path = write_site_config(tmp_path, built_site.output_dir)
    config = yaml.safe_load(config_path.read_text())
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "vitrine" in plugin:
            plugin["vitrine"]["service_worker"] = False
    config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    proc = mkdocs("build", "--strict", "-f", str(config_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = tmp_path / "site"
    assert not (site / "vitrine-sw.js").exists()
    text = (site / "vitrine" / "js_runtime" / "site_config.js").read_text()
    assert json.loads(text[text.index("{"):text.rindex("}") + 1]) == {"serviceWorker": False}
