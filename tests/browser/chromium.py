"""`python -m tests.browser.chromium --ensure`: print the Chromium the browser tests use, or try
`playwright install chromium` and explain what to do when that fails too (see builder.browser)."""

from __future__ import annotations

import subprocess
import sys

from builder.browser import find_chromium


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
