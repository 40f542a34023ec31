"""Build the site beside `site_dir` and swap it in only when the build succeeded.

MkDocs empties `site_dir` before it writes pages, so a failed or killed `mkdocs build` used to
leave a half-written or empty site. The plugin points MkDocs at a fresh sibling folder instead
and renames it over `site_dir` at the end; a failure leaves the last good site where it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

_PREFIX = ".vitrine-"  # <site>.vitrine-new-XXXX, <site>.vitrine-old-XXXX


def fresh_dir(site_dir: Path) -> Path:
    """An empty folder next to `site_dir` (same filesystem, so the swap is a rename); stale ones go."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in site_dir.parent.glob(f"{site_dir.name}{_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{site_dir.name}{_PREFIX}new-", dir=site_dir.parent))


def swap_in(new: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `new`: two renames, so a reader sees the old site or the new one."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}{_PREFIX}old-", dir=site_dir.parent))
        os.replace(site_dir, old / "site")
    os.replace(new, site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(new: Path) -> None:
    shutil.rmtree(new, ignore_errors=True)
