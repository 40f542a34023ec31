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
