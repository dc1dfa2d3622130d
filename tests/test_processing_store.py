"""jitasa:createdatabase and jitasa:loaddemodata through the Processing registry and through qgis_process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from jitasa_qgis.processing.provider import JitasaProvider
from jitasa_qgis.store.migrations import LATEST_VERSION, schema_version

ROOT = Path(__file__).resolve().parents[1]


_PROVIDER = []  # keep the Python object alive: the registry does not own a Python-made provider


@pytest.fixture
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("jitasa") is None:
        _PROVIDER[:] = [JitasaProvider()]
        registry.addProvider(_PROVIDER[0])
    yield registry.providerById("jitasa")


def _service_file(tmp_path: Path, name: str, params: dict) -> Path:
    path = tmp_path / "pg_service.conf"
    body = "\n".join(f"{k}={v}" for k, v in params.items())
    path.write_text(f"[{name}]\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def gis_service(gis_db, tmp_path, monkeypatch):
    path = _service_file(tmp_path, "jitasa_test", gis_db.params)
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return "jitasa_test"


def test_createdatabase_then_loaddemodata_in_registry(provider, gis_service, gis_db):
    import processing

    result = processing.run("jitasa:createdatabase", {"SERVICE": gis_service})
    assert result["SCHEMA_VERSION"] == LATEST_VERSION
    again = processing.run("jitasa:createdatabase", {"SERVICE": gis_service})
    assert again["APPLIED"] == ""
    result = processing.run("jitasa:loaddemodata", {"SERVICE": gis_service, "REQUESTS": 300, "VOLUNTEERS": 50})
    assert "SUMMARY" in result
    with gis_db.connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT (SELECT count(*) FROM jitasa.help_request), (SELECT count(*) FROM jitasa.volunteer),"
            " (SELECT count(*) FROM jitasa.admin_area WHERE level = 'tambon')"
        )
        assert cur.fetchone() == (300, 50, 117)
    conn.close()


def test_loaddemodata_on_a_store_without_schema_says_upgrade(provider, gis_service, gis_db):
    import processing

    with pytest.raises(QgsProcessingException, match="jitasa:createdatabase"):
        processing.run("jitasa:loaddemodata", {"SERVICE": gis_service})
    with gis_db.connect() as conn:
        assert schema_version(conn) == 0
    conn.close()


def test_missing_saved_connection_is_named(provider):
    import processing

    with pytest.raises(QgsProcessingException, match="no saved QGIS PostgreSQL connection named 'nowhere'"):
        processing.run("jitasa:createdatabase", {"CONNECTION": "nowhere"})


def test_missing_demo_file_is_named_and_nothing_written(provider, gis_service, gis_db, tmp_path):
    import processing

    processing.run("jitasa:createdatabase", {"SERVICE": gis_service})
    missing = tmp_path / "no_such_admin.gpkg"
    with pytest.raises(QgsProcessingException, match="no_such_admin.gpkg"):
        processing.run("jitasa:loaddemodata", {"SERVICE": gis_service, "ADMIN": str(missing)})
    with gis_db.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.admin_area")
        assert cur.fetchone()[0] == 0
    conn.close()


def test_qgis_process_runs_createdatabase_headless(gis_db, tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    from package import build

    zip_path = build(tmp_path / "jitasa_qgis.zip")
    plugins = tmp_path / "config" / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(plugins)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"),
        PGSERVICEFILE=str(_service_file(tmp_path, "jitasa_cli", gis_db.params)),
    )
    qp = "/usr/bin/qgis_process.bin"
    subprocess.run([qp, "plugins", "enable", "jitasa_qgis"], env=env, check=True, capture_output=True)
    listing = subprocess.run([qp, "list"], env=env, check=True, capture_output=True, text=True).stdout
    assert "jitasa:createdatabase" in listing and "jitasa:loaddemodata" in listing
    run = subprocess.run(
        [qp, "--json", "run", "jitasa:createdatabase", "--", "SERVICE=jitasa_cli"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout[run.stdout.index("{") :])
    assert out["results"]["SCHEMA_VERSION"] == LATEST_VERSION
    with gis_db.connect() as conn:
        assert schema_version(conn) == LATEST_VERSION
    conn.close()
    # The demo and an optimal assignment run, headless too.
    for args in (
        ["jitasa:loaddemodata", "--", "SERVICE=jitasa_cli", "REQUESTS=200", "VOLUNTEERS=80"],
        [
            "jitasa:assignoptimal",
            "--",
            "SERVICE=jitasa_cli",
            "MAX_MINUTES=45",
            "MODE=1",
            f"OUTPUT={tmp_path / 'assignments.gpkg'}",
        ],
    ):
        run = subprocess.run([qp, "--json", "run", *args], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{") :])["results"]
    assert results["ASSIGNED"] > 0
    with gis_db.connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM jitasa.assignment WHERE status = 'active' AND run_id = %s", (results["RUN_ID"],)
        )
        assert cur.fetchone()[0] == results["ASSIGNED"]
    conn.close()
