"""Render the application icon (resources/icons/xiangyun-desk.svg) to PNGs and a Windows .ico.

    python installer/make_icons.py          # rewrites resources/icons/*.png and *.ico
    python installer/make_icons.py --check  # exits 1 if the committed files are out of date

Uses only PySide6 (QSvgRenderer, offscreen), which the project depends on anyway. The .ico holds
16/24/32/48/64 as classic 32-bit DIBs (what Explorer, NSIS and old tools read everywhere) and
128/256 as PNG entries (Windows Vista and later).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "xiangyun-desk.svg"
NAME = "xiangyun-desk"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_PNG_FROM = 128  # entries this size and larger are stored as PNG


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA DIB as stored in .ico files: header with double height, bottom-up rows, then
    the 1-bit AND mask (all zero: the alpha channel decides)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(size - 1, -1, -1):
        row = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian ARGB32 is B, G, R, A in memory
        rows.append(bytes(row))
    mask_stride = ((size + 31) // 32) * 4
    return header + b"".join(rows) + b"\0" * (mask_stride * size)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries, blobs = [], []
    offset = 6 + 16 * len(images)
    for size, image in sorted(images.items()):
        blob = png_bytes(image) if size >= ICO_PNG_FROM else dib_bytes(image)
        dim = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


def outputs() -> dict[Path, bytes]:
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    images = {size: render(renderer, size) for size in PNG_SIZES}
    files = {ICONS / f"{NAME}-{size}.png": png_bytes(image) for size, image in images.items()}
    files[ICONS / f"{NAME}.ico"] = ico_bytes({s: images[s] for s in ICO_SIZES})
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files are current")
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    stale = []
    for path, data in outputs().items():
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
        else:
            path.write_bytes(data)
            print(f"{path.relative_to(ROOT)}  {len(data)} bytes")
    if stale:
        print("out of date (run python installer/make_icons.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
