"""统计口径: what every headline figure means, in one place.

The overview, the summary PDFs (their last page, 统计口径说明), the county views, ``stats --json``
and ``docs/statistics.md`` all take their names and definitions from :data:`MEASURES`, so they
cannot drift apart (``tests/services/test_definitions.py`` fails when the document differs from
this table, and when a UI label's Chinese translation differs from the measure's name).

Run ``python -m xiangyun_desk.services.definitions > docs/statistics.md`` after changing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..domain.i18n import QT_TRANSLATE_NOOP

CTX = "Figures"


@dataclass(frozen=True)
class Measure:
    """One headline figure.

    ``key`` is its path in :meth:`StatsService.compute` (and in ``stats --json``), ``name`` the
    Chinese name printed everywhere, ``label`` the English source string the window translates
    (its Chinese translation must be ``name``), ``kind`` how it is written (count, money, hours),
    ``additive`` whether the figures of stations (or months) add up to the whole.
    """

    key: str
    name: str
    label: str
    unit: str
    kind: str
    additive: bool
    definition: str

    @property
    def section(self) -> str:
        return self.key.split(".")[0]

    @property
    def field(self) -> str:
        return self.key.split(".")[1]

    def value(self, figures: dict[str, Any]) -> Any:
        """This measure's raw value in a :meth:`StatsService.compute` result."""
        return figures[self.section][self.field]

    def number(self, figures: dict[str, Any]) -> Decimal:
        """The value as an exact number (money and hours are strings in the figures)."""
        return Decimal(str(self.value(figures)))

    def text(self, figures: dict[str, Any]) -> str:
        """The value for people to read: thousands separators, 2 decimals for money, 1 for hours."""
        return format_number(self.value(figures), self.kind)


# Registers in the order they are shown, with their Chinese titles.
SECTIONS = {"visitors": "来访登记", "condolence": "慰问走访", "job_fairs": "招聘会",
            "volunteers": "志愿服务"}
SECTION_LABELS = {"visitors": QT_TRANSLATE_NOOP("Figures", "Visitor log"),
                  "condolence": QT_TRANSLATE_NOOP("Figures", "Relief visits"),
                  "job_fairs": QT_TRANSLATE_NOOP("Figures", "Job fairs"),
                  "volunteers": QT_TRANSLATE_NOOP("Figures", "Volunteers")}

MEASURES: tuple[Measure, ...] = (
    Measure("visitors.batches", "接待批次",
            QT_TRANSLATE_NOOP("Figures", "Visits received"),
            "批", "count", True,
            "期间内来访登记的条数。一次登记为一批，不论同来几人。"),
    Measure("visitors.person_times", "来访人次",
            QT_TRANSLATE_NOOP("Figures", "Visitor attendances"),
            "人次", "count", True,
            "期间内各条来访登记“人数”之和：一批 3 人计 3 人次；同一人来访几次计几人次。"
            "来访登记多数没有身份证号，不能区分是否同一人，故不统计来访人数（不同的人）。"),
    Measure("condolence.person_times", "慰问人次",
            QT_TRANSLATE_NOOP("Figures", "Relief visits made"),
            "人次", "count", True,
            "期间内慰问走访记录的条数：每条记录慰问一人一次，同一人慰问几次计几人次。"),
    Measure("condolence.people", "慰问人数",
            QT_TRANSLATE_NOOP("Figures", "People visited"),
            "人", "count", False,
            "期间内被慰问的不同的人：按身份证号去重，无身份证号时按姓名加电话去重。"
            "一人在几个活动、类别或站点被慰问只计一人，故合计可能小于各项之和。"),
    Measure("condolence.cash_yuan", "慰问金",
            QT_TRANSLATE_NOOP("Figures", "Relief cash (yuan)"),
            "元", "money", True, "期间内慰问走访记录的慰问金之和，精确到分。"),
    Measure("condolence.goods_value_yuan", "物品折价",
            QT_TRANSLATE_NOOP("Figures", "Goods value (yuan)"), "元", "money", True,
            "期间内慰问物品折合金额之和，精确到分。"),
    Measure("job_fairs.events", "招聘会场次",
            QT_TRANSLATE_NOOP("Figures", "Job fairs held"),
            "场", "count", True, "举办日期在期间内的招聘会场数（含县总工会发布的招聘会）。"),
    Measure("job_fairs.employers", "用人单位",
            QT_TRANSLATE_NOOP("Figures", "Employers taking part"),
            "家", "count", True, "这些招聘会登记的用人单位数，一家用人单位参加几场计几家。"),
    Measure("job_fairs.positions", "提供岗位",
            QT_TRANSLATE_NOOP("Figures", "Positions offered"),
            "个", "count", True, "这些招聘会上各用人单位填报的招聘人数之和。"),
    Measure("job_fairs.seekers", "登记求职者",
            QT_TRANSLATE_NOOP("Figures", "Job seekers registered"),
            "人", "count", True, "在这些招聘会上登记的求职者，每条登记计一人。"),
    Measure("job_fairs.intentions", "达成意向人数",
            QT_TRANSLATE_NOOP("Figures", "Seekers with an intention"), "人", "count", True,
            "至少与一家单位达成意向的求职者人数，一人有几个意向只计一人。"),
    Measure("volunteers.registered", "在册志愿者",
            QT_TRANSLATE_NOOP("Figures", "Volunteers on the roster"),
            "人", "count", True,
            "期末在册：状态为“在册”、加入日期不晚于期末的志愿者。已暂停、已退出的不计。"
            "程序只记志愿者现在的状态，故为按现在状态计算的期末人数。"),
    Measure("volunteers.serving", "参与服务志愿者",
            QT_TRANSLATE_NOOP("Figures", "Volunteers who served"), "人", "count", True,
            "期间内有服务记录的不同志愿者，不论其现在是否在册：期间内服务过、后来退出的仍计入，"
            "故可能多于在册人数。"),
    Measure("volunteers.service_records", "服务次数",
            QT_TRANSLATE_NOOP("Figures", "Service records"),
            "次", "count", True, "期间内志愿服务记录的条数。"),
    Measure("volunteers.service_hours", "服务时长",
            QT_TRANSLATE_NOOP("Figures", "Service hours"),
            "小时", "hours", True, "期间内服务记录的时长之和，以 0.5 小时为单位。"),
)

