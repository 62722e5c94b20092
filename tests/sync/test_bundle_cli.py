"""The sync commands from the command line (what county staff script)."""

from __future__ import annotations

import json

from xiangyun_desk.cli import main


def cli(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_county_station_round_trip_from_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")
    c, s, usb = tmp_path / "county", tmp_path / "station", tmp_path / "usb"
    usb.mkdir()
    assert cli(capsys, "--data-dir", c, "init", "--role", "county", "--county-code", "532923",
               "--county-name", "祥云县总工会")[0] == 0
    code, out, _ = cli(capsys, "--data-dir", c, "county-key", "--out", tmp_path / "card.json")
    assert code == 0 and "Fingerprint" in out
    fp = json.loads((tmp_path / "card.json").read_text("utf-8"))["fingerprint"]
    assert fp in out
    assert cli(capsys, "--data-dir", s, "init", "--station-code", "03", "--station-name",
               "云南驿镇职工之家", "--county-key", tmp_path / "card.json")[0] == 0
    assert cli(capsys, "--data-dir", s, "demo-data", "--records", "50")[0] == 0
    code, out, _ = cli(capsys, "--data-dir", s, "export-bundle", "--out", usb)
    first = out.strip()
    assert code == 0 and first.endswith("-0001.xyb") and "532923-03-云南驿镇职工之家-" in first
    code, out, _ = cli(capsys, "--data-dir", s, "export-bundle", "--out", usb, "--full")
    assert out.strip().endswith("-0002.xyb")
    (usb / "junk.xyb").write_bytes(b"not a bundle")

    # The county has not enrolled the station: its bundles wait for confirmation (待确认).
    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", usb, "--dry-run", "--json")
    dry = json.loads(out)
    assert [r["status"] for r in dry] == ["held", "held", "rejected"] and code == 1
    code, out, _ = cli(capsys, "--data-dir", s, "station-key")
    station_fp = out.splitlines()[1].strip()
    assert code == 0 and len(station_fp) == 24 and dry[0]["fingerprint"] == station_fp
    assert json.loads(cli(capsys, "--data-dir", s, "station-key", "--json")[1])[
        "fingerprint"] == station_fp
    assert station_fp in dry[0]["reason"]
    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", usb / first.split("/")[-1])
    assert code == 1 and "--confirm" in out and station_fp in out
    code, out, _ = cli(capsys, "--data-dir", c, "stations")
    assert "a bundle brought key " + station_fp in out
    # The station reads the fingerprint out by phone; the county adds the station with it.
    assert cli(capsys, "--data-dir", c, "station-add", "03", "云南驿镇职工之家", "--township",
               "云南驿镇", "--fingerprint", station_fp)[0] == 0
    assert cli(capsys, "--data-dir", c, "station-add", "03", "again")[0] == 1
    assert cli(capsys, "--data-dir", c, "station-edit", "03", "--monthly", "no")[0] == 0
    row = json.loads(cli(capsys, "--data-dir", c, "stations", "--json")[1])[0]
    assert (row["key_state"], row["fingerprint"], row["offered_fingerprint"]) == \
        ("confirmed", station_fp, None)
    assert (row["township"], row["monthly_expected"]) == ("云南驿镇", False)

    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", usb, "--dry-run", "--json")
    dry = json.loads(out)
    assert [r["status"] for r in dry] == ["applied", "applied", "rejected"]
    assert all(r["dry_run"] for r in dry) and code == 1
    assert dry[0]["counts"]["visits"]["new"] > 0 and dry[1]["counts"]["visits"]["unchanged"] > 0
    code, out, _ = cli(capsys, "--data-dir", c, "stats", "--json")
    assert json.loads(out)["visitors"]["visits"] == 0  # the dry run changed nothing

    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", usb / first.split("/")[-1],
                       "--json")
    assert code == 0 and json.loads(out)[0]["status"] == "applied"
    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", usb, "--json")
    assert [r["status"] for r in json.loads(out)] == ["duplicate", "applied", "rejected"]
    assert "not a bundle" in json.loads(out)[2]["reason"]
    station_stats = json.loads(cli(capsys, "--data-dir", s, "stats", "--json")[1])
    county_stats = json.loads(cli(capsys, "--data-dir", c, "stats", "--json")[1])
    assert county_stats["visitors"] == station_stats["visitors"]

    code, out, _ = cli(capsys, "--data-dir", c, "stations", "--json")
    rows = json.loads(out)
    assert rows[0]["code"] == "03" and rows[0]["last_seq"] == 2 and rows[0]["missing"] == []
    code, out, _ = cli(capsys, "--data-dir", c, "import-history")
    assert "bundle No. 2" in out
    fp = rows[0]["fingerprint"]
    assert fp == station_fp
    assert cli(capsys, "--data-dir", c, "reenrol-station", "03", "--fingerprint", fp)[0] == 0
    assert cli(capsys, "--data-dir", c, "reenrol-station", "03", "--fingerprint", "12")[0] == 1
    assert cli(capsys, "--data-dir", c, "reenrol-station", "99", "--fingerprint", fp)[0] == 1

    # A station that renews its key: the county applies its next bundle only with --confirm.
    code, out, _ = cli(capsys, "--data-dir", s, "renew-station-key")
    assert code == 0 and "confirm-station-key 03" in out
    new_fp = cli(capsys, "--data-dir", s, "station-key")[1].splitlines()[1].strip()
    assert cli(capsys, "--data-dir", s, "demo-data", "--records", "5")[0] == 0
    latest = cli(capsys, "--data-dir", s, "export-bundle", "--out", usb)[1].strip()
    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", latest, "--json")
    assert code == 1 and json.loads(out)[0]["reason_code"] == "key-changed"
    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", latest, "--json", "--confirm",
                       f"03={fp}")  # the old fingerprint confirms nothing
    assert code == 1 and json.loads(out)[0]["status"] == "held"
    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", latest, "--json", "--confirm",
                       f"03={new_fp}", "--note", "王站长来电")
    assert code == 0 and json.loads(out)[0]["status"] == "applied"
    assert json.loads(out)[0]["key_confirmed"] is True
    assert cli(capsys, "--data-dir", c, "import-bundle", latest, "--confirm", "03")[0] == 2

    assert cli(capsys, "--data-dir", c, "code-item", "purpose", "union_law", "--zh",
               "工会法宣传", "--en", "Union law")[0] == 0
    code, out, _ = cli(capsys, "--data-dir", c, "publish-reference", "--out", usb)
    ref = out.strip()
    assert code == 0 and ref.endswith("-0001.xyr")
    code, out, _ = cli(capsys, "--data-dir", s, "import-reference", ref, "--json")
    result = json.loads(out)[0]
    assert result["status"] == "applied" and result["confirmed_bundles"] == [1, 2, 3]
    assert result["counts"]["code_lists"]["new"] == 1
    code, out, _ = cli(capsys, "--data-dir", s, "export-history", "--json")
    assert all(r["confirmed_at"] for r in json.loads(out))


