"""帮助 → 使用说明 (F1): the offline user guide, shipped with the program.

The guide is a Markdown file in the package resources (``resources/guide/guide.md``, in a wheel
``xiangyun_desk/_resources/guide``; see resources.py) with its screenshots beside it in
``images/``. A QTextBrowser renders it: no web browser, no network. A contents list on the left
jumps to the chapters; a find box searches the text; the screenshots shrink to the width of the
window so that nothing needs scrolling sideways.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..resources import guide_file

IMAGE_MARGIN = 8  # pixels kept free beside a screenshot shrunk to the page width


def guide_headings(document: QTextDocument, levels: tuple[int, ...] = (1, 2)) -> list[
        tuple[int, str, int]]:
    """The headings of a loaded guide as (level, text, position), in reading order."""
    found = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in levels and block.text().strip():
            found.append((level, block.text().strip(), block.position()))
        block = block.next()
    return found


def guide_images(document: QTextDocument) -> list[str]:
    """The image names (as written in the guide) of a loaded guide, in reading order."""
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def _indent(document: QTextDocument, block) -> int:
    """How far ``block`` is indented (a picture inside a numbered step), in pixels."""
    fmt = block.blockFormat()
    levels = fmt.indent() + (block.textList().format().indent() if block.textList() else 0)
    return int(levels * document.indentWidth() + fmt.leftMargin())


class GuideViewer(QDialog):
    """The user guide in its own window (not modal: it can stay open beside the work)."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.setObjectName("guide_viewer")
        self.setWindowTitle(self.tr("User guide"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.path = Path(path) if path is not None else guide_file()

        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.contents = QListWidget()
        self.contents.setObjectName("guide_contents")
        self.contents.itemActivated.connect(self._jump)
        self.contents.itemClicked.connect(self._jump)

        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("guide_find")
        self.find_edit.setPlaceholderText(self.tr("Word to look for, then Enter"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(self.find_next)
        find_label = QLabel(self.tr("F&ind in the guide:"))
        find_label.setBuddy(self.find_edit)
        self.find_status = QLabel()
        self.find_status.setObjectName("guide_find_status")

        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 790])
        self.splitter = splitter

        find_row = QHBoxLayout()
        find_row.addWidget(find_label)
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.find_status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addLayout(find_row)
        lay.addWidget(splitter, 1)
        lay.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, self.find_next)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_find)

        self._originals: dict[str, QImage] = {}
        self._fitted_to = 0
        self.loaded = self.load()
        self.resize(980, 700)

    # ---- loading -------------------------------------------------------------------------

    def load(self) -> bool:
        """Show the guide; when its file is missing, say so in the window (never a traceback)."""
        self.contents.clear()
        if not self.path.is_file():
            self.browser.setPlainText(self.tr(
                "The user guide was not found (%1). Install the program again, or ask the county "
                "office for help.").replace("%1", str(self.path)))
            return False
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)),
                               QTextDocument.ResourceType.MarkdownResource)
        for level, text, position in guide_headings(self.browser.document()):
            item = QListWidgetItem(text if level == 1 else "　" + text)
            item.setData(Qt.ItemDataRole.UserRole, position)
            self.contents.addItem(item)
        self.fit_images()
        return True

    def image(self, name: str) -> QImage:
        """The screenshot ``name`` (as written in the guide) at its own size, from the file
        beside the guide (a null image when it is missing or unreadable)."""
        if name not in self._originals:
            url = QUrl(name)
            path = url.toLocalFile() if url.isLocalFile() else str(self.path.parent / name)
            self._originals[name] = QImage(path)
        return self._originals[name]

    def fit_images(self) -> None:
        """Show every screenshot wider than the page at the page width, scaled smoothly once
        (the browser itself would scale it coarsely at each paint); never enlarge one."""
        document = self.browser.document()
        room = max(200, int(self.browser.viewport().width() - 2 * document.documentMargin()
                            - IMAGE_MARGIN))
        if room == self._fitted_to:
            return
        self._fitted_to = room
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    self._fit(document, cursor, fragment, fmt.toImageFormat(),
                              room - _indent(document, block))
                it += 1
            block = block.next()

    def _fit(self, document, cursor, fragment, image_format, room: int) -> None:
        original = self.image(image_format.name())
        if original.isNull():
            return
        width = min(original.width(), room)
        shown = original if width == original.width() else original.scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation)
        document.addResource(QTextDocument.ResourceType.ImageResource,
                             QUrl(image_format.name()), shown)
        if image_format.width() != shown.width() or image_format.height() != shown.height():
            image_format.setWidth(shown.width())
            image_format.setHeight(shown.height())
            cursor.setPosition(fragment.position())
            cursor.setPosition(fragment.position() + fragment.length(),
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image_format)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.loaded:
            self.fit_images()

    # ---- moving around -------------------------------------------------------------------

    def headings(self) -> list[str]:
        return [text for _level, text, _pos in guide_headings(self.browser.document())]

    def show_heading(self, text: str) -> bool:
        """Scroll to the chapter whose heading is ``text``."""
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.text().strip("　 ") == text:
                self.contents.setCurrentItem(item)
                self._jump(item)
                return True
        return False

    def _jump(self, item: QListWidgetItem) -> None:
        """The chapter's heading at the top of the page."""
        document = self.browser.document()
        position = int(item.data(Qt.ItemDataRole.UserRole))
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        top = document.documentLayout().blockBoundingRect(document.findBlock(position)).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def _focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find_next(self) -> bool:
        """The next place of the word in the find box, from the top again after the end."""
        text = self.find_edit.text().strip()
        self.find_status.clear()
        if not text:
            return False
        if self.browser.find(text):
            return True
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        if self.browser.find(text):
            return True
        self.find_status.setText(self.tr("Not found"))
        return False


def show_guide(owner: QWidget, heading: str | None = None) -> GuideViewer:
    """Open (or bring to the front) the guide window of ``owner``; optionally at a chapter."""
    viewer = getattr(owner, "guide_viewer", None)
    if viewer is None:
        viewer = GuideViewer(owner)
        owner.guide_viewer = viewer
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    if heading:
        viewer.show_heading(heading)
    return viewer