BY_KEY = {m.key: m for m in MEASURES}

# The figure of each register drawn as a chart of months (overview, summary PDF).
CHART_KEYS = ("visitors.person_times", "condolence.person_times", "job_fairs.seekers",
              "volunteers.service_hours")
# Columns of the month-by-month table of the summary PDF.
MONTHLY_KEYS = ("visitors.batches", "visitors.person_times", "condolence.person_times",
                "condolence.people", "condolence.cash_yuan", "job_fairs.events",
                "job_fairs.positions", "job_fairs.seekers", "job_fairs.intentions",
                "volunteers.service_hours")
# Columns of the county's per-station table (window and summary PDF).
STATION_KEYS = ("visitors.batches", "visitors.person_times", "condolence.person_times",
                "condolence.people", "condolence.cash_yuan", "job_fairs.seekers",
                "job_fairs.intentions", "volunteers.registered", "volunteers.serving",
                "volunteers.service_hours")

GENERAL_NOTES = (
    "统计期间按日期计算，首尾两天都含在内；来访按来访时间，慰问按慰问日期，招聘会按举办日期，"
    "志愿服务按服务日期。",
    "已删除的记录一律不计。",
    "“本年累计”为当年 1 月 1 日至本期期末；“上月”为上一个日历月。",
    "县总工会的数字为各站点已导入记录之和；分站点表的合计行等于全县数字。慰问人数在全县范围去重，"
    "故合计行的慰问人数可能小于各站之和。",
)

# Keys of `stats --json` kept with their old meaning for scripts and the county; they will be
# removed in version 1.0 of the program. Old key -> the key to read instead.
DEPRECATED_KEYS = {
    "visitors.visits": "visitors.batches",
    "visitors.people": "visitors.person_times",
    "condolence.visits": "condolence.person_times",
    "volunteers.active": "volunteers.serving",
}
DEPRECATED_REMOVAL = "1.0"


def measures_of(section: str) -> list[Measure]:
    return [m for m in MEASURES if m.section == section]


def group_digits(value: int | str | Decimal) -> str:
    """1234 -> "1,234"; "12345.50" -> "12,345.50" (the decimals are kept as given)."""
    text = str(value)
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, dot, frac = text.partition(".")
    if not whole.isdigit():
        return str(value)
    return f"{sign}{int(whole):,}{dot}{frac}"


def format_number(value: Any, kind: str = "count") -> str:
    """A figure for people to read, with thousands separators (sheets keep real numbers)."""
    if value is None:
        return "—"
    if kind == "money":
        return group_digits(Decimal(str(value)).quantize(Decimal("0.01")))
    if kind == "hours":
        return group_digits(Decimal(str(value)).quantize(Decimal("0.1")))
    return group_digits(value)


def format_change(now: Any, before: Any, kind: str = "count") -> str:
    """The change from ``before`` to ``now``: "+12", "−3.50", "0"."""
    diff = Decimal(str(now)) - Decimal(str(before))
    if diff == 0:
        return "0"
    text = format_number(abs(diff), kind)
    return ("+" if diff > 0 else "−") + text


def markdown() -> str:
    """docs/statistics.md, generated from :data:`MEASURES`."""
    lines = [
        "# 统计口径（statistics definitions）",
        "",
        "<!-- Generated by `python -m xiangyun_desk.services.definitions > docs/statistics.md`"
        " from xiangyun_desk/services/definitions.py; tests/services/test_definitions.py fails"
        " when this file differs. Do not edit by hand. -->",
        "",
        "概览、工作报表（最后一页“统计口径说明”）、县总工会的分站点表和 `stats --json` 使用同一套"
        "名称和口径。",
        "",
        "| 台账 | 指标 | 单位 | 口径 | `stats --json` |",
        "|---|---|---|---|---|",
    ]
    for m in MEASURES:
        lines.append(f"| {SECTIONS[m.section]} | {m.name} | {m.unit} | {m.definition} | "
                     f"`{m.key}` |")
    lines += ["", "## 说明", ""]
    lines += [f"- {note}" for note in GENERAL_NOTES]
    lines += ["", "## `stats --json` 中保留的旧键", "",
              f"下列旧键保留原来的含义，供县总工会和脚本过渡使用，"
              f"将在 {DEPRECATED_REMOVAL} 版删除；请改读右列的新键。", "",
              "| 旧键 | 新键 | 含义 |", "|---|---|---|"]
    for old, new in DEPRECATED_KEYS.items():
        lines.append(f"| `{old}` | `{new}` | {BY_KEY[new].name} |")
    lines += ["", "数字在概览、PDF 报表和县总工会的视图中带千位分隔符（1,234、12,345.50）；"
              "导出的电子表格保留真实数值，不加分隔符。", ""]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - tool
    import sys

    sys.stdout.write(markdown())
