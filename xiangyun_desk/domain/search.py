"""Search keys: what a register's search box matches (name, pinyin initials, phone, ID tail,
employer).

pypinyin gives one reading per character by default, but surnames such as 单 (Shan), 曾 (Zeng),
解 (Xie), 仇 (Qiu) and 区 (Ou) differ from the common reading, so all readings of every character of a
name are indexed (heteronym mode), capped so a long name cannot explode the key.
"""

from __future__ import annotations

from itertools import islice, product


def pinyin(text, **kwargs):
    """pypinyin.pinyin, imported when a key is first built rather than with this module:
    loading its phrase dictionary takes ~0.3 s that the window need not wait for
    (docs/performance.md)."""
    from pypinyin import pinyin as real

    return real(text, **kwargs)


MAX_INITIAL_VARIANTS = 32
# Readings pypinyin does not list for common surnames: 单 (Shàn), 区 (Ōu), 解 (Xiè), 仇 (Qiú), 朴 (Piáo).
_SURNAME_EXTRA = {"单": "s", "区": "o", "解": "x", "仇": "q", "朴": "p", "查": "z", "盖": "g",
                  "尉": "y", "乐": "y", "曾": "z", "繁": "p", "缪": "m", "种": "c", "覃": "q"}


def pinyin_initials(name: str) -> list[str]:
    """All initial-letter spellings of a name: 单田芳 -> ['dtf', 'stf', 'ctf', ...]."""
    if not name:
        return []
    from pypinyin import Style

    letters = pinyin(name, style=Style.FIRST_LETTER, heteronym=True, errors=lambda s: list(s))
    options: list[list[str]] = []
    for index, readings in enumerate(letters):
        choices = list(dict.fromkeys(r.lower()[:1] for r in readings if r))
        if index == 0 and name[0] in _SURNAME_EXTRA and _SURNAME_EXTRA[name[0]] not in choices:
            choices.append(_SURNAME_EXTRA[name[0]])
        options.append(choices or ["?"])
    return ["".join(combo) for combo in islice(product(*options), MAX_INITIAL_VARIANTS)]


def build_search_key(*, name: str = "", phone: str = "", id_number: str = "",
                     employer: str = "", extra: tuple[str, ...] = ()) -> str:
    """The lower-case text a search term is matched against (a substring match).

    Only the last six characters of an ID number are indexed: enough to find a person by the
    tail the way staff ask for it, without copying the whole number into another column.
    """
    parts = [name, " ".join(pinyin_initials(name)), phone.replace("-", ""), id_number[-6:],
             employer, *extra]
    return "\x1f".join(p for p in parts if p).lower()


def normalize_query(text: str) -> str:
    """What a typed search term is reduced to before matching (spaces removed)."""
    return "".join(text.split()).replace("-", "").lower()


def query_terms(text: str) -> tuple[str, ...]:
    """The words of a typed search, each normalised: a record matches when its key contains
    every one of them, in any order (``张三 公交``, ``zs 5678``, ``冬送温暖 李``).

    A word contained in another word adds nothing (``张 张三`` is ``张三``) and is dropped, so
    the index answers as few words as possible.
    """
    words = list(dict.fromkeys(w for w in (normalize_query(part) for part in text.split()) if w))
    return tuple(w for w in words if not any(w != other and w in other for other in words))
