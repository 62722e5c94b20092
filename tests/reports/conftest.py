"""Fixtures of the report tests: bundled fonts (reproducible), demo data, record factories."""

from __future__ import annotations

import pytest
from report_helpers import TODAY, Make

from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.desk import Desk


@pytest.fixture(autouse=True)
def bundled_fonts(monkeypatch):
    """Tests use the bundled fonts whatever the machine has installed."""
    monkeypatch.setenv("XYD_REPORT_FONTS", "bundled")


@pytest.fixture(scope="session")
def demo_desk(tmp_path_factory):
    """A station with about 3,000 demo records over the 12 months before 2026-11-20."""
    data = tmp_path_factory.mktemp("demo")
    desk = Desk(data)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    DemoGenerator(desk.db, "01", seed=11, today=TODAY).generate(3000)
    yield desk
    desk.close()


@pytest.fixture
def make(desk) -> Make:
    return Make(desk)
