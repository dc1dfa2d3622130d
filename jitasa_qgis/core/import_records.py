"""What every importer hands back: records it could not take (with a reason code) and counts.

A `Reject` keeps the record as it came (`raw`, JSON-able) so an officer can fix the source; the store keeps
each distinct reject once (jitasa.import_reject, keyed by a hash of raw and reason), so importing the same
file again adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from ..definitions.import_reasons import ImportReason

# Thailand's extent with a margin (EPSG:4326): a point outside is a typo or a swapped lon/lat.
THAILAND_BBOX = (97.3, 5.5, 105.7, 20.5)


def inside_thailand(lon: float, lat: float) -> bool:
    west, south, east, north = THAILAND_BBOX
    return west <= lon <= east and south <= lat <= north


@dataclass(frozen=True)
class Reject:
    record_key: Optional[str]  # the record's source id, or "row 12" for a file row
    reason: str  # an ImportReason value
    detail: Mapping[str, Any] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(default_factory=dict)

    def raw_hash(self) -> str:
        """The same record refused for the same reason hashes the same (keys sorted, text as UTF-8)."""
        body = json.dumps({"raw": self.raw, "reason": self.reason}, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.md5(body.encode("utf-8")).hexdigest()  # noqa: S324 (a key, not a secret)


def reject(record_key: Optional[str], reason: ImportReason, raw: Mapping[str, Any], **detail: Any) -> Reject:
    return Reject(record_key, reason.value, dict(detail), dict(raw))


def jsonable(value: Any) -> Any:
    """A raw value as JSON can hold it (dates and numbers of a spreadsheet as text)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return str(value)
