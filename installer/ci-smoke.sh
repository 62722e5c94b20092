#!/usr/bin/env bash
# Installer smoke test (run by .ci/run; skipped when XYD_SKIP_INSTALLER=1):
#   1. build the .deb (PyInstaller one-folder build + UOS layout), report size and glibc needs;
#   2. check the package: glibc needs (check-glibc.py), layout, no maintainer scripts, desktop entry;
#   3. unpack it with dpkg -x into a temporary root and run --version, self-check (offscreen)
#      and the start-up time measurement from the unpacked tree;
#   4. compile the NSIS script with makensis against the Linux build folder.
# Needs (installed here when missing and possible): pyinstaller in .venv, nsis, dpkg-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
PYINSTALLER_VERSION=6.22.3
APPID=cn.org.xiangyun.desk
started=$(date +%s)

if [ "${XYD_SKIP_INSTALLER:-}" = 1 ]; then
  echo "installer smoke test skipped (XYD_SKIP_INSTALLER=1)"
  exit 0
fi

echo "=== installer: tools"
"$PY" -c 'import PyInstaller' 2>/dev/null \
  || "$PY" -m pip install -q "pyinstaller==$PYINSTALLER_VERSION"
need=()
command -v makensis >/dev/null 2>&1 || need+=(nsis)
command -v dpkg-deb >/dev/null 2>&1 || need+=(dpkg-dev)
command -v objdump >/dev/null 2>&1 || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing tools: ${need[*]} (apt-get install ${need[*]})" >&2
    exit 1
  fi
fi

echo "=== installer: build the .deb"
installer/build-deb.sh
VERSION=$("$PY" -c 'import xiangyun_desk; print(xiangyun_desk.__version__)')
DEB=$ROOT/dist/xiangyun-desk_${VERSION}_amd64.deb

echo "=== installer: check the package"
fail() { echo "FAIL: $*" >&2; exit 1; }
# Every ELF file in the .deb needs at most the glibc its Depends: line names. This everyday build
# runs on the CI machine's glibc, so that is its limit; the release build (build-release.sh) runs
# the same check with --max 2.28.
# (No `| head` or `grep -q` after a writer here: with pipefail the writer's SIGPIPE, exit 141,
# fails the script at random — `ldd --version | head -1` did.)
HOST_GLIBC=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
"$PY" installer/check-glibc.py --max "$HOST_GLIBC" "$DEB" || fail "the .deb needs a newer glibc than $HOST_GLIBC"
dpkg-deb --field "$DEB" Depends | grep "libc6 (>= " >/dev/null || fail "Depends: has no libc6 (>= ...)"
dpkg-deb --info "$DEB" > "$ROOT/build/deb/info.txt"
control_members=$(dpkg-deb --ctrl-tarfile "$DEB" | tar -t | sed 's|^\./||' | grep -v '^$' | sort | tr '\n' ' ')
[ "$control_members" = "control md5sums " ] \
  || fail "control archive should hold only control and md5sums, has: $control_members"
dpkg-deb --field "$DEB" Package | grep -x "$APPID" >/dev/null || fail "package name is not $APPID"
listing=$(dpkg-deb --contents "$DEB")
for path in "./opt/apps/$APPID/info" \
            "./opt/apps/$APPID/entries/applications/$APPID.desktop" \
            "./opt/apps/$APPID/entries/icons/hicolor/256x256/apps/$APPID.png" \
            "./opt/apps/$APPID/entries/icons/hicolor/scalable/apps/$APPID.svg" \
            "./opt/apps/$APPID/files/bin/xiangyun-desk" \
            "./opt/apps/$APPID/files/lib/xiangyun-desk/xiangyun-desk" \
            "./usr/bin/xiangyun-desk -> /opt/apps/$APPID/files/bin/xiangyun-desk" \
            "./usr/share/applications/$APPID.desktop -> /opt/apps/$APPID/entries/applications/$APPID.desktop"; do
  grep -qF -- "$path" <<<"$listing" || fail "$path is not in the package"
done
if grep -vE '^[dlrwx-]{10} root/root ' <<<"$listing" | sed -n '1,3p' | grep .; then
  fail "files not owned by root"
fi

TMP=$(mktemp -d /tmp/xyd-deb-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
dpkg -x "$DEB" "$TMP/root"
APPDIR=$TMP/root/opt/apps/$APPID
"$PY" - "$APPDIR" <<'EOF'
import configparser, json, sys
from pathlib import Path
app = Path(sys.argv[1])
info = json.loads((app / "info").read_text(encoding="utf-8"))
assert info["appid"] == "cn.org.xiangyun.desk" and info["arch"] == ["amd64"], info
desktop = configparser.ConfigParser(interpolation=None, strict=True)
desktop.optionxform = str
desktop.read(app / "entries/applications/cn.org.xiangyun.desk.desktop", encoding="utf-8")
entry = desktop["Desktop Entry"]
assert entry["Name[zh_CN]"] == "祥云职工之家工作台", entry["Name[zh_CN]"]
assert entry["Exec"].split()[0] == "/opt/apps/cn.org.xiangyun.desk/files/bin/xiangyun-desk"
assert entry["Icon"] == "cn.org.xiangyun.desk" and entry["Type"] == "Application"
print("info and desktop entry: ok")
EOF
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$APPDIR/entries/applications/$APPID.desktop"
fi

echo "=== installer: run from the unpacked tree ($APPDIR)"
export QT_QPA_PLATFORM=offscreen
LAUNCHER=$APPDIR/files/bin/xiangyun-desk
out=$(env -i PATH=/usr/bin:/bin HOME="$TMP/home" "$LAUNCHER" --version)
echo "$out"
[ "$out" = "xiangyun-desk $VERSION" ] || fail "--version printed '$out'"
# A clean environment: no virtualenv, no PYTHONPATH, a fresh home.
env -i PATH=/usr/bin:/bin HOME="$TMP/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  "$LAUNCHER" self-check 2> >(grep -v propagateSizeHints >&2)
env -i PATH=/usr/bin:/bin HOME="$TMP/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  "$PY" installer/measure_startup.py "$LAUNCHER" --runs 3

echo "=== installer: makensis"
rm -f "$TMP/xiangyun-desk-$VERSION-setup.exe"
(cd installer/windows && makensis -V2 -WX -DFAST -DVERSION="$VERSION" -DSRC="$ROOT/dist/xiangyun-desk" \
   -DOUTFILE="$TMP/xiangyun-desk-$VERSION-setup.exe" xiangyun-desk.nsi)
[ -s "$TMP/xiangyun-desk-$VERSION-setup.exe" ] || fail "makensis wrote no installer"
echo "NSIS script compiles ($(stat -c %s "$TMP/xiangyun-desk-$VERSION-setup.exe") bytes uncompressed)"

echo "=== installer smoke test passed in $(( $(date +%s) - started )) s"
cat "$ROOT/dist/xiangyun-desk_${VERSION}_amd64.txt"
# build, glibc scan, package layout, --version, self-check, start-up, makensis:
echo "installer: 7 passed, 0 failed"
