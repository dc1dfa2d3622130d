"""Reading demo boundaries/hospitals and generating seeded demo requests and volunteers (no database)."""

from __future__ import annotations

import os
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import ogr
from scipy.spatial import cKDTree
from shapely import vectorized, wkb

from jitasa_qgis.core.admin_source import (
    DemoDataError,
    read_admin_areas,
    read_facilities,
)
from jitasa_qgis.core.demo_data import (
    DEFAULT_N_REQUESTS,
    DEFAULT_N_VOLUNTEERS,
    KM_PER_DEG,
    WINDOW_S,
    TambonSet,
    generate_demo,
    generate_requests,
    generate_volunteers,
)
from jitasa_qgis.definitions.enums import (
    RequestCategory,
    RequestStatus,
    Skill,
    Urgency,
    VehicleKind,
    VolunteerKind,
)
from jitasa_qgis.definitions.paths import DEMO_DIR

ADMIN = DEMO_DIR / "admin.gpkg"
HEALTH = DEMO_DIR / "health.gpkg"
# The national boundaries are shared data next to the repository (../shared/data), not part of it; the
# environment variable names them elsewhere (as bench/live_layers.py reads it).
NATIONAL = Path(
    os.environ.get(
        "JITASA_NATIONAL_ADMIN",
        Path(__file__).resolve().parents[1].parent / "shared" / "data" / "thailand" / "admin_codab_simplified.gpkg",
    )
)
needs_national = pytest.mark.skipif(
    not NATIONAL.is_file(), reason=f"national boundaries not found at {NATIONAL} (JITASA_NATIONAL_ADMIN)"
)


@cache
def phetchabun() -> TambonSet:
    return TambonSet.from_records(read_admin_areas(ADMIN))


@cache
def default_batches():
    return generate_demo(phetchabun())


# --- reading ---------------------------------------------------------------------------------------------


def test_reads_phetchabun_levels_in_parent_order():
    areas = read_admin_areas(ADMIN)
    levels = [a.level for a in areas]
    assert Counter(levels) == {"province": 1, "amphoe": 11, "tambon": 117}
    assert levels == sorted(levels, key=["province", "amphoe", "tambon"].index)
    province = areas[0]
    assert (province.code, province.parent_code, province.name_th) == ("67", None, "เพชรบูรณ์")
    codes = {a.code for a in areas}
    for a in areas[1:]:
        assert not a.code.startswith("TH") and a.parent_code in codes and a.code.startswith(a.parent_code)
        assert len(a.code) == {"amphoe": 4, "tambon": 6}[a.level]
    g = ogr.CreateGeometryFromWkb(areas[-1].wkb)
    assert g.GetGeometryType() == ogr.wkbMultiPolygon and g.IsValid()
    assert wkb.loads(areas[-1].wkb).geom_type == "MultiPolygon"


@needs_national
def test_reads_the_national_file_with_its_own_layer_names():
    areas = read_admin_areas(NATIONAL)
    assert Counter(a.level for a in areas) == {"province": 77, "amphoe": 928, "tambon": 7425}


def test_explicit_layer_names_are_used_and_checked():
    areas = read_admin_areas(ADMIN, layers={"tambon": "tambon_codab"})
    assert sum(a.level == "tambon" for a in areas) == 117
    with pytest.raises(DemoDataError, match="no_such_layer"):
        read_admin_areas(ADMIN, layers={"amphoe": "no_such_layer"})


def test_reads_hospitals():
    hospitals = read_facilities(HEALTH)
    assert len(hospitals) == 15
    by_code = {h.code: h for h in hospitals}
    assert by_code["10727"].beds_total == 509
    assert all(h.kind == "hospital" and h.name_en is None for h in hospitals)
    assert all(h.name_th and h.name_th == h.name_th.strip() for h in hospitals)
    assert all(100 < h.lon < 102 and 15 < h.lat < 17.2 for h in hospitals)


def test_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nowhere" / "admin.gpkg"
    with pytest.raises(DemoDataError, match="nowhere/admin.gpkg.*not found"):
        read_admin_areas(missing)
    with pytest.raises(ValueError, match="nowhere"):  # DemoDataError is a ValueError
        read_facilities(missing)


