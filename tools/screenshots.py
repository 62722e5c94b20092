"""Capture the README screenshots from the running program (offscreen) with demo data.

    python tools/screenshots.py [OUT_DIR]      (default docs/screenshots)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xiangyun_desk.app import build_main_window, prepare_application  # noqa: E402
from xiangyun_desk.services.demo import DemoGenerator  # noqa: E402
from xiangyun_desk.services.desk import Desk  # noqa: E402
from xiangyun_desk.ui.wizard import SetupWizard  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    data = Path(tempfile.mkdtemp(prefix="xyd-shots-"))

    prepare_application(app, data)
    fresh = Desk(data / "fresh")
    wizard = SetupWizard(fresh)
    wizard.show()
    wizard.next()
    wizard.code.setText("03")
    wizard.name.setText("云南驿镇职工之家")
    wizard.township.setText("云南驿镇")
    app.processEvents()
    wizard.grab().save(str(out / "wizard.png"))
    wizard.close()
    fresh.close()

    desk = Desk(data / "station")
    desk.initialize("station", "03", "云南驿镇职工之家", "云南驿镇", ["李红", "王建国", "杨丽"])
    DemoGenerator(desk.db, "03", seed=7).generate(5000)
    desk.close()
    window = build_main_window(data / "station")
    window.resize(1280, 760)
    window.show()
    names = ["overview", "visits", "relief", "jobfair", "volunteers"]
    for index, name in enumerate(names):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        if name == "jobfair":
            window.fairs.fairs.table.selectRow(0)
        if name == "volunteers":
            window.volunteers.roster.table.selectRow(0)
        app.processEvents()
        window.grab().save(str(out / f"{name}.png"))

    # A visitor form that failed validation: everything typed is kept, the field says why.
    window.tabs.setCurrentIndex(1)
    form = window.visits.view.open_form(None)
    form.widgets["name"].setText("单田芳")
    form.widgets["phone"].setText("138 7200 1234")
    form.widgets["id_number"].setText("532923198001010011")
    form.widgets["employer"].setText("祥云县建筑工程有限公司")
    form.widgets["summary"].setPlainText("咨询工资拖欠问题")
    form.show()
    form.try_save()
    app.processEvents()
    form.grab().save(str(out / "visit-form-error.png"))
    form.close()
    QTimer.singleShot(0, window.close)
    app.processEvents()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
