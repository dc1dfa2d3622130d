"""services.print_map on the real test cluster with the demo loaded, through a pg_service (printing builds
postgres layers): a map of an amphoe, of a tambon, of an extent and of the whole store; an atlas with one
page per tambon of an amphoe with its figures; bad input refused with nothing written; a cancel halfway
through an atlas leaves no file."""

from __future__ import annotations

import pytest
from printing_support import non_white_share, pdf_pages, pdf_text, thai_letters
from service_support import rows

from jitasa_qgis.definitions.print_errors import PrintErrorCode
from jitasa_qgis.printing.errors import PrintError
from jitasa_qgis.services.areas import AreaError
from jitasa_qgis.services.demo_loading import DemoParams, load_demo
from jitasa_qgis.services.print_map import PrintAtlasParams, PrintMapParams, print_atlas, print_map
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.store.qgis_connections import from_service

AMPHOE = "6710"  # วังโป่ง: five tambons


@pytest.fixture
def demo_location(store, tmp_path, monkeypatch, qgis_app):
    load_demo(store, DemoParams(n_requests=600, n_volunteers=150, seed=13))
    name = f"jitasa_print_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "\n".join(f"{k}={v}" for k, v in store.params.items()) + "\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return from_service(name)


def test_map_of_an_amphoe(demo_location, store, tmp_path):
    seen = []
    progress = CallbackProgress(report=lambda f, m: seen.append(f))
    out = tmp_path / "amphoe.pdf"
    result = print_map(
        demo_location, PrintMapParams(output=out, template="a4_landscape", area=AMPHOE, office="สสจ.เพชรบูรณ์"), progress
    )
    assert result.path == out and result.pages == 1 and pdf_pages(out) == 1
    text = pdf_text(out)
    assert thai_letters("วังโป่ง") in thai_letters(text)
    assert thai_letters("สสจ.เพชรบูรณ์") in thai_letters(text)
    assert "OpenStreetMap" in text and "COD-AB" in text  # the roads' ODbL line and the boundaries' source
    assert non_white_share(out, tmp_dir=tmp_path) > 0.05
    assert seen and seen[-1] == 1.0


def test_map_of_the_whole_province_and_of_an_extent(demo_location, tmp_path):
    whole = print_map(demo_location, PrintMapParams(output=tmp_path / "all.pdf"))
    assert thai_letters("เพชรบูรณ์") in thai_letters(pdf_text(whole.path))
    part = print_map(
        demo_location,
        PrintMapParams(output=tmp_path / "box.pdf", template="a4_portrait", extent=(101.0, 16.2, 101.3, 16.5)),
    )
    assert pdf_pages(part.path) == 1


def test_atlas_has_one_page_per_tambon_with_its_figures(demo_location, store, tmp_path):
    tambons = rows(
        store,
        "SELECT code, name_th FROM jitasa.admin_area WHERE level = 'tambon' AND code LIKE %s ORDER BY code",
        (AMPHOE + "%",),
    )
    open_counts = dict(
        rows(
            store,
            "SELECT tambon_code, count(*) FROM jitasa.help_request WHERE status IN ('new', 'assigned', 'in_progress') "
            "AND tambon_code LIKE %s GROUP BY 1",
            (AMPHOE + "%",),
        )
    )
    out = tmp_path / "atlas.pdf"
    result = print_atlas(demo_location, PrintAtlasParams(output=out, level="tambon", scope=AMPHOE))
    assert result.pages == len(tambons) == pdf_pages(out) == 5
    for page, (code, name) in enumerate(tambons, start=1):
        text = pdf_text(out, page, page)
        assert thai_letters(name) in thai_letters(text), (page, name)
        if open_counts.get(code):
            assert f"{open_counts[code]}" in text
    assert result.empty_pages == sum(1 for code, _ in tambons if not open_counts.get(code))


def test_an_area_with_no_requests_gets_a_page_that_says_so(demo_location, store, tmp_path):
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE jitasa.help_request SET status = 'done' WHERE tambon_code LIKE %s", (AMPHOE + "%",))
    result = print_atlas(demo_location, PrintAtlasParams(output=tmp_path / "quiet.pdf", level="tambon", scope=AMPHOE))
    assert result.empty_pages == result.pages == 5
    assert "ไม่มีคำขอ" in pdf_text(result.path, 1, 1) or "No open requests" in pdf_text(result.path, 1, 1)


def test_bad_input_is_refused_and_writes_nothing(demo_location, tmp_path):
    with pytest.raises(AreaError):
        print_map(demo_location, PrintMapParams(output=tmp_path / "x.pdf", area="no such place"))
    with pytest.raises(PrintError) as caught:
        print_map(demo_location, PrintMapParams(output=tmp_path / "no folder" / "x.pdf", area=AMPHOE))
    assert caught.value.code is PrintErrorCode.OUTPUT_UNWRITABLE
    with pytest.raises(PrintError) as caught:
        print_atlas(demo_location, PrintAtlasParams(output=tmp_path / "x.pdf", level="service_area"))
    assert caught.value.code is PrintErrorCode.NO_PAGES  # the demo has no service areas
    with pytest.raises(ValueError):
        print_map(demo_location, PrintMapParams(output=tmp_path / "x.pdf", extent=(101.0, 16.0, 100.0, 16.5)))
    with pytest.raises(PrintError) as caught:
        print_map(demo_location, PrintMapParams(output=tmp_path / "x.pdf", template="a5"))
    assert caught.value.code is PrintErrorCode.TEMPLATE_MISSING
    assert list(tmp_path.glob("*.pdf")) == []


def test_cancelling_an_atlas_halfway_leaves_no_file(demo_location, tmp_path):
    out = tmp_path / "cancelled.pdf"
    state = {"pages": 0}

    def report(fraction, message):
        if message.startswith(("Page", "หน้า")):
            state["pages"] += 1

    progress = CallbackProgress(report=report, cancelled=lambda: state["pages"] >= 3)
    with pytest.raises(Cancelled):
        print_atlas(demo_location, PrintAtlasParams(output=out, level="tambon", scope="67"), progress)
    assert state["pages"] >= 3
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []
