"""tools/make_demo_project.py: the demo project's title (QGIS's window title) is Thai under the Thai locale,
and the isolated profile gets a saved PostgreSQL connection to the demo store that names only the service;
the demo's road layer is in it, titled "major roads only" in the project's language, with its attribution."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QSettings

from jitasa_qgis.services.demo_loading import load_demo_data

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def demo_store_service(store, tmp_path):
    """A pg_service file whose `jitasa_demo` (the demo's service name) is a demo-loaded test store."""
    load_demo_data(store, n_requests=100, n_volunteers=30, seed=3)
    path = tmp_path / "pg_service.conf"
    path.write_text("[jitasa_demo]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    return path


def _make_project(tmp_path: Path, service_file: Path, locale: str, profile: Path | None) -> Path:
    subprocess.run(["make", "-s", "i18n/jitasa_th.qm"], cwd=ROOT, check=True)  # what make run builds first
    out = tmp_path / f"demo_{locale}.qgz"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PGSERVICEFILE=str(service_file), JITASA_LOCALE=locale)
    args = [sys.executable, str(ROOT / "tools" / "make_demo_project.py"), str(out)]
    if profile is not None:
        args += ["--profile", str(profile)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def _root(project: Path) -> ET.Element:
    with zipfile.ZipFile(project) as zf:
        qgs = next(name for name in zf.namelist() if name.endswith(".qgs"))
        return ET.fromstring(zf.read(qgs))


def _title(project: Path) -> str:
    root = _root(project)
    return root.findtext("title") or root.get("projectname") or ""


def _road_layer(project: Path) -> ET.Element:
    found = [
        layer for layer in _root(project).iter("maplayer") if '"road_segment"' in (layer.findtext("datasource") or "")
    ]
    assert len(found) == 1, [layer.findtext("layername") for layer in found]
    return found[0]


def test_demo_project_title_is_thai_and_the_profile_lists_the_demo_connection(tmp_path, demo_store_service):
    profile = tmp_path / "profiles" / "default"
    thai = _make_project(tmp_path, demo_store_service, "th_TH", profile)
    title = _title(thai)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in title) and "demo" not in title.lower(), title
    assert "เพชรบูรณ์" in title, title
    ini = profile / "QGIS" / "QGIS3.ini"
    assert ini.is_file()
    saved = QSettings(str(ini), QSettings.IniFormat)
    prefix = "PostgreSQL/connections/Jitasa demo/"
    assert saved.value(prefix + "service") == "jitasa_demo"
    for key in ("password", "username", "authcfg", "host"):
        assert not saved.value(prefix + key), key
    roads = _road_layer(thai)
    assert roads.findtext("layername") == "ถนน — เฉพาะถนนสายหลัก (OpenStreetMap)"
    attribution = "Roads © OpenStreetMap contributors, ODbL"
    assert roads.findtext("attribution") == attribution
    assert [r.text for r in roads.iter("rights")] == [attribution]
    english = _make_project(tmp_path, demo_store_service, "en_US", None)
    assert _title(english) == "Jitasa — Phetchabun demo"
    assert _road_layer(english).findtext("layername") == "Roads — major roads only (OpenStreetMap)"
