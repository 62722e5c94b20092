"""Realistic Chinese demo data over every register and the last 12 months.

Fast enough for a million records: rows go in with executemany in batches, one transaction per
batch, with change sequence numbers reserved per batch and search keys cached per name.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from functools import lru_cache

from sqlalchemy import text

from ..domain.codes import codes_of
from ..domain.idnumber import check_character
from ..domain.search import build_search_key, pinyin_initials
from ..storage import models as M
from ..storage.db import Database

SURNAMES = ("张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
            "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
            "段普李杨字者鲁罗单解区仇")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强文斌红梅玉兰海燕"
         "春花金凤云丽家豪子涵梓萱俊杰雨桐浩然欣怡堃珺镕")
EMPLOYERS = ("祥云县建筑工程有限公司", "云南驿物流园", "祥云县第一人民医院", "下庄镇烤烟合作社",
             "祥云县城市环卫服务中心", "大理祥云飞龙实业公司", "祥云县鑫源矿业", "刘厂镇果蔬种植基地",
             "祥云县家政服务中心", "禾甸镇农民专业合作社", "祥云县公交公司", "米甸镇茶叶加工厂",
             "祥云县快递服务站", "东山乡养殖场", "祥云县商贸城", "鹿鸣乡水泥厂")
PLACES = ("祥云县人力资源市场", "云南驿镇文化广场", "祥城镇职工之家", "下庄镇政府广场")
FAIR_NAMES = ("春风行动专场招聘会", "情系职工 春风送岗", "民营企业招聘周", "金秋招聘月", "就业援助月专场")
JOBS = ("普工", "电工", "焊工", "司机", "保洁员", "保安", "厨师", "护工", "营业员", "仓管员", "挖掘机操作员")
ACTIVITIES = ("法律咨询进工地", "送清凉慰问一线职工", "职工书屋值守", "技能培训授课", "心理健康讲座",
              "驿站服务值班", "文体活动组织")
SUMMARIES = ("咨询工资拖欠问题，已讲解相关法律规定", "了解近期招聘信息", "申请困难职工帮扶",
             "在驿站休息、饮水", "咨询入会手续", "反映劳动合同问题，已转县总工会法律援助")
GOODS = ("大米一袋、食用油一桶", "棉被一床", "防暑药品一箱", "学习用品一套", "")
BATCH = 10_000
ISO_TS = "%Y-%m-%d %H:%M:%S.000000"


@lru_cache(maxsize=200_000)
def _initials(name: str) -> str:
    return " ".join(pinyin_initials(name))


def _search_key(name: str, phone: str = "", id_number: str = "", employer: str = "") -> str:
    # Same layout as domain.search.build_search_key, with the pinyin step cached per name.
    parts = [name, _initials(name), phone.replace("-", ""), id_number[-6:], employer]
    return "\x1f".join(p for p in parts if p).lower()


assert _search_key("张三", "13800000000") == build_search_key(name="张三", phone="13800000000")


class DemoGenerator:
    """Adds ``records`` demo records to the database of a set-up station."""

    def __init__(self, db: Database, station_code: str, seed: int | None = None,
                 today: dt.date | None = None):
        self.db = db
        self.code = station_code
        self.rng = random.Random(seed)
        self.rng_positions = random.Random(f"positions-{seed}")  # leaves self.rng's draws alone
        # Record keys must never repeat, even when the same seed is used on the same database
        # again; mixing in a random salt keeps the seeded content reproducible all the same.
        self._id_salt = uuid.uuid4().int
        self.today = today or dt.date.today()
        self.now = dt.datetime.now(dt.UTC).replace(tzinfo=None).strftime(ISO_TS)

    # ---- small generators --------------------------------------------------------------

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128) ^ self._id_salt, version=4))

    def _name(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))

    def _phone(self) -> str:
        return "1" + self.rng.choice("3456789") + "".join(self.rng.choices("0123456789", k=9))

    def _id_number(self) -> str:
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 40 * 365))
        body = "532923" + birth.strftime("%Y%m%d") + f"{self.rng.randrange(1000):03d}"
        return body + check_character(body)

    def _day(self) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randrange(0, 365))

    def _moment(self) -> dt.datetime:
        day = self._day() - dt.timedelta(days=1)  # whole past days: no visit later than now
        return dt.datetime.combine(day, dt.time(self.rng.randrange(8, 18), self.rng.randrange(60)))

    # ---- writing ------------------------------------------------------------------------

    def _insert(self, table, rows: list[dict]) -> None:
        """Insert rows (dicts without the common columns) with sequence numbers, in one go."""
        if not rows:
            return
        with self.db.engine.begin() as conn:
            last = conn.execute(text(
                "UPDATE change_counter SET last_seq = last_seq + :n WHERE id = 1 RETURNING last_seq"),
                {"n": len(rows)}).scalar_one()
            first = last - len(rows) + 1
            for offset, row in enumerate(rows):
                row.update(station_code=self.code, created_at=self.now, updated_at=self.now,
                           change_seq=first + offset, deleted_at=None)
            columns = list(rows[0])
            sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
                   f"VALUES ({', '.join('?' for _ in columns)})")
            conn.exec_driver_sql(sql, [tuple(r[c] for c in columns) for r in rows])

    def _batched(self, table, count: int, make: Callable[[], dict]) -> None:
        done = 0
        while done < count:
            n = min(BATCH, count - done)
            self._insert(table, [make() for _ in range(n)])
            done += n

    def _person(self, with_id: float = 0.4) -> dict:
        name = self._name()
        phone = self._phone() if self.rng.random() < 0.85 else None
        id_number = self._id_number() if self.rng.random() < with_id else None
        employer = self.rng.choice(EMPLOYERS) if self.rng.random() < 0.8 else None
        return {"id": self._uuid(), "name": name, "gender": self.rng.choice("MMF"),
                "phone": phone, "phone_norm": phone, "id_number": id_number, "employer": employer,
                "search_key": _search_key(name, phone or "", id_number or "", employer or "")}

    def _visit(self) -> dict:
        r = self.rng
        at = self._moment()
        row = self._person(0.3)
        row.update(visited_at=at.strftime(ISO_TS),
                   left_at=(at + dt.timedelta(minutes=r.randrange(5, 120))).strftime(ISO_TS),
                   union_member=r.choice(codes_of("union_member")), party_size=r.choice((1, 1, 1, 2, 3)),
                   purpose=r.choice(codes_of("visit_purpose")), summary=r.choice(SUMMARIES),
                   outcome=None, status=r.choice(("done", "done", "done", "following", "referred")),
                   referred_to=None, staff=r.choice(("李红", "王建国", "杨丽")), follow_up_on=None)
        return row

    def _relief(self) -> dict:
        r = self.rng
        row = self._person(0.8)
        goods = r.choice(GOODS)
        row.update(visit_date=self._day().isoformat(), campaign=r.choice(codes_of("campaign")),
                   address="祥云县" + r.choice(("祥城镇", "云南驿镇", "下庄镇", "刘厂镇")) + f"{r.randrange(1, 99)}号",
                   category=r.choice(codes_of("recipient_category")),
                   cash_fen=r.choice((200, 300, 500, 800, 1000)) * 100 + r.choice((0, 0, 50)),
                   goods=goods or None, goods_value_fen=(r.randrange(50, 300) * 100) if goods else 0,
                   visitors="县总工会、" + r.choice(("李红", "王建国")), notes=None)
        return row

    def generate(self, records: int) -> dict[str, int]:
        """Add about ``records`` records; returns how many went into each register."""
        r = self.rng
        n_fairs = max(2, records // 5000)
        n_employers = max(6, records * 2 // 100)
        n_seekers = max(10, records * 13 // 100)
        n_intentions = max(4, records * 5 // 100)
        n_volunteers = max(5, records // 100)
        n_service = max(10, records * 4 // 100)
        n_relief = max(5, records * 20 // 100)
        used = n_fairs + n_employers + n_seekers + n_intentions + n_volunteers + n_service + n_relief
        n_visits = max(10, records - used)

        self._batched(M.Visit.__table__, n_visits, self._visit)
        self._batched(M.ReliefVisit.__table__, n_relief, self._relief)

        fairs = []
        for _ in range(n_fairs):
            fid = self._uuid()
            name = r.choice(FAIR_NAMES)
            fairs.append(fid)
            self._insert(M.JobFair.__table__, [{
                "id": fid, "name": name, "held_on": self._day().isoformat(),
                "place": r.choice(PLACES), "organiser": "祥云县总工会", "source": "local",
                "search_key": _search_key(name)}])
        employers: dict[str, list[str]] = {f: [] for f in fairs}
        titles_of: dict[str, list[str]] = {}
        # Positions of intentions from their own generator: the other demo records stay the same.
        pick = self.rng_positions

        def employer() -> dict:
            fid = r.choice(fairs)
            eid = self._uuid()
            employers[fid].append(eid)
            name = r.choice(EMPLOYERS)
            titles = "、".join(r.sample(JOBS, 3))
            titles_of[eid] = titles.split("、")
            return {"id": eid, "fair_id": fid, "name": name, "credit_code": None,
                    "contact": self._name(), "phone": self._phone(), "phone_norm": None,
                    "positions": r.randrange(2, 60), "job_titles": titles,
                    "pay_range": f"{r.randrange(25, 45) * 100}-{r.randrange(50, 90) * 100}",
                    "search_key": _search_key(name, employer=titles)}

        self._batched(M.FairEmployer.__table__, n_employers, employer)
        seekers: dict[str, list[str]] = {f: [] for f in fairs}

        def seeker() -> dict:
            row = self._person(0.3)
            fid = r.choice(fairs)
            seekers[fid].append(row["id"])
            row.update(fair_id=fid, birth_year=r.randrange(1965, 2006),
                       education=r.choice(codes_of("education")),
                       household=r.choice(("rural", "rural", "urban")),
                       poverty_relief=r.random() < 0.2, desired_job=r.choice(JOBS))
            return row

        self._batched(M.JobSeeker.__table__, n_seekers, seeker)
        with_both = [f for f in fairs if employers[f] and seekers[f]]

        def intention() -> dict:
            fid = r.choice(with_both)
            eid = r.choice(employers[fid])
            return {"id": self._uuid(), "fair_id": fid, "seeker_id": r.choice(seekers[fid]),
                    "employer_id": eid,
                    "status": r.choice(codes_of("intention_status")),
                    "agreed_on": self._day().isoformat(),
                    "position": pick.choice(titles_of[eid]) if pick.random() < 0.85 else None}

        if with_both:
            self._batched(M.Intention.__table__, n_intentions, intention)
        volunteer_ids: list[str] = []

        def volunteer() -> dict:
            row = self._person(0.6)
            volunteer_ids.append(row["id"])
            row.update(skills=",".join(sorted(r.sample(codes_of("skill"), r.randrange(1, 3)),
                                              key=codes_of("skill").index)),
                       availability=r.choice(("周末", "工作日晚上", "随时", "节假日")),
                       joined_on=(self._day() - dt.timedelta(days=r.randrange(0, 700))).isoformat(),
                       status=r.choice(("active", "active", "active", "paused", "left")), notes=None)
            return row

        self._batched(M.Volunteer.__table__, n_volunteers, volunteer)
        self._batched(M.ServiceRecord.__table__, n_service, lambda: {
            "id": self._uuid(), "volunteer_id": r.choice(volunteer_ids),
            "served_on": self._day().isoformat(), "activity": r.choice(ACTIVITIES),
            "half_hours": r.randrange(1, 17)})
        return {"visits": n_visits, "relief": n_relief, "fairs": n_fairs,
                "employers": n_employers, "seekers": n_seekers,
                "intentions": n_intentions if with_both else 0, "volunteers": n_volunteers,
                "service_records": n_service}