def test_file_without_the_layers_says_what_is_missing():
    with pytest.raises(DemoDataError) as err:
        read_admin_areas(HEALTH)
    assert str(HEALTH) in str(err.value) and "tambon" in str(err.value)
    with pytest.raises(DemoDataError, match="hospitals_moph"):
        read_facilities(ADMIN)


# --- generating --------------------------------------------------------------------------------------------


def test_default_sizes_and_columns():
    requests, volunteers = default_batches()
    assert len(requests) == DEFAULT_N_REQUESTS == 2000
    assert len(volunteers) == DEFAULT_N_VOLUNTEERS == 600
    for name in requests.__dataclass_fields__:
        assert len(getattr(requests, name)) == 2000, name
    for name in volunteers.__dataclass_fields__:
        assert len(getattr(volunteers, name)) == 600, name


def test_same_seed_same_output_other_seed_differs():
    tambons = phetchabun()
    a = generate_requests(tambons, 500, seed=5)
    assert a.same_as(generate_requests(tambons, 500, seed=5))
    assert not a.same_as(generate_requests(tambons, 500, seed=6))
    v = generate_volunteers(tambons, 200, seed=5)
    assert v.same_as(generate_volunteers(tambons, 200, seed=5))
    # Built from the records again (not the cached set): still identical.
    assert a.same_as(generate_requests(read_admin_areas(ADMIN), 500, seed=5))


def test_every_enum_value_appears():
    requests, volunteers = default_batches()
    assert set(requests.category) == {c.value for c in RequestCategory}
    assert set(requests.urgency) == {u.value for u in Urgency}
    assert set(requests.status) == {s.value for s in RequestStatus}
    assert set(volunteers.kind) == {k.value for k in VolunteerKind}
    assert set(volunteers.vehicle) == {v.value for v in VehicleKind}
    assert set().union(*volunteers.skills) == {s.value for s in Skill}


def test_realistic_request_mix():
    requests, _ = default_batches()
    status = Counter(requests.status)
    assert status["new"] + status["assigned"] > 0.55 * len(requests)
    assert 0 < status["cancelled"] < status["new"]
    closed = np.isin(requests.status, ["done", "cancelled"])
    has_reason = np.array([r is not None for r in requests.closure_reason])
    assert has_reason[requests.status == "cancelled"].all()  # the schema demands it
    assert not has_reason[~closed].any()
    assert 0 < has_reason[requests.status == "done"].mean() < 1
    assert (requests.people_count >= 1).all() and requests.people_count.max() > 3
    assert ((requests.age_s >= 0) & (requests.age_s <= WINDOW_S)).all()
    assert requests.age_s.min() < 3600 and requests.age_s.max() > 60 * 3600
    assert 0.2 < requests.for_someone_else.mean() < 0.6
    assert (requests.location_accuracy_m >= 0).all()
    notes = [n for n in requests.note if n is not None]
    assert len(notes) > 0.8 * len(requests) and all(_is_thai(n) for n in notes)
    assert all(_is_thai(n) for n in requests.requester_name)
    assert all(_fake_phone(p) for p in requests.requester_phone)


def test_volunteer_skills_fit_their_kind():
    _, v = default_batches()
    kinds = Counter(v.kind)
    assert kinds.most_common(1)[0][0] == "village_health_volunteer"
    for kind, skills, vehicle in zip(v.kind, v.skills, v.vehicle):
        assert ("medical" in skills) == (kind == "health_staff")
        if vehicle in ("car", "pickup", "ambulance"):
            assert "driving" in skills
        if vehicle == "ambulance":
            assert kind == "health_staff"
    ppe = np.array(["ppe_trained" in s for s in v.skills])
    assert 0.1 < ppe.mean() < 0.6
    assert set(v.capacity) == {1, 2, 3}
    assert 0.7 < v.available.mean() < 1
    assert all(_is_thai(n) for n in v.name) and all(_fake_phone(p) for p in v.phone)


