"""Build step for the wheel: everything else is in pyproject.toml.

``resources/`` (translations, fonts, icons, user guide) stays the top-level source folder. The
wheel carries a copy of it as the package data folder ``xiangyun_desk/_resources``, which is where
``xiangyun_desk.resources`` looks first (importlib.resources); a checkout or an editable install
uses ``resources/`` itself, a PyInstaller build gets the same ``xiangyun_desk/_resources`` layout
from installer/xiangyun-desk.spec.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# What the program loads at run time (the .ts sources stay out; the font licences go along;
# the user guide of 帮助 → 使用说明 with its screenshots).
RESOURCE_FILES = ("translations/*.qm", "fonts/*", "icons/*", "guide/*", "guide/images/*")


def resource_files(root: Path = ROOT / "resources") -> list[Path]:
    """The files of ``resources/`` that go into the package, relative to it."""
    return sorted(p.relative_to(root) for pattern in RESOURCE_FILES
                  for p in root.glob(pattern) if p.is_file())


class BuildPyWithResources(build_py):
    """build_py, then copy resources/ into the built package as xiangyun_desk/_resources."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ in the checkout
        target = Path(self.build_lib) / "xiangyun_desk" / "_resources"
        for rel in resource_files():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            self.copy_file(str(ROOT / "resources" / rel), str(target / rel))

    def get_outputs(self, include_bytecode=True):
        target = Path(self.build_lib) / "xiangyun_desk" / "_resources"
        return super().get_outputs(include_bytecode) + [str(target / rel)
                                                        for rel in resource_files()]


setup(cmdclass={"build_py": BuildPyWithResources})
