"""``xiangyun-desk self-check`` (here from the checkout; CI also runs it from the unpacked .deb)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from xiangyun_desk import selfcheck


def _run(*args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("XIANGYUN_DESK_HOME", None)
    return subprocess.run([sys.executable, "-m", "xiangyun_desk", *args], env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_self_check_passes_and_says_what_it_checked():
    proc = _run("self-check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    status = {line.split(":")[0].split(None, 1)[1]: line.split()[0]
              for line in lines[1:-1] if line.startswith("  ")}
    for name in ("resources", "migrations", "database", "window"):
        assert status[name] == "OK", proc.stdout
    # Reports and bundles are part of the program now: they must really run, not be skipped.
    assert status["reports"] == "OK" and status["bundles"] == "OK", proc.stdout
    assert lines[-1].startswith("self-check passed")


def test_any_failure_makes_the_exit_status_non_zero(monkeypatch):
    def broken(ctx):
        raise OSError("disk full")

    def skipped(ctx):
        raise selfcheck.Skip("not here")

    monkeypatch.setattr(selfcheck, "CHECKS", (("skipped", skipped), ("broken", broken)))
    out = io.StringIO()
    assert selfcheck.run_checks(out=out) == 1
    text = out.getvalue()
    assert "SKIP  skipped: not here" in text
    assert "FAIL  broken: OSError: disk full" in text
    assert "self-check FAILED" in text


def test_skips_and_warnings_do_not_fail(monkeypatch):
    def warned(ctx):
        raise selfcheck.Warn("no X11 libraries")

    monkeypatch.setattr(selfcheck, "CHECKS", (("warned", warned), ("fine", lambda ctx: "ok")))
    assert selfcheck.run_checks(out=io.StringIO()) == 0


def test_a_missing_optional_module_is_told_apart_from_a_broken_one():
    assert selfcheck._optional_module("xiangyun_desk.services.no_such_thing") is None
    assert selfcheck._optional_module("xiangyun_desk.services.stats") is not None


def test_startup_time_opens_the_window_and_reports(tmp_path):
    data = str(tmp_path / "data")
    setup = _run("--data-dir", data, "init", "--station-code", "03", "--station-name", "测试站")
    assert setup.returncode == 0, setup.stderr
    proc = _run("--data-dir", data, "self-check", "--startup-time")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("window shown"), proc.stdout
    if sys.platform.startswith("linux"):
        seconds = float(proc.stdout.split()[2])
        assert 0 < seconds < 120
