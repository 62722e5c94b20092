"""Background work: run a function on the thread pool, get the result back on the GUI thread.

The function must not touch widgets; ``done``/``failed`` run on the GUI thread (queued signal).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_running: set[_Relay] = set()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported on the GUI thread
            log.exception("background job failed")
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


def run_in_background(fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
                      failed: Callable[[Exception], None] | None = None) -> None:
    """Run ``fn`` off the GUI thread; ``done(result)`` or ``failed(exc)`` run on the GUI thread."""
    relay = _Relay()
    _running.add(relay)

    def finish(callback, value):
        _running.discard(relay)
        if callback:
            callback(value)

    relay.done.connect(lambda r: finish(done, r))
    relay.failed.connect(lambda e: finish(failed, e))
    QThreadPool.globalInstance().start(_Job(fn, relay))
