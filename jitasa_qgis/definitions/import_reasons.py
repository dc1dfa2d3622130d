"""Why an imported or fed record was not taken: stable codes with a jsonb-able detail, and their text.

Every importer (admin areas, facilities, volunteers, requests from files and the feed) reports a refused
record as `core.import_records.Reject(reason=<code>, detail={...})`; the store keeps it in
jitasa.import_reject; `import_reason_text(code, detail)` says it in the user's language where it is shown.
Details by code:
  missing_field: {"field"};
  bad_number / negative_number / bad_date / bad_phone / bad_code / bad_boolean: {"field", "value"};
  unknown_value: {"field", "value", "allowed": [...]}; text_too_long: {"field", "max"};
  outside_thailand: {"lon", "lat"}; bad_geometry: {"problem"};
  unknown_tambon: {"value"}; ambiguous_tambon: {"value", "candidates": [{"code", "name", "amphoe", "province"}]};
  duplicate_in_batch: {"key", "first"} (the row or index that came first and was kept);
  schema_violation: {"path", "message"}; not_an_object: {}; unknown_parent: {"code"};
  area_in_use: {"code", "requests", "volunteers"};
  capacity_below_load: {"capacity", "active"} (a volunteer's new capacity under the assignments held now).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Callable, Mapping, Optional

from .i18n import translate


class ImportReason(str, Enum):
    MISSING_FIELD = "missing_field"
    BAD_NUMBER = "bad_number"
    NEGATIVE_NUMBER = "negative_number"
    BAD_DATE = "bad_date"
    BAD_PHONE = "bad_phone"
    BAD_CODE = "bad_code"
    BAD_BOOLEAN = "bad_boolean"
    UNKNOWN_VALUE = "unknown_value"
    TEXT_TOO_LONG = "text_too_long"
    NO_LOCATION = "no_location"
    OUTSIDE_THAILAND = "outside_thailand"
    BAD_GEOMETRY = "bad_geometry"
    UNKNOWN_TAMBON = "unknown_tambon"
    AMBIGUOUS_TAMBON = "ambiguous_tambon"
    DUPLICATE_IN_BATCH = "duplicate_in_batch"
    SCHEMA_VIOLATION = "schema_violation"
    NOT_AN_OBJECT = "not_an_object"
    UNKNOWN_PARENT = "unknown_parent"
    AREA_IN_USE = "area_in_use"
    CAPACITY_BELOW_LOAD = "capacity_below_load"
    OUT_OF_SCOPE = "out_of_scope"


Detail = Optional[Mapping[str, Any]]


def _get(d: Detail, key: str, default: Any = "?") -> Any:
    value = (d or {}).get(key)
    return default if value is None else value


def _candidates(d: Detail) -> str:
    found = (d or {}).get("candidates") or []
    return "; ".join(
        f"{c.get('name', '?')} ({c.get('code', '?')}, {c.get('amphoe', '?')}, {c.get('province', '?')})" for c in found
    )


_TEXTS: dict[str, Callable[[Detail], str]] = {
    ImportReason.MISSING_FIELD: lambda d: translate("ImportReasons", "{field} is missing").format(
        field=_get(d, "field")
    ),
    ImportReason.BAD_NUMBER: lambda d: translate("ImportReasons", "{field} is not a number: '{value}'").format(
        field=_get(d, "field"), value=_get(d, "value")
    ),
    ImportReason.NEGATIVE_NUMBER: lambda d: translate("ImportReasons", "{field} cannot be negative: '{value}'").format(
        field=_get(d, "field"), value=_get(d, "value")
    ),
    ImportReason.BAD_DATE: lambda d: translate("ImportReasons", "{field} is not a date and time: '{value}'").format(
        field=_get(d, "field"), value=_get(d, "value")
    ),
    ImportReason.BAD_PHONE: lambda d: translate(
        "ImportReasons", "{field} is not a Thai phone number: '{value}'"
    ).format(field=_get(d, "field"), value=_get(d, "value")),
    ImportReason.BAD_CODE: lambda d: translate("ImportReasons", "{field} is not a valid code: '{value}'").format(
        field=_get(d, "field"), value=_get(d, "value")
    ),
    ImportReason.BAD_BOOLEAN: lambda d: translate("ImportReasons", "{field} is not yes or no: '{value}'").format(
        field=_get(d, "field"), value=_get(d, "value")
    ),
    ImportReason.UNKNOWN_VALUE: lambda d: translate(
        "ImportReasons", "{field} '{value}' is not one of: {allowed}"
    ).format(field=_get(d, "field"), value=_get(d, "value"), allowed=", ".join(map(str, _get(d, "allowed", [])))),
    ImportReason.TEXT_TOO_LONG: lambda d: translate("ImportReasons", "{field} is longer than {max} characters").format(
        field=_get(d, "field"), max=_get(d, "max")
    ),
    ImportReason.NO_LOCATION: lambda d: translate("ImportReasons", "no coordinates and no tambon to place it in"),
    ImportReason.OUTSIDE_THAILAND: lambda d: translate(
        "ImportReasons", "the point ({lon}, {lat}) lies outside Thailand"
    ).format(lon=_get(d, "lon"), lat=_get(d, "lat")),
    ImportReason.BAD_GEOMETRY: lambda d: translate("ImportReasons", "the geometry is not usable: {problem}").format(
        problem=_get(d, "problem")
    ),
    ImportReason.UNKNOWN_TAMBON: lambda d: translate(
        "ImportReasons", "no tambon '{value}' in the store's admin areas"
    ).format(value=_get(d, "value")),
    ImportReason.AMBIGUOUS_TAMBON: lambda d: translate(
        "ImportReasons", "tambon '{value}' is ambiguous: {candidates}; give the amphoe or the tambon code"
    ).format(value=_get(d, "value"), candidates=_candidates(d)),
    ImportReason.DUPLICATE_IN_BATCH: lambda d: translate(
        "ImportReasons", "'{key}' appears more than once; the one at {first} was taken"
    ).format(key=_get(d, "key"), first=_get(d, "first")),
    ImportReason.SCHEMA_VIOLATION: lambda d: translate(
        "ImportReasons", "the record does not follow the feed format at {path}: {message}"
    ).format(path=_get(d, "path", "/"), message=_get(d, "message")),
    ImportReason.NOT_AN_OBJECT: lambda d: translate("ImportReasons", "the record is not a JSON object"),
    ImportReason.UNKNOWN_PARENT: lambda d: translate(
        "ImportReasons", "its parent area {code} is neither in the file nor in the store"
    ).format(code=_get(d, "code")),
    ImportReason.AREA_IN_USE: lambda d: translate(
        "ImportReasons",
        "area {code} is not in the file but {requests} request(s), {volunteers} volunteer(s) and {facilities} "
        "facilit(y/ies) lie in it; kept",
    ).format(
        code=_get(d, "code"),
        requests=_get(d, "requests", 0),
        volunteers=_get(d, "volunteers", 0),
        facilities=_get(d, "facilities", 0),
    ),
    ImportReason.CAPACITY_BELOW_LOAD: lambda d: translate(
        "ImportReasons", "capacity {capacity} is below the {active} active assignment(s) the volunteer has now"
    ).format(capacity=_get(d, "capacity"), active=_get(d, "active")),
    ImportReason.OUT_OF_SCOPE: lambda d: translate(
        "ImportReasons", "it lies outside the areas you work (or updates a request that does)"
    ),
}
_TEXTS = {code.value: text for code, text in _TEXTS.items()}

KNOWN_IMPORT_CODES: frozenset[str] = frozenset(_TEXTS)


def import_reason_text(code: Optional[str], detail: Detail = None) -> str:
    """A code of ImportReason with its detail, in words; any other text as it is."""
    key = code.value if isinstance(code, Enum) else (code or "").strip()
    if key in _TEXTS:
        return _TEXTS[key](detail)
    return key or translate("ImportReasons", "no reason given")
