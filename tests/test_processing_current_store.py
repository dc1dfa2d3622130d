"""Processing knows the plugin's store: the connection parameters default to it and a run that leaves them
empty uses it; amphoe and tambon parameters take names (Thai or English) as well as DOPA codes."""

from __future__ import annotations

import subprocess

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProviderRegistry,
    QgsSettings,
)
from qgis.PyQt.QtCore import QCoreApplication

from jitasa_qgis.definitions import settings
from jitasa_qgis.definitions.i18n import load_translator
from jitasa_qgis.definitions.paths import I18N_DIR
from jitasa_qgis.definitions.settings import StoreChoice
from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.store.area_lookup import find_admin_areas, normalised
from jitasa_qgis.store.qgis_connections import from_service, save_service_connection

ALGORITHMS = (
    "jitasa:createdatabase",
    "jitasa:loaddemodata",
    "jitasa:loadlayers",
    "jitasa:assignnearest",
    "jitasa:assignoptimal",
)


@pytest.fixture
def keep_current_store():
    """The tests set the plugin's current store; put back what was there."""
    before = settings.current_store()
    yield
    if before:
        settings.set_current_store(before)
    else:  # leave the shared test profile as it was
        QgsSettings().remove(settings.PREFIX + "connection")


def _write_services(tmp_path, monkeypatch, services: dict) -> None:
    body = "".join(
        f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in params.items()) + "\n" for name, params in services.items()
    )
    path = tmp_path / "pg_service.conf"
    path.write_text(body, encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))


@pytest.fixture
def demo_service(store, tmp_path, monkeypatch):
    load_demo_data(store, n_requests=400, n_volunteers=150, seed=5)
    name = f"jitasa_current_{store.params['dbname']}"
    _write_services(tmp_path, monkeypatch, {name: store.params})
    return name


class Feedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API name
        self.lines.append(info)
        super().pushInfo(info)


def _run_ids(store) -> list[tuple[int, str]]:
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, scope FROM jitasa.assignment_run WHERE method <> 'demo' ORDER BY id")
        rows = cur.fetchall()
    conn.close()
    return rows


def _connect_plugin_to(location) -> None:
    """What the plugin does once it has connected (plugin.load_layers)."""
    settings.set_current_store(location.choice)


# ------------------------------------------------------------------------------- the current store


def test_dialog_defaults_follow_the_current_store(provider, keep_current_store, demo_service):
    registry = QgsApplication.processingRegistry()
    settings.set_current_store(StoreChoice())
    for algorithm_id in ALGORITHMS:
        algorithm = registry.createAlgorithmById(algorithm_id)
        assert algorithm.parameterDefinition("SERVICE").defaultValue() is None, algorithm_id
        assert algorithm.parameterDefinition("CONNECTION").defaultValue() is None, algorithm_id
    _connect_plugin_to(from_service(demo_service))
    for algorithm_id in ALGORITHMS:  # what a dialog opened now shows
        algorithm = registry.createAlgorithmById(algorithm_id)
        assert algorithm.parameterDefinition("SERVICE").defaultValue() == demo_service, algorithm_id
        assert algorithm.parameterDefinition("CONNECTION").defaultValue() is None, algorithm_id
    settings.set_current_store(StoreChoice(connection_name="Jitasa office"))
    algorithm = registry.createAlgorithmById("jitasa:assignnearest")
    assert algorithm.parameterDefinition("CONNECTION").defaultValue() == "Jitasa office"
    assert algorithm.parameterDefinition("SERVICE").defaultValue() is None


