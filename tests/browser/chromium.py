"""Which Chromium the browser tests drive.

Order: $VITRINE_CHROMIUM, then Playwright's own download (on a laptop, after `playwright install
chromium`), then a system Chromium (Debian's `chromium`, where Playwright cannot download).
`python -m tests.browser.chromium --ensure` prints the choice, or tries `playwright install
chromium` and explains what to do when that fails too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


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


def main(argv: list[str]) -> int:
    found = find_chromium()
    if found is None and "--ensure" in argv:
        print("No Chromium found; trying `playwright install chromium` ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
        found = find_chromium()
    if found is None:
        print(
            "No Chromium for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`),"
            " or run `python -m playwright install chromium`, or set VITRINE_CHROMIUM=/path/to/chrome.",
            file=sys.stderr,
        )
        return 1
    print(f"browser tests use {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
