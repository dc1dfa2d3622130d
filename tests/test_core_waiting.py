"""Waiting times in words: English without a translator, Thai through the same placeholders."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from jitasa_qgis.core.waiting import format_waiting


@pytest.mark.parametrize(
    "seconds,text",
    [
        (0, "waiting under 1 min"),
        (59.9, "waiting under 1 min"),
        (60, "waiting 1 min"),
        (45 * 60 + 59, "waiting 45 min"),
        (3600, "waiting 1 h 0 min"),
        (2 * 3600 + 15 * 60, "waiting 2 h 15 min"),
        (23 * 3600 + 59 * 60 + 59, "waiting 23 h 59 min"),
        (24 * 3600, "waiting 1 d 0 h"),
        (3 * 86400 + 5 * 3600 + 59 * 60, "waiting 3 d 5 h"),
        (-30, "waiting under 1 min"),  # a client clock a little ahead of the server's
    ],
)
def test_english(seconds, text):
    assert format_waiting(seconds) == text


def test_unknown_is_empty():
    assert format_waiting(None) == ""
    assert format_waiting(float("nan")) == ""


_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="th_TH"><context><name>Waiting</name>
<message><source>waiting {h} h {m} min</source><translation>รอ {h} ชม. {m} นาที</translation></message>
<message><source>waiting {d} d {h} h</source><translation>รอ {d} วัน {h} ชม.</translation></message>
<message><source>waiting {m} min</source><translation>รอ {m} นาที</translation></message>
<message><source>waiting under 1 min</source><translation>รอไม่ถึง 1 นาที</translation></message>
</context></TS>
"""


@pytest.mark.skipif(shutil.which("lrelease") is None, reason="lrelease (qttools5-dev-tools) not installed")
def test_thai_through_the_translator(qgis_app, tmp_path):
    ts = tmp_path / "waiting_th.ts"
    ts.write_text(_TS, encoding="utf-8")
    qm = tmp_path / "waiting_th.qm"
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert format_waiting(2 * 3600 + 15 * 60) == "รอ 2 ชม. 15 นาที"
        assert format_waiting(26 * 3600) == "รอ 1 วัน 2 ชม."
        assert format_waiting(5 * 60) == "รอ 5 นาที"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert format_waiting(300) == "waiting 5 min"
