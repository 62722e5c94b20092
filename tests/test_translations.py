"""Every user-visible string has a Chinese translation, and the shipped .qm is up to date."""

from __future__ import annotations

import filecmp
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402


def _untranslated(ts: Path) -> list[str]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") + "".join(n.text or "" for n in translation)
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def test_every_source_string_has_a_chinese_translation(tmp_path):
    ts = tmp_path / "check.ts"
    shutil.copy(i18n.TS, ts)
    i18n.update(ts)  # re-extract from the code as it is now
    missing = _untranslated(ts)
    assert not missing, "strings without a Chinese translation (run tools/i18n.py, fill the .ts):\n" \
        + "\n".join(missing)


def test_shipped_qm_matches_the_ts(tmp_path):
    qm = tmp_path / "check.qm"
    i18n.release(i18n.TS, qm)
    assert filecmp.cmp(qm, i18n.QM, shallow=False), "run: python tools/i18n.py release"


def test_placeholders_survive_translation():
    for context in ET.parse(i18n.TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = (translation.text or "") + "".join(n.text or "" for n in translation)
            for marker in ("%1", "%2", "%n", "{n}", "{expected}", "{limit}", "{path}", "{text}"):
                if marker in source:
                    assert marker in text, f"{marker} lost in translation of {source!r}"


@pytest.mark.parametrize(("context", "source", "expected"), [
    ("MainWindow", "Overview", "概览"),
    ("Validation", "The check character should be {expected}, not {actual}.",
     "校验位应为 {expected}，而不是 {actual}。"),
])
def test_translator_loads_the_qm(qapp, context, source, expected):
    from xiangyun_desk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    assert qapp.translate(context, source) == expected