def test_role_checks_and_bad_key_card(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")
    s = tmp_path / "s"
    (tmp_path / "card.json").write_text("{}", encoding="utf-8")
    code, _out, err = cli(capsys, "--data-dir", s, "init", "--station-code", "01",
                          "--station-name", "站", "--county-key", tmp_path / "card.json")
    assert code == 1 and "key card" in err
    assert not (s / "xiangyun.sqlite3").exists()  # a bad card is refused before set-up
    assert cli(capsys, "--data-dir", s, "init", "--station-code", "01", "--station-name", "站")[0] == 0
    code, _out, err = cli(capsys, "--data-dir", s, "import-bundle", tmp_path / "x.xyb")
    assert code == 1 and "county" in err
    code, _out, err = cli(capsys, "--data-dir", s, "export-bundle", "--out", tmp_path)
    assert code == 1 and "key card" in err


def test_cli_speaks_chinese_by_default(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("XYD_LANG", raising=False)
    c = tmp_path / "c"
    cli(capsys, "--data-dir", c, "init", "--role", "county", "--county-code", "532923",
        "--county-name", "祥云县总工会")
    (tmp_path / "junk.xyb").write_bytes(b"junk")
    code, out, _ = cli(capsys, "--data-dir", c, "import-bundle", tmp_path / "junk.xyb")
    assert code == 1 and "junk.xyb" in out


def test_the_key_card_to_a_missing_folder_is_a_message_not_a_traceback(tmp_path, capsys,
                                                                       monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")
    c = tmp_path / "county"
    assert cli(capsys, "--data-dir", c, "init", "--role", "county", "--county-code", "532923",
               "--county-name", "祥云县总工会")[0] == 0
    code, out, err = cli(capsys, "--data-dir", c, "county-key", "--out",
                         tmp_path / "no-such-stick" / "card.json")
    assert code != 0 and "Traceback" not in out + err
    assert "The key card could not be written to" in out + err
