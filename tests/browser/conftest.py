"""Browser fixtures: the built site over local HTTP, and Playwright driving a real Chromium."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, sync_playwright

from builder.browser import CHROMIUM_ARGS, find_chromium, serve_directory

from ..conftest import BuiltSite


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    with serve_directory(built_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def launch() -> Iterator[Callable[..., Browser]]:
    """launch(*extra_args): a Chromium with the standard flags plus `extra_args` (closed at the end)."""
    executable = find_chromium()
    assert executable, "no Chromium: run `make browser` (see tests/browser/chromium.py)"
    with sync_playwright() as p:
        browsers: list[Browser] = []

        def start(*extra_args: str) -> Browser:
            browsers.append(p.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, *extra_args]))
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
    and requests. Pass service_workers="block" to keep the site's service worker out: it reloads a
    demo page once to turn on isolation, and `page.route` does not see requests it answers.
    """
    context: BrowserContext = browser.new_context(**context_options)  # type: ignore[arg-type]
    page = context.new_page()
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
    """A session on the site's home page (no demo on it): tests drive `window.vitrine` themselves."""
    s = open_session(browser, site_url, service_workers="block")
    s.page.goto(site_url)
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
