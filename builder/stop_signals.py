"""A dev server stopped by SIGTERM or SIGHUP (`kill`, a process manager, a closed terminal) shuts down as
it does on Ctrl+C. Their default action ends the process at once: MkDocs then leaves its temporary site
(hundreds of MB) in the temp folder, and the first model build (builder/first_build.py) runs on as an
orphan. As a KeyboardInterrupt, they go through `mkdocs serve`'s own shutdown, which calls the plugins'
`on_shutdown` and removes the temporary site.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Callable

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def stop_as_interrupt() -> Callable[[], None]:
    """Make SIGTERM and SIGHUP raise KeyboardInterrupt where they would end the process; returns the call
    that puts the handlers back. Handlers someone else set are kept, and off the main thread (where Python
    cannot set handlers) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {sig: signal.signal(sig, _interrupt) for sig in SIGNALS if signal.getsignal(sig) == signal.SIG_DFL}

    def restore() -> None:
        for sig, handler in previous.items():
            if signal.getsignal(sig) is _interrupt:
                signal.signal(sig, handler)

    return restore
