"""Imports point downward only: domain <- storage <- services <- ui <- app <- cli.

The rules are import-linter contracts in pyproject.toml ([tool.importlinter]: the layers, no Qt
below the ui, no SQL in the domain, the ui's feature packages over its shared parts, spreadsheets
and bundles apart), run here with the tool's own engine. What the tool cannot see is checked by
hand: imports spelt as strings (``importlib.import_module("PySide6")``), and, at run time, that
importing the non-GUI layers does not load Qt.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "xiangyun_desk"
LAYERS = ("domain", "storage", "services")
GUI = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
LINT = ("import sys\nfrom importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))\n")


def modules(layer):
    return sorted((PACKAGE / layer).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """import-linter on the package under ``root`` (in a child: the graph is built from the
    package found on the path, the tree under test)."""
    pytest.importorskip("importlinter")
    return subprocess.run([sys.executable, "-c", LINT], cwd=root, capture_output=True, text=True,
                          timeout=300)


def test_the_architecture_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("domain/money.py", "from ..storage import models", "Layers"),
    ("services/stats.py", "def _later():\n    from ..ui import main_window", "Layers"),
    ("storage/files.py", "from PySide6 import QtCore", "No Qt below the ui"),
    ("ui/registers/form.py", "from ..sync import sync_menu", "ui: the window"),
])
def test_the_contracts_catch_an_import_that_breaks_them(tmp_path, module, line, contract):
    """The tool really checks these rules: one wrong import in a copy of the package breaks it
    (an import inside a function counts too)."""
    shutil.copytree(PACKAGE, tmp_path / "xiangyun_desk",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "xiangyun_desk" / module
    assert target.exists(), module
    target.write_text(target.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    broken = result.stdout[result.stdout.index("Broken contracts"):]
    assert contract in broken, broken


def _imports_by_name(path: Path) -> list[tuple[int, str]]:
    """Modules named as strings to importlib.import_module / __import__ (invisible to the tool)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0] if node.args else None
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return found


def test_the_string_import_finder_sees_them(tmp_path):
    sample = tmp_path / "probe.py"
    sample.write_text("import importlib\ndef f():\n    importlib.import_module('PySide6.QtGui')\n"
                      "    __import__('PySide6')\n")
    assert [n for _, n in _imports_by_name(sample)] == ["PySide6.QtGui", "PySide6"]


@pytest.mark.parametrize("layer", LAYERS)
def test_no_gui_imported_by_name_below_the_ui(layer):
    files = modules(layer)
    assert files, layer
    bad = [f"{p.relative_to(ROOT)}:{line} imports {name}"
           for p in files for line, name in _imports_by_name(p)
           if any(name == gui or name.startswith(gui + ".") for gui in GUI)]
    assert not bad, "\n".join(bad)


def test_importing_the_non_gui_layers_does_not_load_qt():
    names = sorted({module_name(p) for layer in LAYERS for p in modules(layer)
                    if "migrations" not in p.parts})
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{GUI!r}))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
