"""One word for one thing (issue 11): docs/glossary.md names one Chinese term per concept and the
variants that must not appear. This test reads the glossary and fails when a variant appears in the
Chinese translation (screens, the CLI's messages, the audit log), in a string of the code (PDF
report texts, sheet headings, statistics names, the CLI's Chinese output), or in the README and the
documents under docs/."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
TS = ROOT / "resources" / "translations" / "xiangyun_zh_CN.ts"


@dataclass(frozen=True)
class Entry:
    concept: str
    term: str
    english: str
    variants: tuple[str, ...]


def glossary() -> list[Entry]:
    """The rows of the glossary's table (the header and its rule skipped)."""
    entries = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0].startswith("概念"):
            continue
        variants = tuple(v.strip() for v in cells[3].split("、") if v.strip())
        entries.append(Entry(cells[0], cells[1], cells[2], variants))
    return entries


ENTRIES = glossary()
TERMS = {e.term for e in ENTRIES}


def offences(text: str) -> list[str]:
    """The variants found in ``text``, each with the term to use instead. A variant inside a
    longer term of the glossary (数据包 in 参考数据包) is that term, not the variant."""
    found = []
    for entry in ENTRIES:
        for variant in entry.variants:
            for match in re.finditer(re.escape(variant), text):
                start, end = match.span()
                covered = any(
                    len(term) > len(variant) and t.start() <= start and end <= t.end()
                    for term in TERMS
                    for t in re.finditer(re.escape(term), text))
                if not covered:
                    found.append(f"{variant} → {entry.term}")
    return found


def ts_texts() -> list[tuple[str, str]]:
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or \
                [translation.text or ""]
            for text in forms:
                out.append((f"{name}: {message.findtext('source')}", text))
    return out


def sheet_synonyms() -> set[str]:
    """Headings the sheet import recognises in a station's own sheet: read, never written."""
    from xiangyun_desk.services.sheets.layout import SHEETS

    headers = {c.header for s in SHEETS.values() for c in s.columns}
    return {syn for s in SHEETS.values() for c in s.columns for syn in c.synonyms} - headers


def code_strings() -> list[tuple[str, str]]:
    """Every string constant of the package except docstrings (which are English developer text)
    and the sheet import's synonyms."""
    synonyms = sheet_synonyms()
    out = []
    for path in sorted((ROOT / "xiangyun_desk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                body = node.body
                first = body[0] if body else None
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    docstrings.add(id(first.value))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docstrings:
                if rel.name == "layout.py" and node.value in synonyms:
                    continue
                out.append((f"{rel}:{node.lineno}", node.value))
    return out


def document_texts() -> list[tuple[str, str]]:
    """The README and every document under docs/ (the glossary itself names the variants), and
    any user text shipped under resources/ (the user guide)."""
    paths = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")),
             *sorted((ROOT / "resources").rglob("*.md")),
             *sorted((ROOT / "resources").rglob("*.html"))]
    out = []
    for path in paths:
        if path == GLOSSARY:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            out.append((f"{path.relative_to(ROOT)}:{number}", line))
    return out


def report(texts: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: {', '.join(bad)} — {text[:80]!r}"
            for where, text in texts if (bad := offences(text))]


def test_glossary_table_is_well_formed():
    assert len(ENTRIES) >= 8
    concepts = [e.concept for e in ENTRIES]
    assert len(set(concepts)) == len(concepts)
    for entry in ENTRIES:
        assert entry.term and entry.english and entry.variants, entry
        # A variant is never a term of the table (else the table contradicts itself).
        assert not set(entry.variants) & TERMS, entry
    # The list of words to settle.
    chosen = {e.term for e in ENTRIES}
    assert {"用人单位", "工作单位", "同步包", "操作日志", "账户", "值班人员", "物品折价"} <= chosen
    listed = {v for e in ENTRIES for v in e.variants}
    assert {"用工单位", "参会企业", "招聘会用人单位", "单位名称", "数据包", "审计日志", "账号",
            "接待人", "物品价值", "慰问品价值"} <= listed


def test_offences_respect_longer_terms():
    assert offences("参考数据包") == []
    assert offences("导出数据包") == ["数据包 → 同步包"]
    assert offences("招聘会用人单位") == ["招聘会用人单位 → 用人单位"]


def test_translations_use_the_glossary_terms():
    assert report(ts_texts()) == []


def test_code_strings_use_the_glossary_terms():
    """PDF report texts, sheet headings, statistics names, CLI output and bundle READMEs."""
    assert report(code_strings()) == []


def test_sheet_headings_use_the_glossary_terms():
    from xiangyun_desk.services.sheets.layout import SHEETS

    headings = [(name, s.title) for name, s in SHEETS.items()]
    headings += [(f"{name}.{c.key}", c.header) for name, s in SHEETS.items() for c in s.columns]
    assert report(headings) == []


def test_readme_and_docs_use_the_glossary_terms():
    assert report(document_texts()) == []


# ---- labels that named the wrong thing, seen on the running window -------------------------------


@pytest.fixture
def window(qtbot, data_dir):
    from xiangyun_desk.app import build_main_window
    from xiangyun_desk.services.desk import Desk

    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    desk.close()
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    yield window
    lock = getattr(window, "idle_lock", None)
    if lock is not None:
        lock.stop()
    window.close()
    window.desk.close()


def _label_of(form, key: str) -> str:
    from PySide6.QtWidgets import QLabel

    widget = form.widgets[key]
    labels = [lab for lab in form.findChildren(QLabel) if lab.buddy() is widget]
    assert labels, key
    return labels[0].text()


def test_fair_and_employer_forms_name_what_they_are(window):
    fair = window.fairs.fairs.open_form(None)
    assert _label_of(fair, "name").startswith("招聘会名称")
    fair.reject()
    employer = window.fairs.employers.open_form(None)
    assert _label_of(employer, "name").startswith("用人单位")
    employer.reject()


def test_employer_search_does_not_ask_for_an_id_number(window):
    text = window.fairs.employers.search.placeholderText()
    assert "身份证" not in text and "用人单位" in text
    # The people's registers still offer it.
    assert "身份证尾号" in window.visits.view.search.placeholderText()
