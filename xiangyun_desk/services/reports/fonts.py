"""Fonts for the PDF reports: TrueType only (always embedded), with per-character fallback.

ReportLab embeds TrueType-outline fonts (subset) and nothing else worth using here: the CID font
STSong-Light is *not* embedded and looks different in every viewer, so it is never used.

Choice, in order (DESIGN.md "Reports"):
- body text: the system's 宋体 (simsun.ttc) or 仿宋 (simfang.ttf) when present (Windows, or a
  Linux where someone installed them), otherwise the bundled WenQuanYi Micro Hei;
- headings: the system's 黑体 (simhei.ttf) when present, otherwise WenQuanYi Micro Hei;
- fallback for characters the body font lacks: WenQuanYi Micro Hei (when the body font is a system
  font), then the bundled HanaMinB (花園明朝 B: CJK Extension B-F, e.g. 𬌗 U+2C317, which no
  GB2312/GBK font has). HanaMinB is 30 MB, so it is only loaded when a text needs it.

Text placed in a report goes through :meth:`ReportFonts.markup` (Paragraph markup: escaped, with
runs of characters missing from the main font wrapped in ``<font name=...>``) or
:meth:`ReportFonts.runs` (for text drawn directly on the canvas).
"""

from __future__ import annotations

import os
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import textsplit
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as _paragraph

from ...resources import resources_dir

BUNDLED_MAIN = "wqy-microhei.ttc"
BUNDLED_RARE = "HanaMinB.ttf"

# System fonts by file name (lower case) -> (role, subfont index). 宋体 before 仿宋 for body text.
SYSTEM_BODY = (("simsun.ttc", 0), ("simsun.ttf", 0), ("simfang.ttf", 0))
SYSTEM_HEADING = (("simhei.ttf", 0),)

# Full-width punctuation that must not start a line (ReportLab's list lacks most of them).
CJK_CANNOT_START = ("，。、；：？！）》〉」』】〕〗〙〛］｝’”…‥·・％‰℃．｡､｣"
                    "﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞")
# ... and opening punctuation that must not end a line.
CJK_CANNOT_END = "（《〈「『【〔〖〘〚［｛‘“"

# What a character no font has is printed as (the customary mark for a missing character, 缺字).
MISSING_MARK = "\u25a1"  # □

