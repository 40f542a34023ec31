"""SIGTERM and SIGHUP stop the dev server as Ctrl+C does (builder/stop_signals.py); the whole shutdown,
with a real server, is tested in tests/build/test_authoring_loop.py."""

from __future__ import annotations

import os
import signal

import pytest

from builder.stop_signals import SIGNALS, stop_as_interrupt


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_stop_signal_raises_keyboard_interrupt_until_restored(sig: int) -> None:
    assert signal.getsignal(sig) == signal.SIG_DFL
    restore = stop_as_interrupt()
    try:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), sig)
    finally:
        restore()
    assert signal.getsignal(sig) == signal.SIG_DFL


def test_a_handler_someone_else_set_is_kept() -> None:
    caught: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: caught.append(signum))
    try:
        restore = stop_as_interrupt()
        os.kill(os.getpid(), signal.SIGTERM)
        restore()
        assert caught == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)
