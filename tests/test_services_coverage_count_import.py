"""services.coverage_count_import on the real test store: a ministry-style sheet (Thai headers) with an
unknown tambon code, a negative and a text count and a duplicate row — those refused and listed, the rest
imported in one transaction; importing again changes nothing; a cancel before the commit writes nothing;
counts that parse (core.coverage_counts)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from service_support import rows

from jitasa_qgis.core.coverage_counts import parse_count, parse_date
from jitasa_qgis.definitions.import_reasons import ImportReason
from jitasa_qgis.services.coverage_count_import import CoverageCountImportParams, import_coverage_counts
from jitasa_qgis.services.progress import CallbackProgress, Cancelled

A = "SRID=4326;MULTIPOLYGON(((101 16,101.1 16,101.1 16.1,101 16.1,101 16)))"
HEADER = ["รหัสตำบล", "ประชากรเป้าหมาย", "ได้รับวัคซีน", "วันที่"]
SHEET = [
    ["670101", "2,000", "1500", "15/08/2564"],  # Buddhist year, thousands comma: taken
    ["670102", "800", "200", "2021-08-15"],  # taken
    ["999999", "100", "10", "2021-08-15"],  # unknown tambon: refused, listed
    ["670103", "-5", "0", "2021-08-15"],  # negative target population
    ["670103", "300", "n/a", "2021-08-15"],  # text count
    ["670101", "2000", "1600", "2021-08-15"],  # the same tambon and date again: the first is kept
]


@pytest.fixture
def tambons(store):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        for code in ("670101", "670102", "670103"):
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES ('tambon', %s, %s, %s)",
                (code, "ต." + code, A),
            )
    c.close()
    return store


def _xlsx(path, body):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ความครอบคลุม"
    sheet.append(HEADER)
    for row in body:
        sheet.append(row)
    book.save(path)
    return path


def test_unknown_tambon_and_bad_counts_listed_the_rest_imported(tambons, login_conn, tmp_path):
    path = _xlsx(tmp_path / "counts.xlsx", SHEET)
    params = CoverageCountImportParams(path=path, campaign="covid19_dose2")
    result = import_coverage_counts(lambda: login_conn("jitasa_analyst"), params)  # analysts import counts
    assert (result.rows, result.inserted, result.updated, result.unchanged, result.rejected) == (6, 2, 0, 0, 4)
    assert result.unknown_tambons == ["999999"]
    reasons = sorted((r.record_key, r.reason) for r in result.rejects)
    assert reasons == [
        ("row 4", ImportReason.UNKNOWN_TAMBON.value),
        ("row 5", ImportReason.NEGATIVE_NUMBER.value),
        ("row 6", ImportReason.BAD_NUMBER.value),
        ("row 7", ImportReason.DUPLICATE_IN_BATCH.value),
    ]
    assert result.mapping["tambon_code"] == "รหัสตำบล" and result.campaigns == {"covid19_dose2": 2}
    stored = rows(
        tambons,
        "SELECT tambon_code, campaign, as_of, target_population, covered FROM jitasa.tambon_coverage_count"
        " ORDER BY tambon_code",
    )
    assert stored == [
        ("670101", "covid19_dose2", dt.date(2021, 8, 15), 2000, 1500),
        ("670102", "covid19_dose2", dt.date(2021, 8, 15), 800, 200),
    ]
    kept = rows(tambons, "SELECT target, reason FROM jitasa.import_reject ORDER BY record_key")
    assert [k[0] for k in kept] == ["tambon_coverage_count"] * 4
    assert any("999999" in line for line in result.summary_lines())
    again = import_coverage_counts(lambda: login_conn("jitasa_analyst"), params)
    assert (again.inserted, again.updated, again.unchanged, again.rejects_new) == (0, 0, 2, 0)


def test_a_changed_count_updates_in_place(tambons, tmp_path):
    csv = tmp_path / "counts.csv"
    csv.write_text("tambon_code,target,vaccinated,campaign\n670101,100,40,screening\n", encoding="utf-8")
    params = CoverageCountImportParams(path=csv, as_of=dt.date(2021, 9, 1))
    assert import_coverage_counts(tambons, params).inserted == 1
    csv.write_text("tambon_code,target,vaccinated,campaign\n670101,100,55,screening\n", encoding="utf-8")
    assert import_coverage_counts(tambons, params).updated == 1
    assert rows(tambons, "SELECT covered FROM jitasa.tambon_coverage_count") == [(55,)]


def test_cancel_before_the_commit_writes_nothing(tambons, tmp_path):
    path = _xlsx(tmp_path / "counts.xlsx", SHEET)
    seen = []
    progress = CallbackProgress(lambda f, m: seen.append(f), lambda: 0.5 in seen)
    with pytest.raises(Cancelled):
        import_coverage_counts(tambons, CoverageCountImportParams(path=path, campaign="covid19_dose2"), progress)
    assert rows(tambons, "SELECT count(*) FROM jitasa.tambon_coverage_count") == [(0,)]
    assert rows(tambons, "SELECT count(*) FROM jitasa.import_reject") == [(0,)]


def test_missing_columns_and_bad_campaign_refused_before_writing(tambons, tmp_path):
    csv = tmp_path / "c.csv"
    csv.write_text("tambon_code,covered\n670101,3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="target_population"):
        import_coverage_counts(tambons, CoverageCountImportParams(path=csv, campaign="x", as_of=dt.date.today()))
    path = _xlsx(tmp_path / "counts.xlsx", SHEET)
    with pytest.raises(ValueError, match="campaign"):
        import_coverage_counts(tambons, CoverageCountImportParams(path=path, campaign="COVID 19"))
    with pytest.raises(ValueError, match="campaign"):
        import_coverage_counts(tambons, CoverageCountImportParams(path=path))


@pytest.mark.parametrize(
    "text, value, reason",
    [
        ("1,234", 1234, None),
        ("12.0", 12, None),
        ("0", 0, None),
        ("-3", None, ImportReason.NEGATIVE_NUMBER),
        ("12.5", None, ImportReason.BAD_NUMBER),
        ("n/a", None, ImportReason.BAD_NUMBER),
        ("", None, ImportReason.MISSING_FIELD),
        ("nan", None, ImportReason.BAD_NUMBER),
    ],
)
def test_parse_count(text, value, reason):
    assert parse_count(text) == (value, reason)


def test_parse_date():
    assert parse_date("15/08/2564") == dt.date(2021, 8, 15)
    assert parse_date("2021-08-15") == parse_date("2021-08-15T00:00:00") == dt.date(2021, 8, 15)
    assert parse_date("31/02/2021") is None and parse_date("August") is None
