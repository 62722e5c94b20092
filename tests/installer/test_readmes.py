"""The READMEs say what works: the commands of README.md run as written on a desktop, and
installer/README.md lists every database revision."""

from __future__ import annotations

import re
from pathlib import Path

from xiangyun_desk.platform_libs import X11_PACKAGES

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALLER_README = (ROOT / "installer" / "README.md").read_text(encoding="utf-8")
VERSIONS = ROOT / "xiangyun_desk" / "storage" / "migrations" / "versions"


def code_blocks(text: str) -> list[tuple[str, str]]:
    return re.findall(r"^```(\w*)\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


def test_the_two_commands_are_unchanged():
    # .ci/run runs the test command literally; the first one opens the window.
    assert ('python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/xiangyun-desk'
            in README)
    assert ('python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && '
            '.venv/bin/python -m pytest') in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ('python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && '
            '.venv/bin/python -m pytest') in ci


def test_the_desktop_packages_come_before_the_first_command():
    apt = README.index("sudo apt install python3-venv ")
    assert apt < README.index(".venv/bin/xiangyun-desk")
    line = README[apt:README.index("\n", apt)]
    listed = set(line.split()[3:])
    assert set(X11_PACKAGES) <= listed, set(X11_PACKAGES) - listed


def test_windows_commands_work_in_windows_powershell_5():
    blocks = [body for lang, body in code_blocks(README) if lang == "powershell"]
    assert blocks
    for body in blocks:
        assert "&&" not in body
        assert "python3" not in body and "/bin/" not in body
    assert "py -3 -m venv .venv" in blocks[0]
    assert ".venv\\Scripts\\xiangyun-desk" in blocks[0]


def test_examples_run_after_the_readmes_own_commands():
    bare = [line for lang, body in code_blocks(README) if lang in ("bash", "")
            for line in body.splitlines() if re.match(r"\s*xiangyun-desk\b", line)]
    assert not bare, f"not on PATH after the README's commands: {bare}"


def _revisions() -> list[tuple[str, str | None]]:
    found = []
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = re.search(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", text, re.M).group(1)
        down = re.search(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", text, re.M).group(1)
        found.append((rev, None if down.strip() == "None" else down.strip().strip("'\"")))
    return found


def test_the_installer_readme_lists_every_migration_in_order():
    rows = re.findall(r"^\| `([\w.]+)` \| (?:`([\w.]+)`|—) \|", INSTALLER_README, re.MULTILINE)
    listed = [(rev, down or None) for rev, down in rows]
    revisions = _revisions()
    assert sorted(listed) == sorted(revisions), (
        f"installer/README.md 'Database revisions' lists {listed}, the migrations are {revisions}")
    seen: set[str | None] = {None}
    for rev, down in listed:  # oldest first: each one comes after the one it follows
        assert down in seen, f"{rev} is listed before {down}"
        seen.add(rev)
    head = next(rev for rev, _ in revisions if rev not in {d for _, d in revisions})
    assert f"{len(revisions)} revision(s), head {head}" in INSTALLER_README
