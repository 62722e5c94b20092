"""Code lists: stable codes with Chinese and English labels.

These are the seed values; the database holds the live lists (the county may publish changes), so
stations can aggregate by code. Once shipped, a code never changes meaning.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """One entry of a code list."""

    code: str
    zh: str
    en: str


def _codes(*rows: tuple[str, str, str]) -> tuple[Code, ...]:
    return tuple(Code(*row) for row in rows)


CODE_LISTS: dict[str, tuple[Code, ...]] = {
    "gender": _codes(("M", "男", "Male"), ("F", "女", "Female"), ("U", "未填", "Not given")),
    "union_member": _codes(("yes", "是", "Yes"), ("no", "否", "No"), ("unknown", "不详", "Unknown")),
    "visit_purpose": _codes(
        ("legal", "法律咨询", "Legal advice"),
        ("hardship", "困难帮扶", "Hardship help"),
        ("job", "就业求职", "Job seeking"),
        ("training", "技能培训", "Skills training"),
        ("psych", "心理疏导", "Psychological support"),
        ("join", "入会咨询", "Joining the union"),
        ("rest", "驿站休息", "Rest at the station"),
        ("complaint", "维权投诉", "Rights complaint"),
        ("policy", "政策咨询", "Policy enquiry"),
        ("other", "其他", "Other"),
    ),
    "visit_status": _codes(
        ("done", "已办结", "Closed"), ("following", "跟进中", "Following up"),
        ("referred", "已转办", "Referred"),
    ),
    "campaign": _codes(
        ("spring", "春节送温暖", "Spring Festival warmth"),
        ("winter", "冬送温暖", "Winter warmth"),
        ("summer", "夏送清凉", "Summer coolness"),
        ("edu", "金秋助学", "Autumn education aid"),
        ("festival", "节日慰问", "Festival visit"),
        ("illness", "大病救助", "Serious illness relief"),
        ("routine", "日常走访", "Routine visit"),
        ("other", "其他", "Other"),
    ),
    "recipient_category": _codes(
        ("hardship", "困难职工", "Worker in hardship"),
        ("frontline", "一线职工", "Frontline worker"),
        ("model", "劳动模范", "Model worker"),
        ("ill", "患病职工", "Ill worker"),
        ("injured", "工伤职工", "Injured worker"),
        ("migrant", "农民工", "Migrant worker"),
        ("retired", "退休职工", "Retired worker"),
        ("other", "其他", "Other"),
    ),
    "education": _codes(
        ("primary", "小学及以下", "Primary or less"),
        ("junior", "初中", "Junior secondary"),
        ("senior", "高中/中专", "Senior secondary / vocational"),
        ("college", "大专", "College"),
        ("bachelor", "本科", "Bachelor"),
        ("postgrad", "研究生", "Postgraduate"),
    ),
    "household": _codes(("rural", "农村", "Rural"), ("urban", "城镇", "Urban")),
    "intention_status": _codes(
        ("intent", "达成意向", "Intention reached"), ("signed", "已签约", "Contract signed"),
        ("employed", "已上岗", "At work"),
    ),
    "skill": _codes(
        ("legal", "法律服务", "Legal services"),
        ("psych", "心理疏导", "Psychological support"),
        ("medical", "医疗健康", "Health care"),
        ("training", "技能培训", "Skills training"),
        ("culture", "文体活动", "Culture and sports"),
        ("relief", "帮扶慰问", "Relief visits"),
        ("publicity", "宣传", "Publicity"),
        ("other", "其他", "Other"),
    ),
    "volunteer_status": _codes(
        ("active", "在册", "Active"), ("paused", "暂停", "Paused"), ("left", "退出", "Left"),
    ),
}


def codes_of(list_name: str) -> tuple[str, ...]:
    """The codes of one seed list, in display order."""
    return tuple(c.code for c in CODE_LISTS[list_name])


def label_of(list_name: str, code: str, lang: str = "zh") -> str:
    """The seed label of a code (the UI prefers the database's live labels)."""
    for c in CODE_LISTS.get(list_name, ()):
        if c.code == code:
            return c.zh if lang == "zh" else c.en
    return code
