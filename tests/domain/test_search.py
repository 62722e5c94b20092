"""Search keys: pinyin initials (with every reading of heteronym surnames), phone, ID tail,
employer."""

from __future__ import annotations

import pytest

from xiangyun_desk.domain.search import (
    MAX_INITIAL_VARIANTS,
    build_search_key,
    normalize_query,
    pinyin_initials,
)


def test_zhang_san():
    assert pinyin_initials("张三") == ["zs"]


@pytest.mark.parametrize("name,surname_readings", [
    ("单田芳", {"d", "c", "s"}),  # dān / chán / Shàn (surname)
    ("曾国藩", {"c", "z"}),  # céng / Zēng (surname)
    ("解缙", {"j", "x"}),  # jiě / Xiè (surname)
    ("区志强", {"q", "o"}),  # qū / Ōu (surname)
    ("仇英", {"c", "q"}),  # chóu / Qiú (surname)
])
def test_every_reading_of_heteronym_surnames(name, surname_readings):
    keys = pinyin_initials(name)
    assert {k[0] for k in keys} >= surname_readings
    assert all(len(k) == len(name) for k in keys)


def test_surname_reading_that_pypinyin_lacks_is_added():
    # The surname readings must be searchable: Shan Tianfang, Ou Zhiqiang, Xie Jin, Qiu Ying.
    assert "stf" in pinyin_initials("单田芳")
    assert "ozq" in pinyin_initials("区志强")
    assert "xj" in pinyin_initials("解缙")
    assert "qy" in pinyin_initials("仇英")
    assert "zgf" in pinyin_initials("曾国藩")


def test_surname_readings_survive_a_pinyin_library_without_them(monkeypatch):
    # Older pypinyin data lack e.g. the Ōu reading of 区; the surname table adds it back.
    import xiangyun_desk.domain.search as search

    real = search.pinyin

    def without_ou(text, **kwargs):
        result = real(text, **kwargs)
        return [[r for r in readings if r != "o"] for readings in result]

    monkeypatch.setattr(search, "pinyin", without_ou)
    assert "ozq" in search.pinyin_initials("区志强")
    assert "woq" not in search.pinyin_initials("王区志")  # only for the surname position


def test_empty_and_non_chinese():
    assert pinyin_initials("") == []
    keys = pinyin_initials("Tom")
    assert keys and all(k.lower() == "tom" for k in keys)


def test_variants_are_capped():
    keys = pinyin_initials("单曾解区仇朴查盖尉乐")
    assert 1 <= len(keys) <= MAX_INITIAL_VARIANTS


def test_rare_characters_do_not_break_initials():
    keys = pinyin_initials("李𬌗")
    assert keys and all(k.startswith("l") and len(k) == 2 for k in keys)
    assert pinyin_initials("张堃")[0].startswith("z")


def test_search_key_contents():
    key = build_search_key(name="张三", phone="0872-1234567", id_number="53292319900101005X",
                           employer="祥云县公交公司", extra=("驿站",))
    parts = key.split("\x1f")
    assert parts == ["张三", "zs", "08721234567", "01005x", "祥云县公交公司", "驿站"]


def test_only_the_id_tail_is_indexed():
    key = build_search_key(name="张三", id_number="532923199001011239")
    assert "011239" in key
    assert "532923" not in key


def test_search_key_skips_blank_parts_and_is_lower_case():
    assert build_search_key(name="ANNA") == "anna\x1fanna"
    assert build_search_key() == ""


@pytest.mark.parametrize("typed,expected", [(" Z S ", "zs"), ("138-1234 5678", "13812345678"),
                                            ("张 三", "张三"), ("0X", "0x")])
def test_normalize_query(typed, expected):
    assert normalize_query(typed) == expected
