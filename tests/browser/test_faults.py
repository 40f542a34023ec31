"""Fault matrix for model loading, with service workers blocked so `page.route` and CDP see every
request (the worker's included). For each fault: the page stays usable (precomputed example and form
still there), a clear role=alert message appears, no bad file lands in the Cache API, and the demo
recovers once the network does. Plus: cached reload without the network, quota errors, cancellation,
and main-thread responsiveness."""

from __future__ import annotations

import json
import time
from typing import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Route

from ..conftest import BuiltSite, model_entry
from .conftest import Session, open_session, wait_until
from .sitecopy import fetch_model_cache_name

pytestmark = pytest.mark.browser
PAGE = "gallery/penguins-species/"
READY = '.vitrine-demo[data-state="ready"]'
MODEL_CACHE = fetch_model_cache_name()  # the name worker/fetch_model.js writes


def is_model(url: str) -> bool:
    return url.split("?")[0].endswith(".onnx")


@pytest.fixture(scope="module")
def model_bytes(built_site: BuiltSite) -> bytes:
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    return (built_site.site / "models" / model_entry(manifest)["variants"][0]["url"]).read_bytes()


@pytest.fixture
def s(browser, site_url: str) -> Iterator[Session]:
    session = open_session(browser, site_url, service_workers="block")
    yield session
    session.context.close()


def model_requests(s: Session) -> list[str]:
    return [u for u in s.requests if is_model(u)]


def open_page(s: Session, site_url: str) -> None:
    s.page.goto(site_url + PAGE)
    s.page.wait_for_function("() => window.vitrine !== undefined")


def open_page_unloaded(s: Session, site_url: str) -> None:
    """Open the page with the demo mounted but its model not requested yet (then start_demo())."""
    # The demo sits ~355 px down and preloads within 200 px of the viewport: at 60 px high it stays unloaded.
    s.page.set_viewport_size({"width": 1280, "height": 60})
    open_page(s, site_url)
    s.page.wait_for_selector('.vitrine-demo[data-source="precomputed"]')  # the widget is mounted
    assert model_requests(s) == [], "the model must not load before the demo is visible"


def start_demo(s: Session) -> None:
    s.page.set_viewport_size({"width": 1280, "height": 720})
    s.page.locator(".vitrine-demo").scroll_into_view_if_needed()


# The model cache also holds a model's other content-hashed files (its explanations); count .onnx only.
CACHED_MODELS = f"""async () => (await (await caches.open('{MODEL_CACHE}')).keys()).map((r) => r.url).filter((u) => new URL(u).pathname.endsWith('.onnx'))"""


def cached_models(s: Session) -> list[str]:
    return s.page.evaluate(CACHED_MODELS)


def expect_cached(s: Session, count: int = 1) -> None:
    """The model cache comes to hold `count` files: the worker writes a verified file in the background,
    beside creating its session, so the write may finish just after the demo is ready."""
    wait_until(s.page, f"""async () => (await ({CACHED_MODELS})()).length === {count}""", timeout=10_000)


def expect_failure(s: Session, *words: str) -> str:
    """The demo shows an alert and stays usable: the precomputed example and the form remain."""
    s.page.wait_for_selector('.vitrine-demo[data-state="error"] .vitrine-error[role="alert"]:not([hidden])', timeout=30_000)
    text = s.page.locator(".vitrine-error").inner_text()
    for word in words:
        assert word in text, text
    assert "external data" not in text  # ORT's raw message never reaches visitors
    demo = s.page.locator(".vitrine-demo")
    assert demo.get_attribute("data-source") == "precomputed"
    assert demo.locator(".vitrine-label").inner_text().strip() not in ("", "–")
    assert demo.locator('[name="bill_length_mm"]').is_enabled()
    assert cached_models(s) == [], "a failed download is never cached"
    return text


def expect_recovery(s: Session) -> None:
    """Press Predict: the model loads, a live prediction replaces the example, the alert goes, the file is cached."""
    s.page.locator(".vitrine-predict").click()
    s.page.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]', timeout=30_000)
    assert s.page.locator(".vitrine-error").is_hidden()
    expect_cached(s)


def test_404_fails_fast_and_recovers(s: Session, site_url: str) -> None:
    s.page.route(is_model, lambda route: route.fulfill(status=404, body="not found"))
    open_page(s, site_url)
    start_demo(s)
    expect_failure(s, "not found", "HTTP 404")
    assert len(model_requests(s)) == 1, "a 404 is not retried"
    s.page.unroute(is_model)
    expect_recovery(s)


def test_500_once_is_retried_transparently(s: Session, site_url: str) -> None:
    calls: list[int] = []

    def handler(route: Route) -> None:
        calls.append(1)
        route.fulfill(status=500, body="oops") if len(calls) == 1 else route.continue_()

    s.page.route(is_model, handler)
    open_page(s, site_url)
    start_demo(s)
    s.page.wait_for_selector(READY, timeout=30_000)
    assert len(calls) == 2
    assert s.page.locator(".vitrine-error").is_hidden()
    expect_cached(s)


