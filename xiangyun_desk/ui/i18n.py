"""Qt translations: our .qm plus Qt's own qtbase_zh_CN.qm (so standard buttons read 确定 / 取消)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..domain.i18n import Message
from ..resources import translation_file

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Install the translators for ``lang``; returns False when our .qm could not be loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if lang == "zh_CN" else QLocale(QLocale.Language.English))
    if lang == "en":
        return True
    ok = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_dir),):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    ours = QTranslator(app)
    if ours.load(str(translation_file(lang))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        ok = False
    return ok


def render(message: Message) -> str:
    """A domain/service message in the current language."""
    return message.render(QCoreApplication.translate)


def current_language() -> str:
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
