"""Take the screenshots of the user guide and of the README from the running program.

    python tools/screenshots.py [--guide DIR] [--readme DIR] [--only NAME ...]

Builds a station with demo data in a temporary folder (the same generator as
``xiangyun-desk demo-data``), opens the real windows and dialogs offscreen (the main window at
1024×768, the size the program must fit) and saves them as PNG:

* the guide's pictures into resources/guide/images (shipped in the package: 帮助 → 使用说明),
* the README's pictures into docs/screenshots (report pages through ``pdftoppm``; the exported
  sheet, sheet-export.png, through LibreOffice and ``pdftoppm`` — each skipped with a note where
  the program is not installed).

The pictures are reduced to a 256-colour palette (Pillow) so that the guide stays small in the
wheel. Chinese text comes from the bundled font (ui/fonts.py), like on a PC without one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

WINDOW_SIZE = (1024, 768)  # the smallest screen the program must fit (issue 11)


def _offscreen_screen(width: int, height: int) -> str:
    """Qt's offscreen platform with a screen of the given size (its default is 800 x 800, on
    which the program's first start maximises the window to 800 x 800)."""
    config = Path(tempfile.mkdtemp(prefix="xyd-shots-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = _offscreen_screen(*WINDOW_SIZE)
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xiangyun_desk.app import build_main_window, prepare_application  # noqa: E402
from xiangyun_desk.resources import resources_dir  # noqa: E402
from xiangyun_desk.services.bundles.keys import (  # noqa: E402
    KeyStore,
    county_card,
    fingerprint,
    public_key_b64,
    store_county_card,
)
from xiangyun_desk.services.demo import DemoGenerator  # noqa: E402
from xiangyun_desk.services.desk import Desk  # noqa: E402
from xiangyun_desk.services.stations import StationRegistry  # noqa: E402

STATION = ("03", "云南驿镇职工之家", "云南驿镇")
COUNTY = ("532923", "祥云县总工会")
STAFF = ["李红", "王建国", "杨丽"]
# What the folder fields show in the pictures: a station PC runs Windows, the stick is E:.
REPORT_FOLDER = "D:/职工之家/报表"
USB_FOLDER = "E:/"
WINDOWS_DATA_DIR = "C:\\Users\\zhanzhang\\AppData\\Local\\xiangyun-desk"
ADMIN = ("zhanzhang", "李红", "Yunnanyi-2026")
DEMO_ROWS = 3000
TODAY = dt.date.today()


def optimise(path: Path) -> None:
    """A 256-colour palette PNG: screenshots of a window lose nothing visible, and shrink 3-4×."""
    try:
        from PIL import Image, ImageDraw
    except ImportError:  # Pillow comes with ReportLab; without it the PNG stays as Qt wrote it
        return

    with Image.open(path) as image:
        framed = image.convert("RGB")
    # a thin frame: a dialog's grey must not melt into the guide's page
    ImageDraw.Draw(framed).rectangle([0, 0, framed.width - 1, framed.height - 1],
                                     outline=(150, 150, 150))
    small = framed.quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                                              dither=Image.Dither.NONE)
    small.save(path, optimize=True)


class Shots:
    """Saves widgets as PNG into a folder, remembering what it wrote."""

    def __init__(self, app: QApplication, folder: Path, only: set[str]):
        self.app = app
        self.folder = folder
        self.only = only
        self.written: list[Path] = []
        folder.mkdir(parents=True, exist_ok=True)

    def wanted(self, name: str) -> bool:
        return not self.only or name in self.only

    def settle(self, rounds: int = 5) -> None:
        for _ in range(rounds):
            self.app.processEvents()

    def save(self, widget: QWidget, name: str) -> None:
        if not self.wanted(name):
            return
        self.settle()
        path = self.folder / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        optimise(path)
        self.written.append(path)

    def modal(self, trigger: Callable[[], object], name: str,
              answer: QMessageBox.StandardButton | None = None,
              tidy: Callable[[QWidget], None] | None = None) -> None:
        """Grab the message box or dialog that ``trigger`` opens, then close it (No/Cancel
        unless ``answer`` says which button); ``tidy`` may first replace a temporary path."""
        def grab_and_close() -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(50, grab_and_close)
                return
            if tidy is not None:
                tidy(box)
            self.save(box, name)
            if isinstance(box, QMessageBox) and answer is not None:
                box.button(answer).click()
            else:
                box.reject()

        QTimer.singleShot(100, grab_and_close)
        trigger()


# ---- the pictures ----------------------------------------------------------------------------


def wizard_pages(shots: Shots, data: Path) -> None:
    """First start: the set-up wizard page by page, and the recovery code it shows at the end."""
    from xiangyun_desk.ui.security.signin import RecoveryCodeDialog
    from xiangyun_desk.ui.wizard import SetupWizard

    fresh = Desk(data / "fresh")
    wizard = SetupWizard(fresh)
    wizard.show()
    shots.save(wizard, "wizard-role")
    wizard.next()
    wizard.code.setText(STATION[0])
    wizard.name.setText(STATION[1])
    wizard.township.setText(STATION[2])
    shots.save(wizard, "wizard-ident")
    wizard.next()
    wizard.staff.setPlainText("\n".join(STAFF))
    shots.save(wizard, "wizard-staff")
    wizard.next()
    wizard.admin.username.setText(ADMIN[0])
    wizard.admin.display_name.setText(ADMIN[1])
    wizard.admin.password.setText(ADMIN[2])
    wizard.admin.repeat.setText(ADMIN[2])
    shots.save(wizard, "wizard-admin")
    wizard.close()
    fresh.close()
    code = RecoveryCodeDialog("7KQ4-M2XD-9HPA-TW3F-RC8N", STATION[1], ADMIN[0])
    code.show()
    shots.save(code, "recovery-code")
    code.done(0)


def make_station(data: Path) -> Path:
    """A station with demo records and its administrator (xiangyun-desk demo-data does the same)."""
    folder = data / "station"
    desk = Desk(folder)
    desk.initialize("station", STATION[0], STATION[1], STATION[2], STAFF)
    _user, code = desk.accounts.create_first_admin(*ADMIN)
    (data / "recovery-code.txt").write_text(code, encoding="utf-8")
    DemoGenerator(desk.db, STATION[0], seed=7).generate(DEMO_ROWS)
    county = Desk(data / "county")
    county.initialize("county", COUNTY[0], COUNTY[1])
    county.accounts.create_first_admin("xianzonggonghui", "赵敏", ADMIN[2])
    store_county_card(desk, county_card(county))  # 同步 → 载入县总工会密钥卡
    StationRegistry(county).add(STATION[0], STATION[1], STATION[2], fingerprint_text=fingerprint(
        public_key_b64(KeyStore(desk.data_dir).station_signing_key())))
    county.close()
    desk.close()
    return folder


def sign_in(shots: Shots, folder: Path) -> None:
    from xiangyun_desk.ui.security.signin import SignInDialog

    desk = Desk(folder)
    dialog = SignInDialog(desk)
    dialog.username.setCurrentText(ADMIN[0])
    dialog.show()
    shots.save(dialog, "signin")
    dialog.done(0)
    desk.close()


def register_tabs(guide: Shots, readme: Shots, window) -> None:
    """Each tab of the window at 1024×768, a several-word search, a form, delete confirmation."""
    names = ["overview", "visits", "relief", "jobfair", "volunteers"]
    for index, name in enumerate(names):
        window.tabs.setCurrentIndex(index)
        guide.settle()
        if name == "jobfair":
            window.fairs.fairs.table.selectRow(0)
        if name == "volunteers":
            window.volunteers.roster.table.selectRow(0)
        guide.save(window, name)
        readme.save(window, name)

    view = window.visits.view
    window.tabs.setCurrentWidget(window.visits)
    words = search_words(view)
    view.search.setText(words)
    view.apply_filters()
    guide.save(window, "search")
    view.search.clear()
    view.apply_filters()

    form = view.open_form(None)
    form.widgets["name"].setText("段志华")
    form.widgets["phone"].setText("13887201234")
    form.widgets["employer"].setText("祥云县公交公司")
    form.widgets["summary"].setPlainText("咨询劳动合同续签")
    purpose = form.widgets["purpose"]
    purpose.setCurrentIndex(max(purpose.findText("法律咨询"), 1))
    form.show()
    guide.save(form, "visit-form")
    purpose.setCurrentIndex(0)  # (请选择): required, said on saving
    form.widgets["id_number"].setText("532923198001010011")
    form.try_save()
    guide.save(form, "visit-form-error")
    readme.save(form, "visit-form-error")
    form.done(0)

    relief = window.relief.view
    window.tabs.setCurrentWidget(window.relief)
    guide.settle()
    form = relief.open_form(relief.model.record_id(0))
    form.show()
    guide.save(form, "relief-form")
    form.done(0)

    window.tabs.setCurrentWidget(window.visits)
    view.table.selectRow(0)
    view.table.setFocus()
    guide.modal(view.delete_current, "delete-confirm", QMessageBox.StandardButton.No)


def search_words(view) -> str:
    """Two words that find a few visits: a family name and a word of an employer
    (``杨 建筑``: 杨 anywhere in a record, 建筑 anywhere in it too)."""
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    name_col = headers.index("姓名") if "姓名" in headers else 1
    employer_col = next((c for c, h in enumerate(headers) if h and "单位" in h), None)
    for row in range(min(model.rowCount(), 200)):
        name = model.index(row, name_col).data()
        employer = model.index(row, employer_col).data() if employer_col is not None else None
        if name and employer and "县" in employer:
            word = employer[-2:] if employer[-2:] != "公司" else employer.split("县", 1)[1][:2]
            if len(word) == 2 and name[0] not in employer:
                return f"{name[0]} {word}"
    return "李 公交"


def first_name(view) -> str:
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return model.index(0, headers.index("姓名") if "姓名" in headers else 1).data() or "李红"


def dialogs(guide: Shots, readme: Shots, window, folder: Path, data: Path) -> None:
    """查找人员, 报表, 同步包, 操作日志, lock screen, the file menu's messages."""
    from xiangyun_desk.ui.security.person_view import PersonView

    person = PersonView(window.desk, window)
    visit = window.visits.view
    person.name.setText(first_name(visit))
    person.find()
    person.show()
    guide.save(person, "person-find")
    person.done(0)

    dialog = window.open_report_dialog("summary")
    dialog.folder.setText(REPORT_FOLDER)
    guide.save(dialog, "report-dialog")
    readme.save(dialog, "report-dialog")
    dialog.done(0)

    export = window.sync.export_bundle()
    if export is not None:
        export.folder.setText(USB_FOLDER)
        export.update_preview()
        guide.save(export, "sync-export")
        export.done(0)

    from xiangyun_desk.ui.security.audit_view import AuditView

    audit = AuditView(window.desk, window)
    audit.show()
    guide.save(audit, "audit-log")
    audit.done(0)

    guide.modal(window.check_database, "check-database", QMessageBox.StandardButton.Ok)
    usb_backup(guide, window, data)

    window.security.lock_now()
    guide.save(window.idle_lock.dialog, "lock")
    window.idle_lock.dialog.hide()


def usb_backup(guide: Shots, window, data: Path) -> None:
    """备份到文件夹 (encrypted with the recovery code) and 从备份恢复's list of a stick."""
    from xiangyun_desk.services.usb_backup import BackupSecret
    from xiangyun_desk.ui.backup_dialogs import BackupSecretDialog, RestoreDialog

    code = (data / "recovery-code.txt").read_text(encoding="utf-8")
    ask = BackupSecretDialog(window.desk, window)
    ask.code.setText(code)
    ask.show()
    guide.save(ask, "backup-secret")
    ask.done(0)
    usb = data / "usb-backup"
    usb.mkdir(exist_ok=True)
    window.desk.backups.backup_to(usb, BackupSecret.recovery_code(code))
    restore = RestoreDialog(window.desk, usb, window)
    restore.show()
    if restore.table.rowCount():
        restore.table.selectRow(0)
    restore.where.setText(restore.where.text().replace(str(usb), USB_FOLDER))
    guide.save(restore, "restore-list")
    restore.done(0)


def damaged_database(guide: Shots, data: Path) -> None:
    """The message at start when the database file is damaged (a copy with its head overwritten)."""
    from xiangyun_desk.app import open_desk_interactively

    folder = data / "damaged"
    desk = Desk(folder)
    desk.initialize("station", STATION[0], STATION[1], STATION[2], STAFF)
    desk.backups.backup("start")
    db_file = desk.db.path if hasattr(desk.db, "path") else None
    desk.close()
    db_file = Path(db_file) if db_file else next(folder.glob("*.sqlite3"))
    with open(db_file, "r+b") as f:
        f.write(b"\0" * 4096)
    def tidy(box: QMessageBox) -> None:  # the path a station PC shows, not the temporary one
        box.setText(box.text().replace(str(folder), WINDOWS_DATA_DIR)
                    .replace(f"/{db_file.name}", f"\\{db_file.name}"))

    guide.modal(lambda: open_desk_interactively(QApplication.instance(), folder),
                "damaged-database", QMessageBox.StandardButton.Close, tidy)


def report_pages(readme: Shots, folder: Path, data: Path) -> None:
    """Page 1 of the year's work report and of the relief ledger, as the README shows them."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not installed: report pages not retaken", file=sys.stderr)
        return
    from xiangyun_desk.services.reports import ReportPeriod, ReportRequest, generate_report

    desk = Desk(folder)
    try:
        for name, request in (
                ("report-summary", ReportRequest(kind="summary",
                                                 period=ReportPeriod.parse(str(TODAY.year)))),
                ("report-ledger", ReportRequest(kind="ledger", register="relief",
                                                period=ReportPeriod.parse(str(TODAY.year))))):
            if not readme.wanted(name):
                continue
            pdf = generate_report(desk, request, data / f"{name}.pdf")
            target = readme.folder / name
            subprocess.run([pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(target)], check=True)
            path = target.with_suffix(".png")
            optimise(path)
            readme.written.append(path)
    finally:
        desk.close()


def sheet_export(readme: Shots, folder: Path, data: Path) -> None:
    """The exported relief sheet as a spreadsheet program shows it (LibreOffice renders it to a
    PDF, pdftoppm to PNG); skipped where either is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if not readme.wanted("sheet-export"):
        return
    if soffice is None or pdftoppm is None:
        print("LibreOffice or pdftoppm not installed: sheet-export.png not retaken",
              file=sys.stderr)
        return
    from xiangyun_desk.services.registers import RegisterQuery
    from xiangyun_desk.services.sheets import export_view

    desk = Desk(folder)
    try:
        xlsx = export_view(desk, "relief", RegisterQuery(descending=True),
                           data / "sheet-export.xlsx").path
    finally:
        desk.close()
    # A profile of its own, with the bundled Chinese font where LibreOffice finds user fonts.
    home = data / "libreoffice-home"
    (home / ".fonts").mkdir(parents=True, exist_ok=True)
    shutil.copy(resources_dir() / "fonts" / "wqy-microhei.ttc", home / ".fonts")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(data),
                    str(xlsx)], check=True, capture_output=True, timeout=300,
                   env={**os.environ, "HOME": str(home)})
    target = readme.folder / "sheet-export"
    subprocess.run([pdftoppm, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    str(xlsx.with_suffix(".pdf")), str(target)], check=True)
    crop_to_top_rows(target.with_suffix(".png"), height=300)
    optimise(target.with_suffix(".png"))
    readme.written.append(target.with_suffix(".png"))


