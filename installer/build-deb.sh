#!/usr/bin/env bash
# Build dist/xiangyun-desk_<version>_amd64.deb in the UOS application layout:
#
#   /opt/apps/cn.org.xiangyun.desk/info                              UOS app description (JSON)
#   /opt/apps/cn.org.xiangyun.desk/entries/applications/*.desktop   menu entry (祥云职工之家工作台)
#   /opt/apps/cn.org.xiangyun.desk/entries/icons/hicolor/*/apps/    icons
#   /opt/apps/cn.org.xiangyun.desk/files/bin/xiangyun-desk          launcher (input-method set-up)
#   /opt/apps/cn.org.xiangyun.desk/files/lib/xiangyun-desk/         the PyInstaller one-folder build
#   /usr/bin/xiangyun-desk, /usr/share/applications, /usr/share/icons   symlinks into the above,
#                                                                   for Debian/Ubuntu menus and PATH
#
# No maintainer scripts: installing puts files in place, nothing else. User data lives in
# ~/.local/share/xiangyun-desk, which the package never touches (upgrades keep it, removal and
# purge leave it); the program migrates the database itself at start-up, after a backup.
#
# Usage: installer/build-deb.sh            (PyInstaller build, then the .deb)
#        XYD_REUSE_FREEZE=1 installer/build-deb.sh   (reuse dist/xiangyun-desk/)
# Needs: the project's virtualenv with pyinstaller (PYTHON=... to use another), dpkg-deb.
# XYD_DEB_LEVEL=6: xz level (default 9).
# XYD_SYSTEM_LIBS=1: leave the system libraries named in Depends: out of the build (release
# builds, installer/build-release.sh); XYD_MIN_GLIBC=2.28: Depends: libc6 (>= 2.28) at least.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
APPID=cn.org.xiangyun.desk
PKG=$APPID                        # UOS: the package name is the app id
MAX_DEB_BYTES=$((90 * 1000 * 1000))
ARCH=amd64
VERSION=$("$PYTHON" -c 'import xiangyun_desk; print(xiangyun_desk.__version__)')
FROZEN=$ROOT/dist/xiangyun-desk
DEB=$ROOT/dist/xiangyun-desk_${VERSION}_${ARCH}.deb
STAGE=$ROOT/build/deb/root
started=$(date +%s)

# ---- 1. the frozen program ----------------------------------------------------------------------
if [ "${XYD_REUSE_FREEZE:-}" = 1 ] && [ -x "$FROZEN/xiangyun-desk" ]; then
  echo "== reusing $FROZEN"
else
  "$PYTHON" -c 'import PyInstaller' 2>/dev/null || {
    echo "PyInstaller is missing: $PYTHON -m pip install pyinstaller==6.22.3" >&2; exit 1; }
  echo "== PyInstaller one-folder build"
  "$PYTHON" -m PyInstaller installer/xiangyun-desk.spec --noconfirm --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller"
fi
froze=$(date +%s)

# ---- 2. the package tree ------------------------------------------------------------------------
echo "== staging $STAGE"
rm -rf "$ROOT/build/deb"
APP=$STAGE/opt/apps/$APPID
mkdir -p "$APP/files/bin" "$APP/files/lib" "$APP/entries/applications" \
         "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/DEBIAN"
