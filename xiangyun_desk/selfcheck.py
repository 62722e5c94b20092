"""``xiangyun-desk self-check``: does this installed build work? (no screen needed)

Checks, each printed on its own line as OK / SKIP / WARN / FAIL:

- resources: the shipped translations load (ours and Qt's qtbase_zh_CN), fonts, icons and the user
  guide are there;
- migrations: the Alembic scripts are on disk where storage/db.py looks for them;
- database: a temporary data directory is created, migrated, set up, a record with Chinese text is
  written, read back, and read again after reopening;
- reports: a PDF ledger with Chinese text (and a rare character that needs the fallback font) is
  rendered, when ``xiangyun_desk.services.reports`` is in the build;
- bundles: a sync bundle is exported and imported again, when ``xiangyun_desk.services.bundles`` is
  in the build;
- window: the main window is built, shown and painted (offscreen unless a platform is set);
- platform plugin (Linux): the X11 platform plugin's system libraries are present (a WARN, since
  a server without X11 libraries can still run everything else).

The exit status is 1 when any check FAILs. ``--startup-time`` instead starts the window on an
existing data directory like a normal start and prints how long it took from process start until
the window was shown (used by installer/measure_startup.py).

The subcommand is registered by :mod:`xiangyun_desk.cli.selfcheck_cmd`, which imports this module
only when the command runs; it still imports nothing heavy at module level.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import __version__

OK, SKIP, WARN, FAIL = "OK", "SKIP", "WARN", "FAIL"
RARE_CHAR = "\U0002C317"  # 𬌗: CJK Extension C, only in the bundled HanaMinB fallback font
RECORD_NAME = "自检张" + RARE_CHAR


class Skip(Exception):
    """A check that does not apply to this build."""


class Warn(Exception):
    """A problem worth reporting that does not fail the self-check."""


class Context:
    """State shared by the checks: one temporary data directory and the desk opened on it."""

    def __init__(self, root: Path):
        self.root = root
        self.data_dir = root / "data"
        self.desk = None
        self.record_id: str | None = None

    def close(self) -> None:
        if self.desk is not None:
            self.desk.close()
            self.desk = None


def _optional_module(name: str):
    """The module, or None when it is not part of this build (other import errors propagate)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
            return None
        raise


# ---- the checks -------------------------------------------------------------------------------

def check_resources(ctx: Context) -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from .resources import GUIDE_FILE, resources_dir, translation_file

    folder = resources_dir()
    ours = QTranslator()
    if not ours.load(str(translation_file("zh_CN"))):
        raise RuntimeError(f"cannot load {translation_file('zh_CN')}")
    sample = ours.translate("MainWindow", "Overview")
    if sample != "概览":
        raise RuntimeError(f"translation of 'Overview' is {sample!r}, expected 概览")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    if not qtbase.load("qtbase_zh_CN", qt_dir):
        raise RuntimeError(f"cannot load Qt's qtbase_zh_CN.qm from {qt_dir}")
    missing = [name for name in ("fonts/wqy-microhei.ttc", "icons/xiangyun-desk-256.png",
                                 GUIDE_FILE)  # 帮助 → 使用说明
               if not (folder / name).is_file() or (folder / name).stat().st_size == 0]
    if missing:
        raise RuntimeError(f"missing in {folder}: {', '.join(missing)}")
    fonts = sorted(p.name for p in (folder / "fonts").glob("*.tt[fc]"))
    return f"{folder}; translations 概览 and qtbase_zh_CN load; fonts {', '.join(fonts)}"


def check_migrations(ctx: Context) -> str:
    from .storage.db import MIGRATIONS, head_revision

    env = MIGRATIONS / "env.py"
    versions = sorted(p.name for p in (MIGRATIONS / "versions").glob("*.py"))
    if not env.is_file() or not versions:
        raise RuntimeError(f"Alembic scripts not found in {MIGRATIONS}")
    head = head_revision()
    if not head:
        raise RuntimeError("no head revision")
    return f"{MIGRATIONS}: {len(versions)} revision(s), head {head}"


