"""The wheel carries resources/ as xiangyun_desk/_resources, and the program finds it there."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from xiangyun_desk import resources

ROOT = Path(__file__).resolve().parents[2]


def _setup_module():
    spec = importlib.util.spec_from_file_location("xyd_setup", ROOT / "setup.py")
    module = importlib.util.module_from_spec(spec)
    setup_calls = []
    import setuptools

    real = setuptools.setup
    setuptools.setup = lambda **kw: setup_calls.append(kw)
    try:
        spec.loader.exec_module(module)
    finally:
        setuptools.setup = real
    return module, setup_calls


def test_the_build_copies_what_the_program_loads():
    setup, calls = _setup_module()
    assert calls and "build_py" in calls[0]["cmdclass"]
    files = {str(p) for p in setup.resource_files()}
    for needed in ("translations/xiangyun_zh_CN.qm", "fonts/HanaMinB.ttf",
                   "fonts/wqy-microhei.ttc", "fonts/HanaMinB.LICENSE.txt",
                   "icons/xiangyun-desk-256.png", "icons/xiangyun-desk.svg"):
        assert needed in files
    assert not any(name.endswith(".ts") for name in files)  # sources stay out


def test_the_program_prefers_the_packaged_folder(tmp_path, monkeypatch):
    package = tmp_path / "xiangyun_desk"
    (package / "_resources" / "translations").mkdir(parents=True)
    monkeypatch.setattr(resources, "files", lambda name: package)
    assert resources.resources_dir() == package / "_resources"
    assert resources.translation_file("zh_CN") == (
        package / "_resources" / "translations" / "xiangyun_zh_CN.qm")


def test_a_checkout_uses_the_top_level_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "files", lambda name: tmp_path)  # no _resources there
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.translation_file("zh_CN").is_file()


@pytest.mark.slow
def test_pip_wheel_puts_the_resources_in_the_wheel(tmp_path):
    # `pip wheel .` exactly as a packager runs it (isolated build with pyproject's setuptools).
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = tmp_path.glob("xiangyun_desk-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        record = zf.read(next(n for n in names if n.endswith(".dist-info/RECORD"))).decode()
        font = zf.getinfo("xiangyun_desk/_resources/fonts/HanaMinB.ttf")
    for needed in ("xiangyun_desk/_resources/translations/xiangyun_zh_CN.qm",
                   "xiangyun_desk/_resources/fonts/wqy-microhei.ttc",
                   "xiangyun_desk/_resources/icons/xiangyun-desk-256.png",
                   "xiangyun_desk/_resources/guide/guide.md",  # 帮助 → 使用说明
                   "xiangyun_desk/storage/migrations/env.py"):
        assert needed in names
        assert needed in record
    assert font.file_size == (ROOT / "resources/fonts/HanaMinB.ttf").stat().st_size
