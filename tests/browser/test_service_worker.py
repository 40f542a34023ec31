"""The site-root service worker: isolation (threads), cache-first runtime and models, offline use, opt-out.

Runs against a private copy of the site behind a logging server, so "no network request" means the
server saw none. Service workers are per origin: every test uses a fresh context (fresh profile state).
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
import yaml
from playwright.sync_api import Browser, Request, Response

from builder.assets import write_service_worker
from builder.errors import VitrineError

from ..conftest import REPO, BuiltSite, mkdocs, model_entry, write_site_config
from .conftest import Session, open_session, wait_for_service_worker, wait_until
from .sitecopy import LoggedSite, fetch_model_cache_name, logged_site_copy

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
READY = '.vitrine-demo[data-state="ready"]'
ISOLATION_PROBE = "isolation-probe.js"  # a worker script the header test adds to its copy of the site


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


@dataclass
class StoppableSite:
    site: LoggedSite
    stop: Callable[[], None]


@pytest.fixture
def stoppable_site(built_site: BuiltSite, tmp_path: Path) -> Iterator[StoppableSite]:
    """A private copy of the site behind its own logging server, which the test can shut down."""
    with contextlib.ExitStack() as stack:
        logged = stack.enter_context(logged_site_copy(built_site.site, tmp_path / "site"))
        yield StoppableSite(logged, stack.close)


def open_isolated(s: Session, site: LoggedSite) -> None:
    """First visit: the service worker installs (the page is not reloaded for it, nor claimed); the next
    page view is controlled and isolated."""
    s.page.goto(site.url + PAGE)
    wait_for_service_worker(s.page)
    s.page.goto(site.url + PAGE)  # a new page view (Playwright's reload() of a page the worker does not control stays uncontrolled)
    s.page.wait_for_function("() => self.crossOriginIsolated === true", timeout=30_000)
    s.page.wait_for_function("() => window.vitrine !== undefined")


def predict_label(s: Session, row: dict) -> str:
    return s.page.evaluate("async (row) => (await (await vitrine.load('penguins-species')).predict(row)).label", row)


GENTOO = {"bill_length_mm": 47.5, "bill_depth_mm": 14.5, "flipper_length_mm": 220, "body_mass_g": 5400, "island": "Biscoe", "sex": "male"}


def test_built_service_worker_is_at_the_site_root(built_site: BuiltSite) -> None:
    sw = (built_site.site / "vitrine-sw.js").read_text()
    assert "__VITRINE_" not in sw, "a build-time placeholder was left unfilled"
    assert re.search(r"^const BUILD = '[0-9a-f]{16}';$", sw, re.MULTILINE)
    assert f"const MODEL_CACHE = '{fetch_model_cache_name()}';" in sw
    # the runtime files its install adopts: every vendored file but the licences, each of which the site serves
    files = re.search(r"^const RUNTIME_FILES = '([^']+)'\.split\(' '\);$", sw, re.MULTILINE)[1].split(" ")
    assert "onnxruntime-web/ort-wasm-simd-threaded.wasm" in files and not any("LICENSE" in f for f in files)
    assert all((built_site.site / "vitrine" / "vendor" / f).is_file() for f in files), files
    assert "serviceWorker: true" in (built_site.site / "vitrine" / "js_runtime" / "site_config.js").read_text().replace('"', "")


def test_service_worker_reads_the_model_cache_named_in_fetch_model(tmp_path: Path) -> None:
    """The name is copied from fetch_model.js at build time, so the two cannot drift apart."""
    worker = tmp_path / "worker"
    shutil.copytree(REPO / "worker", worker)
    fetch_model = worker / "fetch_model.js"
    fetch_model.write_text(fetch_model.read_text().replace(f"'{fetch_model_cache_name()}'", "'vitrine-models-renamed'"))
    (tmp_path / "site").mkdir()
    write_service_worker(worker, tmp_path / "site", enabled=True)
    assert "const MODEL_CACHE = 'vitrine-models-renamed';" in (tmp_path / "site" / "vitrine-sw.js").read_text()
    fetch_model.write_text(fetch_model.read_text().replace("export const MODEL_CACHE", "export const MODELS_CACHE"))
    with pytest.raises(VitrineError, match="MODEL_CACHE"):
        write_service_worker(worker, tmp_path / "site", enabled=True)


def test_isolation_threads_cached_reload_and_offline(sw_browser: Browser, stoppable_site: StoppableSite) -> None:
    site = stoppable_site.site
    s = open_session(sw_browser, site.url, service_workers="allow")
    try:
        _isolation_cached_reload_and_offline(s, site, stoppable_site.stop)
    finally:
        s.context.close()


def _isolation_cached_reload_and_offline(s: Session, site: LoggedSite, stop_server: Callable[[], None]) -> None:
    start = time.perf_counter()
    open_isolated(s, site)
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_selector(READY, timeout=30_000)
    cold_s = time.perf_counter() - start
    info = s.page.evaluate("""async (fetchModelUrl) => {
        const m = await vitrine.load('penguins-species');
        const {MODEL_CACHE} = await import(fetchModelUrl);
        return {threads: m.threads, caps: await vitrine.capabilities(), controlled: !!navigator.serviceWorker.controller,
                caches: await caches.keys(), modelCache: MODEL_CACHE};
    }""", site.url + "vitrine/worker/fetch_model.js")
    assert info["controlled"] and info["caps"]["crossOriginIsolated"] and info["caps"]["threads"]
    assert info["threads"] > 1, info
    assert info["modelCache"] in info["caches"] and any(n.startswith("vitrine-runtime-") for n in info["caches"])
    assert "threads" in s.page.locator(".vitrine-backend").inner_text()
    timed = s.page.evaluate("""async (row) => {
        const m = await vitrine.load('penguins-species');
        const start = performance.now();
        const p = await m.predict(row);
        return {label: p.label, ms: p.ms, wall: performance.now() - start};
    }""", GENTOO)
    assert timed["label"] == "Gentoo"
    # p.ms times session.run() inside the worker: a real, positive duration within the round trip.
    assert 0 < timed["ms"] <= timed["wall"], timed

    # Cached reload: nothing model- or runtime-sized reaches the server.
    site.log.clear()
    start = time.perf_counter()
    s.page.reload()
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_selector(READY, timeout=30_000)
    cached_s = time.perf_counter() - start
    assert site.served(".onnx") == [] and site.served(".wasm") == [] and site.served(".mjs") == [], site.log
    assert s.page.evaluate("() => self.crossOriginIsolated") is True
    print(f"\n[sw] threads={info['threads']} cold page→ready {cold_s:.2f}s (incl. SW install + a second view), cached reload→ready {cached_s:.2f}s")

    # Offline, and the server shut down: the visited page, its scripts, the runtime and the model all
    # come from the caches. Playwright's offline mode covers the page, its workers and the service
    # worker, but not the browser's own service-worker update check that follows every navigation
    # (it once reached the server as GET /vitrine-sw.js); with no server at all nothing can be answered
    # from the network, whoever asks.
    stop_server()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(site.url, timeout=5)
    s.context.set_offline(True)
    answered: list[tuple[str, bool]] = []
    failed: list[str] = []

    def own(request: Request) -> bool:
        """A request of the page or its workers (not one the service worker makes itself)."""
        return request.url.startswith(site.url) and request.service_worker is None

    def on_response(response: Response) -> None:
        if own(response.request):
            answered.append((response.url, response.from_service_worker))

    def on_failed(request: Request) -> None:
        if own(request):
            failed.append(f"{request.url}: {request.failure}")

    s.context.on("response", on_response)
    s.context.on("requestfailed", on_failed)
    s.page.reload()
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()
    s.page.wait_for_selector(READY, timeout=30_000)
    assert predict_label(s, GENTOO) == "Gentoo"
    assert s.page.evaluate("() => self.crossOriginIsolated") is True
    assert s.page.locator(".vitrine-error").is_hidden()
    assert failed == []
    # The page itself and the inference worker's runtime (requested from the worker) were both seen.
    assert any(url.rstrip("/").endswith(PAGE.rstrip("/")) for url, _ in answered), answered
    assert any(url.endswith(".wasm") for url, _ in answered), answered
    assert [url for url, from_sw in answered if not from_sw] == [], "answered by the network, not the service worker"
    s.context.set_offline(False)
    assert s.errors == []
    assert s.foreign_requests() == []


def test_service_worker_adds_isolation_headers_the_server_does_not_send(sw_session: Session, site: LoggedSite) -> None:
    """Documents and worker scripts get COOP/COEP from the service worker (the page and the inference
    worker are cross-origin isolated); a subresource needs neither and passes unchanged, not piped
    through a copy (the 14 MB .wasm took twice as long that way)."""
    s = sw_session
    open_isolated(s, site)
    manifest = json.loads((site.root / "models" / "manifest.json").read_text())
    paths = [PAGE, "vitrine/js_runtime/main.js", "vitrine/vendor/onnxruntime-web/ort-wasm-simd-threaded.wasm",
             "models/" + model_entry(manifest)["variants"][0]["url"]]
    for path in paths:
        with urllib.request.urlopen(urllib.request.Request(site.url + path, method="HEAD")) as direct:
            assert direct.headers.get("Cross-Origin-Opener-Policy") is None, "the test server must not send it"
            assert direct.headers.get("Cross-Origin-Embedder-Policy") is None
    navigation = s.page.reload()
    assert navigation is not None and navigation.from_service_worker
    assert navigation.headers.get("cross-origin-opener-policy") == "same-origin"
    assert navigation.headers.get("cross-origin-embedder-policy") == "require-corp"
    s.page.wait_for_function("() => window.vitrine !== undefined")
    seen = s.page.evaluate("""async (urls) => Promise.all(urls.map(async (url) => {
        const r = await fetch(url);
        await r.arrayBuffer();
        return [url, r.status, r.headers.get('Cross-Origin-Opener-Policy'), r.headers.get('Cross-Origin-Embedder-Policy')];
    }))""", [site.url + p for p in paths])
    assert seen == [[site.url + p, 200, None, None] for p in paths]
    assert s.page.evaluate("() => self.crossOriginIsolated") is True
    (site.root / ISOLATION_PROBE).write_text(
        "self.onmessage = () => postMessage({crossOriginIsolated: self.crossOriginIsolated, "
        "sharedArrayBuffer: typeof SharedArrayBuffer === 'function'});\n")
    in_worker = s.page.evaluate("""(url) => new Promise((resolve, reject) => {
        const w = new Worker(url, {type: 'module'});
        w.onerror = (e) => reject(new Error(e.message));
        w.onmessage = (e) => { resolve(e.data); w.terminate(); };
        w.postMessage(null);
    })""", site.url + ISOLATION_PROBE)
    assert in_worker == {"crossOriginIsolated": True, "sharedArrayBuffer": True}


def test_service_worker_never_caches_model_bytes_it_cannot_verify(sw_session: Session, site: LoggedSite) -> None:
    """Only the inference worker writes the model cache, after the sha256 check. A model file the page
    fetches itself (here: bytes no manifest vouches for) passes through the service worker uncached."""
    s = sw_session
    open_isolated(s, site)
    rel = "models/penguins-species/fp32.00000000deadbeef.onnx"
    (site.root / rel).write_bytes(b"not an onnx model" * 64)
    site.log.clear()
    result = s.page.evaluate("""async (url) => {
        const r = await fetch(url);
        const bytes = (await r.arrayBuffer()).byteLength;
        return {status: r.status, bytes, controlled: !!navigator.serviceWorker.controller,
                cached: (await caches.match(url)) !== undefined, caches: await caches.keys()};
    }""", site.url + rel)
    assert result["controlled"] and result["status"] == 200 and result["bytes"] == 17 * 64, result
    assert site.served(rel) == ["/" + rel], "the file came from the network"
    assert result["cached"] is False, f"the service worker stored unverified model bytes (caches: {result['caches']})"


def test_service_worker_answers_models_from_the_cache_fetch_model_writes(sw_session: Session, site: LoggedSite) -> None:
    """A model the inference worker cached (under fetch_model.js's MODEL_CACHE) is served by the service
    worker from that cache: here a file the server does not have at all."""
    s = sw_session
    open_isolated(s, site)
    rel = "models/penguins-species/fp32.1111111111111111.onnx"
    assert not (site.root / rel).exists()
    site.log.clear()
    result = s.page.evaluate("""async ([url, fetchModelUrl]) => {
        const {MODEL_CACHE} = await import(fetchModelUrl);
        await (await caches.open(MODEL_CACHE)).put(url, new Response(new Uint8Array([1, 2, 3, 4, 5])));
        const r = await fetch(url);
        return {name: MODEL_CACHE, status: r.status, body: [...new Uint8Array(await r.arrayBuffer())]};
    }""", [site.url + rel, site.url + "vitrine/worker/fetch_model.js"])
    assert site.served(rel) == [], f"the service worker did not find the model in {result['name']!r} and asked the server"
    assert result["status"] == 200 and result["body"] == [1, 2, 3, 4, 5], result


def test_opt_out_unregisters_an_installed_service_worker(sw_session: Session, site: LoggedSite) -> None:
    s = sw_session
    open_isolated(s, site)
    config = site.root / "vitrine" / "js_runtime" / "site_config.js"
    original = config.read_text()
    try:
        config.write_text(original.replace("true", "false"))
        s.page.reload()
        wait_until(s.page, "async () => (await navigator.serviceWorker.getRegistrations()).length === 0", timeout=15_000)
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
