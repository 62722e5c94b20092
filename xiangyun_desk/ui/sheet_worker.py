"""Run one spreadsheet job (read + preview, import, export) on its own QThread.

The job function gets ``progress(done, total)`` and ``cancelled()`` callables and must not touch
widgets; results come back through queued signals, so the slots run on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class SheetWorker(QObject):
    """Runs ``fn(progress, cancelled)`` when its thread starts."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, fn: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]):
        super().__init__()
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(lambda done, total: self.progressed.emit(int(done), int(total)),
                              self._cancel.is_set)
        except Exception as exc:  # reported on the GUI thread
            log.info("sheet job ended: %r", exc)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class SheetJob(QObject):
    """A worker on its own thread; keep a reference until ``done`` fires."""

    progressed = Signal(int, int)
    done = Signal(object)  # the result
    error = Signal(object)  # the exception

    def __init__(self, fn, parent: QObject | None = None):
        super().__init__(parent)
        self.thread = QThread()
        self.worker = SheetWorker(fn)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self.progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self.thread.quit)
        self.running = False

    def start(self) -> SheetJob:
        self.running = True
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.worker.cancel()

    def _stopped(self) -> None:
        # The worker has emitted its result: its thread ends right after, so wait for it here
        # (a QThread destroyed while running aborts the program).
        self.running = False
        self.thread.quit()
        self.thread.wait(5000)

    def _succeeded(self, result) -> None:
        self._stopped()
        self.done.emit(result)

    def _failed(self, exc) -> None:
        self._stopped()
        self.error.emit(exc)

    def wait(self, ms: int = 30000) -> bool:
        return self.thread.wait(ms)