def check_database(ctx: Context) -> str:
    from .services.desk import Desk
    from .storage.db import DB_FILENAME

    ctx.desk = Desk(ctx.data_dir)
    identity = ctx.desk.initialize("station", "99", "自检职工之家", "祥云县", ["自检员"])
    when = dt.datetime.now().replace(second=0, microsecond=0)
    ctx.record_id = ctx.desk.visits.create({
        "visited_at": when.strftime("%Y-%m-%d %H:%M"), "name": RECORD_NAME,
        "purpose": "legal", "status": "done"})
    stored = ctx.desk.visits.get(ctx.record_id)
    if stored["name"] != RECORD_NAME:
        raise RuntimeError(f"read back {stored['name']!r}, wrote {RECORD_NAME!r}")
    ctx.desk.close()
    ctx.desk = Desk(ctx.data_dir)  # reopen: the migrated file is recognised and kept
    again = ctx.desk.visits.get(ctx.record_id)
    if again["name"] != RECORD_NAME or ctx.desk.identity.code != identity.code:
        raise RuntimeError("the record or the station set-up did not survive reopening")
    size = (ctx.data_dir / DB_FILENAME).stat().st_size
    return (f"created, migrated and reopened {ctx.data_dir / DB_FILENAME} ({size} bytes); "
            f"wrote and read back visit {RECORD_NAME}")


def _pdf_summary(data: bytes) -> tuple[int, list[str]]:
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    fonts = sorted({m.decode("latin-1") for m in re.findall(rb"/BaseFont\s*/([\w+.-]+)", data)})
    return pages, fonts


def check_reports(ctx: Context) -> str:
    reports = _optional_module("xiangyun_desk.services.reports")
    if reports is None:
        raise Skip("xiangyun_desk.services.reports is not in this build")
    if ctx.desk is None:
        raise RuntimeError("needs the database check")
    today = dt.date.today()
    period = reports.ReportPeriod.parse(f"{today:%Y-%m}")
    out = ctx.root / "ledger.pdf"
    reports.generate_report(ctx.desk, reports.ReportRequest("ledger", period, register="visits"),
                            out)
    data = out.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise RuntimeError(f"{out} is not a complete PDF")
    pages, fonts = _pdf_summary(data)
    if b"/FontFile2" not in data or not fonts:
        raise RuntimeError("no embedded TrueType font in the PDF")
    if not any("HanaMin" in f for f in fonts):
        raise RuntimeError(f"the fallback font for {RARE_CHAR} is not embedded (fonts: {fonts})")
    return (f"ledger of visits, {pages} page(s), {len(data)} bytes, "
            f"embedded fonts {', '.join(fonts)}")


def check_bundles(ctx: Context) -> str:
    bundles = _optional_module("xiangyun_desk.services.bundles")
    if bundles is None:
        raise Skip("xiangyun_desk.services.bundles is not in this build")
    if ctx.desk is None or ctx.record_id is None:
        raise RuntimeError("needs the database check")
    from .services.desk import Desk

    usb = ctx.root / "usb"
    usb.mkdir()
    county = Desk(ctx.root / "county")
    try:
        county.initialize("county", "532923", "自检县总工会")
        bundles.load_county_card(ctx.desk, bundles.county_card(county).to_json().encode())
        from .services.stations import StationRegistry

        station = ctx.desk.identity  # enrolled as the county would: by its key fingerprint
        StationRegistry(county).add(station.code, station.name,
                                    fingerprint_text=bundles.station_key_fingerprint(ctx.desk))
        made = bundles.export_bundle(ctx.desk, usb)  # signed, encrypted to the county, verified
        first = bundles.import_bundle(county, made.path)
        if first.status != "applied":
            raise RuntimeError(f"the county did not apply the bundle: {first.status} "
                               f"{first.reason_code}")
        arrived = county.visits.get(ctx.record_id)["name"]
        if arrived != RECORD_NAME:
            raise RuntimeError(f"the county has {arrived!r}, the station wrote {RECORD_NAME!r}")
        again = bundles.import_bundle(county, made.path)
        if again.status != "duplicate":
            raise RuntimeError(f"importing the same bundle twice gave {again.status}")
    finally:
        county.close()
    return (f"exported {made.path.name} ({made.size} bytes, {made.total} records), imported "
            f"into a temporary county database (applied, then duplicate); {RECORD_NAME} arrived")


def _ensure_platform() -> str:
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return os.environ["QT_QPA_PLATFORM"]


def check_window(ctx: Context) -> str:
    if ctx.desk is None:
        raise RuntimeError("needs the database check")
    platform = _ensure_platform()
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from .app import build_main_window

    app = QApplication.instance() or QApplication([sys.argv[0]])
    ctx.close()  # the window opens its own desk on the same directory
    window = build_main_window(ctx.data_dir)
    try:
        window.show()
        for _ in range(5):
            app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the main window did not paint")
        metrics = QFontMetrics(app.font())
        missing = [ch for ch in "祥云职工之家" if not metrics.inFontUcs4(ord(ch))]
        if missing:
            raise RuntimeError(f"the UI font {app.font().family()} lacks {''.join(missing)}")
        if app.windowIcon().isNull():
            raise RuntimeError("the application icon did not load")
        title = window.windowTitle()
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return (f"platform {platform}: main window {image.width()}x{image.height()} shown and "
            f"painted, title {title!r}, font {app.font().family()}")


