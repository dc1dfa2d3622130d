"""Per-tambon vaccination / screening counts from a ministry sheet (a core Table) → count records or rejects.

Columns (Thai or English headers guessed, or a `field=column` mapping): tambon code, target population,
vaccinated / screened, the date of the count and the campaign (both may be one value for the whole file).
A count is a whole number of 0 or more ('1,234' and '1234.0' are read; '12.5', 'n/a' and '-3' are refused
with the field and value); a date is ISO (2021-08-01) or day/month/year, Buddhist years (2564) converted.
The same (tambon, campaign, date) twice in a file keeps the first and refuses the rest. Whether a tambon
code is known is the store's to say (store.coverage_counts), not this module's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from ..definitions.i18n import translate
from ..definitions.import_reasons import ImportReason
from .field_mapping import guess_mapping, parse_mapping
from .import_records import Reject, jsonable, reject
from .tabular import Table

FIELDS = ("tambon_code", "target_population", "covered", "as_of", "campaign")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "tambon_code": ("tambon_code", "tambon code", "tambon", "subdistrict_code", "รหัสตำบล", "รหัส ตำบล", "code"),
    "target_population": (
        "target_population",
        "target",
        "population",
        "ประชากรเป้าหมาย",
        "กลุ่มเป้าหมาย",
        "เป้าหมาย",
        "ประชากร",
    ),
    "covered": (
        "covered",
        "vaccinated",
        "screened",
        "ได้รับวัคซีน",
        "ฉีดแล้ว",
        "คัดกรองแล้ว",
        "จำนวนที่ได้รับ",
    ),
    "as_of": ("as_of", "date", "วันที่", "ข้อมูล ณ วันที่", "ณ วันที่"),
    "campaign": ("campaign", "แคมเปญ", "โครงการ"),
}
CAMPAIGN_PATTERN = re.compile(r"^[a-z0-9_]{1,40}$")  # as the table's CHECK says
TAMBON_PATTERN = re.compile(r"^[0-9]{6}$")  # a DOPA tambon code
BUDDHIST_OFFSET = 543


@dataclass(frozen=True)
class CountRecord:
    tambon_code: str
    campaign: str
    as_of: dt.date
    target_population: int
    covered: int
    row: str  # "row 12", for rejects the store adds (unknown tambon)
    raw: dict


@dataclass
class CountRows:
    records: list[CountRecord] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)


def parse_count(text: Optional[str]) -> tuple[Optional[int], Optional[ImportReason]]:
    """A whole number of people ≥ 0 from a cell's text: (value, None) or (None, the reason)."""
    cleaned = (text or "").strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None, ImportReason.MISSING_FIELD
    try:
        value = float(cleaned)
    except ValueError:
        return None, ImportReason.BAD_NUMBER
    if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
        return None, ImportReason.BAD_NUMBER
    if value < 0:
        return None, ImportReason.NEGATIVE_NUMBER
    return int(value), None


def parse_date(text: Optional[str]) -> Optional[dt.date]:
    """ISO or day/month/year (also with '-' or '.'), Buddhist years converted; None when it is neither."""
    text = (text or "").strip()
    if not text:
        return None
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", text)
        if not m:
            return None
        d, mo, y = (int(x) for x in m.groups())
    if y > 2400:
        y -= BUDDHIST_OFFSET
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def count_records(
    table: Table, mapping_text: str = "", campaign: Optional[str] = None, as_of: Optional[dt.date] = None
) -> CountRows:
    """The table's rows as count records and rejects (see the module docstring).

    `campaign` / `as_of`: the value for rows (or a file) without that column. ValueError when a field the
    rows need has neither a column nor a value, or the campaign given is not a code."""
    given = parse_mapping(mapping_text, FIELDS)
    mapping = guess_mapping(table.headers, SYNONYMS, given)
    if campaign is not None and not CAMPAIGN_PATTERN.match(campaign):
        raise ValueError(
            translate(
                "CoverageCounts", "The campaign '{0}' must be lower-case letters, digits and _ (e.g. covid19_dose2)."
            ).format(campaign)
        )
    for needed in ("tambon_code", "target_population", "covered"):
        if needed not in mapping:
            raise ValueError(
                translate("CoverageCounts", "No column for {0} in {1}. Its columns: {2}.").format(
                    needed, table.name, ", ".join(table.headers)
                )
            )
    if "campaign" not in mapping and campaign is None:
        raise ValueError(translate("CoverageCounts", "The file has no campaign column: give the campaign."))
    if "as_of" not in mapping and as_of is None:
        raise ValueError(translate("CoverageCounts", "The file has no date column: give the date of the counts."))
    out = CountRows(mapping=mapping)
    seen: dict[tuple[str, str, dt.date], str] = {}
    numbers = table.row_numbers or list(range(2, len(table) + 2))
    for row, number in zip(table.rows, numbers):
        key = f"row {number}"  # a key like the other importers' (stored, not shown as a sentence)
        raw = {h: jsonable(v) for h, v in row.items()}

        def cell(name: str, row: dict = row) -> Optional[str]:
            column = mapping.get(name)
            return row.get(column) if column else None

        code = (cell("tambon_code") or "").strip()
        if not code:
            out.rejects.append(reject(key, ImportReason.MISSING_FIELD, raw, field="tambon_code"))
            continue
        if not TAMBON_PATTERN.match(code):
            out.rejects.append(reject(key, ImportReason.BAD_CODE, raw, field="tambon_code", value=code))
            continue
        values = {}
        bad = None
        for name in ("target_population", "covered"):
            value, reason = parse_count(cell(name))
            if reason is not None:
                bad = reject(key, reason, raw, field=name, value=cell(name) or "")
                break
            values[name] = value
        if bad is not None:
            out.rejects.append(bad)
            continue
        this_campaign = (cell("campaign") or "").strip().lower() or campaign
        if not this_campaign or not CAMPAIGN_PATTERN.match(this_campaign):
            out.rejects.append(reject(key, ImportReason.BAD_CODE, raw, field="campaign", value=this_campaign or ""))
            continue
        date_text = cell("as_of")
        this_date = parse_date(date_text) if date_text else as_of
        if this_date is None:
            out.rejects.append(reject(key, ImportReason.BAD_DATE, raw, field="as_of", value=date_text or ""))
            continue
        first = seen.get((code, this_campaign, this_date))
        if first is not None:
            out.rejects.append(reject(key, ImportReason.DUPLICATE_IN_BATCH, raw, key=code, first=first))
            continue
        seen[(code, this_campaign, this_date)] = key
        out.records.append(
            CountRecord(code, this_campaign, this_date, values["target_population"], values["covered"], key, raw)
        )
    return out
