"""jitasa:grantarea / jitasa:revokearea through processing.run on the demo store (Phetchabun): an admin
grants an officer amphoe หล่มสัก (6703) and the officer's layers and queries follow; only admins may; hostile
text for every parameter is a clear error that changes nothing; a scoped officer's request import rejects
records outside; no phone number or password reaches the Processing or QGIS message log."""

from __future__ import annotations

import csv

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback
from service_support import rows

LOM_SAK = "6703"
HOSTILE = [
    "'; DELETE FROM jitasa.area_scope; --",
    "6703' OR '1'='1",
    "67%",
    "x" * 50_000,
    "a\x00b",
    "\u200b\u00a0",
    "-1",
    "1e9",
]


@pytest.fixture
def logins(demo, pg_cluster, login_role, tmp_path, monkeypatch):
    """pg_service names of a national admin, an officer with no scope and a national officer."""
    path = tmp_path / "pg_service.conf"
    made = {}
    for key, group, scope in (
        ("admin", "jitasa_admin", "national"),
        ("officer", "jitasa_officer", None),
        ("other", "jitasa_officer", "national"),
    ):
        user, _ = login_role(group, scope=scope)
        made[key] = (f"jitasa_scopes_{user}", user)
    path.write_text(
        "".join(
            f"[{service}]\n"
            + "".join(f"{k}={v}\n" for k, v in pg_cluster.params(demo.params["dbname"], user=u).items())
            for service, u in made.values()
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return made


class Feedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API name
        self.lines.append(info)
        super().pushInfo(info)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        self.lines.append(error)
        super().reportError(error, fatalError)


def _run(alg, params, feedback=None):
    import processing

    return processing.run(alg, params, feedback=feedback)


def _scopes(store):
    return rows(store, "SELECT role_name, area_code FROM jitasa.area_scope ORDER BY 1, 2")


def test_registered(provider):
    for name in ("grantarea", "revokearea"):
        alg = QgsApplication.processingRegistry().createAlgorithmById(f"jitasa:{name}")
        assert {"ROLE", "AREA"} <= {p.name() for p in alg.parameterDefinitions()}


def test_grant_then_revoke_and_the_officer_follows(provider, logins, demo, pg_cluster):
    import psycopg2

    service, _ = logins["admin"]
    _svc, officer = logins["officer"]

    def officer_count():
        c = psycopg2.connect(**pg_cluster.params(demo.params["dbname"], user=officer))
        try:
            with c.cursor() as cur:
                cur.execute(
                    "SELECT count(*), count(*) FILTER (WHERE tambon_code NOT LIKE '6703%') FROM jitasa.help_request"
                )
                return cur.fetchone()
        finally:
            c.close()

    assert officer_count() == (0, 0)  # no scope: nothing
    feedback = Feedback()
    out = _run("jitasa:grantarea", {"SERVICE": service, "ROLE": officer, "AREA": LOM_SAK}, feedback)
    assert out["CHANGED"] is True and out["AREAS"] == LOM_SAK
    expected = rows(demo, "SELECT count(*) FROM jitasa.help_request WHERE left(tambon_code, 4) = '6703'")[0][0]
    assert expected > 0 and officer_count() == (expected, 0)
    assert _run("jitasa:grantarea", {"SERVICE": service, "ROLE": officer, "AREA": LOM_SAK})["CHANGED"] is False
    out = _run("jitasa:revokearea", {"SERVICE": service, "ROLE": officer, "AREA": LOM_SAK})
    assert out["CHANGED"] is True and out["AREAS"] == ""
    assert officer_count() == (0, 0)


def test_only_admins_may_grant(provider, logins, demo):
    before = _scopes(demo)
    service, _ = logins["other"]
    with pytest.raises(QgsProcessingException, match="permission denied|only admins"):
        _run("jitasa:grantarea", {"SERVICE": service, "ROLE": logins["officer"][1], "AREA": "67"})
    assert _scopes(demo) == before


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_role_or_area_is_a_clear_error_and_changes_nothing(provider, logins, demo, value):
    service, _ = logins["admin"]
    officer = logins["officer"][1]
    before = _scopes(demo)
    for alg in ("jitasa:grantarea", "jitasa:revokearea"):
        for role, area in ((value, LOM_SAK), (officer, value)):
            with pytest.raises(QgsProcessingException) as err:
                _run(alg, {"SERVICE": service, "ROLE": role, "AREA": area})
            assert str(err.value).strip()
    assert _scopes(demo) == before


def test_a_scoped_officers_import_rejects_records_outside_and_logs_no_phone(provider, logins, demo, tmp_path):
    admin, _ = logins["admin"]
    officer_service, officer = logins["officer"]
    _run("jitasa:grantarea", {"SERVICE": admin, "ROLE": officer, "AREA": LOM_SAK})
    inside = rows(
        demo,
        "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM jitasa.admin_area "
        "WHERE code = '670301'",
    )[0]
    outside = rows(
        demo,
        "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM jitasa.admin_area "
        "WHERE code = '670101'",
    )[0]
    path = tmp_path / "hotline.csv"
    phones = ["0812345678", "0898765432"]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "category", "name", "phone", "lon", "lat"])
        w.writerow(["IN-1", "oxygen", "นก", phones[0], inside[0], inside[1]])
        w.writerow(["OUT-1", "oxygen", "ไก่", phones[1], outside[0], outside[1]])
    messages: list[str] = []
    log = QgsApplication.messageLog()
    log.messageReceived.connect(lambda message, tag, level: messages.append(message))
    feedback = Feedback()
    out = _run("jitasa:importrequests", {"SERVICE": officer_service, "FILE": str(path)}, feedback)
    assert (out["NEW"], out["REJECTED"]) == (1, 1)
    assert rows(demo, "SELECT source_id FROM jitasa.help_request WHERE source = 'hotline'") == [("IN-1",)]
    text = "\n".join(feedback.lines + messages)
    assert "outside the areas you work" in text
    for secret in (*phones, "password", "081-"):
        assert secret not in text


def test_a_scoped_officers_batch_assignment_and_export_keep_to_its_amphoe(provider, logins, demo, tmp_path):
    """The algorithms work unchanged under the policies: the officer's run reads only its amphoe's requests and
    volunteers (so the store's scope check passes), and an export of every request holds only its amphoe's."""
    admin, _ = logins["admin"]
    officer_service, officer = logins["officer"]
    _run("jitasa:grantarea", {"SERVICE": admin, "ROLE": officer, "AREA": "6705"})  # has free volunteers
    result = _run(
        "jitasa:assignnearest",
        {"SERVICE": officer_service, "MAX_MINUTES": 60, "MODE": 1, "STRAIGHT_LINE": True, "OUTPUT": "memory:"},
    )
    assert result["ASSIGNED"] > 0 and result["REFUSED"] == 0, result["SUMMARY"]
    assert rows(
        demo,
        "SELECT count(*) FILTER (WHERE left(r.tambon_code, 4) <> '6705' OR left(v.tambon_code, 4) <> '6705'), "
        "count(*) FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id "
        "JOIN jitasa.volunteer v ON v.id = a.volunteer_id WHERE a.run_id = %s",
        (result["RUN_ID"],),
    ) == [(0, result["ASSIGNED"])]
    out = tmp_path / "requests.csv"
    exported = _run("jitasa:export", {"SERVICE": officer_service, "WHAT": 0, "OUTPUT": str(out)})
    expected = rows(demo, "SELECT count(*) FROM jitasa.help_request WHERE left(tambon_code, 4) = '6705'")[0][0]
    assert exported["ROWS"] == expected
