"""The test session's QGIS profile is a temporary folder (tests/qgis_profile.py), not part of the tree."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

ROOT = Path(__file__).resolve().parents[1]


def test_the_qgis_profile_of_the_tests_is_a_temporary_folder(qgis_app):
    temporary = Path(tempfile.gettempdir()).resolve()
    places = {
        "QGIS_CUSTOM_CONFIG_PATH": os.environ["QGIS_CUSTOM_CONFIG_PATH"],
        "settings dir": QgsApplication.qgisSettingsDirPath(),
        "settings file": QgsSettings().fileName(),
        "auth db": QgsApplication.qgisAuthDatabaseFilePath(),
    }
    for what, place in places.items():
        path = Path(place).resolve()
        assert temporary in path.parents, f"{what} {path} is not in {temporary}"
        assert ROOT not in path.parents, f"{what} {path} is inside the repository"
    assert not (ROOT / ".qgis-settings").exists(), "a QGIS profile was written into the repository"
