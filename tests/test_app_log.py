"""The program's log file rotates (logging.handlers.RotatingFileHandler): it never grows without
bound on a station PC that runs for years."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from xiangyun_desk import app


def test_the_log_file_rotates_and_keeps_a_few_old_files(tmp_path, monkeypatch):
    monkeypatch.setattr(app, "LOG_MAX_BYTES", 2000)
    root = logging.getLogger()
    level = root.level
    logs = tmp_path / "logs"
    path = app.open_log_file(logs)
    try:
        assert path == logs / "xiangyun-desk.log"
        app.open_log_file(logs)  # a second call adds no second handler
        ours = [h for h in root.handlers if isinstance(h, RotatingFileHandler)
                and h.baseFilename == str(path.absolute())]
        assert len(ours) == 1
        logger = logging.getLogger("xiangyun_desk.test_log")
        for i in range(300):
            logger.info("record %d 云南驿镇职工之家 %s", i, "x" * 40)
        names = sorted(p.name for p in logs.iterdir())
        assert names == ["xiangyun-desk.log", "xiangyun-desk.log.1", "xiangyun-desk.log.2",
                         "xiangyun-desk.log.3"]
        assert all(p.stat().st_size <= 2000 for p in logs.iterdir())
        assert "record 299 云南驿镇职工之家" in path.read_text(encoding="utf-8")
    finally:
        for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def test_a_command_line_bug_goes_to_the_log_with_its_traceback(tmp_path, monkeypatch):
    """An environment fault is a message (tests/faults); a bug raises as before and its traceback
    is also in the data directory's log, as the window's are."""
    import pytest

    from xiangyun_desk.cli import desk_cmd, main

    data_dir = tmp_path / "data"
    data_dir.mkdir()

    def broken(args):
        raise RuntimeError("a bug in the stats command")

    monkeypatch.setattr(desk_cmd, "cmd_stats", broken)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        with pytest.raises(RuntimeError):
            main(["--data-dir", str(data_dir), "stats"])
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    log = (data_dir / "logs" / app.LOG_NAME).read_text(encoding="utf-8")
    assert "command stats failed" in log
    assert "Traceback" in log and "a bug in the stats command" in log
