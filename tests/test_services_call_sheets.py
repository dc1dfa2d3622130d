"""services.call_sheets on the real test cluster with the demo loaded: a page per volunteer, names and phone
numbers in the PDF only for a role that may read them (pdftotext against the store's values), a volunteer
with no assigned request gets a page that says so, bad output paths and a cancel leave no file."""

from __future__ import annotations

import re

import pytest
from printing_support import pdf_fonts, pdf_pages, pdf_text, thai_letters
from service_support import rows

from jitasa_qgis.printing.errors import PrintError
from jitasa_qgis.services.areas import AreaError
from jitasa_qgis.services.call_sheets import CallSheetParams, print_call_sheets
from jitasa_qgis.services.demo_loading import DemoParams, load_demo
from jitasa_qgis.services.progress import CallbackProgress, Cancelled

AMPHOE = "6710"  # วังโป่ง


@pytest.fixture
def demo(store, qgis_app):
    load_demo(store, DemoParams(n_requests=300, n_volunteers=90, seed=5))
    return store


def _volunteers(spec, prefix: str = AMPHOE) -> list[int]:
    return [
        r[0]
        for r in rows(spec, "SELECT id FROM jitasa.volunteer WHERE tambon_code LIKE %s ORDER BY id", (prefix + "%",))
    ]


def _people_of_sheets(spec, prefix: str = AMPHOE) -> tuple[set[str], set[str]]:
    """(names, phone numbers) the sheets of the amphoe's volunteers could print: theirs and their requesters'."""
    found = rows(
        spec,
        """SELECT v.name, v.phone FROM jitasa.volunteer v WHERE v.tambon_code LIKE %(p)s
           UNION ALL
           SELECT r.requester_name, r.requester_phone FROM jitasa.assignment a
             JOIN jitasa.help_request r ON r.id = a.request_id JOIN jitasa.volunteer v ON v.id = a.volunteer_id
            WHERE a.status = 'active' AND v.tambon_code LIKE %(p)s""",
        {"p": prefix + "%"},
    )
    names = {n for n, _ in found if n}
    phones = {p for _, p in found if p}
    assert names and phones
    return names, phones


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_masked_sheets_hold_no_name_or_phone_of_the_data(demo, login_role, tmp_path):
    _, connect = login_role("jitasa_analyst")
    out = tmp_path / "sheets.pdf"
    result = print_call_sheets(lambda: connect(autocommit=False), CallSheetParams(path=out, area=AMPHOE))

    assert result.pages == len(_volunteers(demo)) == pdf_pages(out)
    assert not result.personal_data and result.personal_data_withheld
    text = pdf_text(out)
    letters, digits = thai_letters(text), _digits(text)
    names, phones = _people_of_sheets(demo)
    assert not [n for n in names if thai_letters(n) in letters]
    assert not [p for p in phones if _digits(p) in digits]
    assert "•••" in text and "not shown" in text
    assert any(name == "NotoSansThai-Regular" or "Loma" in name for name, _ in pdf_fonts(out))


def test_unmasked_sheets_printed_by_an_officer_hold_them(demo, login_role, tmp_path):
    _, connect = login_role("jitasa_officer")
    out = tmp_path / "sheets.pdf"
    result = print_call_sheets(lambda: connect(autocommit=False), CallSheetParams(path=out, area=AMPHOE))

    assert result.personal_data and not result.personal_data_withheld
    text = pdf_text(out)
    letters, digits = thai_letters(text), _digits(text)
    names, phones = _people_of_sheets(demo)
    assert all(thai_letters(n) in letters for n in names)
    assert all(_digits(p) in digits for p in phones)
    # the requests' count and a category of the table are on the pages
    assigned = rows(
        demo,
        "SELECT count(*) FROM jitasa.assignment a JOIN jitasa.volunteer v ON v.id = a.volunteer_id"
        " WHERE a.status = 'active' AND v.tambon_code LIKE %s",
        (AMPHOE + "%",),
    )[0][0]
    assert result.requests == assigned > 0


def test_an_officer_who_asks_for_no_personal_data_gets_masked_sheets(demo, tmp_path):
    out = tmp_path / "sheets.pdf"
    result = print_call_sheets(demo, CallSheetParams(path=out, area=AMPHOE, include_personal=False))
    _, phones = _people_of_sheets(demo)
    assert not result.personal_data
    assert not [p for p in phones if _digits(p) in _digits(pdf_text(out))]


def test_a_volunteer_with_no_assigned_request_gets_a_page_saying_so(demo, tmp_path):
    (free,) = rows(
        demo,
        "SELECT min(v.id) FROM jitasa.volunteer v WHERE NOT EXISTS"
        " (SELECT 1 FROM jitasa.assignment a WHERE a.volunteer_id = v.id AND a.status = 'active')",
    )[0]
    (busy,) = rows(demo, "SELECT min(volunteer_id) FROM jitasa.assignment WHERE status = 'active'")[0]
    out = tmp_path / "two.pdf"
    result = print_call_sheets(demo, CallSheetParams(path=out, volunteer_ids=(free, busy)))
    assert result.pages == pdf_pages(out) == 2
    pages = [pdf_text(out, p, p) for p in (1, 2)]
    said = [p for p in pages if "No requests are assigned to this volunteer." in p]
    assert len(said) == 1 and f"no. {free}" in said[0]

    only = print_call_sheets(
        demo, CallSheetParams(path=tmp_path / "busy.pdf", volunteer_ids=(free, busy), only_assigned=True)
    )
    assert only.pages == 1


def test_bad_input_is_a_clear_error_and_leaves_no_file(demo, tmp_path):
    with pytest.raises(PrintError, match="Cannot write the PDF"):
        print_call_sheets(demo, CallSheetParams(path=tmp_path / "no" / "such" / "dir.pdf", area=AMPHOE))
    with pytest.raises(AreaError):
        print_call_sheets(demo, CallSheetParams(path=tmp_path / "x.pdf", area="ไม่มีที่นี่"))
    with pytest.raises(ValueError, match="No volunteers"):
        print_call_sheets(demo, CallSheetParams(path=tmp_path / "x.pdf", volunteer_ids=(999_999,)))
    assert list(tmp_path.iterdir()) == []


def test_a_cancel_halfway_leaves_no_file_and_keeps_an_old_one(demo, tmp_path):
    out = tmp_path / "sheets.pdf"
    out.write_bytes(b"old")
    reports: list[float] = []

    def cancelled() -> bool:
        return len(reports) > 4  # a few pages in

    progress = CallbackProgress(report=lambda f, m="": reports.append(f), cancelled=cancelled)
    with pytest.raises(Cancelled):
        print_call_sheets(demo, CallSheetParams(path=out, area=AMPHOE), progress)
    assert 0 < max(reports) < 1
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["sheets.pdf"]
