#!/usr/bin/env bash
# Wheel smoke test (run by .ci/run): `pip wheel .`, install that wheel into a fresh virtualenv in a
# temporary folder outside the clone, and run `xiangyun-desk self-check` there, from that folder:
# the Chinese UI strings must load, the report must embed the bundled fonts (HanaMinB for the rare
# character) and a bundle must round-trip, all with resources found inside the installed package.
# PYTHON=... picks the interpreter for the fresh virtualenv (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
TMP=$(mktemp -d /tmp/xyd-wheel-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
case "$TMP" in "$ROOT"/*) echo "temporary folder inside the clone" >&2; exit 1;; esac
fail() { echo "FAIL: $*" >&2; exit 1; }
started=$(date +%s)

echo "=== wheel: pip wheel ."
"$PYTHON" -m pip wheel -q --no-deps -w "$TMP/dist" .
wheel=$(ls "$TMP"/dist/xiangyun_desk-*.whl)
echo "$(basename "$wheel"): $(stat -c %s "$wheel") bytes"

echo "=== wheel: install into a fresh virtualenv in $TMP"
"$PYTHON" -m venv "$TMP/venv"
"$TMP/venv/bin/pip" install -q "$wheel"

echo "=== wheel: self-check from $TMP (no checkout on the path)"
cd "$TMP"
out=$(env -u PYTHONPATH -u XIANGYUN_DESK_HOME QT_QPA_PLATFORM=offscreen HOME="$TMP/home" \
      "$TMP/venv/bin/xiangyun-desk" self-check 2> >(grep -v propagateSizeHints >&2)) \
  || { echo "$out"; fail "self-check of the installed wheel failed"; }
echo "$out"
site=$("$TMP/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
grep -qF "OK    resources: $site/xiangyun_desk/_resources;" <<<"$out" \
  || fail "resources were not found inside the installed package ($site)"
grep -q "^  OK    resources: .*translations 概览" <<<"$out" || fail "no Chinese UI strings"
grep -q "^  OK    reports: .*HanaMinB" <<<"$out" || fail "the report did not embed the bundled font"
grep -q "^  OK    bundles: " <<<"$out" || fail "no bundle round trip"
if grep -qF "$ROOT" <<<"$out"; then fail "the installed program used files from the clone"; fi
echo "=== wheel smoke test passed in $(( $(date +%s) - started )) s"
