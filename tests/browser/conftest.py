"""Browser fixtures: the built site over local HTTP, and Playwright driving a real Chromium."""

from __future__ import annotations

import json
import time
from pathlib import Path
from dataclasses import dataclass, field
from typing import Callable, Iterator
from urllib.parse import urlsplit

import numpy as np
import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, Request, sync_playwright

from builder.browser import CHROMIUM_ARGS, find_chromium, serve_directory

from ..conftest import BuiltSite


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    with serve_directory(built_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    executable = find_chromium()  # before sync_playwright starts (it runs Playwright itself)
    assert executable, "no Chromium: run `make browser` (see tests/browser/chromium.py)"
    return executable


@pytest.fixture(scope="session")
def playwright(chromium_path: str) -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def launch(playwright: Playwright, chromium_path: str) -> Iterator[Callable[..., Browser]]:
    """launch(*extra_args): a Chromium with the standard flags plus `extra_args` (closed at the end)."""
    browsers: list[Browser] = []

    def start(*extra_args: str) -> Browser:
        browsers.append(playwright.chromium.launch(executable_path=chromium_path, args=[*CHROMIUM_ARGS, *extra_args]))
        return browsers[-1]

    yield start
    for b in browsers:
        b.close()


@pytest.fixture(scope="session")
def browser(launch: Callable[..., Browser]) -> Browser:
    return launch()


@pytest.fixture(scope="session")
def nosimd_browser(launch: Callable[..., Browser]) -> Browser:
    """Chromium without WASM SIMD: V8 has SIMD128 only with SSE4.1 (TOOLCHAIN.md)."""
    return launch("--js-flags=--no-enable-sse4-1")


@pytest.fixture(scope="session")
def webgpu_browser(launch: Callable[..., Browser]) -> Browser:
    """Chromium with a SwiftShader WebGPU adapter (no shader-f16)."""
    return launch("--enable-unsafe-webgpu")


def wait_until(page: Page, predicate: str, arg: object = None, timeout: float = 30_000, message: str = "") -> None:
    """Poll an async JS predicate until it returns true. Playwright's wait_for_function does not await a
    Promise a predicate returns (a Promise is truthy, so it returns at once): async checks such as the
    Cache API or a service worker registration need this instead."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            pytest.fail(message or f"timed out after {timeout:.0f} ms waiting for {predicate}")
        page.wait_for_timeout(100)


def wait_for_service_worker(page: Page) -> None:
    """The site's service worker is registered and activated (it registers once the page has settled)."""
    wait_until(page, "async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated'",
               message="the service worker was never activated")


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as a path relative to its root ("" for the home page)."""
    pages = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if "assets" not in p.parts]
    return sorted("" if p == "." else f"{p}/" for p in pages)


# Every demo of the page has mounted its widget (live) or kept the precomputed result with its status.
DEMOS_MOUNTED = "() => [...document.querySelectorAll('.vitrine-demo')].every((d) => d.dataset.state)"


def open_with_demos(page: Page, url: str, near: bool = True) -> None:
    """Open `url` and wait until its demos have mounted; with `near`, each demo is scrolled into view
    first, so it loads its model as a visitor's would."""
    page.goto(url)
    if near:
        for demo in page.locator(".vitrine-demo").all():
            demo.scroll_into_view_if_needed()
    page.wait_for_function(DEMOS_MOUNTED, timeout=60_000)


QUIET_PAGE = "api/"  # a page with the runtime and no demo (the home page has one)


@dataclass
class Session:
    """A page plus everything it logged and requested (its workers' requests included)."""

    page: Page
    context: BrowserContext
    origin: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss") and f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" != self.origin]


def open_session(browser: Browser, site_url: str, **context_options: object) -> Session:
    """A fresh context (empty cache, no service worker installed yet) with a page that records errors
    and requests. Pass service_workers="block" to keep the site's service worker out: once installed it
    controls the next page view (isolation, caches), and `page.route` does not see requests it answers.
    """
    return watch(browser.new_context(**context_options), site_url)  # type: ignore[arg-type]