NBSP_EM = "\xa0" * 4  # about one em in the report fonts
_SPACES = re.compile(" {2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def install_reportlab_fixes() -> None:
    """Process-wide fixes to ReportLab for Chinese text (idempotent).

    - Kinsoku: add full-width punctuation to the characters that cannot start (or end) a line.
      ``paragraph.py`` imports ``ALL_CANNOT_START`` by name, so both modules are updated.
    - ToUnicode: ReportLab writes characters beyond U+FFFF (e.g. 𬌗 U+2C317) as five hex digits,
      so viewers extract the wrong character; write them as UTF-16 surrogate pairs instead.
    """
    start = textsplit.ALL_CANNOT_START
    missing = "".join(ch for ch in CJK_CANNOT_START if ch not in start)
    if missing:
        textsplit.ALL_CANNOT_START = start + missing
    _paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    end = textsplit.ALL_CANNOT_END
    missing_end = "".join(ch for ch in CJK_CANNOT_END if ch not in end)
    if missing_end:
        textsplit.ALL_CANNOT_END = end + missing_end
    if getattr(ttfonts.makeToUnicodeCMap, "__module__", "") != __name__:
        ttfonts.makeToUnicodeCMap = _make_to_unicode_cmap


def _make_to_unicode_cmap(fontname: str, subset) -> str:
    """ReportLab's ToUnicode CMap with UTF-16BE destination codes (astral characters included)."""
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


@dataclass(frozen=True)
class FontFile:
    """A TrueType font file (or one face of a collection)."""

    path: Path
    subfont_index: int = 0

    @property
    def pdf_name(self) -> str:
        """The name the font is registered under with ReportLab (unique per file and face)."""
        stem = re.sub(r"[^A-Za-z0-9]+", "-", self.path.stem)
        return f"XYD-{stem}-{self.subfont_index}"


def system_font_dirs() -> list[Path]:
    """Where system fonts live on Windows and on Linux (UOS, Kylin, Debian...)."""
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        home = Path.home()
        dirs += [home / ".local" / "share" / "fonts", home / ".fonts",
                 Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    return dirs


def _find_files(dirs: Iterable[Path], names: Iterable[str], max_depth: int = 4) -> dict[str, Path]:
    """Font files by lower-case name under ``dirs`` (first found wins; bounded depth)."""
    wanted = {n.lower() for n in names}
    found: dict[str, Path] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        base_depth = len(root.parts)
        for dirpath, dirnames, filenames in os.walk(root):
            if len(Path(dirpath).parts) - base_depth >= max_depth:
                dirnames[:] = []
            for name in filenames:
                low = name.lower()
                if low in wanted and low not in found:
                    found[low] = Path(dirpath) / name
        if len(found) == len(wanted):
            break
    return found


def _usable(font: FontFile) -> TTFont | None:
    """The ReportLab font, or None when the file is not a TrueType font ReportLab can embed."""
    try:
        return TTFont(font.pdf_name, str(font.path), subfontIndex=font.subfont_index)
    except Exception:  # TTFError, OSError, CFF outlines, broken files: try the next one
        return None


@dataclass
class ReportFonts:
    """The registered fonts of the reports and the character-to-font decisions."""

    body: str
    heading: str
    fallback_files: tuple[FontFile, ...]
    sources: dict[str, Path] = field(default_factory=dict)
    _cmaps: dict[str, dict[int, int]] = field(default_factory=dict)
    _loaded: list[str] = field(default_factory=list)
    _pending: list[FontFile] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _covered_cache: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._pending = list(self.fallback_files)
        for name in (self.body, self.heading):
            self._cmaps[name] = pdfmetrics.getFont(name).face.charToGlyph

    # ---- coverage --------------------------------------------------------------------------

    def has_glyph(self, font_name: str, ch: str) -> bool:
        cmap = self._cmaps.get(font_name)
        if cmap is None:
            cmap = self._cmaps[font_name] = pdfmetrics.getFont(font_name).face.charToGlyph
        return ord(ch) in cmap

    def _load_next_fallback(self) -> bool:
        """Register the next fallback font (HanaMinB is big: only when a text needs it)."""
        with self._lock:
            while self._pending:
                font = self._pending.pop(0)
                tt = _usable(font)
                if tt is None:
                    continue
                pdfmetrics.registerFont(tt)
                self._cmaps[tt.fontName] = tt.face.charToGlyph
                self._loaded.append(tt.fontName)
                self.sources[tt.fontName] = font.path
                return True
            return False

    def font_for(self, ch: str, main: str | None = None) -> str | None:
        """The font that draws ``ch``: ``main`` when it has it, else a fallback, else None."""
        main = main or self.body
        if ord(ch) in self._cmaps[main]:
            return main
        key = main + ch
        if key in self._covered_cache:
            return self._covered_cache[key]
        result = None
        candidates = [self.body, *self._loaded] if main != self.body else list(self._loaded)
        while True:
            for name in candidates:
                if ord(ch) in self._cmaps[name]:
                    result = name
                    break
            if result or not self._load_next_fallback():
                break
            candidates = list(self._loaded)
        self._covered_cache[key] = result
        return result

    def covers(self, text: str, main: str | None = None) -> bool:
        """True when ``main`` (the body font by default) has a glyph for every character."""
        cmap = self._cmaps[main or self.body]
        return all(ord(ch) in cmap for ch in text)

    # ---- text ------------------------------------------------------------------------------

    def runs(self, text: str, main: str | None = None) -> Iterator[tuple[str, str]]:
        """Split ``text`` into (font name, run) pieces; characters no font has become □."""
        main = main or self.body
        cmap = self._cmaps[main]
        if all(ord(ch) in cmap for ch in text):
            if text:
                yield main, text
            return
        current, buf = main, []
        for ch in text:
            if ord(ch) in cmap or ch == "\n":
                font = main
            else:
                font = self.font_for(ch, main)
                if font is None:
                    # No font has it (emoji, private use...): print the customary □, but drop
                    # invisible joiners and variation selectors rather than mark them.
                    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
                        continue
                    font, ch = main, MISSING_MARK
            if font != current and buf:
                yield current, "".join(buf)
                buf = []
            current = font
            buf.append(ch)
        if buf:
            yield current, "".join(buf)

    def markup(self, text: object, main: str | None = None) -> str:
        """Paragraph markup for user text: printed literally, rare characters in a fallback font.

        ``<b>`` and ``&`` come out as typed; control characters are dropped; newlines break lines.
        """
        main = main or self.body
        clean = clean_text(text)
        parts = []
        for font, run in self.runs(clean, main):
            escaped = escape(run).replace("\n", "<br/>")
            # Paragraphs collapse whitespace: keep ideographic spaces (form blanks such as
            # "年　　月　　日") and runs of spaces as no-break spaces of about the same width.
            escaped = escaped.replace("\u3000", NBSP_EM)
            escaped = _SPACES.sub(lambda m: "\xa0" * len(m.group()), escaped)
            parts.append(escaped if font == main else f'<font name="{font}">{escaped}</font>')
        return "".join(parts)

    def string_width(self, text: str, size: float, main: str | None = None) -> float:
        return sum(pdfmetrics.stringWidth(run, font, size) for font, run in self.runs(text, main))

    def draw(self, canvas, x: float, y: float, text: str, size: float, main: str | None = None,
             align: str = "left") -> None:
        """Draw one line of text on a canvas with per-character fallback fonts."""
        main = main or self.body
        clean = clean_text(text).replace("\n", " ")
        pieces = list(self.runs(clean, main))
        width = sum(pdfmetrics.stringWidth(run, font, size) for font, run in pieces)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        for font, run in pieces:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, font, size)

    @property
    def loaded_fallbacks(self) -> tuple[str, ...]:
        return tuple(self._loaded)


def clean_text(text: object) -> str:
    """User text as a str without control characters (tabs become spaces)."""
    if text is None:
        return ""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", value)


def _register(font: FontFile) -> str | None:
    try:
        pdfmetrics.getFont(font.pdf_name)
        return font.pdf_name
    except KeyError:
        pass
    tt = _usable(font)
    if tt is None:
        return None
    pdfmetrics.registerFont(tt)
    return tt.fontName


_cache: dict[tuple, ReportFonts] = {}
_cache_lock = threading.Lock()


def report_fonts(prefer_system: bool | None = None,
                 system_dirs: Iterable[Path] | None = None) -> ReportFonts:
    """Register and return the report fonts (cached per configuration; thread-safe).

    ``prefer_system`` defaults to True unless the environment variable ``XYD_REPORT_FONTS`` is
    ``bundled`` (tests and reproducible output use the bundled fonts).
    """
    if prefer_system is None:
        prefer_system = os.environ.get("XYD_REPORT_FONTS", "").lower() != "bundled"
    dirs = tuple(system_dirs) if system_dirs is not None else tuple(system_font_dirs())
    key = (prefer_system, dirs)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
        install_reportlab_fixes()
        fonts_dir = resources_dir() / "fonts"
        bundled_main = FontFile(fonts_dir / BUNDLED_MAIN, 0)
        rare = FontFile(fonts_dir / BUNDLED_RARE, 0)
        sources: dict[str, Path] = {}
        body = heading = None
        if prefer_system:
            found = _find_files(dirs, [n for n, _ in SYSTEM_BODY + SYSTEM_HEADING])
            for name, index in SYSTEM_BODY:
                if name in found and (reg := _register(FontFile(found[name], index))):
                    body = reg
                    sources[reg] = found[name]
                    break
            for name, index in SYSTEM_HEADING:
                if name in found and (reg := _register(FontFile(found[name], index))):
                    heading = reg
                    sources[reg] = found[name]
                    break
        main = _register(bundled_main)
        if main is None:
            raise RuntimeError(f"the bundled report font is missing or broken: {bundled_main.path}")
        sources[main] = bundled_main.path
        fallbacks = [rare]
        if body is None:
            body = main
        else:
            fallbacks.insert(0, bundled_main)
        heading = heading or main
        fonts = ReportFonts(body=body, heading=heading, fallback_files=tuple(fallbacks),
                            sources=sources)
        _cache[key] = fonts
        return fonts
