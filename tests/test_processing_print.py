"""jitasa:printmap and jitasa:printatlas through processing.run on the real test cluster (demo loaded), as
an analyst (the printing role): the PDF's pages, its Thai text, a clear error that writes nothing."""

from __future__ import annotations

import pytest
from printing_support import pdf_fonts, pdf_pages, pdf_text, thai_letters
from qgis.core import QgsProcessingException
from service_support import rows

from jitasa_qgis.services.demo_loading import DemoParams, load_demo


@pytest.fixture
def analyst_service(store, pg_cluster, login_role, tmp_path, monkeypatch, qgis_app):
    load_demo(store, DemoParams(n_requests=400, n_volunteers=100, seed=7))
    user, _ = login_role("jitasa_analyst")
    name = f"jitasa_print_{user}"
    params = pg_cluster.params(store.params["dbname"], user=user)
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


def test_printmap_of_an_amphoe(provider, analyst_service, tmp_path):
    import processing

    out = tmp_path / "map.pdf"
    result = processing.run(
        "jitasa:printmap",
        {"SERVICE": analyst_service, "AREA": "อำเภอวังโป่ง", "TEMPLATE": 1, "OFFICE": "สสจ.เพชรบูรณ์", "OUTPUT": str(out)},
    )
    assert result["PAGES"] == 1 and result["OUTPUT"] == str(out)
    assert pdf_pages(out) == 1
    assert thai_letters("วังโป่ง") in thai_letters(pdf_text(out))
    assert any(embedded for _name, embedded in pdf_fonts(out))


def test_printatlas_one_page_per_amphoe(provider, analyst_service, store, tmp_path):
    import processing

    amphoe = rows(store, "SELECT count(*) FROM jitasa.admin_area WHERE level = 'amphoe'")[0][0]
    out = tmp_path / "atlas.pdf"
    result = processing.run(
        "jitasa:printatlas", {"SERVICE": analyst_service, "LEVEL": 0, "SCOPE": "67", "OUTPUT": str(out)}
    )
    assert result["PAGES"] == amphoe == pdf_pages(out) == 11


def test_errors_are_clear_and_write_nothing(provider, analyst_service, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="no such place"):
        processing.run(
            "jitasa:printmap", {"SERVICE": analyst_service, "AREA": "no such place", "OUTPUT": str(tmp_path / "x.pdf")}
        )
    with pytest.raises(QgsProcessingException, match="วังโป่ง|wider scope"):
        processing.run(
            "jitasa:printatlas",
            {"SERVICE": analyst_service, "LEVEL": 1, "SCOPE": "670101", "OUTPUT": str(tmp_path / "x.pdf")},
        )
    assert list(tmp_path.glob("*.pdf")) == []


def test_qgis_process_prints_headless_from_the_package(store, tmp_path):
    """The installed zip (templates, north arrow and all) prints through qgis_process, without a GUI."""
    import json
    import os
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "tools"))
    from package import build

    load_demo(store, DemoParams(n_requests=200, n_volunteers=60, seed=9))
    plugins = tmp_path / "config" / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(build(tmp_path / "jitasa_qgis.zip")) as zf:
        zf.extractall(plugins)
    service = tmp_path / "pg_service.conf"
    service.write_text("[jitasa_cli]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"),
        PGSERVICEFILE=str(service),
    )
    qp = "/usr/bin/qgis_process.bin"
    subprocess.run([qp, "plugins", "enable", "jitasa_qgis"], env=env, check=True, capture_output=True)
    out = tmp_path / "amphoe_atlas.pdf"
    run = subprocess.run(
        [qp, "--json", "run", "jitasa:printatlas", "--", "SERVICE=jitasa_cli", "LEVEL=0", "SCOPE=67", f"OUTPUT={out}"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout[run.stdout.index("{") :])["results"]["PAGES"] == 11
    assert pdf_pages(out) == 11
    assert any(embedded for _name, embedded in pdf_fonts(out))
