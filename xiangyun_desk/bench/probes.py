"""The benchmark's child processes (Qt, offscreen). Each prints JSON lines on stdout.

``python -m xiangyun_desk.bench.probes MODE DATA_DIR [ARGS]``:

- :data:`APP_CODE` (``python -c``): the real entry point (``xiangyun-desk --data-dir DIR``)
  with a probe that signs in with the bench account when asked and prints ``{"shown": ...}``
  once the main window's first frame is painted, then quits.
- ``window``: builds the main window, then times opening the visitor log (query + first paint)
  and jumping to its last row; reports the peak resident memory of the process.
- ``search``: types names, phone numbers and pinyin initials into the visitor log's table model
  (keystroke -> model refreshed and the first screen's cells read) and replays the SQL that
  each keystroke ran on a plain sqlite3 connection, for the baseline.

The start-up baseline (an empty QMainWindow) is :data:`BASELINE_CODE`, run with ``python -c`` so
that it imports nothing of this program.
"""

from __future__ import annotations

import json
import os
import sys
import time

SCREEN_ROWS = 30  # rows of a maximised table on a 1080p screen (26 px each)

BENCH_USER = "bench"
BENCH_PASSWORD = "Xiangyun-bench-2026"

# Shared by the baseline and the app probe: print a line when the main window's first frame is
# painted (its first expose), then quit. The app's sign-in dialog, when it appears, is answered
# at once with the bench account: the line {"dialog": ...} marks it, and the time the sign-in
# itself took (password hashing by design) is reported with the main window's line.
_FIRST_FRAME = r'''
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow


def _peak_mb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _FirstFrame(QObject):
    def __init__(self, app, user="", password=""):
        super().__init__()
        self.app = app
        self.user, self.password = user, password
        self.done = False
        self.dialogs = set()
        self.sign_in_s = None

    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) \
                and obj.isExposed():
            for w in QApplication.topLevelWidgets():
                if w.windowHandle() is not obj:
                    continue
                if isinstance(w, QMainWindow):
                    self.done = True
                    QTimer.singleShot(0, self.report)
                elif type(w).__name__ in ("SignInDialog", "FirstAdminDialog") \
                        and id(w) not in self.dialogs:
                    self.dialogs.add(id(w))
                    print(json.dumps({"dialog": type(w).__name__}), flush=True)
                    QTimer.singleShot(0, lambda w=w: self.sign_in(w))
        return False

    def sign_in(self, dialog):
        if type(dialog).__name__ != "SignInDialog" or not self.user:
            print(json.dumps({"error": "no bench account to sign in with"}), flush=True)
            self.app.exit(3)
            return
        dialog.username.setEditText(self.user)
        dialog.password.setText(self.password)
        start = time.perf_counter()
        dialog.try_sign_in()
        self.sign_in_s = time.perf_counter() - start

    def report(self):
        print(json.dumps({"shown": True, "peak_mb": _peak_mb(), "sign_in_s": self.sign_in_s}),
              flush=True)
        QTimer.singleShot(0, self.app.quit)


_app = QApplication(sys.argv[:1])
_probe = _FirstFrame(_app, *sys.argv[2:4])
_app.installEventFilter(_probe)
'''

BASELINE_CODE = _FIRST_FRAME + r'''
_window = QMainWindow()
_window.show()
_app.exec()
'''

APP_CODE = _FIRST_FRAME + r'''
from xiangyun_desk.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
'''


