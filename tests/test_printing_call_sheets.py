"""printing.call_sheets with a sheet bigger than a page (real QGIS layouts, the rows as store.call_sheets gives
them): a team of 12 members and 48 requests goes on over the pages it needs, every request and member printed
once, in order, the map and its legend on the first page only, each page saying which requests it lists; a
volunteer with more requests than the first page holds gets a second page; the page split follows the rows'
heights (a row of two lines takes more room than a row of one)."""

from __future__ import annotations

import datetime as dt
import re

from printing_support import pdf_layout_pages, pdf_text

from jitasa_qgis.printing.call_sheets import (
    MAX_MEMBERS_LISTED,
    MAX_ROWS,
    MAX_TEAM_ROWS,
    SheetOptions,
    SheetPage,
    _need,
    export_call_sheets,
    paper_pages,
    sheet_pages,
)
from jitasa_qgis.store.call_sheets import CallSheetRows, SheetRequest, SheetVolunteer

URGENCIES = ("critical", "high", "normal", "low")
LEGEND = "★ the volunteer"


def _request(rid: int, n: int, note: bool) -> SheetRequest:
    return SheetRequest(
        request_id=rid,
        assignment_status="active",
        category=("medicine", "food", "oxygen")[n % 3],
        urgency=URGENCIES[n % 4],
        people_count=1 + n % 4,
        for_someone_else=n % 3 == 0,
        tambon_name="วังโป่ง",
        amphoe_name="วังโป่ง",
        lon=101.0 + 0.004 * (n % 9),
        lat=16.3 + 0.004 * (n // 9),
        travel_minutes=10.0,
        amphoe_code="6710",
        note="ต้องการยาเบาหวาน และ ถุงมือ" if note else None,
        requester_name="นาย ทดสอบ",
        requester_phone="0800000000",
    )


def _rows(members: int, requests_each: int, team: str | None = "ทีมวังโป่งเหนือ", notes: bool = True):
    volunteers, rid = [], 5000
    for i in range(members):
        requests = []
        for j in range(requests_each):
            rid += 1
            requests.append(_request(rid, i * requests_each + j, notes and j % 2 == 1))
        volunteers.append(
            SheetVolunteer(
                volunteer_id=700 + i,
                kind="village_health_volunteer",
                vehicle="motorcycle",
                village_no="3",
                tambon_name="วังโป่ง",
                amphoe_name="วังโป่ง",
                lon=101.01 + 0.003 * i,
                lat=16.31,
                amphoe_code="6710",
                name=f"อาสา คนที่ {i}",
                phone="0900000000",
                requests=requests,
                team=team,
            )
        )
    return CallSheetRows(volunteers, volunteer_personal=True, requester_personal=True, personal_withheld=False)


def _numbers(text: str) -> list[int]:
    """The table's row numbers on a page, top to bottom (a number alone at the start of a line)."""
    return [int(n) for n in re.findall(r"^ {0,3}(\d{1,2}) ", text, re.M)]


def test_a_team_bigger_than_a_page_goes_on_over_the_next_pages(qgis_app, tmp_path):
    rows = _rows(members=12, requests_each=4)
    sheets = sheet_pages(rows, per_team=True)
    assert len(sheets) == 1 and len(sheets[0].requests) == 48
    path = tmp_path / "team.pdf"
    printed = export_call_sheets(
        rows, [], path, SheetOptions(dt.datetime(2026, 12, 2, 10, 0)), pages_to_print=sheets, per_team=True
    )
    pages = pdf_layout_pages(path)
    assert printed.pages == printed.team_pages == len(pages) >= 3
    listed = [_numbers(text) for text in pages]
    assert [n for page in listed for n in page] == list(range(1, 49))  # every request once, in order
    assert 0 < len(listed[0]) <= MAX_TEAM_ROWS and all(listed[1:-1])
    assert max(len(page) for page in listed[1:]) > MAX_TEAM_ROWS  # the table where the map was is longer
    assert LEGEND in pages[0] and not any(LEGEND in text for text in pages[1:])  # the map on the first only
    assert f" {len(listed[0])} are listed here, the rest on the next pages" in pages[0]  # "fi": a ligature in the PDF
    for n, text in enumerate(pages[1:], start=2):
        assert f"page {n} of {len(pages)} of this sheet" in text
        if listed[n - 1]:
            assert f"Assigned requests {listed[n - 1][0]}–{listed[n - 1][-1]} of 48" in text
    members = [set(re.findall(r"No\. (\d+):", text)) for text in pages]
    assert [len(m) for m in members[:3]] == [MAX_MEMBERS_LISTED, MAX_MEMBERS_LISTED, 2]
    assert set().union(*members) == {str(700 + i) for i in range(12)}  # every member named, once
    assert sum(len(m) for m in members) == 12
    assert "and 7 more members (on the next page)" in pages[0]
    assert "Page 1 of" in pages[0] and f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_a_volunteer_with_more_requests_than_a_page_gets_a_second(qgis_app, tmp_path):
    rows = _rows(members=1, requests_each=MAX_ROWS + 5, team=None)
    path = tmp_path / "one.pdf"
    printed = export_call_sheets(rows, [], path, SheetOptions(dt.datetime(2026, 12, 2, 10, 0)))
    pages = pdf_layout_pages(path)
    assert printed.pages == len(pages) == 2 and printed.team_pages == 0
    assert _numbers(pages[0]) == list(range(1, MAX_ROWS + 1))
    assert _numbers(pages[1]) == list(range(MAX_ROWS + 1, MAX_ROWS + 6))
    assert "no. 700" in pdf_text(path, 2, 2) or "700" in pages[1]


def test_the_split_follows_the_rows_heights(qgis_app):
    sheet = SheetPage(tuple(_rows(1, 60, team="t").volunteers), "t")
    short = paper_pages(sheet, [5.5] * 60, first_room=120, more_room=220)
    tall = paper_pages(sheet, [9.8] * 60, first_room=120, more_room=220)
    assert [p.end_row - p.first_row for p in short] == [MAX_TEAM_ROWS, 40, 7]
    assert [p.end_row - p.first_row for p in tall] == [12, 22, 22, 4]
    assert all(p.pages == len(tall) for p in tall) and [p.number for p in tall] == [0, 1, 2, 3]
    one = paper_pages(sheet, [300.0] * 2, first_room=120, more_room=220)  # a row taller than a page still prints
    assert [(p.first_row, p.end_row) for p in one] == [(0, 1), (1, 2)]


def test_what_is_needed_says_person_for_one_and_people_for_more():
    assert _need(_request(1, 0, False)).startswith("1 person · ")
    assert _need(_request(2, 2, False)) == "3 people"