def test_persistent_500_gives_up_after_bounded_retries_and_recovers(s: Session, site_url: str) -> None:
    s.page.route(is_model, lambda route: route.fulfill(status=500, body="oops"))
    open_page(s, site_url)
    start = time.perf_counter()
    start_demo(s)
    expect_failure(s, "HTTP 500", "Tried 3 times")
    assert len(model_requests(s)) == 3
    assert time.perf_counter() - start >= 1.5, "backoff 0.5 s + 1 s between the attempts"
    s.page.unroute(is_model)
    expect_recovery(s)


def test_connection_aborted_and_recovers(s: Session, site_url: str) -> None:
    s.page.route(is_model, lambda route: route.abort("connectionreset"))
    open_page(s, site_url)
    start_demo(s)
    expect_failure(s, "network error", "Tried 3 times")
    s.page.unroute(is_model)
    expect_recovery(s)


def test_truncated_body_is_retried_then_reported_and_recovers(s: Session, site_url: str, model_bytes: bytes) -> None:
    """The connection drops mid-file: fewer bytes arrive than the Content-Length promised."""
    s.page.route(is_model, lambda route: route.fulfill(status=200, body=model_bytes[: len(model_bytes) // 2],
                                                         headers={"Content-Type": "application/octet-stream",
                                                                  "Content-Length": str(len(model_bytes))}))
    open_page(s, site_url)
    start_demo(s)
    text = expect_failure(s, "Tried 3 times", "check your connection")
    assert "cut short" in text or "interrupted" in text, text
    assert "different file" not in text, text
    assert len(model_requests(s)) == 3
    s.page.unroute(is_model)
    expect_recovery(s)


def test_same_name_file_of_another_size_is_a_different_file_not_a_cut_short_download(s: Session, site_url: str, model_bytes: bytes) -> None:
    """A complete response (Content-Length matches what arrived) of another size than the manifest's: a
    half-deployed site, not a bad connection. One refetch past the HTTP cache, then a clear message."""
    other = model_bytes[: len(model_bytes) // 2]
    s.page.route(is_model, lambda route: route.fulfill(status=200, body=other, headers={"Content-Type": "application/octet-stream"}))
    open_page(s, site_url)
    start_demo(s)
    text = expect_failure(s, "sent a different file than the manifest names", f"({len(other)} bytes, expected {len(model_bytes)})", "half-deployed")
    assert "cut short" not in text and "connection" not in text, text
    assert len(model_requests(s)) == 2, "no retries into the same result: one refetch that bypasses the HTTP cache"
    s.page.unroute(is_model)
    expect_recovery(s)


def test_corrupted_bytes_fail_integrity_are_not_cached_and_recover(s: Session, site_url: str, model_bytes: bytes) -> None:
    bad = bytearray(model_bytes)
    bad[len(bad) // 2] ^= 0xFF
    s.page.route(is_model, lambda route: route.fulfill(status=200, body=bytes(bad), headers={"Content-Type": "application/octet-stream"}))
    open_page(s, site_url)
    start_demo(s)
    expect_failure(s, "integrity", "not used")
    # Not retried with backoff: one refetch that bypasses the HTTP cache (see test_cache_recovery.py).
    assert len(model_requests(s)) == 2
    s.page.unroute(is_model)
    expect_recovery(s)


def test_slow_3g_shows_real_progress(s: Session, site_url: str) -> None:
    cdp = s.context.new_cdp_session(s.page)
    open_page_unloaded(s, site_url)
    cdp.send("Network.enable")
    # "Slow 3G"-like: 400 ms latency, ~25 KB/s down, so the ~100 KB model takes seconds.
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 400, "downloadThroughput": 25_000, "uploadThroughput": 25_000})
    start_demo(s)
    s.page.wait_for_function("""() => {
        const box = document.querySelector('.vitrine-progress');
        const text = box?.querySelector('.vitrine-progress-text')?.textContent ?? '';
        const bar = box?.querySelector('progress');
        return box !== null && !box.hidden && /KB of \\d+ KB \\(\\d+%\\)/.test(text) && bar.value > 0 && bar.value < bar.max;
    }""", timeout=30_000)
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    s.page.wait_for_selector(READY, timeout=30_000)
    assert s.page.locator(".vitrine-error").is_hidden()
    expect_cached(s)


def test_offline_after_first_visit_without_service_worker(s: Session, site_url: str) -> None:
    open_page_unloaded(s, site_url)
    s.context.set_offline(True)
    start_demo(s)
    text = expect_failure(s)
    # Offline before the worker started, its script cannot load either; both say what happened.
    assert "could not be downloaded" in text or "could not start" in text, text
    s.context.set_offline(False)
    expect_recovery(s)


def test_cached_reload_makes_no_model_request(s: Session, site_url: str) -> None:
    open_page(s, site_url)
    start_demo(s)
    s.page.wait_for_selector(READY, timeout=30_000)
    assert len(model_requests(s)) == 1
    s.requests.clear()
    s.page.reload()
    start_demo(s)
    s.page.wait_for_selector(READY, timeout=30_000)
    assert model_requests(s) == []


# Page init scripts do not run in workers: swap in a worker entry that first imports the real one,
# then breaks the Cache API the way a full disk (or a browser without it) does.
QUOTA_STUB = """
import './worker.js%s';
const quota = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
%s
"""
BREAK_PUT = "Cache.prototype.put = quota; Cache.prototype.add = quota;"
BREAK_OPEN = "CacheStorage.prototype.open = quota;"
NO_CACHE_API = "Object.defineProperty(self, 'caches', {value: undefined});"


@pytest.mark.parametrize("breakage", [BREAK_PUT, BREAK_OPEN, NO_CACHE_API], ids=["put-quota", "open-quota", "no-cache-api"])
def test_cache_failures_degrade_to_uncached_loading(s: Session, site_url: str, breakage: str) -> None:
    warnings: list[str] = []
    s.page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)

    def stub(route: Route) -> None:
        query = urlsplit(route.request.url).query  # keep the worker's own parameters (?tier=…)
        real = f"?{query}&real=1" if query else "?real=1"
        route.fulfill(status=200, body=QUOTA_STUB % (real, breakage), headers={"Content-Type": "text/javascript"})

    s.page.route(lambda url: urlsplit(url).path.endswith("/vitrine/worker/worker.js") and "real=1" not in url, stub)
    open_page(s, site_url)
    start_demo(s)
    s.page.wait_for_selector(READY, timeout=30_000)
    s.page.locator(".vitrine-predict").click()
    s.page.wait_for_selector('.vitrine-demo[data-state="ready"][data-source="live"]')
    assert s.page.locator(".vitrine-error").is_hidden()
    assert cached_models(s) == []
    if breakage != NO_CACHE_API:
        assert any("QuotaExceededError" in w for w in warnings), warnings
    assert s.errors == []