def peak_mb() -> float:
    """Peak resident set size of this process in MB (VmHWM)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(**values) -> None:
    print(json.dumps(values, ensure_ascii=False), flush=True)


def _application():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


# ---- window: open a register tab, jump to the last row, peak memory -------------------------

def window_probe(data_dir: str, register: str = "visits") -> None:
    from PySide6.QtCore import QItemSelectionModel

    from xiangyun_desk.app import build_main_window

    app = _application()
    window = build_main_window(data_dir)
    window.show()
    app.processEvents()
    window.tabs.setCurrentIndex(0)  # the overview
    app.processEvents()
    tab = window.register_tabs[register]
    view = tab.views[0]
    table = view.table

    start = time.perf_counter()
    view.apply_filters()  # what opening the register costs: the query ...
    window.tabs.setCurrentWidget(tab)
    app.processEvents()
    window.repaint()  # ... and the first screen painted
    open_s = time.perf_counter() - start
    rows = view.model.rowCount()

    start = time.perf_counter()
    last = view.model.index(rows - 1, 0)
    table.selectionModel().setCurrentIndex(
        last, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(last)
    app.processEvents()
    window.repaint()
    jump_s = time.perf_counter() - start
    shown = view.model.data(last)
    emit(open_s=open_s, jump_s=jump_s, rows=rows, last_row_shown=shown is not None,
         peak_mb=peak_mb())


# ---- search as you type ------------------------------------------------------------------

def _people(desk, count: int = 3) -> list[dict]:
    """Visitors to look for, spread over the register (deterministic)."""
    from sqlalchemy import text

    from xiangyun_desk.domain.search import pinyin_initials

    with desk.db.engine.connect() as conn:
        top = conn.execute(text("SELECT max(rowid) FROM visit")).scalar() or 0
        people = []
        for i in range(count):
            row = conn.execute(text(
                "SELECT name, phone_norm FROM visit WHERE rowid >= :r AND deleted_at IS NULL "
                "AND phone_norm IS NOT NULL AND length(name) BETWEEN 2 AND 3 "
                "ORDER BY rowid LIMIT 1"), {"r": top * (i + 1) // (count + 1)}).first()
            if row:
                people.append({"name": row[0], "phone": row[1],
                               "initials": pinyin_initials(row[0])[0]})
    return people


def keystrokes(people: list[dict]) -> list[str]:
    """What the search box holds after each keystroke: a name, its initials and a phone
    number typed one character at a time, each followed by clearing the box."""
    typed: list[str] = []
    for person in people:
        for word in (person["name"], person["initials"], person["phone"]):
            typed += [word[:i] for i in range(1, len(word) + 1)]
            typed.append("")
    return typed


def word_keystrokes(people: list[dict]) -> list[str]:
    """Several-word searches (every word must occur, any order): the surname and the phone
    number, the initials and the phone's last four digits, typed one character at a time."""
    typed: list[str] = []
    for person in people:
        for words in (f"{person['name'][0]} {person['phone']}",
                      f"{person['initials']} {person['phone'][-4:]}"):
            typed += [words[:i] for i in range(1, len(words) + 1)]
            typed.append("")
    return typed


class _Replay:
    """Captures the SQL a program step runs (SQLAlchemy) and replays it on a plain sqlite3
    connection to the same file: the baseline of the search and sort scenarios."""

    def __init__(self, desk, data_dir: str):
        import sqlite3
        from pathlib import Path

        from sqlalchemy import event

        from xiangyun_desk.storage.db import DB_FILENAME, register_functions

        self.statements: list[tuple[str, object, bool]] = []
        event.listen(desk.db.engine, "before_cursor_execute", self._capture)
        self.raw = sqlite3.connect(f"file:{Path(data_dir) / DB_FILENAME}?mode=ro", uri=True,
                                   isolation_level=None)
        register_functions(self.raw)  # the same functions as the program's connections

    def _capture(self, _conn, _cursor, statement, parameters, _context, executemany):
        # Transaction control is left out: the plain connection runs each query on its own.
        if statement.strip().upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            self.statements.append((statement, parameters, executemany))

    def replay(self) -> tuple[float, int]:
        """Seconds to run what was captured since the last call, and how many statements."""
        replay = list(self.statements)
        self.statements.clear()
        start = time.perf_counter()
        for statement, parameters, many in replay:
            if many:
                self.raw.executemany(statement, parameters)
            else:
                self.raw.execute(statement, parameters).fetchall()
        return time.perf_counter() - start, len(replay)


def _first_screen(model) -> None:
    """Read every cell of the first screen, as the view does to paint it."""
    columns = model.columnCount()
    for row in range(min(SCREEN_ROWS, model.rowCount())):
        for column in range(columns):
            model.data(model.index(row, column))


