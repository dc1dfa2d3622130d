"""A volunteer's team (migration 0022): the column is there for every role that reads volunteers and is not
personal data (analysts read it, also through the map view); a roster's team column is imported, kept when a
later roster has none, changed when it says so; the demo puts most volunteers in teams of their tambon; and
call sheets with a page per team: pages = teams + volunteers in no team, each team's members and all their
requests on its page, names and phones masked for an analyst as on volunteers' pages."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from printing_support import pdf_pages, pdf_text, thai_letters
from service_support import rows
from test_services_volunteer_import import write_csv

from jitasa_qgis.core.demo_data import TEAM_SIZE
from jitasa_qgis.core.tabular import Table
from jitasa_qgis.core.volunteer_import import parse_roster
from jitasa_qgis.definitions.import_reasons import ImportReason
from jitasa_qgis.printing.call_sheets import MAX_TEAM_ROWS
from jitasa_qgis.services.call_sheets import CallSheetParams, print_call_sheets
from jitasa_qgis.services.demo_loading import DemoParams, load_demo
from jitasa_qgis.services.volunteer_import import VolunteerImportParams, import_volunteers
from jitasa_qgis.store.migrations import available_migrations

AMPHOE = "6710"  # วังโป่ง


@pytest.fixture
def phetchabun(store):
    load_demo(store, DemoParams(health_path=None, n_requests=0, n_volunteers=0))
    return store


def _teams_of(spec, prefix: str = AMPHOE) -> tuple[dict[str, list[int]], list[int]]:
    """({team: member ids}, ids of volunteers in no team) of the amphoe, from the store."""
    found = rows(spec, "SELECT id, team FROM jitasa.volunteer WHERE tambon_code LIKE %s ORDER BY id", (prefix + "%",))
    teams: dict[str, list[int]] = {}
    for vid, team in found:
        if team:
            teams.setdefault(team, []).append(vid)
    return teams, [vid for vid, team in found if not team]


# --- the store ---------------------------------------------------------------------------------------------


def test_the_migration_adds_the_team_for_analysts_and_the_map_view(demo, login_conn):
    assert 22 in {m.version for m in available_migrations()}
    assert rows(demo, "SELECT version FROM jitasa.schema_migration WHERE version = 22") == [(22,)]
    assert rows(
        demo,
        "SELECT data_type, is_nullable FROM information_schema.columns"
        " WHERE table_schema = 'jitasa' AND table_name = 'volunteer' AND column_name = 'team'",
    ) == [("text", "YES")]
    conn = login_conn("jitasa_analyst")
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT has_column_privilege('jitasa.volunteer', 'team', 'SELECT'),"
                " has_column_privilege('jitasa.volunteer', 'name', 'SELECT')"
            )
            assert cur.fetchone() == (True, False)  # the team is not personal data; the name is
            cur.execute("SELECT count(*), count(team) FROM jitasa.volunteer_map")
            total, with_team = cur.fetchone()
            assert 0 < with_team < total  # read through the map view too
    finally:
        conn.close()
    with pytest.raises(Exception, match="check"):  # an empty team name is not a team
        rows(demo, "UPDATE jitasa.volunteer SET team = '' WHERE id = (SELECT min(id) FROM jitasa.volunteer)")


# --- imports -------------------------------------------------------------------------------------------------


def test_a_roster_team_column_is_mapped_by_its_thai_or_english_header():
    headers = ["ชื่อ-สกุล", "เบอร์โทร", "ตำบล", "ทีม"]
    data = [
        ["นายก ใจดี", "0812345678", "ในเมือง", "ทีม  อสม.   หมู่ 3"],
        ["นางข ใจงาม", "0812345679", "ในเมือง", "-"],
        ["นายค ยาวมาก", "0812345670", "ในเมือง", "ก" * 101],
    ]
    table = Table("roster.csv", headers, [dict(zip(headers, r)) for r in data], None, [2, 3, 4])
    parsed = parse_roster(table, default_kind="village_health_volunteer")
    assert parsed.mapping["team"] == "ทีม"
    assert [r.team for r in parsed.records] == ["ทีม อสม. หมู่ 3", None]  # spaces made single; "-" is none
    assert [r.reason for r in parsed.rejects] == [ImportReason.TEXT_TOO_LONG.value]
    english = Table(
        "r.csv",
        ["name", "phone", "tambon", "Team"],
        [{"name": "A", "phone": "0812345678", "tambon": "x", "Team": "North"}],
        None,
        [2],
    )
    assert parse_roster(english, default_kind="student").records[0].team == "North"


def test_the_import_writes_keeps_and_changes_the_team(phetchabun, tmp_path):
    headers = ["รหัส", "ชื่อ", "นามสกุล", "เบอร์โทร", "ตำบล", "อำเภอ", "ประเภท", "ทีม"]
    roster = [
        ["T-1", "สมชาย", "ใจดี", "081-234-5678", "ในเมือง", "เมืองเพชรบูรณ์", "อสม.", "ทีมเหนือ"],
        ["T-2", "สมหญิง", "รักดี", "089-876-5432", "ในเมือง", "เมืองเพชรบูรณ์", "อสม.", "ทีมเหนือ"],
        ["T-3", "สมศรี", "มีสุข", "089-111-3333", "ในเมือง", "เมืองเพชรบูรณ์", "อสม.", ""],
    ]
    params = VolunteerImportParams(path=write_csv(tmp_path / "r.csv", headers, roster), source="roster")
    first = import_volunteers(phetchabun, params)
    assert first.inserted == 3 and first.mapping["team"] == "ทีม"
    team = "SELECT source_id, team FROM jitasa.volunteer WHERE source = 'roster' ORDER BY source_id"
    assert rows(phetchabun, team) == [("T-1", "ทีมเหนือ"), ("T-2", "ทีมเหนือ"), ("T-3", None)]

    without = write_csv(tmp_path / "no_team.csv", headers[:-1], [r[:-1] for r in roster])
    again = import_volunteers(phetchabun, VolunteerImportParams(path=without, source="roster"))
    assert again.unchanged == 3 and again.updated == 0  # a roster without the column keeps the teams
    assert rows(phetchabun, team)[0] == ("T-1", "ทีมเหนือ")

    roster[0][-1] = "ทีมใต้"
    moved = import_volunteers(
        phetchabun, VolunteerImportParams(path=write_csv(tmp_path / "moved.csv", headers, roster), source="roster")
    )
    assert moved.updated == 1 and moved.unchanged == 2
    assert rows(phetchabun, team)[0] == ("T-1", "ทีมใต้")


# --- the demo ------------------------------------------------------------------------------------------------


def test_the_demo_puts_most_volunteers_in_teams_of_their_tambon(demo):
    found = rows(demo, "SELECT team, tambon_code FROM jitasa.volunteer")
    in_team = [(team, tambon) for team, tambon in found if team]
    assert 0.6 < len(in_team) / len(found) < 0.95
    sizes = Counter(team for team, _ in in_team)
    assert max(sizes.values()) <= TEAM_SIZE and any(n > 1 for n in sizes.values())
    tambons_of = {}
    for team, tambon in in_team:
        tambons_of.setdefault(team, set()).add(tambon)
    assert all(len(t) == 1 for t in tambons_of.values())  # a team works in one tambon


# --- call sheets per team -------------------------------------------------------------------------------------


def test_a_page_per_team_and_per_volunteer_in_no_team(demo, tmp_path):
    out = tmp_path / "teams.pdf"
    result = print_call_sheets(demo, CallSheetParams(path=out, area=AMPHOE, per_team=True))
    teams, alone = _teams_of(demo)
    assert teams and alone
    assert result.pages == pdf_pages(out) == len(teams) + len(alone)
    assert result.team_pages == len(teams)
    pages = [pdf_text(out, n, n) for n in range(1, result.pages + 1)]
    for team, members in teams.items():
        page = "".join(p for p in pages if thai_letters(team) in thai_letters(p))  # a sheet may go on over pages
        assert all(f"No. {vid}:" in page for vid in members[:5])  # its members listed
        assigned = rows(
            demo,
            "SELECT count(*) FROM jitasa.assignment WHERE status = 'active' AND volunteer_id = ANY(%s)",
            (members,),
        )[0][0]
        numbers = {int(n) for n in re.findall(r"^(\d{1,2})$", page, re.M)}  # the table's row numbers
        assert set(range(1, min(assigned, MAX_TEAM_ROWS) + 1)) <= numbers
        assert f"Assigned requests: {assigned}" in page
    for vid in alone:
        assert sum(f"no. {vid}" in p and "Volunteer:" in p for p in pages) == 1

    only = print_call_sheets(
        demo, CallSheetParams(path=tmp_path / "busy.pdf", area=AMPHOE, per_team=True, only_assigned=True)
    )
    busy = rows(
        demo,
        "SELECT count(DISTINCT coalesce(v.team, v.id::text)) FROM jitasa.volunteer v JOIN jitasa.assignment a"
        " ON a.volunteer_id = v.id AND a.status = 'active' WHERE v.tambon_code LIKE %s",
        (AMPHOE + "%",),
    )[0][0]
    assert only.pages == busy < result.pages


def test_team_pages_of_an_analyst_hold_no_name_or_phone(demo, login_role, tmp_path):
    _, connect = login_role("jitasa_analyst")
    out = tmp_path / "teams.pdf"
    result = print_call_sheets(lambda: connect(autocommit=False), CallSheetParams(path=out, area=AMPHOE, per_team=True))
    teams, alone = _teams_of(demo)
    assert result.pages == len(teams) + len(alone) and not result.personal_data
    text = pdf_text(out)
    people = rows(
        demo,
        "SELECT name, phone FROM jitasa.volunteer WHERE tambon_code LIKE %(p)s UNION ALL"
        " SELECT r.requester_name, r.requester_phone FROM jitasa.assignment a"
        " JOIN jitasa.help_request r ON r.id = a.request_id JOIN jitasa.volunteer v ON v.id = a.volunteer_id"
        " WHERE a.status = 'active' AND v.tambon_code LIKE %(p)s",
        {"p": AMPHOE + "%"},
    )
    letters, digits = thai_letters(text), re.sub(r"\D", "", text)
    assert not [n for n, _ in people if n and thai_letters(n) in letters]
    assert not [p for _, p in people if p and re.sub(r"\D", "", p) in digits]
    assert all(thai_letters(team) in letters for team in teams)  # the teams' names are printed


def test_the_algorithm_prints_a_page_per_team(provider, demo, service_of, tmp_path):
    import processing

    out = tmp_path / "teams.pdf"
    result = processing.run(
        "jitasa:callsheets",
        {"SERVICE": service_of("jitasa_officer"), "AREA": AMPHOE, "PER_TEAM": True, "OUTPUT": str(out)},
    )
    teams, alone = _teams_of(demo)
    assert result["PAGES"] == pdf_pages(out) == len(teams) + len(alone)


def test_a_demo_loaded_before_teams_gets_the_teams_a_fresh_load_gives(demo):
    from jitasa_qgis.services.demo_loading import seed_demo_teams

    fresh = rows(demo, "SELECT source_id, team FROM jitasa.volunteer ORDER BY source_id")
    with demo.connect() as conn, conn.cursor() as cur:  # as a store loaded before 0022 has them
        cur.execute("UPDATE jitasa.volunteer SET team = NULL")
    seeded = seed_demo_teams(demo, DemoParams(n_requests=300, n_volunteers=90, seed=5))  # the conftest demo's
    assert seeded == sum(1 for _, team in fresh if team)
    assert rows(demo, "SELECT source_id, team FROM jitasa.volunteer ORDER BY source_id") == fresh
    assert seed_demo_teams(demo, DemoParams(n_volunteers=90, seed=5)) == 0  # only volunteers in no team