def test_superseded_runs_are_cancelled_not_reported(s: Session, site_url: str) -> None:
    open_page(s, site_url)
    result = s.page.evaluate("""async () => {
        const m = await vitrine.load('penguins-species');
        const row = {bill_length_mm: 47.5, bill_depth_mm: 14.5, flipper_length_mm: 220, body_mass_g: 5400, island: 'Biscoe', sex: 'male'};
        const controllers = Array.from({length: 20}, () => new AbortController());
        const calls = controllers.map((c) => m.predict(row, {signal: c.signal}));
        controllers.slice(0, 19).forEach((c) => c.abort());
        const settled = await Promise.allSettled(calls);
        return settled.map((r) => r.status === 'fulfilled' ? r.value.label : r.reason.name + ':' + r.reason.code);
    }""")
    assert result[-1] == "Gentoo"
    assert all(r == "AbortError:aborted" for r in result[:-1]), result
    # The widget: a burst of slider edits never shows an error and ends on the newest value.
    start_demo(s)
    s.page.wait_for_selector(READY, timeout=30_000)
    slider = s.page.locator('[data-slider-for="flipper_length_mm"]')
    for v in range(180, 231, 5):
        slider.fill(str(v))
        s.page.wait_for_timeout(40)
    s.page.wait_for_function("() => document.querySelector('.vitrine-demo').dataset.source === 'live'")
    assert s.page.locator(".vitrine-error").is_hidden()
    assert s.errors == []


def test_no_long_tasks_during_100_predictions(s: Session, site_url: str) -> None:
    open_page(s, site_url)
    start_demo(s)
    s.page.wait_for_selector(READY, timeout=30_000)
    result = s.page.evaluate("""async () => {
        const m = await vitrine.load('penguins-species');
        const row = {bill_length_mm: 47.5, bill_depth_mm: 14.5, flipper_length_mm: 220, body_mass_g: 5400, island: 'Biscoe', sex: 'male'};
        const long = [];
        const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => ({start: e.startTime, ms: e.duration}))));
        observer.observe({type: 'longtask', buffered: true});
        await new Promise((r) => setTimeout(r, 100));
        long.length = 0;  // buffered entries from page load are not part of the measurement
        const t0 = performance.now();
        for (let i = 0; i < 100; i++) await m.predict({...row, body_mass_g: 3000 + 20 * i});
        const t1 = performance.now();
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        return {long: long.filter((e) => e.start >= t0), ms: t1 - t0, supported: PerformanceObserver.supportedEntryTypes.includes('longtask')};
    }""")
    assert result["supported"]
    assert result["long"] == [], result
    print(f"\n[faults] 100 predictions in {result['ms']:.0f} ms, no long task")
