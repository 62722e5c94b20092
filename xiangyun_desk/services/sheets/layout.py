"""The columns of every register's spreadsheet: Chinese headings, synonyms for import, kinds.

Headings are Chinese work-document text (like the PDF reports): stations and the county exchange
these sheets in Chinese whatever the UI language. A column's ``key`` is the register's field name,
a computed column of the register (exported only), or a *lookup* used on import to find a linked
record (a service record's volunteer, an intention's seeker and employer).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ...domain import fields as F
from ...domain.fields import Kind

# Column kinds (how a value is written to and read from a cell).
TEXT, DATE, DATETIME, UTC, CODE, CODES, MONEY, HOURS, INT, YEAR, BOOL, PHONE, IDNO, CREDIT = (
    "text", "date", "datetime", "utc", "code", "codes", "money", "hours", "int", "year", "bool",
    "phone", "id", "credit")

_FROM_FIELD = {Kind.TEXT: TEXT, Kind.LONGTEXT: TEXT, Kind.CODE: CODE, Kind.CODES: CODES,
               Kind.DATE: DATE, Kind.DATETIME: DATETIME, Kind.INT: INT, Kind.MONEY: MONEY,
               Kind.HOURS: HOURS, Kind.PHONE: PHONE, Kind.IDNUMBER: IDNO, Kind.BOOL: BOOL,
               Kind.YEAR: YEAR, Kind.CREDIT_CODE: CREDIT}


@dataclass(frozen=True)
class SheetColumn:
    """One column of a register's sheet."""

    key: str
    header: str
    kind: str = TEXT
    code_list: str | None = None
    synonyms: tuple[str, ...] = ()
    importable: bool = True  # False: exported for reading only (counts, hours, fair name)
    required: bool = False
    lookup: bool = False  # a value used to find a linked record, not stored itself
    width: int | None = None  # characters; None: from the heading and the values

    def names(self) -> tuple[str, ...]:
        """Every heading this column is recognised by (normalised)."""
        return tuple(dict.fromkeys(normalize_header(h) for h in
                                   (self.header, *self.synonyms, self.key) if h))


@dataclass(frozen=True)
class SheetDef:
    """A register's sheet: its title and its columns in sheet order."""

    register: str
    title: str
    columns: tuple[SheetColumn, ...]
    parent: str | None = None  # "fair": the import needs the target fair

    @property
    def importable(self) -> tuple[SheetColumn, ...]:
        return tuple(c for c in self.columns if c.importable)

    def column(self, key: str) -> SheetColumn:
        return next(c for c in self.columns if c.key == key)


_NOTE = re.compile(r"[（(](?:必填|选填|可不填|必选)[)）]")
_UNIT = re.compile(r"[（(][^（）()]*[)）]$")


