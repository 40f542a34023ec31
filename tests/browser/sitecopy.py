"""A private, writable copy of the built site behind an HTTP server that logs every request it serves,
so tests can assert what really reached the network (not what a service worker or cache answered)."""

from __future__ import annotations

import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from builder.browser import Override, serve_directory

WORKER_DIR = Path(__file__).resolve().parents[2] / "worker"


def fetch_model_cache_name(worker_dir: Path = WORKER_DIR) -> str:
    """MODEL_CACHE as worker/fetch_model.js (the one writer of the model cache) declares it."""
    found = re.findall(r"^export const MODEL_CACHE = '([^']+)';$", (worker_dir / "fetch_model.js").read_text(), re.MULTILINE)
    assert len(found) == 1, found
    return found[0]


@dataclass
class LoggedSite:
    root: Path
    url: str
    log: list[str] = field(default_factory=list)

    def served(self, suffix: str) -> list[str]:
        return [p for p in self.log if p.split("?")[0].endswith(suffix)]


@contextmanager
def logged_site_copy(
    site: Path,
    dest: Path,
    cache_control: str | None = None,
    respond: Callable[[str], Override] | None = None,
) -> Iterator[LoggedSite]:
    """Serve a copy of `site`; the server asks browsers to revalidate, so an edited file is seen on reload.

    `cache_control` replaces that header (e.g. "max-age=600", GitHub Pages' default); `respond` may
    answer a path with other bytes than the file's (see builder.browser.serve_directory).
    """
    shutil.copytree(site, dest)
    logged = LoggedSite(dest, "")
    try:
        with serve_directory(dest, log=logged.log, revalidate=True, cache_control=cache_control, respond=respond) as url:
            logged.url = url
            yield logged
    finally:
        shutil.rmtree(dest, ignore_errors=True)