def sort_probe(data_dir: str, repeat: int) -> None:
    """Sort the visitor log and the relief visits by each listed column, both ways: the click
    on a heading to the first screen's cells read; the SQL replayed as the baseline."""
    from pathlib import Path

    from PySide6.QtCore import Qt

    from xiangyun_desk.services.desk import Desk
    from xiangyun_desk.ui.registers.tabs import ReliefTab, TabContext, VisitsTab

    _application()
    desk = Desk(Path(data_dir))
    ctx = TabContext(desk, "zh_CN", lambda: "")
    replay = _Replay(desk, data_dir)
    samples = []
    for name, tab_class in (("visits", VisitsTab), ("relief", ReliefTab)):
        tab = tab_class(ctx)
        model = tab.views[0].model
        model.refresh()
        for rep in range(repeat):
            for column, spec in enumerate(model.columns):
                if not model.service.sortable(spec.key):
                    continue
                for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                    replay.statements.clear()
                    start = time.perf_counter()
                    model.sort(column, order)
                    _first_screen(model)
                    model_s = time.perf_counter() - start
                    sql_s, count = replay.replay()
                    samples.append({"rep": rep, "register": name, "column": spec.key,
                                    "descending": order == Qt.SortOrder.DescendingOrder,
                                    "model_s": model_s, "sql_s": sql_s,
                                    "rows": model.rowCount(), "statements": count})
        model.sort(0, Qt.SortOrder.AscendingOrder)
    replay.raw.close()
    desk.close()
    emit(samples=samples)


def search_probe(data_dir: str, repeat: int, kind: str = "single") -> None:
    import sqlite3
    from pathlib import Path

    from sqlalchemy import event

    from xiangyun_desk.services.desk import Desk
    from xiangyun_desk.storage.db import DB_FILENAME
    from xiangyun_desk.ui.registers.tabs import TabContext, VisitsTab

    _application()
    desk = Desk(Path(data_dir))
    ctx = TabContext(desk, "zh_CN", lambda: "")
    tab = VisitsTab(ctx)  # kept alive: the model is its child
    model = tab.views[0].model
    columns = model.columnCount()
    statements: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, executemany):
        # Transaction control is left out: the plain connection runs each query on its own.
        if statement.strip().upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            statements.append((statement, parameters, executemany))

    event.listen(desk.db.engine, "before_cursor_execute", capture)
    raw = sqlite3.connect(f"file:{Path(data_dir) / DB_FILENAME}?mode=ro", uri=True,
                          isolation_level=None)
    try:  # same functions as the program's connections, in case a query uses them
        from xiangyun_desk.storage.db import register_functions
        register_functions(raw)
    except ImportError:
        pass
    people = _people(desk)
    typed = word_keystrokes(people) if kind == "words" else keystrokes(people)
    model.query.text = ""
    model.refresh()  # the register as it is before typing starts
    samples = []
    for rep in range(repeat):
        for text in typed:
            statements.clear()
            model.query.text = text
            start = time.perf_counter()
            model.refresh()
            shown = min(SCREEN_ROWS, model.rowCount())
            for row in range(shown):
                for column in range(columns):
                    model.data(model.index(row, column))
            model_s = time.perf_counter() - start
            replay = list(statements)
            start = time.perf_counter()
            for statement, parameters, many in replay:
                if many:
                    raw.executemany(statement, parameters)
                else:
                    raw.execute(statement, parameters).fetchall()
            sql_s = time.perf_counter() - start
            samples.append({"rep": rep, "text": text, "model_s": model_s, "sql_s": sql_s,
                            "rows": model.rowCount(), "statements": len(replay)})
    raw.close()
    desk.close()
    emit(people=people, samples=samples)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode, data_dir, *rest = argv
    if mode == "window":
        window_probe(data_dir, *rest)
    elif mode == "search":
        search_probe(data_dir, int(rest[0]) if rest else 1, *rest[1:2])
    elif mode == "sort":
        sort_probe(data_dir, int(rest[0]) if rest else 1)
    elif mode == "settings":  # set one UI setting (e.g. the tab open at start)
        from pathlib import Path

        from xiangyun_desk.ui.settings import ui_settings

        settings = ui_settings(Path(data_dir))
        settings.setValue(rest[0], rest[1])
        settings.sync()
    else:
        raise SystemExit(f"unknown probe {mode}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
