"""A private, writable copy of the built site behind an HTTP server that logs every request it serves,
so tests can assert what really reached the network (not what a service worker or cache answered)."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from builder.browser import serve_directory


@dataclass
class LoggedSite:
    root: Path
    url: str
    log: list[str] = field(default_factory=list)

    def served(self, suffix: str) -> list[str]:
        return [p for p in self.log if p.split("?")[0].endswith(suffix)]


@contextmanager
def logged_site_copy(site: Path, dest: Path) -> Iterator[LoggedSite]:
    """Serve a copy of `site`; the server asks browsers to revalidate, so an edited file is seen on reload."""
    shutil.copytree(site, dest)
    logged = LoggedSite(dest, "")
    with serve_directory(dest, log=logged.log, revalidate=True) as url:
        logged.url = url
        yield logged
