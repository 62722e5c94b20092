"""Chinese phone numbers: mobiles (1[3-9] + 9 digits) and landlines with an area code."""

from __future__ import annotations

import re
import unicodedata

from .errors import FieldInvalid
from .i18n import QT_TRANSLATE_NOOP, msg

CTX = "Validation"
_SEPARATORS = re.compile(r"[\s\-()（）—－]")
_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
# Area codes: 010, 02x, or 0 + three digits (e.g. 0872 Dali); 7-8 digit local number; extension.
_LANDLINE = re.compile(r"^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})(?:(?:转|ext|x|#)(\d{1,6}))?$",
                       re.ASCII)


def normalize_phone(raw: str) -> str:
    """Return the canonical form (13812345678, 0872-1234567, 0872-1234567-89) or raise."""
    text = unicodedata.normalize("NFKC", str(raw)).strip()  # full-width １３８… to ASCII
    compact = _SEPARATORS.sub("", text).lower()
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            compact = compact[len(prefix):]
            # In the international form a landline's area code drops its leading 0
            # (+86 872 7123456, +86-10-12345678): put it back.
            if compact.isdigit() and not _MOBILE.match(compact) and not compact.startswith("0"):
                compact = "0" + compact
            break
    if _MOBILE.match(compact):
        return compact
    match = _LANDLINE.match(compact)
    if match:
        area, local, ext = match.groups()
        return f"{area}-{local}" + (f"-{ext}" if ext else "")
    if compact.isdigit() and compact.startswith("1"):
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "A mobile number has 11 digits starting with 13-19; this one has {n} digits."),
            n=len(compact)))
    if compact.isdigit() and 7 <= len(compact) <= 8:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Add the area code to a landline number, e.g. 0872-1234567.")))
    raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not a phone number: enter an 11-digit mobile or a landline with area code.")))


def mask_phone(phone: str) -> str:
    """Mask the middle of a phone number: 138****5678."""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