def test_a_run_without_connection_uses_the_plugin_store(provider, keep_current_store, demo_service, store):
    import processing

    registry = QgsApplication.processingRegistry()
    settings.set_current_store(StoreChoice())
    made_before = registry.createAlgorithmById("jitasa:assignnearest")  # defaults from before connecting
    _connect_plugin_to(from_service(demo_service))
    feedback = Feedback()
    result = processing.run(
        "jitasa:assignnearest", {"MAX_MINUTES": 45, "MODE": 0, "OUTPUT": "memory:"}, feedback=feedback
    )
    assert result["ASSIGNED"] > 0
    assert [run_id for run_id, _scope in _run_ids(store)] == [result["RUN_ID"]]
    assert any(demo_service in line for line in feedback.lines), feedback.lines
    # Left empty on purpose, and on an instance made before the plugin connected: the same store.
    feedback = Feedback()
    again = processing.run(
        made_before,
        {"SERVICE": "", "CONNECTION": "", "MAX_MINUTES": 45, "MODE": 0, "OUTPUT": "memory:"},
        feedback=feedback,
    )
    assert [run_id for run_id, _scope in _run_ids(store)] == [result["RUN_ID"], again["RUN_ID"]]
    assert any("connected to" in line and demo_service in line for line in feedback.lines), feedback.lines


def test_a_chosen_saved_connection_wins_over_the_default_service(
    provider, keep_current_store, store, gis_db, tmp_path, monkeypatch
):
    import processing

    load_demo_data(store, n_requests=200, n_volunteers=80, seed=5)
    tag = store.params["dbname"]
    empty, demo = f"jitasa_empty_{tag}", f"jitasa_demo_{tag}"
    _write_services(tmp_path, monkeypatch, {empty: gis_db.params, demo: store.params})
    name = f"Jitasa test {tag}"
    save_service_connection(name, demo)
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = md.connections(False)[name]
        assert "password" not in connection.uri() and f"service='{demo}'" in connection.uri()
        _connect_plugin_to(from_service(empty))  # the plugin is on a database without the schema
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("jitasa:assignnearest")
        assert algorithm.parameterDefinition("SERVICE").defaultValue() == empty
        # The dialog keeps the default service and the user picks the saved connection.
        result = processing.run(
            "jitasa:assignnearest",
            {"SERVICE": empty, "CONNECTION": name, "MAX_MINUTES": 45, "MODE": 0, "OUTPUT": "memory:"},
        )
        assert [run_id for run_id, _scope in _run_ids(store)] == [result["RUN_ID"]]
    finally:
        md.deleteConnection(name)


def test_no_store_given_and_none_connected_is_a_clear_message(provider, keep_current_store):
    import processing

    settings.set_current_store(StoreChoice())
    with pytest.raises(QgsProcessingException, match="Choose a saved PostgreSQL connection or give a pg_service"):
        processing.run("jitasa:createdatabase", {})


# --------------------------------------------------------------------------------- amphoe and tambon


def test_area_names_and_codes_resolve_in_the_store(demo_service, store):
    conn = store.connect()
    try:
        for text in ("วังโป่ง", "  วังโป่ง ", "Wang Pong", "wang  pong", "WANG PONG", "6710", "TH6710", "th6710"):
            found = find_admin_areas(conn, "amphoe", text)
            assert [(a.code, a.name_th, a.name_en) for a in found] == [("6710", "วังโป่ง", "Wang Pong")], text
        twins = find_admin_areas(conn, "tambon", "น้ำร้อน")
        assert [a.code for a in twins] == ["670114", "670505"]
        assert [a.parent_name_th for a in twins] == ["เมืองเพชรบูรณ์", "วิเชียรบุรี"]
        assert [a.code for a in find_admin_areas(conn, "tambon", "nam ron")] == ["670114", "670505"]
        assert [a.code for a in find_admin_areas(conn, "tambon", "670505")] == ["670505"]
        assert find_admin_areas(conn, "amphoe", "670505") == []  # a tambon code is not an amphoe
        assert find_admin_areas(conn, "amphoe", "Atlantis") == []
        assert find_admin_areas(conn, "amphoe", "   ") == []
        with pytest.raises(ValueError):
            find_admin_areas(conn, "village", "x")
    finally:
        conn.close()
    assert normalised(" th6701 ") == "6701" and normalised("Thai") == "Thai"


