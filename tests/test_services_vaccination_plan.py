"""services.vaccination_plan on the real test store: four tambons in a row 11 km apart with imported counts;
the units go where the people not yet vaccinated are most (MCLP on target - covered at each tambon's point),
the plan stored as plan_run / plan_site, a report written; no counts and nothing to cover refused clearly."""

from __future__ import annotations

import datetime as dt

import pytest
from service_support import rows

from jitasa_qgis.services.coverage_count_import import CoverageCountImportParams, import_coverage_counts
from jitasa_qgis.services.vaccination_plan import VaccinationPlanParams, vaccination_plan

# (code, name, target, covered): not covered 900, 50, 300, 1200
TAMBONS = [
    ("670101", "หนึ่ง", 1000, 100),
    ("670102", "สอง", 500, 450),
    ("670103", "สาม", 600, 300),
    ("670104", "สี่", 2000, 800),
]


def square(i: int) -> str:
    x = 101.0 + 0.1 * i
    return f"SRID=4326;MULTIPOLYGON((({x} 16,{x + 0.1} 16,{x + 0.1} 16.1,{x} 16.1,{x} 16)))"


@pytest.fixture
def counted(store, tmp_path):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        for i, (code, name, _, _) in enumerate(TAMBONS):
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES ('tambon', %s, %s, %s)",
                (code, name, square(i)),
            )
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES ('tambon', '680101', 'อื่น', %s)",
            (square(10),),
        )
    c.close()
    csv = tmp_path / "counts.csv"
    csv.write_text(
        "tambon_code,target,vaccinated\n" + "".join(f"{c},{t},{v}\n" for c, _, t, v in TAMBONS), encoding="utf-8"
    )
    import_coverage_counts(
        store, CoverageCountImportParams(path=csv, campaign="covid19_dose2", as_of=dt.date(2021, 8, 1))
    )
    return store


def test_units_go_where_the_unvaccinated_are_most(counted, tmp_path):
    report = tmp_path / "plan.xlsx"
    params = VaccinationPlanParams("covid19_dose2", k=2, threshold=10.0, area_code="67", report_path=report)
    result = vaccination_plan(counted, params)
    assert (result.demand_tambons, result.unvaccinated) == (4, 2450)
    plan = result.plan
    assert plan.status == "optimal" and plan.gap == pytest.approx(0.0, abs=1e-9)
    assert [s.tambon_code or s.ref for s in plan.sites] == ["670104", "670101"]  # most first
    assert [round(s.demand_added) for s in plan.sites] == [1200, 900]
    assert plan.run_id is not None and plan.travel_model.value == "straight_line"
    stored = rows(counted, "SELECT rank, tambon_code, round(demand_added) FROM jitasa.plan_site ORDER BY rank")
    assert stored == [(1, "670104", 1200), (2, "670101", 900)]
    assert rows(counted, "SELECT model, status FROM jitasa.plan_run") == [("mclp", "optimal")]
    assert report.is_file()
    assert any("2,450" in line for line in result.summary_lines())


def test_a_wider_threshold_lets_one_unit_cover_neighbours(counted):
    result = vaccination_plan(counted, VaccinationPlanParams("covid19_dose2", k=1, threshold=40.0, write=False))
    assert result.plan.run_id is None
    assert result.plan.covered_weight > 1200  # one unit reaches more than its own tambon


def test_no_counts_or_nothing_to_cover_refused(counted):
    with pytest.raises(ValueError, match="No counts of campaign 'screening'"):
        vaccination_plan(counted, VaccinationPlanParams("screening", k=1))
    with pytest.raises(ValueError, match="No counts"):
        vaccination_plan(counted, VaccinationPlanParams("covid19_dose2", k=1, area_code="68"))
    with pytest.raises(ValueError, match=".csv or .xlsx"):
        vaccination_plan(counted, VaccinationPlanParams("covid19_dose2", k=1, report_path="plan.pdf"))
    assert rows(counted, "SELECT count(*) FROM jitasa.plan_run") == [(0,)]
