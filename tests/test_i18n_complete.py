"""The Thai translation is complete: every translate() string in the plugin and every .ui string is in
i18n/jitasa_th.ts with a finished translation that keeps its placeholders, and lrelease compiles it."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "jitasa_qgis"
UI_DIR = ROOT / "ui"
TS = ROOT / "i18n" / "jitasa_th.ts"

# str.format fields ({0}, {h}, {total}, {0!r}) and Qt's %1-style arguments.
_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%\d+")
_LRELEASE = shutil.which("lrelease")
needs_lrelease = pytest.mark.skipif(_LRELEASE is None, reason="lrelease (qttools5-dev-tools) not installed")


def _ts_messages() -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element."""
    messages = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            messages[(name, message.findtext("source"))] = message.find("translation")
    return messages


def _translate_calls() -> tuple[set[tuple[str, str, str]], list[str]]:
    """(context, text, where) for each translate("Context", "text") in the package, and the places where
    translate() is called with something other than two string literals."""
    found, bad = set(), []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name != "translate":
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            args = node.args[:2]
            if len(args) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                found.add((args[0].value, args[1].value, where))
            elif isinstance(func, ast.Name):  # the plugin's translate(): both must be literals for pylupdate5
                bad.append(where)
    return found, bad


def _ui_strings() -> set[tuple[str, str, str]]:
    """(context, text, where) for each translatable <string> of each .ui form; the context is the form's class."""
    found = set()
    for path in sorted(UI_DIR.glob("*.ui")):
        root = ET.parse(path).getroot()
        context = root.findtext("class")
        for string in root.iter("string"):
            if string.get("notr") == "true" or not (string.text or "").strip():
                continue
            found.add((context, string.text, str(path.relative_to(ROOT))))
    return found


def test_sources_are_found():
    calls, _bad = _translate_calls()
    assert len(calls) > 100 and len(_ui_strings()) > 10
    assert ("ConnectDialog", "Connect to Jitasa store") in {(c, t) for c, t, _ in calls}


def test_translate_is_called_with_literals_only():
    _calls, bad = _translate_calls()
    assert not bad, f"translate() needs a literal context and text (pylupdate5 finds no other): {bad}"


def test_no_unfinished_or_empty_translation():
    problems = [
        f"{context}: {source!r}"
        for (context, source), tr in _ts_messages().items()
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not (tr.text or "").strip()
    ]
    assert not problems, "untranslated in jitasa_th.ts:\n" + "\n".join(problems)


@pytest.mark.parametrize("collect", [lambda: _translate_calls()[0], _ui_strings], ids=["python", "ui"])
def test_every_source_string_is_translated(collect):
    messages = _ts_messages()
    missing = [
        f"{where}: {context}: {text!r}"
        for context, text, where in sorted(collect(), key=lambda x: x[2])
        if not (
            messages.get((context, text)) is not None
            and (messages[(context, text)].text or "").strip()
            and messages[(context, text)].get("type") != "unfinished"
        )
    ]
    assert not missing, "not translated in jitasa_th.ts (run `bash tools/update_ts.sh`, then translate):\n" + "\n".join(
        missing
    )


def test_translations_keep_placeholders():
    wrong = []
    for (context, source), tr in _ts_messages().items():
        text = (tr.text or "") if tr is not None else ""
        if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
            wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


@needs_lrelease
def test_lrelease_compiles_everything(tmp_path):
    qm = tmp_path / "jitasa_th.qm"
    result = subprocess.run([_LRELEASE, str(TS), "-qm", str(qm)], capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert qm.is_file() and qm.stat().st_size > 0
    match = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", output)
    assert match, output
    assert int(match.group(1)) == len(_ts_messages()) and match.group(3) == "0", output
    assert "error" not in output.lower(), output


@needs_lrelease
def test_compiled_thai_reaches_the_plugin(qgis_app, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from jitasa_qgis.core.waiting import format_waiting
    from jitasa_qgis.store.errors import StoreError
    from jitasa_qgis.store.qgis_connections import from_service

    qm = tmp_path / "jitasa_th.qm"
    subprocess.run([_LRELEASE, "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert format_waiting(2 * 3600 + 15 * 60) == "รอ 2 ชม. 15 นาที"
        assert format_waiting(26 * 3600) == "รอ 1 วัน 2 ชม."
        with pytest.raises(StoreError) as err:
            from_service("  ")
        assert str(err.value) == "ไม่ได้ระบุชื่อ pg_service."
    finally:
        QCoreApplication.removeTranslator(translator)
    assert format_waiting(300) == "waiting 5 min"