cp -a "$FROZEN" "$APP/files/lib/xiangyun-desk"
install -m 755 installer/linux/xiangyun-desk-launcher.sh "$APP/files/bin/xiangyun-desk"
install -m 644 "installer/linux/$APPID.desktop" "$APP/entries/applications/$APPID.desktop"
for png in resources/icons/xiangyun-desk-*.png; do
  size=${png##*-}; size=${size%.png}
  dir=entries/icons/hicolor/${size}x${size}/apps
  mkdir -p "$APP/$dir" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
  install -m 644 "$png" "$APP/$dir/$APPID.png"
  ln -s "/opt/apps/$APPID/$dir/$APPID.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$APPID.png"
done
mkdir -p "$APP/entries/icons/hicolor/scalable/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps"
install -m 644 resources/icons/xiangyun-desk.svg "$APP/entries/icons/hicolor/scalable/apps/$APPID.svg"
ln -s "/opt/apps/$APPID/entries/icons/hicolor/scalable/apps/$APPID.svg" \
      "$STAGE/usr/share/icons/hicolor/scalable/apps/$APPID.svg"
ln -s "/opt/apps/$APPID/files/bin/xiangyun-desk" "$STAGE/usr/bin/xiangyun-desk"
ln -s "/opt/apps/$APPID/entries/applications/$APPID.desktop" \
      "$STAGE/usr/share/applications/$APPID.desktop"

cat > "$APP/info" <<EOF
{
    "appid": "$APPID",
    "name": "祥云职工之家工作台",
    "version": "$VERSION",
    "arch": ["$ARCH"],
    "permissions": {
        "autostart": false,
        "notification": false,
        "trayicon": false,
        "clipboard": true,
        "account": false,
        "bluetooth": false,
        "camera": false,
        "audio_record": false,
        "installed_apps": false
    }
}
EOF

# Root-owned, nothing group/world-writable.
chmod -R u+rwX,go+rX,go-w "$STAGE"

# ---- 3. what the bundled binaries need from the system -------------------------------------------
# The newest GLIBC_x.y symbol version any bundled ELF file requires (its .gnu.version_r section):
# the oldest glibc the build runs on (installer/check-glibc.py, which CI also runs on the .deb).
GLIBC_LIST=$ROOT/build/deb/glibc-needs.txt
GLIBC_REPORT=$("$PYTHON" installer/check-glibc.py --list "$GLIBC_LIST" "$APP/files")
GLIBC_MAX=$(sed -n 's/^newest glibc symbol needed: GLIBC_\([0-9.]*\).*/\1/p' <<<"$GLIBC_REPORT")
GLIBC_WHO=$(sed -n 's/^newest glibc symbol needed: GLIBC_[0-9.]* (by: \(.*\))$/\1/p' <<<"$GLIBC_REPORT")
GLIBCXX_MAX=$(sed -n 's/^newest libstdc++ symbol needed: GLIBCXX_\([0-9.]*\).*/\1/p' <<<"$GLIBC_REPORT")
# A release build for glibc 2.28 says so even if nothing happens to need exactly that version.
GLIBC_DEP=$GLIBC_MAX
if [ -n "${XYD_MIN_GLIBC:-}" ] && [ "$(printf '%s\n' "$XYD_MIN_GLIBC" "$GLIBC_MAX" | sort -V | tail -1)" = "$XYD_MIN_GLIBC" ]; then
  GLIBC_DEP=$XYD_MIN_GLIBC
fi

# System libraries (not in the bundle) the xcb platform, OpenGL, fonts and D-Bus need: the package
# names of xiangyun_desk/platform_libs.py (X11_PACKAGES), which also tells a pip-installed program
# what to install; they exist on Debian 10+, Ubuntu 20.04+, UOS 20 and Kylin V10 alike.
X11_DEPENDS=$("$PYTHON" -c 'import runpy, sys; print(", ".join(runpy.run_path(sys.argv[1])["X11_PACKAGES"]))' \
  xiangyun_desk/platform_libs.py)
DEPENDS="libc6 (>= ${GLIBC_DEP}), $X11_DEPENDS"

INSTALLED_KB=$(du -sk --apparent-size "$STAGE" --exclude=DEBIAN | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $PKG
Version: $VERSION
Architecture: $ARCH
Maintainer: 祥云县总工会 <xiangyun-desk@localhost>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: fonts-wqy-microhei | fonts-noto-cjk
Suggests: fcitx5 | ibus
Provides: xiangyun-desk
Conflicts: xiangyun-desk
Replaces: xiangyun-desk
Section: utils
Priority: optional
Homepage: https://xiangyun.invalid/
Description: 祥云职工之家工作台 Xiangyun workers' home desk
 Offline registers (visitor log, relief visits, job fairs, volunteers) and
 reports for the township workers' home stations of the Xiangyun County
 trade-union federation. Self-contained: Python and Qt are bundled.
 .
 Data stays in ~/.local/share/xiangyun-desk; upgrades migrate it (after a
 backup) and removing the package leaves it in place.
EOF
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z \
  | xargs -0 md5sum | sed 's|  \./|  |') > "$STAGE/DEBIAN/md5sums"
chmod 644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"

# ---- 4. the .deb ------------------------------------------------------------------------------
echo "== dpkg-deb (xz)"
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz "-z${XYD_DEB_LEVEL:-9}" --build "$STAGE" "$DEB" >/dev/null
finished=$(date +%s)
DEB_BYTES=$(stat -c %s "$DEB")

REPORT=$ROOT/dist/xiangyun-desk_${VERSION}_${ARCH}.txt
{
  echo "package:        $DEB"
  echo "deb size:       $DEB_BYTES bytes ($(awk -v b="$DEB_BYTES" 'BEGIN{printf "%.1f MB", b/1e6}')); limit $MAX_DEB_BYTES"
  echo "installed size: $INSTALLED_KB KiB"
  echo "newest glibc symbol needed: GLIBC_$GLIBC_MAX (by: $GLIBC_WHO)"
  echo "newest libstdc++ symbol needed: GLIBCXX_${GLIBCXX_MAX:-none} (libstdc++ is bundled when the build machine's is)"
  echo "build time:     $((finished - started)) s (PyInstaller $((froze - started)) s, package $((finished - froze)) s)"
  echo "built on:       $(. /etc/os-release && echo "$PRETTY_NAME"), $(ldd --version | head -1)"
} | tee "$REPORT"
echo "(per-file glibc needs: $GLIBC_LIST)"

if [ "$DEB_BYTES" -ge "$MAX_DEB_BYTES" ]; then
  echo "ERROR: the .deb is $DEB_BYTES bytes, over the $MAX_DEB_BYTES limit" >&2
  exit 1
fi
