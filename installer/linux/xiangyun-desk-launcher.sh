#!/bin/sh
# 祥云职工之家工作台 launcher: /usr/bin/xiangyun-desk -> /opt/apps/cn.org.xiangyun.desk/files/bin/xiangyun-desk
#
# Starts the frozen program and picks a Chinese input method path the bundled Qt can use.
# The bundled Qt (from the PySide6 wheels) has only the "ibus" and "compose" input-context
# plugins, no fcitx/fcitx5 one, so QT_IM_MODULE=fcitx (what fcitx desktops export) would leave the
# window without any input method. What this script does (see installer/README.md, "fcitx"):
#
#   XYD_IM=auto (default)
#     - fcitx5 running: QT_IM_MODULE=ibus and IBUS_USE_PORTAL=1. Fcitx 5 answers the IBus
#       protocol itself (its "ibusfrontend" addon, on by default) and owns the session-bus name
#       org.freedesktop.portal.IBus. The portal switch matters: without it Qt's ibus plugin
#       disables itself when no ibus-daemon executable is on PATH (a fcitx5-only desktop).
#       Verified: Xvfb + fcitx5 5.0.21 + pinyin, "nihao<space>" commits 你好 in the bundled Qt;
#     - ibus-daemon running: QT_IM_MODULE=ibus;
#     - fcitx (4) running: fcitx 4 does not speak IBus. If the system has fcitx's or fcitx5's Qt6
#       plugin, it is offered to Qt as for XYD_IM=system; otherwise nothing can be done (the
#       program still starts; typing Chinese needs fcitx5 or ibus) and a note goes to stderr;
#     - otherwise QT_IM_MODULE is left as it is (unless it names a plugin we lack).
#   XYD_IM=ibus     always QT_IM_MODULE=ibus (add IBUS_USE_PORTAL=1 yourself for fcitx5)
#   XYD_IM=system   use the system's Qt6 fcitx5 (or fcitx) input-context plugin: a private
#                   folder holding only that plugin is added to the plugin path (so no other
#                   system Qt plugin can mix with the bundled Qt) and QT_IM_MODULE=fcitx.
#                   The plugin is built against the system's Qt (private ABI); Qt refuses it if
#                   it is newer than the bundled Qt, and an older one may not load.
#   XYD_IM=keep     touch nothing (QT_IM_MODULE / QT_PLUGIN_PATH as the session set them)
#   XYD_IM=none     no input method (QT_IM_MODULE=compose: dead keys only)
# XYD_QT6_PLUGIN_DIRS (space-separated) overrides where the system's Qt6 plugins are looked for.
set -u

self=$(readlink -f "$0")
here=$(dirname "$self")
program="$here/../lib/xiangyun-desk/xiangyun-desk"
[ -x "$program" ] || { echo "xiangyun-desk: $program is missing" >&2; exit 127; }

running() { # running NAME: a process of this user (or any, if pgrep lacks -U) named NAME
    if command -v pgrep >/dev/null 2>&1; then
        pgrep -x -U "$(id -u)" "$1" >/dev/null 2>&1 || pgrep -x "$1" >/dev/null 2>&1
    else
        for d in /proc/[0-9]*; do
            [ "$(cat "$d/comm" 2>/dev/null)" = "$1" ] && return 0
        done
        return 1
    fi
}

system_plugin() { # the system's Qt6 fcitx5/fcitx input-context plugin, if any
    # XYD_QT6_PLUGIN_DIRS: where the system's Qt6 plugins are, if not in the usual places.
    for dir in ${XYD_QT6_PLUGIN_DIRS:-/usr/lib/x86_64-linux-gnu/qt6/plugins /usr/lib64/qt6/plugins /usr/lib/qt6/plugins}; do
        for name in libfcitx5platforminputcontextplugin.so libfcitxplatforminputcontextplugin-qt6.so \
                    libfcitxplatforminputcontextplugin.so; do
            f="$dir/platforminputcontexts/$name"
            [ -f "$f" ] && { echo "$f"; return 0; }
        done
    done
    return 1
}

use_system_plugin() {
    plugin=$(system_plugin) || return 1
    cache="${XDG_CACHE_HOME:-$HOME/.cache}/xiangyun-desk/qt-im-plugins"
    mkdir -p "$cache/platforminputcontexts" 2>/dev/null || return 1
    rm -f "$cache/platforminputcontexts/"*.so
    ln -sf "$plugin" "$cache/platforminputcontexts/$(basename "$plugin")" || return 1
    # The frozen program puts this after its own plugin folder (installer/entry.py); a plain
    # QT_PLUGIN_PATH would be replaced by PyInstaller's runtime hook.
    export XYD_EXTRA_QT_PLUGIN_PATH="$cache"
    export QT_IM_MODULE=fcitx
    return 0
}

mode=${XYD_IM:-auto}
case "$mode" in
    keep) ;;
    ibus) export QT_IM_MODULE=ibus ;;
    none) export QT_IM_MODULE=compose ;;
    system)
        use_system_plugin || echo "xiangyun-desk: no Qt6 fcitx plugin found on this system" >&2 ;;
    *)
        if running fcitx5; then
            export QT_IM_MODULE=ibus IBUS_USE_PORTAL="${IBUS_USE_PORTAL:-1}"
        elif running ibus-daemon; then
            export QT_IM_MODULE=ibus
        elif running fcitx; then
            use_system_plugin || echo "xiangyun-desk: fcitx 4 is running, and this program's Qt" \
                "cannot talk to it; Chinese input needs fcitx5 or ibus (installer/README.md)" >&2
        else
            case "${QT_IM_MODULE:-}" in
                fcitx*)  # a plugin we lack: the IBus portal, which fcitx5 serves if it starts later
                    export QT_IM_MODULE=ibus IBUS_USE_PORTAL="${IBUS_USE_PORTAL:-1}" ;;
            esac
        fi
        ;;
esac

exec "$program" "$@"
