"""帮助 → 使用说明 (F1): the offline user guide shipped in the package, with its screenshots.

The guide is resources/guide/guide.md (in a wheel xiangyun_desk/_resources/guide, found by
xiangyun_desk.resources); its menu paths 「菜单 → 命令」 must name commands that exist, in the
words the program shows, so that a renamed or removed menu item fails here until the guide
follows.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QImage, QKeySequence

from xiangyun_desk import resources
from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.ui.help import GuideViewer

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "resources" / "guide"
# The chapters the guide must keep (a station's first hour and the county's task).
CHAPTERS = ["第一次启动：设置向导", "登录", "主窗口和概览", "来访登记", "慰问走访", "招聘会",
            "志愿者", "个人信息查询", "打印报表", "导出同步包（报送县总工会）",
            "县总工会：导入同步包", "备份和恢复", "出现提示时怎么办", "恢复码", "操作日志"]
SUBCHAPTERS = ["新增一条记录", "查找", "修改和删除", "磁盘已满", "另一个程序正在写入数据",
               "数据库损坏"]
MAX_GUIDE_BYTES = 3 * 1024 * 1024  # the guide with its pictures, as it goes into the wheel
MENU_PATH = re.compile(r"「([^「」]+?)」")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def guide_text() -> str:
    return (GUIDE / "guide.md").read_text(encoding="utf-8")


def clean(text: str) -> str:
    """A menu text as the guide writes it: without the Alt letter and the trailing dots."""
    text = re.sub(r"\(&.\)", "", text).replace("&", "")
    return text.replace("…", "").strip()


def menu_paths(window) -> set[tuple[str, ...]]:
    """Every (menu, command) and (menu, submenu, command) of the window, as shown."""
    found: set[tuple[str, ...]] = set()

    def walk(menu, prefix: tuple[str, ...]) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.text():
                continue
            path = prefix + (clean(action.text()),)
            found.add(path)
            if action.menu() is not None:
                walk(action.menu(), path)

    for top in window.menuBar().actions():
        walk(top.menu(), (clean(top.text()),))
    return found


def guide_action(window) -> QAction:
    action = window.findChild(QAction, "help_guide")
    assert action is not None
    return action


def test_the_help_menu_has_the_user_guide_on_f1(window):
    action = guide_action(window)
    assert action in window.help_menu.actions()
    assert action.shortcut() == QKeySequence("F1")
    assert clean(action.text()) == "使用说明"
    assert window.help_menu.actions().index(action) == 0  # before 关于


def test_f1_opens_the_guide_in_chinese_without_a_browser(window, qtbot):
    window.show()
    guide_action(window).trigger()
    viewer = window.findChild(GuideViewer)
    assert viewer is not None and viewer.isVisible() and viewer.loaded
    assert viewer.windowTitle() == "使用说明"
    assert viewer.browser.source().isLocalFile()
    assert Path(viewer.browser.source().toLocalFile()) == resources.guide_file()
    assert "来访登记" in viewer.browser.toPlainText()
    guide_action(window).trigger()  # a second F1 brings the same window to the front
    assert window.findChildren(GuideViewer) == [viewer]
    viewer.close()


def test_every_chapter_is_in_the_contents_and_jumps(qtbot):
    viewer = GuideViewer()
    qtbot.addWidget(viewer)
    viewer.show()
    headings = viewer.headings()
    for chapter in CHAPTERS:
        assert chapter in headings, chapter
        assert viewer.show_heading(chapter)
    text = viewer.browser.toPlainText()
    for sub in SUBCHAPTERS:
        assert re.search(rf"^{re.escape(sub)}$", text, re.M), sub
    # the contents list jumps: the chosen chapter's heading is at the top of the page
    viewer.resize(900, 600)
    viewer.show_heading("恢复码")
    top = viewer.browser.cursorForPosition(viewer.browser.viewport().rect().topLeft())
    assert "恢复码" in top.block().text()


def test_every_picture_of_the_guide_is_shipped_and_loads(qtbot):
    names = IMAGE.findall(guide_text())
    assert len(names) >= 20  # screenshots of the real program
    for name in names:
        path = GUIDE / name
        assert path.is_file(), name
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 0 and image.height() > 0, name
    viewer = GuideViewer()
    qtbot.addWidget(viewer)
    viewer.show()
    from xiangyun_desk.ui.help import guide_images

    shown = guide_images(viewer.browser.document())
    assert sorted(set(shown)) == sorted(set(names))
    for name in shown:
        assert viewer.image(name).width() > 0, name
    # no picture is shipped that the guide does not show
    assert {f"images/{p.name}" for p in (GUIDE / "images").iterdir()} == set(names)


def test_pictures_shrink_to_the_page_and_never_scroll_sideways(qtbot):
    viewer = GuideViewer()
    qtbot.addWidget(viewer)
    viewer.resize(700, 600)
    viewer.show()
    viewer.fit_images()
    assert viewer.browser.horizontalScrollBar().maximum() == 0


def test_the_guide_stays_small():
    size = sum(p.stat().st_size for p in GUIDE.rglob("*") if p.is_file())
    assert size < MAX_GUIDE_BYTES, size


def test_the_guide_is_found_in_an_installed_package(tmp_path, monkeypatch, qtbot):
    """A wheel or frozen build: the guide sits in xiangyun_desk/_resources/guide."""
    package = tmp_path / "xiangyun_desk"
    shutil.copytree(GUIDE, package / "_resources" / "guide")
    monkeypatch.setattr(resources, "files", lambda name: package)
    assert resources.guide_file() == package / "_resources" / "guide" / "guide.md"
    viewer = GuideViewer()
    qtbot.addWidget(viewer)
    assert viewer.loaded
    assert Path(viewer.browser.source().toLocalFile()).is_relative_to(package)
    from xiangyun_desk.ui.help import guide_images

    for name in guide_images(viewer.browser.document()):
        assert viewer.image(name).width() > 0, name


def test_the_wheel_build_takes_the_guide_along():
    import importlib.util

    import setuptools

    spec = importlib.util.spec_from_file_location("xyd_setup_guide", ROOT / "setup.py")
    module = importlib.util.module_from_spec(spec)
    real = setuptools.setup
    setuptools.setup = lambda **kw: None
    try:
        spec.loader.exec_module(module)
    finally:
        setuptools.setup = real
    files = {str(p) for p in module.resource_files()}
    assert "guide/guide.md" in files
    for name in IMAGE.findall(guide_text()):
        assert f"guide/{name}" in files, name
    spec_file = (ROOT / "installer" / "xiangyun-desk.spec").read_text(encoding="utf-8")
    assert '"xiangyun_desk/_resources/guide"' in spec_file  # the frozen build too


def test_a_missing_guide_is_said_plainly(tmp_path, qtbot):
    viewer = GuideViewer(path=tmp_path / "nowhere.md")
    qtbot.addWidget(viewer)
    assert not viewer.loaded
    assert "找不到使用说明" in viewer.browser.toPlainText()


def test_find_in_the_guide(qtbot):
    viewer = GuideViewer()
    qtbot.addWidget(viewer)
    viewer.find_edit.setText("恢复码")
    assert viewer.find_next()
    assert viewer.browser.textCursor().selectedText() == "恢复码"
    viewer.find_edit.setText("没有这个词ZZZ")
    assert not viewer.find_next()
    assert viewer.find_status.text() == "没有找到"


@pytest.fixture
def county_window(qtbot, tmp_path):
    folder = tmp_path / "county"
    desk = Desk(folder)
    desk.initialize("county", "532923", "祥云县总工会")
    desk.close()
    window = build_main_window(folder)
    qtbot.addWidget(window)
    return window


def test_every_menu_path_in_the_guide_exists(window, county_window):
    """「文件 → 备份到文件夹」 in the guide must be a command of the station's or the county's
    menus with exactly that text (a renamed or removed command fails until the guide follows)."""
    known = menu_paths(window) | menu_paths(county_window)
    quoted = [m for m in MENU_PATH.findall(guide_text()) if "→" in m]
    assert len(quoted) >= 15
    missing = []
    for path in quoted:
        parts = tuple(part.strip() for part in path.split("→"))
        if parts not in known:
            missing.append(path)
    assert not missing, f"menu paths in the guide that the program does not have: {missing}"


def test_the_guide_names_the_tabs_as_the_window_does(window):
    text = guide_text()
    for index in range(window.tabs.count()):
        assert window.tabs.tabText(index) in text