@pytest.fixture
def open_profile(playwright: Playwright, chromium_path: str, tmp_path: Path) -> Iterator[Callable[..., Session]]:
    """open_profile(site_url, **options): like open_session, but in a Chromium profile on disk. Contexts of
    `browser.new_context` are off the record: their HTTP cache lives in memory and keeps no file of more
    than a few MB (onnxruntime-web's .wasm is 12 MB), unlike a visitor's browser; tests of what the
    HTTP cache holds across page views need this."""
    contexts: list[BrowserContext] = []

    def start(site_url: str, **options: object) -> Session:
        contexts.append(playwright.chromium.launch_persistent_context(
            tmp_path / f"profile-{len(contexts)}", executable_path=chromium_path, args=list(CHROMIUM_ARGS), **options))  # type: ignore[arg-type]
        return watch(contexts[-1], site_url)

    yield start
    for context in contexts:
        context.close()


def watch(context: BrowserContext, site_url: str) -> Session:
    """A Session on a new page of `context` that records errors and requests."""
    page = context.pages[0] if context.pages else context.new_page()
    parts = urlsplit(site_url)
    s = Session(page, context, f"{parts.scheme}://{parts.netloc}")

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            s.errors.append(msg.text)

    def on_request(request: Request) -> None:
        s.requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda err: s.errors.append(str(err)))
    context.on("request", on_request)
    return s


@pytest.fixture
def session(browser: Browser, site_url: str) -> Iterator[Session]:
    s = open_session(browser, site_url, service_workers="block")
    yield s
    s.context.close()


def api_page(browser: Browser, site_url: str) -> Iterator[Session]:
    """A session on a page without a demo (the JavaScript API guide): tests drive `window.vitrine` themselves."""
    s = open_session(browser, site_url, service_workers="block")
    s.page.goto(site_url + QUIET_PAGE)
    s.page.wait_for_function("() => window.vitrine !== undefined")
    yield s
    s.context.close()


@pytest.fixture
def simd(browser: Browser, site_url: str) -> Iterator[Session]:
    yield from api_page(browser, site_url)


@pytest.fixture
def nosimd(nosimd_browser: Browser, site_url: str) -> Iterator[Session]:
    yield from api_page(nosimd_browser, site_url)


@pytest.fixture
def webgpu(webgpu_browser: Browser, site_url: str) -> Iterator[Session]:
    yield from api_page(webgpu_browser, site_url)


# Raw tensors in, every output back as plain numbers: the parity tests of the image models.
RUN_TENSORS = """async ([id, variant, backend, inputs]) => {
    const m = await vitrine.load(id, {variant, backend});
    const feeds = {};
    for (const [name, t] of Object.entries(inputs)) feeds[name] = {type: t.type, dims: t.dims, data: Float32Array.from(t.data)};
    const out = await m.run(feeds);
    const r = {backend: m.backend, reason: m.backendReason, outputs: {}};
    for (const [name, t] of Object.entries(out)) r.outputs[name] = Array.from(t.data, Number);
    m.dispose();
    return r;
}"""


@pytest.fixture(scope="module")
def entry(request: pytest.FixtureRequest, built_site: BuiltSite) -> dict:
    """The manifest entry of the model the test module names (its MODEL), in the built site."""
    manifest = json.loads((built_site.site / "models" / "manifest.json").read_text())
    return next(m for m in manifest["models"] if m["id"] == request.module.MODEL)


@pytest.fixture(scope="module")
def fixtures(built_site: BuiltSite, entry: dict) -> dict:
    """The parity fixtures of that model's first variant (Python onnxruntime's inputs, outputs and answers)."""
    return json.loads((built_site.site / "models" / entry["variants"][0]["fixtures"]).read_text())


def check_raw_parity(session: Session, entry: dict, fixtures: dict, backend: str) -> None:
    """Every fixture input through `m.run` on `backend`: integer outputs equal Python's, the others within the
    variant's tolerance; and the page stayed quiet and local."""
    variant = entry["variants"][0]
    r = session.page.evaluate(RUN_TENSORS, [entry["id"], variant["name"], backend, fixtures["inputs"]])
    assert r["backend"] == backend, r["reason"]
    for name, want in fixtures["outputs"].items():
        got = np.array(r["outputs"][name])
        if want["type"] == "int64":
            assert np.array_equal(got, np.array(want["data"])), name
            continue
        diff = float(np.abs(got - np.array(want["data"])).max())
        print(f"{entry['id']} on {backend}: {name} max |Δ| = {diff:.2e} over {got.size} values (tolerance {variant['tolerance']:g})")
        assert diff <= variant["tolerance"], name
    assert session.errors == [] and session.foreign_requests() == []
