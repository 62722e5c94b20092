#!/usr/bin/env bash
# The release .deb for UOS V20 / Kylin V10 (glibc 2.28), from nothing but this repository and
# Debian's package archive:
#
#   1. a Debian 11 (bullseye) root made with debootstrap (kept as "base"), copied to "build";
#   2. in "build": SQLite 3.40 and CPython 3.11 built from bookworm's *source packages*
#      (`apt-get source`, upstream tarballs as Debian ships them) with `zig cc` (PyPI `ziglang`)
#      targeting x86_64-linux-gnu.2.28, so they never reference a symbol newer than glibc 2.28
#      (bullseye's own gcc would pull in pow/exp/log@GLIBC_2.29, sem_clockwait@GLIBC_2.30, ...);
#   3. the program's wheel and its dependencies as wheels pinned to --platform
#      manylinux_2_28_x86_64 and every older manylinux tag (listed one by one), so pip never
#      picks a manylinux_2_34 wheel (cryptography has both);
#   4. PyInstaller + installer/build-deb.sh in that root, with XYD_SYSTEM_LIBS=1: the system
#      libraries the package's Depends: line names are taken from the target system, not bundled;
#   5. installer/check-glibc.py --max 2.28 on the .deb (fails above GLIBC_2.28);
#   6. the proof: a fresh copy of the bullseye root ("test") gets the .deb with apt-get (so its
#      Depends: resolve on Debian 11), then `xiangyun-desk --version`, `self-check` (offscreen)
#      and the start-up time run there.
#
# Usage (as root: debootstrap, chroot and mounts need it):
#   XYD_RELEASE_DIR=/var/tmp/xyd-release nice -n 10 installer/build-release.sh
# The roots, source packages, zig and the wheelhouse stay in $XYD_RELEASE_DIR (default
# /var/tmp/xyd-release, never inside the repository) and are reused by the next run; every step
# leaves a stamp there and is skipped when its stamp exists (remove $XYD_RELEASE_DIR/stamps/STEP
# to redo one, or the whole folder to start from nothing). The repository's tracked files are
# copied in afresh each run. Results: dist/release/xiangyun-desk_<version>_amd64.deb, its report
# (.txt) and the proof log (-proof.txt). First run about 1-2 hours on 2 busy cores, mostly the
# CPython build; a rerun with only program changes takes minutes.
# Needs on the host: debootstrap (apt-get install debootstrap), a network path to Debian's archive
# and PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
WORK=${XYD_RELEASE_DIR:-/var/tmp/xyd-release}
MIRROR=${XYD_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bullseye                    # Debian 11: the oldest suite Debian's archive still serves
SOURCE_SUITE=bookworm             # where the source packages of python3.11 and sqlite3 come from
GLIBC_TARGET=2.28                 # UOS V20 (Debian 10 based); Kylin V10 SP1 has 2.31
ZIG_VERSION=0.13.0
PYINSTALLER_VERSION=6.22.3
PY_PREFIX=/opt/xyd/python
SQLITE_PREFIX=/opt/xyd/sqlite
APPID=cn.org.xiangyun.desk
BASE=$WORK/base
BUILD=$WORK/build
TEST=$WORK/test
STAMPS=$WORK/stamps
OUT=$REPO/dist/release
mkdir -p "$WORK" "$STAMPS" "$OUT"
case "$WORK" in "$REPO"|"$REPO"/*) echo "XYD_RELEASE_DIR must be outside the repository" >&2; exit 1;; esac
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot)" >&2; exit 1; }
started=$(date +%s)
log() { echo "== [$(date +%H:%M:%S)] $*"; }
done_() { [ -e "$STAMPS/$1" ]; }
stamp() { date > "$STAMPS/$1"; }

# ---- chroot helpers -----------------------------------------------------------------------------
MOUNTED=()
mount_root() {  # proc and dev inside a root, undone on exit
  local root=$1
  mountpoint -q "$root/proc" || { mount -t proc proc "$root/proc"; MOUNTED+=("$root/proc"); }
  mountpoint -q "$root/dev" || { mount --bind /dev "$root/dev"; MOUNTED+=("$root/dev"); }
  mountpoint -q "$root/dev/pts" || { mount --bind /dev/pts "$root/dev/pts"; MOUNTED+=("$root/dev/pts"); }
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  # The host's trust store for HTTPS downloads (PyPI) from inside the root: it may hold a local
  # proxy's CA that the root's own ca-certificates lacks.
  cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/host-ca-certificates.crt"
}
cleanup() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTED[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
in_root() {  # in_root ROOT 'commands' : run bash commands inside ROOT with a clean environment
  local root=$1; shift
  chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive TERM=dumb MAKEFLAGS="-j$(nproc)" \
    PIP_CERT=/etc/ssl/certs/host-ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    bash -euo pipefail -c "$*"
}

# ---- 1. the Debian 11 root ------------------------------------------------------------------------
if ! done_ base; then
  command -v debootstrap >/dev/null || { echo "apt-get install debootstrap" >&2; exit 1; }
  log "debootstrap $SUITE into $BASE"
  rm -rf "$BASE"
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$BASE" "$MIRROR"
  stamp base
fi
for root in "$BUILD" "$TEST"; do
  name=$(basename "$root")
  if ! done_ "root-$name"; then
    log "copy the bullseye root to $root"
    rm -rf "$root"; cp -a "$BASE" "$root"
    stamp "root-$name"
  fi
done
mount_root "$BUILD"

# The system libraries the X11 platform plugin, OpenGL, fonts and D-Bus need: the package's
# Depends: (xiangyun_desk/platform_libs.py, X11_PACKAGES) names the same set; they are installed
# here so PyInstaller and the Qt parts find them, and taken from the target system at run time.
XCB_LIBS=$(python3 -c 'import runpy, sys; print(" ".join(runpy.run_path(sys.argv[1])["X11_PACKAGES"]))' \
  "$REPO/xiangyun_desk/platform_libs.py")

if ! done_ build-deps; then
  log "build tools and libraries in the build root"
  in_root "$BUILD" "
    echo 'deb-src $MIRROR $SOURCE_SUITE main' > /etc/apt/sources.list.d/src.list
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends make pkg-config tcl xz-utils binutils \
      dpkg-dev file python3 python3-venv zlib1g-dev libbz2-dev liblzma-dev libffi-dev \
      libssl-dev uuid-dev $XCB_LIBS >/dev/null"
  stamp build-deps
fi

# ---- 2. zig, the sources, SQLite, CPython ---------------------------------------------------------
# zig's own libc headers come first; the build root's /usr/include only supplies the headers of
# libraries (zlib, OpenSSL, libffi, ...) through -idirafter, which the compiler wrappers always
# pass (CPython's setup.py does not hand CPPFLAGS to the extension modules' compiles).
SYSINC="-idirafter /usr/include -idirafter /usr/include/x86_64-linux-gnu"

if ! done_ zig; then
  log "ziglang $ZIG_VERSION from PyPI"
  in_root "$BUILD" "
    python3 -m venv /opt/zigenv
    /opt/zigenv/bin/pip install -q ziglang==$ZIG_VERSION
    zig=\$(/opt/zigenv/bin/python -c 'import ziglang, os; print(os.path.join(os.path.dirname(ziglang.__file__), \"zig\"))')
    mkdir -p /opt/zig/bin
    # zig cc targeting glibc $GLIBC_TARGET: links against that glibc's symbol versions, so
    # nothing built with it can need a newer glibc. UBSan (zig's default without -O) is off.
    printf '#!/bin/sh\nexec %s cc -target x86_64-linux-gnu.$GLIBC_TARGET -fno-sanitize=undefined $SYSINC \"\$@\"\n' \"\$zig\" > /opt/zig/bin/cc
    printf '#!/bin/sh\nexec %s c++ -target x86_64-linux-gnu.$GLIBC_TARGET -fno-sanitize=undefined $SYSINC \"\$@\"\n' \"\$zig\" > /opt/zig/bin/c++
    printf '#!/bin/sh\nexec %s ar \"\$@\"\n' \"\$zig\" > /opt/zig/bin/ar
    printf '#!/bin/sh\nexec %s ranlib \"\$@\"\n' \"\$zig\" > /opt/zig/bin/ranlib
    chmod 755 /opt/zig/bin/*
    echo 'int main(void){return 0;}' > /tmp/t.c && /opt/zig/bin/cc -O2 /tmp/t.c -o /tmp/t && /tmp/t"
  stamp zig
fi

if ! done_ sources; then
  log "source packages python3.11 and sqlite3 from $SOURCE_SUITE"
  in_root "$BUILD" "
    rm -rf /src-deb && mkdir -p /src-deb && cd /src-deb
    apt-get source --download-only -qq python3.11 sqlite3
    ls -l"
  stamp sources
fi

ZENV="CC=/opt/zig/bin/cc CXX=/opt/zig/bin/c++ AR=/opt/zig/bin/ar RANLIB=/opt/zig/bin/ranlib"

if ! done_ sqlite; then
  log "SQLite with zig cc"
  in_root "$BUILD" "
    rm -rf /build-sqlite && mkdir /build-sqlite && cd /build-sqlite
    tar xf /src-deb/sqlite3_*.orig.tar.*z
    cd sqlite*/
    $ZENV CPPFLAGS='$SYSINC' \
    CFLAGS='-O2 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS3_PARENTHESIS \
      -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_ENABLE_COLUMN_METADATA \
      -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_SECURE_DELETE -DSQLITE_MAX_VARIABLE_NUMBER=250000' \
      ./configure --prefix=$SQLITE_PREFIX --enable-shared --disable-static --disable-tcl \
      --disable-readline >/dev/null
    # The library only (the sqlite3 shell would compile the 9 MB amalgamation a second time).
    make -s libsqlite3.la >/dev/null 2>make.err || { tail -40 make.err; exit 1; }
    mkdir -p $SQLITE_PREFIX/lib $SQLITE_PREFIX/include
    ./libtool --mode=install install -c libsqlite3.la $SQLITE_PREFIX/lib/ >/dev/null
    install -m 644 sqlite3.h sqlite3ext.h $SQLITE_PREFIX/include/
    ls -l $SQLITE_PREFIX/lib $SQLITE_PREFIX/include"
  stamp sqlite
fi

if ! done_ python; then
  log "CPython 3.11 with zig cc (shared, against SQLite in $SQLITE_PREFIX)"
  cat > "$BUILD/patch-setup.py" <<'EOF'
"""setup.py: keep the multiarch library folder, drop the include folders it adds (glibc 2.31's
bits/ and sys/ there must not come before zig's own libc headers); libffi is still found."""
import sys

path = sys.argv[1]
text = open(path).read()
old = "        self.add_multiarch_paths()\n"
new = (old + "        self.compiler.include_dirs = [d for d in self.compiler.include_dirs\n"
       "                                      if not d.startswith('/usr/include')]\n")
if new not in text:
    text = text.replace(old, new, 1)
# libffi: find ffi.h in the multiarch folder, compile with it through -idirafter (not -I).
text = text.replace("        ffi_inc_dirs = self.inc_dirs.copy()\n",
                    "        ffi_inc_dirs = self.inc_dirs + ['/usr/include/x86_64-linux-gnu']\n")
text = text.replace("            ext.include_dirs.append(ffi_inc)\n", "")
open(path, "w").write(text)
EOF
  in_root "$BUILD" "
    if ! [ -f /build-python/configured ]; then
    rm -rf /build-python && mkdir /build-python && cd /build-python
    tar xf /src-deb/python3.11_*.orig.tar.*z
    cd Python-3.11*/
    $ZENV CPPFLAGS='-I$SQLITE_PREFIX/include $SYSINC' \
      LDFLAGS='-L$SQLITE_PREFIX/lib -Wl,-rpath,$SQLITE_PREFIX/lib -Wl,-rpath,$PY_PREFIX/lib -L/usr/lib/x86_64-linux-gnu' \
      OPT='-DNDEBUG -fwrapv -O2 -Wall' \
      ./configure --prefix=$PY_PREFIX --enable-shared --with-ensurepip=install \
      --disable-test-modules --enable-loadable-sqlite-extensions >configure.log 2>&1 \
      || { tail -40 configure.log; exit 1; }
    touch /build-python/configured
    fi
    cd /build-python/Python-3.11*/
    # zig's linker takes -soname, not the -h spelling of libpython's link lines; and setup.py
    # must not put the root's multiarch include folder (glibc 2.31's bits/, sys/) before zig's
    # own libc headers (the libraries' headers still come through -idirafter): /patch-setup.py.
    sed -i 's/-Wl,-h/-Wl,-soname,/g' Makefile
    python3 /patch-setup.py setup.py
    make -s >make.log 2>&1 || { tail -60 make.log; exit 1; }
    grep -A8 'necessary bits to build these optional modules' make.log || true
    grep -A8 'Failed to build these modules' make.log || true
    make -s install >install.log 2>&1 || { tail -40 install.log; exit 1; }
    $PY_PREFIX/bin/python3.11 -c 'import sqlite3, ssl, ctypes, lzma, bz2, zlib; print(\"python\", __import__(\"sys\").version.split()[0], \"sqlite\", sqlite3.sqlite_version, ssl.OPENSSL_VERSION)'"
  stamp python
fi

# ---- 3. the program and its wheels, 4. PyInstaller + the .deb ----------------------------------
log "copy the repository's tracked files to $BUILD/src"
rm -rf "$BUILD/src" && mkdir -p "$BUILD/src"
(cd "$REPO" && git ls-files -z --cached --others --exclude-standard \
  | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$BUILD/src"
cp "$REPO/installer/check-glibc.py" "$BUILD/check-glibc.py"

PLATFORMS=$(for y in $(seq 28 -1 5); do printf -- '--platform manylinux_2_%s_x86_64 ' "$y"; done)
PLATFORMS="$PLATFORMS --platform manylinux2014_x86_64 --platform manylinux2010_x86_64 --platform manylinux1_x86_64"
log "wheels (manylinux_2_28 and older only), PyInstaller, the .deb"
in_root "$BUILD" "
  cd /src
  [ -x /build-venv/bin/python ] || $PY_PREFIX/bin/python3.11 -m venv /build-venv
  /build-venv/bin/pip install -q --upgrade pip
  rm -rf /wheels-app && mkdir -p /wheels /wheels-app
  /build-venv/bin/pip wheel -q --no-deps -w /wheels-app /src
  # Only wheels tagged manylinux_2_28 or older, never a newer one, whatever glibc this build root
  # has (pip does not derive older PEP 600 tags from --platform: each one is listed).
  /build-venv/bin/pip download -q --dest /wheels --only-binary=:all: $PLATFORMS \
    --python-version 3.11 --implementation cp \
    /wheels-app/*.whl pyinstaller==$PYINSTALLER_VERSION
  /build-venv/bin/pip install -q --no-index --find-links /wheels --find-links /wheels-app \
    --force-reinstall /wheels-app/*.whl pyinstaller==$PYINSTALLER_VERSION
  /build-venv/bin/pip list --format=freeze > /src/build-release-wheels.txt
  rm -rf dist build
  XYD_SYSTEM_LIBS=1 XYD_MIN_GLIBC=$GLIBC_TARGET XYD_DEB_LEVEL=${XYD_DEB_LEVEL:-6} \
    PYTHON=/build-venv/bin/python installer/build-deb.sh
"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$REPO/xiangyun_desk/__init__.py")
DEB_NAME=xiangyun-desk_${VERSION}_amd64.deb
cp "$BUILD/src/dist/$DEB_NAME" "$OUT/"
cp "$BUILD/src/dist/xiangyun-desk_${VERSION}_amd64.txt" "$OUT/"
cp "$BUILD/src/build-release-wheels.txt" "$OUT/xiangyun-desk_${VERSION}_amd64-wheels.txt"

# ---- 5. the glibc check ---------------------------------------------------------------------------
log "check-glibc.py --max $GLIBC_TARGET"
python3 "$REPO/installer/check-glibc.py" --max "$GLIBC_TARGET" "$OUT/$DEB_NAME" \
  | tee "$OUT/xiangyun-desk_${VERSION}_amd64-glibc.txt"
depends=$(dpkg-deb --field "$OUT/$DEB_NAME" Depends)
grep -q "libc6 (>= $GLIBC_TARGET)" <<<"$depends" || { echo "Depends: $depends" >&2; exit 1; }

# ---- 6. the proof in a fresh Debian 11 root --------------------------------------------------------
log "install into a fresh bullseye root and run self-check there"
PROOF=$OUT/xiangyun-desk_${VERSION}_amd64-proof.txt
rm -rf "$TEST"; cp -a "$BASE" "$TEST"
mount_root "$TEST"
cp "$OUT/$DEB_NAME" "$TEST/tmp/"
cp "$REPO/installer/measure_startup.py" "$TEST/tmp/"
{
  echo "proof run $(date -u +%Y-%m-%dT%H:%MZ) in a fresh $SUITE root"
  in_root "$TEST" "
    cat /etc/debian_version; ldd --version | head -1
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends /tmp/$DEB_NAME >/dev/null
    dpkg -s $APPID | grep -E '^(Status|Version|Depends):'
    command -v python3 >/dev/null && echo 'python3 present' || echo 'no python3 on this system'
    xiangyun-desk --version
    QT_QPA_PLATFORM=offscreen xiangyun-desk self-check 2> >(grep -v propagateSizeHints >&2)
    apt-get install -y -qq --no-install-recommends python3 >/dev/null   # for the timing script only
    QT_QPA_PLATFORM=offscreen python3 /tmp/measure_startup.py /usr/bin/xiangyun-desk --runs 5"
} 2>&1 | tee "$PROOF"
grep -q '^self-check passed' "$PROOF" || { echo "self-check did not pass in the $SUITE root" >&2; exit 1; }
log "release build done in $(( $(date +%s) - started )) s: $OUT/$DEB_NAME"