def test_assignment_scope_by_thai_name_says_which_area(provider, demo_service, store):
    import processing

    feedback = Feedback()
    result = processing.run(
        "jitasa:assignnearest",
        {
            "SERVICE": demo_service,
            "SCOPE": 1,
            "AREA_CODE": " วังโป่ง ",
            "MAX_MINUTES": 45,
            "MODE": 0,
            "OUTPUT": "memory:",
        },
        feedback=feedback,
    )
    assert any("วังโป่ง" in line and "Wang Pong" in line and "6710" in line for line in feedback.lines), feedback.lines
    assert _run_ids(store) == [(result["RUN_ID"], "amphoe 6710")]
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT count(*), count(*) FILTER (WHERE r.tambon_code NOT LIKE '6710%%') "
            "FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id "
            "WHERE a.run_id = %s",
            (result["RUN_ID"],),
        )
        assert cur.fetchone() == (result["ASSIGNED"] + result["REFUSED"], 0)
    conn.close()
    by_english = processing.run(
        "jitasa:assignnearest",
        {
            "SERVICE": demo_service,
            "SCOPE": 1,
            "AREA_CODE": "wang pong",
            "MAX_MINUTES": 45,
            "MODE": 0,
            "OUTPUT": "memory:",
        },
    )
    assert _run_ids(store)[-1] == (by_english["RUN_ID"], "amphoe 6710")


def test_ambiguous_and_unknown_areas_are_refused_and_nothing_written(provider, demo_service, store):
    import processing

    base = {"SERVICE": demo_service, "MAX_MINUTES": 45, "MODE": 0, "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("jitasa:assignnearest", {**base, "SCOPE": 2, "AREA_CODE": "น้ำร้อน"})
    message = str(refused.value)
    assert "2 tambons" in message and "น้ำร้อน (670114" in message and "น้ำร้อน (670505" in message, message
    assert "เมืองเพชรบูรณ์" in message and "วิเชียรบุรี" in message, message
    with pytest.raises(QgsProcessingException, match="There is no amphoe named or coded 'Atlantis'"):
        processing.run("jitasa:assignnearest", {**base, "SCOPE": 1, "AREA_CODE": "Atlantis"})
    with pytest.raises(QgsProcessingException, match="There is no tambon named or coded '9999'"):
        processing.run("jitasa:assignoptimal", {**base, "SCOPE": 2, "AREA_CODE": "9999"})
    assert _run_ids(store) == []
    # The twin's code picks one.
    result = processing.run("jitasa:assignnearest", {**base, "SCOPE": 2, "AREA_CODE": "670505"})
    assert _run_ids(store) == [(result["RUN_ID"], "tambon 670505")]


@pytest.fixture
def thai(tmp_path):
    qm = tmp_path / "jitasa_th.qm"
    subprocess.run(["lrelease", "-silent", str(I18N_DIR / "jitasa_th.ts"), "-qm", str(qm)], check=True)
    translator = load_translator("th_TH", tmp_path)
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_thai_scope_messages_say_amphoe_and_tambon_in_thai(provider, demo_service, store, thai):
    import processing

    base = {"SERVICE": demo_service, "MAX_MINUTES": 45, "MODE": 0, "OUTPUT": "memory:"}
    messages = []
    for scope, code in ((1, ""), (2, ""), (1, "Atlantis"), (2, "น้ำร้อน")):
        with pytest.raises(QgsProcessingException) as refused:
            processing.run("jitasa:assignnearest", {**base, "SCOPE": scope, "AREA_CODE": code})
        messages.append(str(refused.value))
    for message, word in zip(messages, ("อำเภอ", "ตำบล", "อำเภอ", "ตำบล")):
        assert word in message, message
        assert "amphoe" not in message.lower() and "tambon" not in message.lower(), message
    feedback = Feedback()
    processing.run("jitasa:assignnearest", {**base, "SCOPE": 1, "AREA_CODE": "Wang Pong"}, feedback=feedback)
    matched = [line for line in feedback.lines if "6710" in line]
    assert matched and "อำเภอวังโป่ง" in matched[0] and "amphoe" not in matched[0].lower(), feedback.lines
