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
import mimetypes
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, Union

# What a `respond` hook returns for a path: None (serve the file as usual), the bytes to send instead
# (with a matching Content-Length), or (bytes, declared Content-Length) to send fewer bytes than the
# header promises and close the connection, like a dropped download.
Override = Union[bytes, tuple[bytes, int], None]

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without these Chromium calls Google's hosts at start-up, which muddies "no request leaves" checks.
CHROMIUM_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)


class DiskProfiles:
    """Chromium contexts, each in a fresh profile on disk (new_context() like Browser.new_context()).

    Playwright's `browser.new_context()` is off the record: its HTTP cache lives in memory and keeps no
    file over a few MB, so onnxruntime-web's 12 MB .wasm (and a large model) would be downloaded again
    on every reload, which no visitor's browser does. Cold/warm-reload timings need real profiles.
    """

    def __init__(self, playwright: Any, executable: str, args: Sequence[str]) -> None:
        self._playwright, self._executable, self._args = playwright, executable, list(args)
        self._dirs: list[str] = []
        self._context_dirs: dict[int, str] = {}

    def new_context(self, **options: Any) -> Any:
        self._dirs.append(tempfile.mkdtemp(prefix="vitrine-profile-"))
        context = self._playwright.chromium.launch_persistent_context(
            self._dirs[-1], executable_path=self._executable, args=self._args, **options)
        self._context_dirs[id(context)] = self._dirs[-1]
        return context

    def cpu_seconds(self, context: Any) -> float | None:
        """CPU time (user + system) that the Chromium running `context` has used so far, all its processes
        together (browser, renderers, GPU, network); None where it cannot be read (not Linux). Each
        profile is a browser of its own, whose process id Chromium writes into the profile's SingletonLock
        ("<host>-<pid>")."""
        try:
            pid = int(os.readlink(Path(self._context_dirs[id(context)]) / "SingletonLock").rsplit("-", 1)[1])
        except (KeyError, OSError, ValueError, IndexError):
            return None
        return process_tree_cpu_seconds(pid)

    def remove(self) -> None:
        """Delete the profiles' folders (close their contexts first)."""
        for folder in self._dirs:
            shutil.rmtree(folder, ignore_errors=True)
        self._dirs.clear()


def process_tree_cpu_seconds(pid: int) -> float | None:
    """CPU seconds (user + system) used so far by process `pid` and all its descendants, from /proc;
    None where there is no /proc or `pid` is gone."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # exited meanwhile
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    if pid not in used:
        return None
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    total, frontier = 0.0, [pid]
    while frontier:
        process = frontier.pop()
        total += used[process]
        frontier += children.get(process, [])
    return total


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
    cache_control: str | None = None
    respond: Callable[[str], Override] | None = None
    extra_headers: Callable[[str], dict[str, str]] | None = None  # not `headers`: the request's, once parsed

    def do_GET(self) -> None:
        if self.log is not None:
            self.log.append(self.path)
        override = type(self).respond(self.path) if type(self).respond is not None else None
        if override is None:
            super().do_GET()
            return
        body, length = override if isinstance(override, tuple) else (override, len(override))
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(self.path.split("?")[0])[0] or "application/octet-stream")
        self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(body)
        if len(body) < length:
            self.close_connection = True

    def end_headers(self) -> None:
        if self.isolate:  # what a host configured for WASM threads sends (GitHub Pages cannot)
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        if self.cache_control is not None:  # e.g. GitHub Pages' "max-age=600"
            self.send_header("Cache-Control", self.cache_control)
        elif self.revalidate:  # like hosts that revalidate every file; else Chromium guesses freshness
            self.send_header("Cache-Control", "no-cache")
        for name, value in (type(self).extra_headers(self.path) if type(self).extra_headers is not None else {}).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_directory(
    root: Path,
    isolate: bool = False,
    log: list[str] | None = None,
    revalidate: bool = False,
    cache_control: str | None = None,
    respond: Callable[[str], Override] | None = None,
    headers: Callable[[str], dict[str, str]] | None = None,
) -> Iterator[str]:
    """Serve `root` on a free loopback port; yields the base URL (ends with '/').

    `isolate` adds COOP/COEP headers; `log`, when given, receives the path of every GET the server
    saw; `revalidate` sends `Cache-Control: no-cache`; `cache_control`, when given, is sent as the
    Cache-Control header instead (e.g. GitHub Pages' "max-age=600"); `respond`, when given, is called
    with every GET's path (query included) and may return what to send instead of the file (see
    Override), e.g. a damaged copy for a test; `headers`, when given, is called with every request's
    path and returns more headers to send (e.g. a Content-Security-Policy).
    """
    attrs = {"isolate": isolate, "log": log, "revalidate": revalidate, "cache_control": cache_control,
             "respond": staticmethod(respond) if respond is not None else None,
             "extra_headers": staticmethod(headers) if headers is not None else None}
    handler = functools.partial(type("Handler", (_Handler,), attrs), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
