"""Property tests: arbitrary text (control characters, RTL marks, emoji, lone surrogates, 100,000
characters) through every register's services — stored exactly (after the documented trimming)
or refused with a ValidationFailed message, never another exception. Then through the reports and
bundles when those modules are present."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.domain.fields import Kind
from xiangyun_desk.services.desk import Desk

NASTY = ["\x00", "\x07", "\x1b[31m", "\u200f", "\u202e", "\u200b", "\ufeff", "\ud800",
         "\udfff", "😀", "👨‍👩‍👧", "𬌗", "\r\n", "\t", "'; DROP TABLE visit; --", "%_\\",
         "\u0301", "ﷺ", "\uffff", "\U0010ffff"]

texts = st.one_of(
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60),
    st.lists(st.sampled_from(NASTY), max_size=8).map("".join),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["长", "a", "😀", "\u200f"]),
              st.sampled_from([1, 49, 50, 51, 100, 101, 200, 4000, 4001, 100_000])),
)

BASE = {
    "visits": {"visited_at": "2026-03-10 09:30", "name": "张三", "purpose": "legal",
               "status": "done"},
    "relief": {"visit_date": "2026-01-15", "campaign": "winter", "name": "李四",
               "category": "hardship"},
    "fairs": {"name": "春风行动", "held_on": "2026-02-20"},
    "employers": {"name": "祥云县公交公司", "positions": "5"},
    "seekers": {"name": "王五"},
    "volunteers": {"name": "赵六", "status": "active"},
    "service_records": {"served_on": "2026-03-01", "activity": "值班", "half_hours": "2"},
}
TEXT_KINDS = (Kind.TEXT, Kind.LONGTEXT, Kind.PHONE, Kind.IDNUMBER, Kind.CREDIT_CODE)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    desk = Desk(tmp_path_factory.mktemp("props"))
    desk.initialize("station", "01", "云南驿镇职工之家")
    fair = desk.fairs.create(BASE["fairs"])
    volunteer = desk.volunteers.create(BASE["volunteers"])
    parents = {"employers": {"fair_id": fair}, "seekers": {"fair_id": fair},
               "service_records": {"volunteer_id": volunteer}}
    yield desk, parents
    desk.close()


def _fields():
    from xiangyun_desk.services import specs

    out = []
    for spec in specs.ALL_SPECS:
        if spec.key in BASE:
            out += [(spec.key, f.name) for f in spec.fields if f.kind in TEXT_KINDS]
    return out


def expected(kind: Kind, value: str):
    if kind is Kind.TEXT:
        return value.strip() or None
    if kind is Kind.LONGTEXT:
        return value.rstrip() or None
    return None  # normalised: checked by re-validation instead


@pytest.mark.parametrize(("key", "name"), _fields())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(value=texts)
def test_text_is_stored_exactly_or_refused_with_a_message(world, key, name, value):
    desk, parents = world
    service = desk.registers[key]
    raw = {**BASE[key], **parents.get(key, {}), name: value}
    try:
        record_id = service.create(raw)
    except ValidationFailed as exc:
        assert exc.errors and all(str(m) for m in exc.errors.values())
        return
    stored = service.get(record_id)[name]
    kind = service.spec.field(name).kind
    if kind in (Kind.TEXT, Kind.LONGTEXT):
        assert stored == expected(kind, value)
    else:  # phones, IDs, credit codes are stored normalised and valid
        assert stored is None or service.clean({**raw, name: stored})
    # Editing it back and forth keeps it too.
    service.update(record_id, {**raw, name: value})
    assert service.get(record_id)[name] == stored
    # Searching with it never fails either.
    from xiangyun_desk.services.registers import RegisterQuery

    service.count(RegisterQuery(text=value[:200]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(value=texts)
def test_text_through_the_reports(world, tmp_path_factory, value):
    reports = pytest.importorskip("xiangyun_desk.services.reports")
    desk, _parents = world
    try:
        desk.visits.create({**BASE["visits"], "summary": value, "employer": value[:100]})
    except ValidationFailed:
        return
    period = reports.ReportPeriod.parse(dt.date(2026, 3, 1).strftime("%Y-%m"))
    out = tmp_path_factory.mktemp("pdf") / "ledger.pdf"
    request = reports.ReportRequest("ledger", period, register="visits")
    try:
        reports.generate_report(desk, request, out)
    except reports.ReportError:
        return  # refused with a message
    assert out.read_bytes().startswith(b"%PDF")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(value=texts)
def test_text_through_the_person_printout(world, tmp_path_factory, value):
    desk, _parents = world
    try:
        desk.visits.create({**BASE["visits"], "name": "甲乙", "phone": "13700001234",
                            "summary": value})
    except ValidationFailed:
        return
    records = desk.people.find(name="甲乙", phone="13700001234")[:3]
    out = desk.people.write_pdf(records, tmp_path_factory.mktemp("p") / "p.pdf")
    assert out.read_bytes().startswith(b"%PDF")


@pytest.fixture(scope="module")
def sync_pair(tmp_path_factory):
    """A county and a station that loaded its key card (skipped without the bundles module)."""
    bundles = pytest.importorskip("xiangyun_desk.services.bundles")
    root = tmp_path_factory.mktemp("sync")
    county = Desk(root / "county")
    county.initialize("county", "532923", "祥云县总工会")
    station = Desk(root / "station")
    station.initialize("station", "01", "云南驿镇职工之家")
    bundles.load_county_card(station, bundles.county_card(county).to_json().encode())
    from xiangyun_desk.services.stations import StationRegistry

    StationRegistry(county).add("01", "云南驿镇职工之家",  # enrolled by its fingerprint
                                fingerprint_text=bundles.station_key_fingerprint(station))
    usb = root / "usb"
    usb.mkdir()
    yield bundles, county, station, usb
    station.close()
    county.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(value=texts)
def test_text_through_a_sync_bundle_arrives_exactly(sync_pair, value):
    bundles, county, station, usb = sync_pair
    try:
        record_id = station.visits.create({**BASE["visits"], "summary": value,
                                           "employer": value[:100]})
    except ValidationFailed:
        return
    path = bundles.export_bundle(station, usb).path
    results = bundles.BundleImporter(county).import_files([path])
    assert [r.status for r in results] == ["applied"], [r.to_json() for r in results]
    with county.db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT summary, employer FROM visit WHERE id = ?",
                                   (record_id,)).one()
    stored = station.visits.get(record_id)
    assert (row[0], row[1]) == (stored["summary"], stored["employer"])
