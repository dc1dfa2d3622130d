"""Every value of every store enum has a label users can read, and labels within an enum differ."""

from __future__ import annotations

import pytest

from jitasa_qgis.definitions import labels
from jitasa_qgis.definitions.enums import SQL_ENUMS, RequestCategory, RequestStatus, Urgency


@pytest.mark.parametrize("sql_name", sorted(SQL_ENUMS))
def test_every_enum_value_has_a_label(sql_name):
    enum_type = SQL_ENUMS[sql_name]
    assert enum_type in labels.LABEL_TABLES, f"no label table for {enum_type.__name__}"
    table = labels.LABEL_TABLES[enum_type]
    assert set(table) == set(enum_type), f"{enum_type.__name__}: labels and values differ"
    texts = [labels.enum_label(value) for value in enum_type]
    assert all(isinstance(t, str) and t.strip() for t in texts)
    assert len(set(texts)) == len(texts), texts


def test_label_functions_take_values_or_members():
    assert labels.category_label("oxygen") == labels.category_label(RequestCategory.OXYGEN) == "Oxygen"
    assert labels.urgency_label(Urgency.CRITICAL) == "Critical"
    assert labels.request_status_label("in_progress") == "In progress"
    with pytest.raises(ValueError):
        labels.request_status_label("closed")
    assert labels.enum_label(RequestStatus.CANCELLED) == "Cancelled"
