"""What the relief form checks before saving: the earlier visit a duplicate warning names, and
the per-visit amount above which it asks for a confirmation (set by the station head)."""

from __future__ import annotations

import datetime as dt

import pytest

from xiangyun_desk.domain.errors import DomainError
from xiangyun_desk.domain.permissions import Principal
from xiangyun_desk.services.desk import RELIEF_CONFIRM_ABOVE_DEFAULT_FEN


def test_a_duplicate_names_date_campaign_amount_and_station(desk):
    desk.relief.create(dict(name="张三", campaign="winter", category="hardship",
                            visit_date="2026-01-20", cash_fen="500", goods_value_fen="80.50",
                            id_number="532923198503120019"))
    earlier = desk.relief_duplicates(dict(name="张三", campaign="winter",
                                          visit_date=dt.date(2026, 2, 3),
                                          id_number="532923198503120019"))
    assert len(earlier) == 1
    visit = earlier[0]
    assert visit["visit_date"] == dt.date(2026, 1, 20) and visit["campaign"] == "winter"
    assert visit["cash_fen"] == 50000 and visit["goods_value_fen"] == 8050
    assert visit["station_code"] == "01"


def test_the_confirmation_amount_defaults_to_5000_yuan_and_the_station_head_sets_it(desk):
    assert RELIEF_CONFIRM_ABOVE_DEFAULT_FEN == 500_000
    assert desk.relief_confirm_above_fen() == 500_000
    desk.set_relief_confirm_above_fen(300_000)
    assert desk.relief_confirm_above_fen() == 300_000
    entry = desk.audit.entries()[0]
    assert entry.action == "settings"
    with pytest.raises(DomainError):
        desk.set_relief_confirm_above_fen(0)
    desk.session.user = Principal("s1", "gongzuo", "王建国", "staff")
    with pytest.raises(DomainError):
        desk.set_relief_confirm_above_fen(900_000)
    assert desk.relief_confirm_above_fen() == 300_000


def test_the_amount_of_a_visit_is_cash_plus_goods_value(desk):
    assert desk.relief_amount_fen({"cash_fen": "4800", "goods_value_fen": "300.5"}) == 510_050
    assert desk.relief_amount_fen({"cash_fen": "", "goods_value_fen": None}) == 0
    assert desk.relief_amount_fen({"cash_fen": "abc"}) is None
