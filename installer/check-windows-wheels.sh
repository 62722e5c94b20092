#!/usr/bin/env bash
# Windows readiness, checkable on Linux (run by .ci/run): every dependency of the program, its
# extras (test, postgres, ...) and the pinned PyInstaller resolve to binary wheels for 64-bit
# Windows and the Python the Windows build uses (installer/windows/build.ps1: Python 3.11 x64), so
# build.ps1's `pip install -e . pyinstaller==…` never needs a compiler there. Downloads only
# (pip's cache), installs nothing. PYTHON=... picks the pip to run (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
PY_VERSION=3.11
PYINSTALLER_VERSION=$(sed -n 's/.*\$PyInstallerVersion = "\([^"]*\)".*/\1/p' installer/windows/build.ps1)
[ -n "$PYINSTALLER_VERSION" ] || { echo "no PyInstaller version in build.ps1" >&2; exit 1; }
TMP=$(mktemp -d /tmp/xyd-winwheels-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
# The requirements as pyproject.toml states them (dependencies and every extra).
"$PYTHON" - > "$TMP/requirements.txt" <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
extras = project.get("optional-dependencies", {})
for req in project["dependencies"] + [r for group in extras.values() for r in group]:
    print(req)
PY
echo "pyinstaller==$PYINSTALLER_VERSION" >> "$TMP/requirements.txt"
# pip evaluates environment markers for the machine it runs on, so the Windows-only dependencies
# (pytest's colorama, PyInstaller's pefile and pywin32-ctypes) are named here explicitly.
printf '%s\n' colorama pefile pywin32-ctypes >> "$TMP/requirements.txt"
echo "=== windows wheels: $(wc -l < "$TMP/requirements.txt") requirements, win_amd64, CPython $PY_VERSION"
"$PYTHON" -m pip download -q --dest "$TMP/wheels" --only-binary=:all: --platform win_amd64 \
  --python-version "$PY_VERSION" --implementation cp -r "$TMP/requirements.txt"
ls "$TMP/wheels" | sed 's/^/  /'
bad=$(ls "$TMP/wheels" | grep -v '\.whl$' || true)
[ -z "$bad" ] || { echo "FAIL: not wheels: $bad" >&2; exit 1; }
echo "windows wheels: $(ls "$TMP/wheels" | wc -l) wheels, all binary or pure-Python, none needs a compiler"
