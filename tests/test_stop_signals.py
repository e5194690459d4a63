"""Ctrl-C and SIGTERM stop a job even when the exception the handler raises is lost (a signal
landing in a finaliser: Python prints "Exception ignored" and goes on, which CI caught)."""

import os
import signal

import pytest

from tarjama.job.runner import _Interrupted, _StopSignals


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_whose_exception_was_swallowed_is_still_seen(signum):
    # Python's own Ctrl-C handler, as in a terminal (a script's background job may ignore it).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        stops = _StopSignals()
        with stops:
            try:
                os.kill(os.getpid(), signum)
            except _Interrupted:
                pass  # what a finaliser does with it
            with pytest.raises(_Interrupted):
                stops.check()
    finally:
        signal.signal(signal.SIGINT, previous)


def test_handlers_are_restored_and_an_ignored_sigint_stays_ignored():
    term_before = signal.getsignal(signal.SIGTERM)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        stops = _StopSignals()
        with stops:
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) != term_before
        assert signal.getsignal(signal.SIGTERM) == term_before
        stops.check()  # nothing was asked
    finally:
        signal.signal(signal.SIGINT, previous)
