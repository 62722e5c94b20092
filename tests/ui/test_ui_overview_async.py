"""The overview computes its figures off the GUI thread (seconds at a million records)."""

from __future__ import annotations

import threading

from xiangyun_desk.services.stats import StatsService


def test_overview_figures_are_computed_off_the_gui_thread(ui, qtbot, monkeypatch):
    threads = []
    original = StatsService.compute

    def spy(self, *args):
        threads.append(threading.current_thread())
        return original(self, *args)

    monkeypatch.setattr(StatsService, "compute", spy)
    window = ui.open()
    with qtbot.waitSignal(window.overview.refreshed, timeout=10000):
        window.overview.refresh()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert window.overview.values[("month", "visitors.batches")].text() == "0"


def test_a_stale_result_does_not_overwrite_a_newer_one(ui, qtbot):
    window = ui.open()
    overview = window.overview
    with qtbot.waitSignal(overview.refreshed, timeout=10000):
        overview.refresh()
    label = overview.values[("month", "visitors.batches")]
    fake = {"months": [], "year": {"visitors": {"batches": 999}}}
    overview._show(fake, overview._generation - 1)  # an older generation arrives late
    assert label.text() == "0"