def check_platform_plugin(ctx: Context) -> str:
    if not sys.platform.startswith("linux"):
        raise Skip("only on Linux")
    from .platform_libs import packages_for, plugin_missing_libraries, xcb_plugin

    xcb = xcb_plugin()
    if not xcb.is_file():
        raise RuntimeError(f"{xcb} is missing")
    missing = plugin_missing_libraries(xcb)
    if missing:
        raise Warn(f"the X11 platform plugin {xcb.name} cannot load here, missing "
                   f"{', '.join(missing)}: for the window to open on X11 install them "
                   f"(sudo apt install {' '.join(packages_for(missing))}; for the installed "
                   ".deb: sudo apt-get install -f)")
    return f"{xcb} and its system libraries load"


CHECKS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("resources", check_resources),
    ("migrations", check_migrations),
    ("database", check_database),
    ("reports", check_reports),
    ("bundles", check_bundles),
    ("window", check_window),
    ("platform plugin", check_platform_plugin),
)


def run_checks(keep: bool = False, out=None) -> int:
    out = out or sys.stdout
    frozen = getattr(sys, "frozen", False)
    where = (f"frozen build in {Path(sys.executable).parent}" if frozen
             else f"Python {sys.version.split()[0]}")
    print(f"xiangyun-desk {__version__} self-check ({where}, {sys.platform})", file=out, flush=True)
    root = Path(tempfile.mkdtemp(prefix="xyd-selfcheck-"))
    ctx = Context(root)
    counts = {OK: 0, SKIP: 0, WARN: 0, FAIL: 0}
    try:
        for name, check in CHECKS:
            started = time.perf_counter()
            try:
                detail, status = check(ctx), OK
            except Skip as exc:
                detail, status = str(exc), SKIP
            except Warn as exc:
                detail, status = str(exc), WARN
            except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next check
                detail, status = f"{type(exc).__name__}: {exc}", FAIL
                if os.environ.get("XYD_SELFCHECK_TRACEBACK"):
                    traceback.print_exc(file=out)
            counts[status] += 1
            took = time.perf_counter() - started
            print(f"  {status:<4}  {name}: {detail} [{took:.2f} s]", file=out, flush=True)
    finally:
        ctx.close()
        if keep:
            print(f"kept {root}", file=out)
        else:
            shutil.rmtree(root, ignore_errors=True)
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    verdict = "FAILED" if counts[FAIL] else "passed"
    print(f"self-check {verdict}: {summary}", file=out, flush=True)
    return 1 if counts[FAIL] else 0


# ---- start-up time ----------------------------------------------------------------------------

def process_age() -> float | None:
    """Seconds since this process started, from the operating system (None if unknown)."""
    try:
        if sys.platform.startswith("linux"):
            stat = Path("/proc/self/stat").read_text()
            start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            ft = [wintypes.FILETIME() for _ in range(4)]
            handle = ctypes.windll.kernel32.GetCurrentProcess()
            ctypes.windll.kernel32.GetProcessTimes(handle, *[ctypes.byref(f) for f in ft])
            now = wintypes.FILETIME()
            ctypes.windll.kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))
            value = lambda f: (f.dwHighDateTime << 32) | f.dwLowDateTime  # noqa: E731
            return (value(now) - value(ft[0])) / 1e7
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return None


def startup_time(data_dir: Path) -> int:
    """Start the window as ``xiangyun-desk`` does, print the time to 'shown', and quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from .app import open_desk_interactively, prepare_application
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    lang = prepare_application(app, data_dir)
    desk = open_desk_interactively(app, data_dir)
    if desk is None:
        return 1
    if desk.identity is None:
        desk.close()
        print("the data directory is not set up: run xiangyun-desk init first", file=sys.stderr)
        return 1
    window = MainWindow(desk, lang)

    def shown() -> None:
        age = process_age()
        print(f"window shown: {age:.3f} s after process start" if age is not None
              else "window shown", flush=True)
        window.close()
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and obj is window:
                window.removeEventFilter(self)
                QTimer.singleShot(0, shown)  # once the first paint is done
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    window.show()
    code = app.exec()
    desk.close()
    return code
