"""services.export on the real test cluster with the demo loaded: each kind to each format with the rows of
the scope, Thai text and leading zeros intact, personal data only for a role that may read it and only
when asked, a cancel leaves no file, an unknown area is a clear error."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from osgeo import ogr
from service_support import rows

from jitasa_qgis.services.areas import AreaError
from jitasa_qgis.services.demo_loading import DemoParams, load_demo
from jitasa_qgis.services.export import ExportParams, export_table
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.store.errors import StoreError

SMALL = dict(n_requests=400, n_volunteers=120, seed=11)
AMPHOE = "6710"  # วังโป่ง: an amphoe with requests, volunteers and facilities in the demo


@pytest.fixture
def demo(store):
    load_demo(store, DemoParams(**SMALL))
    # some phones as offices write them, without dashes: Excel would make 0812345678 the number 812345678
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE jitasa.help_request SET requester_phone = '08' || lpad(id::text, 8, '0') WHERE id % 3 = 0")
        cur.execute("UPDATE jitasa.volunteer SET phone = '09' || lpad(id::text, 8, '0') WHERE id % 2 = 0")
    return store


_COUNT = {
    "requests": "SELECT count(*) FROM jitasa.help_request r WHERE r.tambon_code LIKE %(p)s",
    "volunteers": "SELECT count(*) FROM jitasa.volunteer v WHERE v.tambon_code LIKE %(p)s",
    "facilities": "SELECT count(*) FROM jitasa.facility f WHERE f.tambon_code LIKE %(p)s",
    "assignments": "SELECT count(*) FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id"
    " WHERE r.tambon_code LIKE %(p)s",
}
_OPEN = {
    "requests": " AND r.status IN ('new', 'assigned', 'in_progress')",
    "assignments": " AND a.status IN ('proposed', 'active')",
}
_ALL = {
    "requests": "SELECT count(*) FROM jitasa.help_request",
    "volunteers": "SELECT count(*) FROM jitasa.volunteer",
    "assignments": "SELECT count(*) FROM jitasa.assignment",
}


def expected_count(spec, what: str, prefix: str = "", open_only: bool = False) -> int:
    query = _COUNT[what] + (_OPEN.get(what, "") if open_only else "")
    return rows(spec, query, {"p": prefix + "%"})[0][0]


def personal_texts(spec) -> set[str]:
    """Every name, phone number and note the store holds (what an analyst's file must not contain)."""
    found = rows(
        spec,
        """SELECT requester_name FROM jitasa.help_request UNION SELECT requester_phone FROM jitasa.help_request
           UNION SELECT note FROM jitasa.help_request UNION SELECT name FROM jitasa.volunteer
           UNION SELECT phone FROM jitasa.volunteer""",
    )
    return {t for (t,) in found if t}


def read_back(path: Path) -> tuple[list[str], list[dict]]:
    """(header, rows as dicts) of an exported file, read with the format's own library."""
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
        return table[0], [dict(zip(table[0], r)) for r in table[1:]]
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        table = [list(r) for r in sheet.iter_rows(values_only=True)]
        return table[0], [dict(zip(table[0], r)) for r in table[1:]]
    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    definition = layer.GetLayerDefn()
    header = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    out = []
    for feature in layer:
        record = {name: feature.GetField(name) for name in header}
        geometry = feature.GetGeometryRef()
        record["_point"] = (geometry.GetX(), geometry.GetY()) if geometry is not None else None
        out.append(record)
    return header, out


def file_text(path: Path) -> str:
    """All the text a file holds: an XLSX's every part unzipped, others as their bytes."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_bytes().decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "gpkg"])
def test_each_kind_to_each_format_holds_the_rows_of_the_amphoe(demo, tmp_path, fmt):
    names_th = dict(rows(demo, "SELECT code, name_th FROM jitasa.admin_area"))
    for what in ("requests", "assignments", "volunteers", "facilities"):
        path = tmp_path / f"{what}.{fmt}"
        result = export_table(demo, ExportParams(what=what, path=path, area=AMPHOE))
        expected = expected_count(demo, what, AMPHOE)
        assert expected > 0, what
        assert (result.rows, result.path, result.format) == (expected, path, fmt)
        header, records = read_back(path)
        assert len(records) == expected, (what, fmt)
        assert set(header) <= set(result.columns) and "tambon_name_th" in header
        assert all(str(r["tambon_code"]).startswith(AMPHOE) for r in records)
        # Thai intact: every joined name is the store's own text
        assert {r["tambon_name_th"] for r in records} <= set(names_th.values())
        assert {r["amphoe_name_th"] for r in records} == {names_th[AMPHOE]}
        assert {r["province_name_th"] for r in records} == {"เพชรบูรณ์"}
        if fmt == "gpkg":
            assert "lon" not in header and all(r["_point"] for r in records)
            source = ogr.Open(str(path))  # kept: a layer outlives its data source only by crashing
            assert source.GetLayer(0).GetSpatialRef().GetAuthorityCode(None) == "4326"
            source = None
        else:
            assert "lon" in header and "lat" in header
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{w}.{fmt}" for w in ("requests", "assignments", "volunteers", "facilities")
    )  # no temporary file left beside them


def test_points_labels_and_types_match_the_store(demo, tmp_path):
    path = tmp_path / "r.gpkg"
    export_table(demo, ExportParams(what="requests", path=path, area=AMPHOE))
    _, records = read_back(path)
    stored = {
        i: (x, y, category, people)
        for i, x, y, category, people in rows(
            demo,
            "SELECT id, ST_X(geom), ST_Y(geom), category::text, people_count FROM jitasa.help_request"
            " WHERE tambon_code LIKE %s",
            (AMPHOE + "%",),
        )
    }
    for record in records:
        x, y, category, people = stored[record["id"]]
        assert record["_point"] == pytest.approx((x, y))
        assert (record["category"], record["people_count"]) == (category, people)
        assert record["category_label"] and record["urgency_label"] and record["status_label"]
    source = ogr.Open(str(path))
    definition = source.GetLayer(0).GetLayerDefn()
    types = {
        definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetTypeName()
        for i in range(definition.GetFieldCount())
    }
    assert (types["id"], types["people_count"], types["created_at"], types["tambon_code"]) == (
        "Integer",
        "Integer",
        "DateTime",
        "String",
    )


def test_open_status_and_created_since_filter_the_rows(demo, tmp_path):
    result = export_table(demo, ExportParams(what="requests", path=tmp_path / "o.csv", status="open"))
    assert result.rows == expected_count(demo, "requests", "", open_only=True)
    assert 0 < result.rows < rows(demo, "SELECT count(*) FROM jitasa.help_request")[0][0]
    live = export_table(demo, ExportParams(what="assignments", path=tmp_path / "a.csv", status="open"))
    assert live.rows == expected_count(demo, "assignments", "", open_only=True)
    with demo.connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE jitasa.help_request SET created_at = now() - interval '30 days' WHERE id % 2 = 0")
    since = (dt.datetime.now() - dt.timedelta(days=3)).date()
    recent = export_table(demo, ExportParams(what="requests", path=tmp_path / "s.csv", created_since=since))
    assert recent.rows == rows(demo, "SELECT count(*) FROM jitasa.help_request WHERE mod(id, 2) = 1")[0][0]


def test_xlsx_keeps_leading_zeros_and_thai_text_as_text(demo, tmp_path, login_role):
    _, officer = login_role("jitasa_officer")
    path = tmp_path / "r.xlsx"
    result = export_table(officer, ExportParams(what="requests", path=path, include_personal=True))
    assert result.personal_data
    phones = dict(rows(demo, "SELECT id, requester_phone FROM jitasa.help_request"))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    header = [c.value for c in sheet[1]]
    at_id, at_phone, at_code = header.index("id"), header.index("requester_phone"), header.index("tambon_code")
    plain = 0
    for row in sheet.iter_rows(min_row=2):
        assert row[at_phone].value == phones[row[at_id].value]
        assert row[at_phone].data_type == "s" and row[at_code].data_type == "s"
        plain += row[at_phone].value.startswith("08") and "-" not in row[at_phone].value
    assert plain > 50  # the dash-less numbers kept their leading 0
    assert "เพชรบูรณ์" in {c.value for c in sheet[2]}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "gpkg"])
def test_an_analysts_export_has_no_names_phones_or_notes_even_when_asked(demo, tmp_path, login_role, fmt):
    _, analyst = login_role("jitasa_analyst")
    secrets = personal_texts(demo)
    assert len(secrets) > 300
    for what in ("requests", "assignments", "volunteers"):
        path = tmp_path / f"{what}.{fmt}"
        result = export_table(analyst, ExportParams(what=what, path=path, include_personal=True))
        assert result.rows == rows(demo, _ALL[what])[0][0]
        assert (result.personal_data, result.personal_data_withheld) == (False, True)
        assert any("your role may not read it" in line for line in result.summary_lines())
        assert not {"requester_phone", "requester_name", "note", "name", "phone", "volunteer_phone"} & set(
            result.columns
        )
        text = file_text(path)
        leaked = [s for s in secrets if s in text]
        assert leaked == [], (what, leaked[:5])


def test_an_analysts_volunteer_export_has_the_teams(demo, tmp_path, login_role):
    _, analyst = login_role("jitasa_analyst")
    result = export_table(analyst, ExportParams(what="volunteers", path=tmp_path / "v.csv"))
    assert "team" in result.columns  # not personal data: analysts read it
    _, records = read_back(tmp_path / "v.csv")
    teams = {t for (t,) in rows(demo, "SELECT DISTINCT team FROM jitasa.volunteer WHERE team IS NOT NULL")}
    assert teams and {r["team"] for r in records if r["team"]} == teams


def test_an_officers_export_has_personal_data_only_when_asked(demo, tmp_path, login_role):
    _, officer = login_role("jitasa_officer")
    phones = {
        p
        for (p,) in rows(
            demo, "SELECT requester_phone FROM jitasa.help_request WHERE tambon_code LIKE %s", (AMPHOE + "%",)
        )
    }
    without = export_table(officer, ExportParams(what="requests", path=tmp_path / "a.csv", area=AMPHOE))
    assert (without.personal_data, without.personal_data_withheld) == (False, False)
    assert not [p for p in phones if p in file_text(tmp_path / "a.csv")]
    asked = export_table(
        officer, ExportParams(what="requests", path=tmp_path / "b.csv", area=AMPHOE, include_personal=True)
    )
    assert asked.personal_data and {"requester_name", "requester_phone", "note"} <= set(asked.columns)
    _, records = read_back(tmp_path / "b.csv")
    assert {r["requester_phone"] for r in records} == phones
    volunteers = export_table(
        officer, ExportParams(what="assignments", path=tmp_path / "c.xlsx", area=AMPHOE, include_personal=True)
    )
    assert {"volunteer_name", "volunteer_phone", "requester_phone"} <= set(volunteers.columns)


def test_an_admin_export_reads_through_the_group_role(demo, tmp_path, login_role):
    _, admin = login_role("jitasa_admin")
    result = export_table(admin, ExportParams(what="volunteers", path=tmp_path / "v.csv", include_personal=True))
    assert result.personal_data and "phone" in result.columns


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "gpkg"])
def test_a_cancel_while_writing_leaves_no_file_and_an_old_file_as_it_was(demo, tmp_path, fmt, monkeypatch):
    import jitasa_qgis.core.table_export as table_export

    monkeypatch.setattr(table_export, "CHUNK_ROWS", 50)  # a cancel check after 50 rows, mid-file
    path = tmp_path / f"r.{fmt}"
    path.write_bytes(b"an earlier export")
    seen = []
    progress = CallbackProgress(lambda f, m: seen.append(f), lambda: any(0.1 < f < 1 for f in seen))
    with pytest.raises(Cancelled):
        export_table(demo, ExportParams(what="requests", path=path), progress)
    assert any(0.1 < f < 1 for f in seen)  # it was writing when cancelled
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert path.read_bytes() == b"an earlier export"


def test_an_unknown_area_is_a_clear_error_and_writes_nothing(demo, tmp_path):
    path = tmp_path / "x.csv"
    with pytest.raises(AreaError, match="Nowhere"):
        export_table(demo, ExportParams(what="requests", path=path, area="Nowhere"))
    with pytest.raises(AreaError, match="9999"):
        export_table(demo, ExportParams(what="requests", path=path, area="9999"))
    assert list(tmp_path.iterdir()) == []


def test_areas_by_code_name_and_level_word(demo, tmp_path):
    by_code = export_table(demo, ExportParams(what="volunteers", path=tmp_path / "a.csv", area=AMPHOE))
    by_word = export_table(demo, ExportParams(what="volunteers", path=tmp_path / "b.csv", area="อำเภอวังโป่ง"))
    province = export_table(demo, ExportParams(what="volunteers", path=tmp_path / "c.csv", area="เพชรบูรณ์"))
    assert by_word.rows == by_code.rows and by_word.area.code == AMPHOE
    assert province.area.level == "province" and province.rows == expected_count(demo, "volunteers", "67")
    with pytest.raises(AreaError, match="6710") as ambiguous:  # amphoe and tambon วังโป่ง
        export_table(demo, ExportParams(what="volunteers", path=tmp_path / "d.csv", area="วังโป่ง"))
    assert "tambon" in str(ambiguous.value)


def test_a_role_that_may_not_read_volunteers_gets_a_clear_error(demo, tmp_path, login_role):
    _, feed = login_role("jitasa_feed")
    with pytest.raises(StoreError, match="may not read volunteers"):
        export_table(feed, ExportParams(what="volunteers", path=tmp_path / "v.csv"))
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_refused(demo, tmp_path):
    with pytest.raises(ValueError, match=r"\.csv, \.xlsx or \.gpkg"):
        export_table(demo, ExportParams(what="requests", path=tmp_path / "r.txt"))


def test_labels_are_in_the_users_language(demo, tmp_path, qgis_app):
    import shutil
    import subprocess

    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    ts = Path(__file__).resolve().parents[1] / "i18n" / "jitasa_th.ts"
    qm = tmp_path / "jitasa_th.qm"
    subprocess.run([shutil.which("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        export_table(demo, ExportParams(what="volunteers", path=tmp_path / "v.csv", area=AMPHOE))
    finally:
        QCoreApplication.removeTranslator(translator)
    _, records = read_back(tmp_path / "v.csv")

    def thai(text: str) -> bool:
        return any("\u0e00" <= ch <= "\u0e7f" for ch in text)

    kinds = {r["kind"]: r["kind_label"] for r in records}
    assert kinds and all(thai(label) for label in kinds.values()), kinds
    assert kinds.get("village_health_volunteer", "อสม.") == "อสม."
    skills = [r["skills_label"] for r in records if r["skills"]]
    assert skills and all(thai(s) for s in skills)


def test_a_noinherit_login_reads_what_the_role_it_sets_may_read(demo, tmp_path, login_role):
    _, connect = login_role("jitasa_officer", "ALTER ROLE {role} NOINHERIT")
    with pytest.raises(StoreError, match="may not read requests"):  # no SET ROLE: none of the group's grants
        export_table(connect, ExportParams(what="requests", path=tmp_path / "a.csv", include_personal=True))

    def as_officer():
        conn = connect()
        with conn.cursor() as cur:
            cur.execute("SET ROLE jitasa_officer")
        return conn

    result = export_table(as_officer, ExportParams(what="requests", path=tmp_path / "b.csv", include_personal=True))
    assert result.personal_data and "requester_phone" in result.columns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv"]