def crop_to_top_rows(path: Path, height: int) -> None:
    """Keep the printed part of a page (no white margins), its first ``height`` pixels."""
    from PIL import Image, ImageOps

    with Image.open(path) as page:
        page = page.convert("RGB")
    box = ImageOps.invert(page).getbbox()
    if box is not None:
        left, top, right, bottom = box
        page = page.crop((max(0, left - 4), max(0, top - 4), min(page.width, right + 4),
                          min(bottom + 4, top + height)))
    page.save(path)


def sheet_import(readme: Shots, window, data: Path) -> None:
    """The import preview of a CSV with good, doubtful and refused rows."""
    from xiangyun_desk.ui.sheets import sheet_import as SI

    rows = ["来访日期,姓名,性别,身份证号,联系电话,来访事由,工作单位,来访内容",
            f"{TODAY:%Y-%m-%d},段志坚,男,,13812345678,咨询,祥云县公交公司,咨询劳动合同",
            f"{TODAY:%Y-%m-%d},李春花,女,5.32923E+17,13700001111,咨询,,工资",
            f"{TODAY:%Y-%m-%d},张建国,男,,1391234567,咨询,,社保",
            f"{TODAY:%Y-%m-%d},赵珺,女,,13611112222,求助,,困难",
            "合计,,,,,,,"]
    csv = data / "来访登记.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    dialog = window.visits.view.sheet_actions.make_import_dialog()
    dialog.show()
    dialog.load_file(str(csv))
    wait_for(lambda: dialog.page == SI.PAGE_MAPPING or bool(dialog.message.text()))
    if dialog.page == SI.PAGE_MAPPING:
        dialog.next()
        wait_for(lambda: dialog.page == SI.PAGE_PREVIEW or bool(dialog.message.text()))
    dialog.resize(1060, 600)
    readme.save(dialog, "sheet-import")
    dialog.done(0)


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    import time

    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--guide", type=Path, default=ROOT / "resources" / "guide" / "images")
    parser.add_argument("--readme", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", nargs="*", default=[], help="names of pictures to take")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data = Path(tempfile.mkdtemp(prefix="xyd-shots-"))
    only = set(args.only)
    guide = Shots(app, args.guide, only)
    readme = Shots(app, args.readme, only)
    try:
        prepare_application(app, data)
        wizard_pages(guide, data)
        folder = make_station(data)
        sign_in(guide, folder)
        window = build_main_window(folder, user=ADMIN[0])
        window.resize(*WINDOW_SIZE)
        window.show()
        wait_for(lambda: window.overview.values[("month", "visitors.batches")].text() not in
                 ("", "–", "-"))
        register_tabs(guide, readme, window)
        dialogs(guide, readme, window, folder, data)
        sheet_import(readme, window, data)
        window.close()
        guide.settle()
        damaged_database(guide, data)
        report_pages(readme, folder, data)
        sheet_export(readme, folder, data)
        county_pictures(guide, folder, data)
        wizard_for_readme(readme, data)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    for shots in (guide, readme):
        total = sum(p.stat().st_size for p in shots.written)
        print(f"{len(shots.written)} pictures, {total // 1024} KB in {shots.folder}")
    return 0


def county_pictures(guide: Shots, folder: Path, data: Path) -> None:
    """The county office: a station's bundle tried and imported, then the 站点 tab."""
    from xiangyun_desk.services.bundles.export import export_bundle

    usb = data / "usb"
    usb.mkdir(exist_ok=True)
    desk = Desk(folder)
    bundle = export_bundle(desk, usb).path
    desk.close()
    window = build_main_window(data / "county", user="xianzonggonghui")
    window.resize(*WINDOW_SIZE)
    window.show()
    guide.settle()
    dialog = window.sync.import_bundles()
    dialog.set_files([bundle])
    dialog.wait()
    wait_for(lambda: dialog.summary.rowCount() > 0)
    guide.save(dialog, "county-import")
    dialog.apply()
    dialog.wait()
    wait_for(lambda: dialog.applied)
    dialog.done(0)
    window.refresh_all()
    stations = getattr(window.sync, "stations", None)
    if stations is not None:
        window.tabs.setCurrentWidget(stations)
        stations.refresh()
        guide.save(window, "county-stations")
    window.close()


def wizard_for_readme(readme: Shots, data: Path) -> None:
    from xiangyun_desk.ui.wizard import SetupWizard

    fresh = Desk(data / "fresh-readme")
    wizard = SetupWizard(fresh)
    wizard.show()
    wizard.next()
    wizard.code.setText(STATION[0])
    wizard.name.setText(STATION[1])
    wizard.township.setText(STATION[2])
    readme.save(wizard, "wizard")
    wizard.close()
    fresh.close()


if __name__ == "__main__":
    raise SystemExit(main())
