"""Imports point downward only: domain <- storage <- services <- ui/cli/app.

Checked statically (every import statement, including ones inside functions and relative ones)
and at run time (importing the non-GUI layers does not load Qt).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "xiangyun_desk"
LAYERS = ("domain", "storage", "services")
GUI = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
# What each layer may not import (besides Qt): anything above it.
FORBIDDEN = {
    "domain": ("sqlalchemy", "alembic", "xiangyun_desk.storage", "xiangyun_desk.services",
               "xiangyun_desk.ui", "xiangyun_desk.app", "xiangyun_desk.cli"),
    "storage": ("xiangyun_desk.services", "xiangyun_desk.ui", "xiangyun_desk.app",
                "xiangyun_desk.cli"),
    "services": ("xiangyun_desk.ui", "xiangyun_desk.app", "xiangyun_desk.cli"),
}


def modules(layer):
    return sorted((PACKAGE / layer).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path, name: str | None = None) -> list[tuple[int, str]]:
    """Every module an import statement in ``path`` names, resolved to an absolute name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = (name or module_name(path)).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            found.append((node.lineno, target))
            # "from . import ui" / "from xiangyun_desk import app" name modules too.
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call):
            # importlib.import_module("PySide6") / __import__("PySide6")
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0] if node.args else None
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return found


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_the_helpers_see_every_kind_of_import(tmp_path):
    sample = tmp_path / "probe.py"
    sample.write_text("import os\nfrom ..ui import main_window\nfrom . import desk\n"
                      "def f():\n    from PySide6.QtCore import QObject\n"
                      "    import importlib; importlib.import_module('PySide6.QtGui')\n")
    names = [n for _, n in imported_names(sample, "xiangyun_desk.services.probe")]
    assert "os" in names
    assert "xiangyun_desk.ui" in names and "xiangyun_desk.ui.main_window" in names
    assert "xiangyun_desk.services.desk" in names
    assert "PySide6.QtCore" in names and "PySide6.QtGui" in names


@pytest.mark.parametrize("layer", LAYERS)
def test_no_gui_imports_below_the_ui(layer):
    files = modules(layer)
    assert files, layer
    bad = [f"{p.relative_to(ROOT)}:{line} imports {name}"
           for p in files for line, name in imported_names(p)
           if any(_matches(name, gui) for gui in GUI)]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_point_downward(layer):
    bad = [f"{p.relative_to(ROOT)}:{line} imports {name}"
           for p in modules(layer) for line, name in imported_names(p)
           if any(_matches(name, f) for f in FORBIDDEN[layer])]
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
