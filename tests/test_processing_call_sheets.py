"""jitasa:callsheets through processing.run on the real test cluster (demo loaded): one page per volunteer
of the amphoe, an analyst's sheets hold no phone number of the data, bad input is a clear error."""

from __future__ import annotations

import re

import pytest
from printing_support import pdf_pages, pdf_text
from qgis.core import QgsProcessingException
from service_support import rows


def test_the_algorithm_is_registered(provider):
    algorithm = provider.algorithm("callsheets")
    assert algorithm is not None
    assert {"AREA", "VOLUNTEER_IDS", "ONLY_ASSIGNED", "INCLUDE_PERSONAL", "OFFICE", "OUTPUT"} <= {
        p.name() for p in algorithm.parameterDefinitions()
    }


def test_an_analyst_prints_masked_sheets_of_an_amphoe(provider, demo, service_of, tmp_path):
    import processing

    out = tmp_path / "sheets.pdf"
    result = processing.run(
        "jitasa:callsheets", {"SERVICE": service_of("jitasa_analyst"), "AREA": "อำเภอวังโป่ง", "OUTPUT": str(out)}
    )
    volunteers = rows(demo, "SELECT count(*) FROM jitasa.volunteer WHERE tambon_code LIKE %s", ("6710%",))[0][0]
    assert result["PAGES"] == volunteers == pdf_pages(out)
    assert result["PERSONAL_DATA"] == 0
    digits = re.sub(r"\D", "", pdf_text(out))
    phones = rows(demo, "SELECT requester_phone FROM jitasa.help_request UNION SELECT phone FROM jitasa.volunteer")
    assert not [p for (p,) in phones if p and re.sub(r"\D", "", p) in digits]


def test_bad_volunteer_ids_and_unwritable_output_are_clear_errors(provider, demo, service_of, tmp_path):
    import processing

    service = service_of("jitasa_officer")
    with pytest.raises(QgsProcessingException, match="whole numbers"):
        processing.run(
            "jitasa:callsheets", {"SERVICE": service, "VOLUNTEER_IDS": "1, x", "OUTPUT": str(tmp_path / "a.pdf")}
        )
    with pytest.raises(QgsProcessingException, match="Cannot write the PDF"):
        processing.run("jitasa:callsheets", {"SERVICE": service, "OUTPUT": str(tmp_path / "missing" / "a.pdf")})
    assert list(tmp_path.glob("*.pdf")) == []
