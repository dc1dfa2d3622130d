"""The test session's QGIS profile lives in a temporary folder, never in the repository.

pytest-qgis 5 starts QGIS in `pytest_load_initial_conftests` — before any conftest.py is imported — with its
profile (QGIS_CUSTOM_CONFIG_PATH, QSettings path, qgis-auth.db, symbology-style.db) in
<rootdir>/.qgis-settings, and has no option to put it elsewhere. This module is loaded earlier, with
`-p tests.qgis_profile` in pyproject.toml's addopts, and gives pytest-qgis a temporary root instead.
tests/test_test_profile.py checks where the profile ended up, so a pytest-qgis upgrade that changes this
shows as a failure, not as a profile written into the tree.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest_qgis.plugin as _pytest_qgis

QGIS_PROFILE_ROOT = Path(tempfile.mkdtemp(prefix="jitasa-test-qgis-"))
atexit.register(shutil.rmtree, QGIS_PROFILE_ROOT, ignore_errors=True)  # after pytest-qgis exits QGIS

_load_qgis_settings = _pytest_qgis._load_qgis_settings


def _load_qgis_settings_in_a_temporary_folder(config) -> None:
    # pytest-qgis reads only rootpath (where .qgis-settings goes) and workerinput (xdist) from the config.
    _load_qgis_settings(SimpleNamespace(rootpath=QGIS_PROFILE_ROOT, workerinput=getattr(config, "workerinput", None)))


_pytest_qgis._load_qgis_settings = _load_qgis_settings_in_a_temporary_folder
