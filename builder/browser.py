"""A real browser for `vitrine bench` and the test suite: finding Chromium and serving a site locally.

Chromium: $VITRINE_CHROMIUM, then Playwright's own download (after `playwright install chromium`),
then a system Chromium (Debian's `chromium`, where Playwright cannot download).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without these Chromium calls Google's hosts at start-up, which muddies "no request leaves" checks.
CHROMIUM_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)


def playwright_chromium() -> str | None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        path = p.chromium.executable_path
    return path if path and Path(path).is_file() else None


def find_chromium() -> str | None:
    env = os.environ.get("VITRINE_CHROMIUM")
    if env:
        return env if Path(env).is_file() else None
    return playwright_chromium() or next((p for p in map(shutil.which, SYSTEM_NAMES) if p), None)


class _Handler(http.server.SimpleHTTPRequestHandler):
    isolate = False
    revalidate = False
    log: list[str] | None = None

    def do_GET(self) -> None:
        if self.log is not None:
            self.log.append(self.path)
        super().do_GET()

    def end_headers(self) -> None:
        if self.isolate:  # what a host configured for WASM threads sends (GitHub Pages cannot)
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        if self.revalidate:  # like hosts that revalidate every file; else Chromium guesses freshness
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_directory(root: Path, isolate: bool = False, log: list[str] | None = None, revalidate: bool = False) -> Iterator[str]:
    """Serve `root` on a free loopback port; yields the base URL (ends with '/').

    `isolate` adds COOP/COEP headers; `log`, when given, receives the path of every GET the server
    saw; `revalidate` sends `Cache-Control: no-cache`.
    """
    attrs = {"isolate": isolate, "log": log, "revalidate": revalidate}
    handler = functools.partial(type("Handler", (_Handler,), attrs), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