def test_points_lie_inside_the_tambon_they_were_drawn_in():
    requests, volunteers = default_batches()
    for batch in (requests, volunteers):
        _assert_inside(phetchabun(), batch)


def test_requests_cluster_where_people_live():
    """Median distance to the nearest tambon centre: far below that of uniform points in the same tambons."""
    tambons = phetchabun()
    requests, _ = default_batches()
    rng = np.random.default_rng(1)
    uniform_lon, uniform_lat = _uniform_in_tambons(tambons, requests.drawn_in_tambon, rng)
    generated = _median_km_to_nearest_centre(tambons, requests.lon, requests.lat)
    uniform = _median_km_to_nearest_centre(tambons, uniform_lon, uniform_lat)
    assert 0.5 < generated < 3.5
    assert generated < 0.6 * uniform


def test_amphoe_seats_draw_more_requests():
    tambons = phetchabun()
    requests, _ = default_batches()
    per_tambon = Counter(requests.drawn_in_tambon)
    seat = np.mean([per_tambon[c] for c in tambons.codes[tambons.is_seat]])
    rural = np.mean([per_tambon[c] for c in tambons.codes[~tambons.is_seat]])
    assert seat > 2 * rural


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 60))
def test_any_seed_and_size_gives_valid_rows(seed, n):
    r = generate_requests(phetchabun(), n, seed=seed)
    v = generate_volunteers(phetchabun(), n, seed=seed)
    assert len(r) == len(v) == n
    _assert_inside(phetchabun(), r)
    _assert_inside(phetchabun(), v)
    assert all(c is not None for c in r.closure_reason[r.status == "cancelled"])
    assert all(1 <= c <= 3 for c in v.capacity)


def test_no_tambons_is_a_clear_error():
    areas = [a for a in read_admin_areas(ADMIN) if a.level != "tambon"]
    with pytest.raises(DemoDataError, match="no tambons"):
        generate_requests(areas, 10)


@needs_national
def test_100k_national_requests():
    tambons = TambonSet.from_records(read_admin_areas(NATIONAL))
    assert len(tambons) == 7425
    requests = generate_requests(tambons, 100_000, seed=3)
    assert len(requests) == 100_000
    assert requests.lon.shape == requests.lat.shape == requests.category.shape == (100_000,)
    assert len(set(requests.drawn_in_tambon)) > 5000
    sample = np.random.default_rng(0).choice(100_000, 5000, replace=False)
    _assert_inside(tambons, requests, rows=sample)


# --- helpers -----------------------------------------------------------------------------------------------


def _assert_inside(tambons: TambonSet, batch, rows=None) -> None:
    rows = np.arange(len(batch)) if rows is None else rows
    index = {code: i for i, code in enumerate(tambons.codes)}
    t = np.array([index[c] for c in batch.drawn_in_tambon[rows]], dtype=int)
    for i in np.unique(t):
        sel = rows[t == i]
        assert vectorized.contains(tambons.polygons[i], batch.lon[sel], batch.lat[sel]).all()


def _uniform_in_tambons(tambons: TambonSet, codes, rng):
    index = {code: i for i, code in enumerate(tambons.codes)}
    lon, lat = np.empty(len(codes)), np.empty(len(codes))
    for k, code in enumerate(codes):
        poly = tambons.polygons[index[code]]
        minx, miny, maxx, maxy = poly.bounds
        while True:
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            if vectorized.contains(poly, np.array([x]), np.array([y]))[0]:
                lon[k], lat[k] = x, y
                break
    return lon, lat


def _median_km_to_nearest_centre(tambons: TambonSet, lon, lat) -> float:
    scale = np.cos(np.radians(16.5))  # a local equirectangular projection is fine within one province
    tree = cKDTree(np.column_stack([tambons.centre_lon * scale, tambons.centre_lat]))
    dist, _ = tree.query(np.column_stack([lon * scale, lat]))
    return float(np.median(dist) * KM_PER_DEG)


def _is_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def _fake_phone(text: str) -> bool:
    return len(text) == 12 and text.startswith("08") and text[3:8] == "-000-" and text[8:].isdigit()
