"""The dev server's first model build, run beside it: `vitrine serve` on a fresh checkout serves its pages
at once, while the gallery builds (minutes on a clean checkout), and reloads them when the models are in.

The build runs in a child process (`python -m builder.first_build`), not a thread: training holds the
GIL for long stretches, which made the server's own first page build several times slower. It prints
its progress to the same terminal. MkDocs' live-reload server rebuilds when a file it watches changes
and has no public call to ask for a rebuild; so when the child has exited, a waiting thread writes a file
into a folder of this build's that the server watches (`watch`). Later builds (a card edited while
serving) stay in MkDocs' own rebuild: the content-hash manifest makes them quick.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

# How long the first build may take and still be waited for: an unchanged gallery (a restarted server)
# is checked in a few seconds, and its pages are then built with the models, as before.
WAIT_S = 3.0
# The server takes its first snapshot of a watched folder when it starts serving, just after `watch`;
# a file written before that snapshot would not count as a change.
_SETTLE_S = 1.0


class FirstBuild:
    """`build_models` in a child process; a build stopped midway (Ctrl+C stops both) leaves the last
    published models as they were (see manifest.staging)."""

    def __init__(self, cards_dir: Path, out_dir: Path) -> None:
        self.cards_dir = cards_dir
        self._dir = Path(tempfile.mkdtemp(prefix="vitrine-first-build-"))
        self._process = subprocess.Popen([sys.executable, "-m", __name__, str(cards_dir), str(out_dir)])
        self.done = threading.Event()
        self._watched = threading.Event()
        self._closed = False
        threading.Thread(target=self._wait, name="vitrine-first-build", daemon=True).start()

    def pending(self) -> list[str]:
        """The ids of the models being built: the cards' file names (each card's id is its file name)."""
        return sorted({p.stem for pattern in ("*.yaml", "*.yml") for p in self.cards_dir.glob(pattern)})

    def watch(self, server: Any) -> None:
        """Have the live-reload server rebuild the site when the build ends."""
        server.watch(str(self._dir))
        self._watched.set()

    def close(self) -> None:
        """Its outcome is taken, or the server stops: no rebuild is asked for, and a build still running stops."""
        self._closed = True
        self._watched.set()
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait()
        shutil.rmtree(self._dir, ignore_errors=True)

    def _wait(self) -> None:
        self._process.wait()
        self.done.set()
        self._watched.wait()
        time.sleep(_SETTLE_S)
        if not self._closed:
            with contextlib.suppress(OSError):  # closed meanwhile
                (self._dir / "built").write_text(time.strftime("%H:%M:%S"))


def _main(cards_dir: str, out_dir: str) -> int:
    from rich.console import Console

    from .errors import VitrineError
    from .pipeline import build_models

    try:
        build_models(Path(cards_dir), Path(out_dir), console=Console(stderr=True, soft_wrap=True))
    except VitrineError:
        return 1  # a card problem, or a model that failed: the server's next build, which follows, shows it
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(_main(*sys.argv[1:]))