def normalize_header(text: object) -> str:
    """A heading reduced for matching: full-width to half-width, no spaces, marks or notes."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    s = _NOTE.sub("", s)
    s = "".join(s.split()).strip("*＊:：").lower()
    return s


def header_variants(text: object) -> tuple[str, ...]:
    """The heading itself and without a trailing unit, e.g. 慰问金（元） -> 慰问金."""
    s = normalize_header(text)
    bare = _UNIT.sub("", s)
    return (s, bare) if bare and bare != s else (s,)


def _field_col(spec: tuple[F.Field, ...], name: str, header: str, *synonyms: str,
               width: int | None = None) -> SheetColumn:
    f = next(x for x in spec if x.name == name)
    return SheetColumn(name, header, _FROM_FIELD[f.kind], f.code_list, tuple(synonyms),
                       required=f.required, width=width)


NAME_SYN = ("名字", "职工姓名", "人员姓名")
PHONE_SYN = ("电话", "手机", "联系电话", "手机号码", "手机号", "电话号码", "联系方式", "联系手机",
             "移动电话")
ID_SYN = ("身份证", "身份证号", "身份证号码", "公民身份号码", "居民身份证号", "居民身份证号码",
          "证件号码", "身份证件号码", "身份证件号")
EMPLOYER_SYN = ("单位", "工作单位", "所在单位", "就职单位", "单位名称", "工作单位名称")


def _person(spec, *name_syn: str) -> list[SheetColumn]:
    return [_field_col(spec, "name", "姓名", *NAME_SYN, *name_syn, width=10),
            _field_col(spec, "gender", "性别", width=6),
            _field_col(spec, "phone", "联系电话", *PHONE_SYN, width=15),
            _field_col(spec, "id_number", "身份证号码", *ID_SYN, width=21),
            _field_col(spec, "employer", "工作单位", *EMPLOYER_SYN, width=24)]


def _visits() -> SheetDef:
    s = F.VISIT
    p = _person(s, "来访人", "来访人姓名", "来访者")
    cols = [_field_col(s, "visited_at", "来访时间", "来访日期", "日期", "时间", "登记时间",
                       "来访日期时间", width=17),
            *p,
            _field_col(s, "purpose", "来访事由", "事由", "来访目的", "诉求类型", "来访类型",
                       width=10),
            _field_col(s, "party_size", "人数", "来访人数", width=6),
            _field_col(s, "union_member", "是否会员", "工会会员", "会员", "是否工会会员", width=8),
            _field_col(s, "summary", "情况摘要", "摘要", "来访内容", "主要诉求", "情况", width=30),
            _field_col(s, "outcome", "处理结果", "办理结果", "结果", width=24),
            _field_col(s, "status", "办理状态", "状态", width=9),
            _field_col(s, "referred_to", "转办单位", "转办部门", "转办", width=14),
            _field_col(s, "staff", "值班人员", "接待人", "接待人员", "经办人", width=8),
            _field_col(s, "follow_up_on", "回访日期", "跟进日期", "回访时间", width=11),
            _field_col(s, "left_at", "离开时间", width=17)]
    return SheetDef("visits", "来访登记", tuple(cols))


def _relief() -> SheetDef:
    s = F.RELIEF_VISIT
    p = _person(s, "慰问对象", "对象姓名", "被慰问人", "受慰问人", "慰问对象姓名", "领取人")
    cols = [_field_col(s, "visit_date", "慰问日期", "日期", "走访日期", "慰问时间", "时间",
                       width=11),
            _field_col(s, "campaign", "慰问活动", "活动", "活动名称", "慰问项目", "慰问类型",
                       width=12),
            *p[:2],
            _field_col(s, "category", "对象类别", "类别", "人员类别", "慰问对象类别", "对象类型",
                       width=10),
            *p[2:],
            _field_col(s, "address", "住址", "家庭住址", "地址", "现住址", width=24),
            _field_col(s, "cash_fen", "慰问金（元）", "慰问金", "金额", "慰问金额", "发放金额",
                       "慰问金(元)", width=12),
            _field_col(s, "goods", "慰问物品", "物品", width=18),
            _field_col(s, "goods_value_fen", "物品折价（元）", "物品折价", "物品价值",
                       "物品金额", width=13),
            _field_col(s, "visitors", "走访人员", "慰问人", "走访人", "慰问人员", width=14),
            _field_col(s, "notes", "备注", "说明", width=20)]
    return SheetDef("relief", "慰问走访", tuple(cols))


def _fairs() -> SheetDef:
    s = F.JOB_FAIR
    cols = [_field_col(s, "held_on", "日期", "举办日期", "时间", "举办时间", width=11),
            _field_col(s, "name", "招聘会名称", "名称", "活动名称", "招聘会", width=24),
            _field_col(s, "place", "地点", "举办地点", "地址", width=20),
            _field_col(s, "organiser", "主办单位", "主办方", "主办", "承办单位", width=18),
            SheetColumn("employers", "用人单位数", INT, importable=False, width=7),
            SheetColumn("positions", "岗位数", INT, importable=False, width=7),
            SheetColumn("seekers", "求职者", INT, importable=False, width=7)]
    return SheetDef("fairs", "招聘会", tuple(cols))


def _employers() -> SheetDef:
    s = F.FAIR_EMPLOYER
    cols = [_field_col(s, "name", "用人单位", "单位名称", "企业名称", "招聘单位", "单位", "企业",
                       "公司名称", "公司", width=26),
            _field_col(s, "positions", "岗位数", "招聘人数", "需求人数", "岗位数量", "人数",
                       "招聘数量", "计划招聘人数", width=8),
            _field_col(s, "job_titles", "招聘工种", "岗位", "岗位名称", "工种", "招聘岗位", "职位",
                       width=24),
            _field_col(s, "pay_range", "月薪范围（元）", "月薪范围", "薪资", "工资", "薪资待遇",
                       "月薪", "工资待遇", "薪酬", width=14),
            _field_col(s, "contact", "联系人", width=9),
            _field_col(s, "phone", "联系电话", *PHONE_SYN, width=15),
            _field_col(s, "credit_code", "统一社会信用代码", "信用代码", "社会信用代码",
                       width=21),
            SheetColumn("intentions", "意向人数", INT, importable=False, width=8),
            SheetColumn("fair_name", "招聘会", importable=False, width=20)]
    return SheetDef("employers", "用人单位与岗位", tuple(cols), parent="fair")


def _seekers() -> SheetDef:
    s = F.JOB_SEEKER
    p = _person(s, "求职者", "求职者姓名", "求职人员")
    cols = [SheetColumn("created_at", "登记时间", UTC, importable=False, width=17),
            *p[:4],
            _field_col(s, "birth_year", "出生年份", "出生年", "出生年月", width=9),
            _field_col(s, "education", "学历", "文化程度", "最高学历", width=10),
            _field_col(s, "household", "户籍", "户口性质", "户籍类型", "户籍性质", width=7),
            _field_col(s, "poverty_relief", "脱贫劳动力", "是否脱贫劳动力", "脱贫户",
                       "是否脱贫户", width=10),
            _field_col(s, "desired_job", "求职意向", "意向岗位", "期望岗位", "求职岗位",
                       "应聘岗位", width=16),
            p[4],
            SheetColumn("intentions", "意向数", INT, importable=False, width=7),
            SheetColumn("fair_name", "招聘会", importable=False, width=20)]
    return SheetDef("seekers", "招聘会求职登记", tuple(cols), parent="fair")


def _intentions() -> SheetDef:
    s = F.INTENTION
    cols = [_field_col(s, "agreed_on", "日期", "意向日期", "达成日期", width=11),
            SheetColumn("seeker_name", "求职者", TEXT, None,
                        ("求职者姓名", "姓名", "人员姓名"), required=True, lookup=True, width=10),
            SheetColumn("seeker_phone", "求职者电话", PHONE, None,
                        ("电话", "联系电话", "手机", "手机号码"), lookup=True, width=15),
            SheetColumn("employer_name", "意向单位", TEXT, None,
                        ("用人单位", "单位名称", "单位", "企业名称", "招聘单位"), required=True,
                        lookup=True, width=26),
            _field_col(s, "position", "岗位", "意向岗位", "招聘岗位", "工种", width=14),
            _field_col(s, "status", "状态", "意向状态", width=9),
            SheetColumn("fair_name", "招聘会", importable=False, width=20)]
    return SheetDef("intentions", "招聘会意向", tuple(cols), parent="fair")


def _volunteers() -> SheetDef:
    s = F.VOLUNTEER
    cols = [*_person(s, "志愿者", "志愿者姓名"),
            _field_col(s, "skills", "服务技能", "技能", "特长", "专长", width=20),
            _field_col(s, "availability", "可服务时间", "服务时间", "空闲时间", width=14),
            _field_col(s, "joined_on", "加入日期", "入册日期", "注册日期", width=11),
            _field_col(s, "status", "状态", "在册状态", width=7),
            _field_col(s, "notes", "备注", "说明", width=20),
            SheetColumn("hours", "累计时长（小时）", HOURS, importable=False, width=10)]
    return SheetDef("volunteers", "志愿者", tuple(cols))


def _service_records() -> SheetDef:
    s = F.SERVICE_RECORD
    cols = [_field_col(s, "served_on", "服务日期", "日期", "时间", width=11),
            SheetColumn("volunteer_name", "志愿者", TEXT, None, ("志愿者姓名", "姓名", "名字"),
                        required=True, lookup=True, width=10),
            SheetColumn("volunteer_phone", "志愿者电话", PHONE, None, PHONE_SYN, lookup=True,
                        width=15),
            _field_col(s, "activity", "服务内容", "活动", "活动内容", "服务项目", "服务活动",
                       width=26),
            _field_col(s, "half_hours", "时长（小时）", "时长", "服务时长", "小时", "服务时长（小时）",
                       "小时数", width=10)]
    # Each row names its volunteer (name, and the phone when two volunteers share a name).
    return SheetDef("service_records", "志愿服务记录", tuple(cols))


SHEETS: dict[str, SheetDef] = {d.register: d for d in (
    _visits(), _relief(), _fairs(), _employers(), _seekers(), _intentions(), _volunteers(),
    _service_records())}
REGISTERS = tuple(SHEETS)
# Registers whose rows belong to one job fair: the import needs the fair (--fair ID).
FAIR_CHILDREN = ("employers", "seekers", "intentions")
