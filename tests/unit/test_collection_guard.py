"""The suite's own guard: a whole run names its per-folder counts and refuses a test file that collects nothing."""

from __future__ import annotations

import subprocess
import sys

from ..conftest import REPO


def collect(*options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *options],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )


def test_whole_run_reports_counts_per_folder() -> None:
    proc = collect()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    line = next(l for l in proc.stdout.splitlines() if l.startswith("collected per folder: "))
    counts = dict(part.rsplit(" ", 1) for part in line.removeprefix("collected per folder: ").split(", "))
    assert set(counts) == {"tests/browser", "tests/build", "tests/unit"}
    assert all(int(n) > 0 for n in counts.values()), counts


def test_a_folder_that_drops_out_fails_the_run() -> None:
    # What pytest's default norecursedirs did to tests/build/ before the guard existed.
    proc = collect("-o", "norecursedirs=build .* node_modules")
    assert proc.returncode != 0
    assert "tests/build/test_site.py" in proc.stdout + proc.stderr
