"""Seeded generator of realistic demo help requests and volunteers inside real tambons.

Output is column-oriented (numpy arrays; text columns are object arrays whose strings are shared from
small vocabularies), because benchmarks ask for a million requests across Thailand's 7,425 tambons.
Everything is drawn from one numpy Generator per batch, in a fixed order: the same seed gives the same batch.

Where people live: each tambon has a centre (its centroid, or a point on its surface when the centroid falls
outside); tambons whose code ends in '01' hold the amphoe seat and are weighted heavier and drawn tighter.
Points get gaussian offsets of 1-3 km from the centre and are redrawn until they fall inside their tambon.
Personal data is fake: random name combinations, and phones of the form 08x-000-xxxx (the 000 marks them).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Sequence, Union

import numpy as np
from shapely import vectorized, wkb
from shapely.prepared import prep

from ..definitions.enums import (
    AdminLevel,
    RequestCategory,
    RequestStatus,
    Skill,
    Urgency,
    VehicleKind,
    VolunteerKind,
)
from ..definitions.i18n import translate
from .admin_source import AdminAreaRecord, DemoDataError

DEFAULT_SEED = 67  # the province code of Phetchabun; tools and Processing use the same
DEFAULT_N_REQUESTS = 2000
DEFAULT_N_VOLUNTEERS = 600
WINDOW_S = 72 * 3600  # requests were created during the last 72 hours

KM_PER_DEG = 111.32
SEAT_WEIGHT = 4.0  # an amphoe seat tambon draws four times the requests of a rural one
SEAT_SIGMA_KM = 1.0  # towns are dense
SIGMA_KM_RANGE = (1.0, 3.0)
_GAUSS_ROUNDS = 12
_UNIFORM_ROUNDS = 60


# --- where: tambon geometry and point sampling -------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TambonSet:
    """Tambon polygons prepared once for sampling; build with `from_records` and reuse across batches."""

    codes: np.ndarray  # object array of DOPA codes
    polygons: list
    prepared: list
    centre_lon: np.ndarray
    centre_lat: np.ndarray
    area_km2: np.ndarray
    is_seat: np.ndarray  # bool: code ends in '01' (the amphoe seat)
    sigma_km: np.ndarray
    bounds: np.ndarray  # (n, 4): minx, miny, maxx, maxy

    def __len__(self) -> int:
        return len(self.codes)

    @classmethod
    def from_records(cls, areas: Sequence[AdminAreaRecord]) -> TambonSet:
        tambons = sorted((a for a in areas if a.level == AdminLevel.TAMBON.value), key=lambda a: a.code)
        if not tambons:
            raise DemoDataError(
                translate("DemoData", "no tambons given: demo requests and volunteers need at least one tambon")
            )
        polygons = [wkb.loads(a.wkb) for a in tambons]
        centres = []
        for poly in polygons:
            c = poly.centroid
            centres.append(c if poly.contains(c) else poly.representative_point())
        lat = np.array([c.y for c in centres])
        area = np.array([p.area for p in polygons]) * KM_PER_DEG**2 * np.cos(np.radians(lat))
        is_seat = np.array([a.code.endswith("01") for a in tambons])
        sigma = np.clip(0.15 * np.sqrt(area), *SIGMA_KM_RANGE)
        sigma[is_seat] = SEAT_SIGMA_KM
        return cls(
            codes=np.array([a.code for a in tambons], dtype=object),
            polygons=polygons,
            prepared=[prep(p) for p in polygons],
            centre_lon=np.array([c.x for c in centres]),
            centre_lat=lat,
            area_km2=area,
            is_seat=is_seat,
            sigma_km=sigma,
            bounds=np.array([p.bounds for p in polygons]),
        )

    def weights(self, seat_weight: float = SEAT_WEIGHT) -> np.ndarray:
        """Share of demand per tambon: seats heavier, large tambons somewhat more (more villages)."""
        size = np.clip(np.sqrt(self.area_km2 / np.median(self.area_km2)), 0.5, 2.0)
        w = np.where(self.is_seat, seat_weight, 1.0) * size
        return w / w.sum()

    def contains(self, tambon_idx: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Whether each point lies in its own tambon; one vectorized call per tambon present."""
        inside = np.zeros(len(tambon_idx), dtype=bool)
        if len(tambon_idx) == 0:
            return inside
        order = np.argsort(tambon_idx, kind="stable")
        sorted_idx = tambon_idx[order]
        starts = np.flatnonzero(np.r_[True, sorted_idx[1:] != sorted_idx[:-1]])
        ends = np.r_[starts[1:], len(order)]
        for s, e in zip(starts, ends):
            sel = order[s:e]
            inside[sel] = vectorized.contains(self.prepared[sorted_idx[s]], lon[sel], lat[sel])
        return inside

    def sample_points(self, tambon_idx: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Points near each tambon's centre, redrawn until inside; uniform-in-tambon as a fallback."""
        n = len(tambon_idx)
        lon = np.empty(n)
        lat = np.empty(n)
        jitter = rng.uniform(0.7, 1.3, n)  # not every village sits at the same distance
        sig_lat = self.sigma_km[tambon_idx] * jitter / KM_PER_DEG
        sig_lon = sig_lat / np.cos(np.radians(self.centre_lat[tambon_idx]))
        pending = np.arange(n)
        for _ in range(_GAUSS_ROUNDS):
            if not len(pending):
                break
            t = tambon_idx[pending]
            x = self.centre_lon[t] + rng.standard_normal(len(pending)) * sig_lon[pending]
            y = self.centre_lat[t] + rng.standard_normal(len(pending)) * sig_lat[pending]
            pending = self._accept(pending, t, x, y, lon, lat)
        for _ in range(_UNIFORM_ROUNDS):  # tiny or odd-shaped tambons: uniform within the bounding box
            if not len(pending):
                break
            t = tambon_idx[pending]
            b = self.bounds[t]
            x = rng.uniform(b[:, 0], b[:, 2])
            y = rng.uniform(b[:, 1], b[:, 3])
            pending = self._accept(pending, t, x, y, lon, lat)
        for i in pending:  # never reached in practice; keeps the guarantee unconditional
            p = self.polygons[tambon_idx[i]].representative_point()
            lon[i], lat[i] = p.x, p.y
        return lon, lat

    def _accept(self, pending, t, x, y, lon, lat) -> np.ndarray:
        ok = self.contains(t, x, y)
        lon[pending[ok]] = x[ok]
        lat[pending[ok]] = y[ok]
        return pending[~ok]


# --- what: vocabularies (Thai) -----------------------------------------------------------------------------

_MALE_FIRST = (
    "สมชาย",
    "สมศักดิ์",
    "ประเสริฐ",
    "วิชัย",
    "สุรชัย",
    "ธนากร",
    "อนุชา",
    "ณัฐพล",
    "กิตติพงษ์",
    "ชัยวัฒน์",
    "บุญมี",
    "สมบัติ",
    "ทองดี",
    "ประยุทธ",
    "วีระ",
    "เกียรติศักดิ์",
    "พงศกร",
    "ธีรวัฒน์",
    "อำนาจ",
    "สุริยา",
    "มานพ",
    "เอกชัย",
    "ภานุวัฒน์",
    "ศุภชัย",
    "นพดล",
)
_FEMALE_FIRST = (
    "สมศรี",
    "มาลี",
    "วันเพ็ญ",
    "สุดารัตน์",
    "กาญจนา",
    "ปราณี",
    "อรุณี",
    "จันทร์เพ็ญ",
    "บุญเรือน",
    "นงลักษณ์",
    "พรทิพย์",
    "ศิริพร",
    "ณัฐธิดา",
    "สุภาพร",
    "รัตนา",
    "อัมพร",
    "ทองใบ",
    "เพ็ญศรี",
    "ชนิดา",
    "ปิยะนุช",
    "วาสนา",
    "สายสุนีย์",
    "ลำดวน",
    "จิราพร",
    "อุไรวรรณ",
)
_LAST = (
    "ใจดี",
    "ศรีสุข",
    "บุญมา",
    "แก้วมณี",
    "ทองคำ",
    "สุขเจริญ",
    "มีสุข",
    "พรหมมา",
    "จันทร์แก้ว",
    "ศรีวงศ์",
    "อินทร์แก้ว",
    "คำแดง",
    "บุญเรือง",
    "ทองมา",
    "สีดา",
    "แสงทอง",
    "วงศ์ใหญ่",
    "ปัญญาดี",
    "ชัยมงคล",
    "พึ่งบุญ",
    "สายทอง",
    "เพชรรัตน์",
    "ดวงดี",
    "นาคสุข",
    "โพธิ์ทอง",
    "คงสวัสดิ์",
    "รุ่งเรือง",
    "บัวขาว",
    "หอมจันทร์",
    "ศรีอ่อน",
    "เย็นใจ",
    "ภูมิใจ",
)
# Every combination once; rows index into it, so a million names cost a million pointers, not strings.
FAKE_NAMES = tuple(
    f"{title}{first} {last}"
    for title, firsts in (("นาย", _MALE_FIRST), ("นาง", _FEMALE_FIRST), ("นางสาว", _FEMALE_FIRST))
    for first in firsts
    for last in _LAST
)

_CATEGORY_P = {
    RequestCategory.PATIENT_TRANSPORT: 0.18,
    RequestCategory.INFECTIOUS_TRANSPORT: 0.08,
    RequestCategory.OXYGEN: 0.07,
    RequestCategory.FOOD_SUPPLIES: 0.22,
    RequestCategory.MEDICINE: 0.12,
    RequestCategory.SCREENING: 0.12,
    RequestCategory.VACCINATION: 0.09,
    RequestCategory.MEDICAL_HELP: 0.08,
    RequestCategory.OTHER: 0.04,
}
_URGENCIES = (Urgency.CRITICAL, Urgency.HIGH, Urgency.NORMAL, Urgency.LOW)
# Urgency given category (critical, high, normal, low): oxygen and medical help are the urgent ones.
_URGENCY_P = {
    RequestCategory.PATIENT_TRANSPORT: (0.10, 0.35, 0.45, 0.10),
    RequestCategory.INFECTIOUS_TRANSPORT: (0.20, 0.45, 0.30, 0.05),
    RequestCategory.OXYGEN: (0.45, 0.40, 0.12, 0.03),
    RequestCategory.FOOD_SUPPLIES: (0.02, 0.15, 0.55, 0.28),
    RequestCategory.MEDICINE: (0.05, 0.30, 0.50, 0.15),
    RequestCategory.SCREENING: (0.02, 0.18, 0.55, 0.25),
    RequestCategory.VACCINATION: (0.01, 0.09, 0.50, 0.40),
    RequestCategory.MEDICAL_HELP: (0.30, 0.40, 0.25, 0.05),
    RequestCategory.OTHER: (0.02, 0.10, 0.50, 0.38),
}
# Extra people per request (poisson mean): a food parcel feeds a household.
_EXTRA_PEOPLE = {RequestCategory.FOOD_SUPPLIES: 2.0, RequestCategory.SCREENING: 0.8, RequestCategory.VACCINATION: 0.8}
_STATUSES = (
    RequestStatus.NEW,
    RequestStatus.ASSIGNED,
    RequestStatus.IN_PROGRESS,
    RequestStatus.DONE,
    RequestStatus.CANCELLED,
)
# Status given age (<24 h, 24-48 h, 48-72 h): older requests are more often closed.
_STATUS_P = ((0.55, 0.25, 0.12, 0.05, 0.03), (0.30, 0.28, 0.12, 0.20, 0.10), (0.15, 0.20, 0.10, 0.40, 0.15))
_NOTES = {
    RequestCategory.PATIENT_TRANSPORT: (
        "ผู้ป่วยติดเตียง ต้องการรถไปโรงพยาบาล",
        "นัดฟอกไตพรุ่งนี้เช้า ไม่มีรถไป",
        "ผู้สูงอายุ เดินไม่ได้ ต้องไปตามนัดแพทย์",
        "ขาหัก ต้องการรถไปตรวจ",
    ),
    RequestCategory.INFECTIOUS_TRANSPORT: (
        "ผลตรวจ ATK เป็นบวก ต้องการรถไปศูนย์พักคอย",
        "ติดเชื้อ มีไข้สูง ต้องไปโรงพยาบาล",
        "ผู้ติดเชื้อ รอเตียง ต้องการรถรับส่ง",
    ),
    RequestCategory.OXYGEN: (
        "หายใจเหนื่อย ออกซิเจนปลายนิ้ว 92",
        "ถังออกซิเจนใกล้หมด ต้องการเติม",
        "ผู้ป่วยโควิด หอบ ต้องการเครื่องผลิตออกซิเจน",
    ),
    RequestCategory.FOOD_SUPPLIES: (
        "กักตัวที่บ้าน ขาดอาหารและน้ำดื่ม",
        "ต้องการข้าวสาร อาหารแห้ง",
        "ครอบครัวกักตัว ต้องการถุงยังชีพ",
        "ต้องการนมผงสำหรับเด็กเล็ก",
    ),
    RequestCategory.MEDICINE: (
        "ยาความดันหมด ต้องการรับยาแทน",
        "ต้องการยาฟ้าทะลายโจร",
        "ยาเบาหวานใกล้หมด",
        "ต้องการยาลดไข้และเกลือแร่",
    ),
    RequestCategory.SCREENING: (
        "มีอาการไข้ ไอ ต้องการตรวจ ATK",
        "สัมผัสผู้ติดเชื้อ ต้องการตรวจหาเชื้อ",
        "ต้องการชุดตรวจ ATK สำหรับคนในบ้าน",
    ),
    RequestCategory.VACCINATION: ("ผู้สูงอายุ ต้องการลงทะเบียนฉีดวัคซีน", "ต้องการฉีดวัคซีนเข็มสอง", "ผู้ป่วยติดเตียง ต้องการฉีดวัคซีนที่บ้าน"),
    RequestCategory.MEDICAL_HELP: ("มีไข้สูง ต้องการคำปรึกษาจากแพทย์", "ผู้ติดเชื้อ อาการแย่ลง", "แผลกดทับ ต้องการทำแผล"),
    RequestCategory.OTHER: ("ต้องการความช่วยเหลือด้านเอกสาร", "สัตว์เลี้ยงไม่มีคนดูแลระหว่างกักตัว", "ต้องการคนช่วยดูแลผู้สูงอายุ"),
}
_ON_BEHALF = ("แจ้งแทนแม่: ", "แจ้งแทนพ่อ: ", "แจ้งแทนเพื่อนบ้าน: ", "แจ้งแทนญาติ: ", "แจ้งแทนลูก: ")
_DONE_REASONS = ("ดำเนินการเรียบร้อย", "ส่งถึงโรงพยาบาลแล้ว", "ส่งมอบของแล้ว", "ส่งต่อหน่วยงานสาธารณสุขแล้ว")
_CANCEL_REASONS = (
    "ผู้แจ้งยกเลิกเอง",
    "ติดต่อผู้แจ้งไม่ได้",
    "ได้รับความช่วยเหลือจากหน่วยงานอื่นแล้ว",
    "คำขอซ้ำ",
    "ข้อมูลไม่ครบ ตำแหน่งไม่ถูกต้อง",
)

# Volunteers: อสม. are the backbone; the rest by share (every group the Ministry of Interior names appears).
_KIND_P = {
    VolunteerKind.VILLAGE_HEALTH_VOLUNTEER: 0.47,
    VolunteerKind.LOCAL_OFFICIAL: 0.15,
    VolunteerKind.STUDENT: 0.12,
    VolunteerKind.COMMUNITY_LEADER: 0.10,
    VolunteerKind.HEALTH_STAFF: 0.08,
    VolunteerKind.KAMNAN_VILLAGE_HEAD: 0.03,
    VolunteerKind.COMMUNITY_DEVELOPMENT_LEADER: 0.02,
    VolunteerKind.WOMENS_FUND_MEMBER: 0.02,
    VolunteerKind.ENVIRONMENT_VOLUNTEER: 0.01,
}
_VEHICLES = (VehicleKind.NONE, VehicleKind.MOTORCYCLE, VehicleKind.CAR, VehicleKind.PICKUP, VehicleKind.AMBULANCE)
_VEHICLE_P = {  # none, motorcycle, car, pickup, ambulance
    VolunteerKind.VILLAGE_HEALTH_VOLUNTEER: (0.25, 0.45, 0.10, 0.20, 0.0),
    VolunteerKind.LOCAL_OFFICIAL: (0.10, 0.25, 0.35, 0.30, 0.0),
    VolunteerKind.STUDENT: (0.50, 0.45, 0.05, 0.0, 0.0),
    VolunteerKind.COMMUNITY_LEADER: (0.10, 0.35, 0.20, 0.35, 0.0),
    VolunteerKind.HEALTH_STAFF: (0.30, 0.20, 0.25, 0.10, 0.15),
    VolunteerKind.KAMNAN_VILLAGE_HEAD: (0.05, 0.35, 0.25, 0.35, 0.0),
    VolunteerKind.COMMUNITY_DEVELOPMENT_LEADER: (0.10, 0.40, 0.20, 0.30, 0.0),
    VolunteerKind.WOMENS_FUND_MEMBER: (0.35, 0.45, 0.10, 0.10, 0.0),
    VolunteerKind.ENVIRONMENT_VOLUNTEER: (0.30, 0.50, 0.10, 0.10, 0.0),
}
# Skill probabilities by kind; 1.0 means always. Order: first_aid, medical, ppe_trained, oxygen, counselling.
_SKILLS = (Skill.FIRST_AID, Skill.MEDICAL, Skill.PPE_TRAINED, Skill.OXYGEN_HANDLING, Skill.COUNSELLING)
_SKILL_P = {
    VolunteerKind.VILLAGE_HEALTH_VOLUNTEER: (0.70, 0.0, 0.35, 0.15, 0.30),
    VolunteerKind.LOCAL_OFFICIAL: (0.30, 0.0, 0.20, 0.05, 0.20),
    VolunteerKind.STUDENT: (0.30, 0.0, 0.10, 0.0, 0.20),
    VolunteerKind.COMMUNITY_LEADER: (0.40, 0.0, 0.15, 0.05, 0.40),
    VolunteerKind.HEALTH_STAFF: (1.0, 1.0, 0.70, 0.50, 0.30),
    VolunteerKind.KAMNAN_VILLAGE_HEAD: (0.40, 0.0, 0.15, 0.05, 0.40),
    VolunteerKind.COMMUNITY_DEVELOPMENT_LEADER: (0.40, 0.0, 0.15, 0.05, 0.40),
    VolunteerKind.WOMENS_FUND_MEMBER: (0.40, 0.0, 0.10, 0.05, 0.40),
    VolunteerKind.ENVIRONMENT_VOLUNTEER: (0.35, 0.0, 0.10, 0.0, 0.20),
}
_DRIVEN = (VehicleKind.CAR, VehicleKind.PICKUP, VehicleKind.AMBULANCE)  # owning one means the driving skill


# --- batches -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class RequestBatch:
    """Help requests, one array per column. Times are ages (seconds before loading), so a batch is
    identical for a seed whenever it is made; the writer turns ages into timestamps."""

    lon: np.ndarray
    lat: np.ndarray
    drawn_in_tambon: np.ndarray  # where the point was drawn (for checks); the store derives its own
    category: np.ndarray
    urgency: np.ndarray
    status: np.ndarray
    closure_reason: np.ndarray
    people_count: np.ndarray
    note: np.ndarray
    requester_name: np.ndarray
    requester_phone: np.ndarray
    for_someone_else: np.ndarray
    location_accuracy_m: np.ndarray
    age_s: np.ndarray

    def __len__(self) -> int:
        return len(self.lon)

    def same_as(self, other: RequestBatch) -> bool:
        return _same_columns(self, other)


@dataclass(frozen=True, eq=False)
class VolunteerBatch:
    lon: np.ndarray
    lat: np.ndarray
    drawn_in_tambon: np.ndarray
    name: np.ndarray
    phone: np.ndarray
    kind: np.ndarray
    skills: np.ndarray  # object array of tuples of Skill values
    vehicle: np.ndarray
    capacity: np.ndarray
    available: np.ndarray
    team: np.ndarray  # object array: the team's name, or None (not in a team)

    def __len__(self) -> int:
        return len(self.lon)

    def same_as(self, other: VolunteerBatch) -> bool:
        return _same_columns(self, other)


def _same_columns(a, b) -> bool:
    return type(a) is type(b) and all(np.array_equal(getattr(a, f.name), getattr(b, f.name)) for f in fields(a))


# --- generators --------------------------------------------------------------------------------------------

Areas = Union[TambonSet, Sequence[AdminAreaRecord]]


def generate_requests(areas: Areas, n: int = DEFAULT_N_REQUESTS, seed: int = DEFAULT_SEED) -> RequestBatch:
    """`n` help requests inside the given tambons (other admin levels in `areas` are ignored)."""
    tambons = _tambon_set(areas)
    rng = np.random.default_rng([seed, 0])
    t_idx = rng.choice(len(tambons), size=n, p=tambons.weights())
    lon, lat = tambons.sample_points(t_idx, rng)

    categories = list(_CATEGORY_P)
    cat = rng.choice(len(categories), size=n, p=list(_CATEGORY_P.values()))
    urg = _conditional_choice(rng, cat, np.array([_URGENCY_P[c] for c in categories]))
    age = (WINDOW_S * (1.0 - np.sqrt(rng.random(n)))).astype(np.int32)  # more recent requests are commoner
    status = _conditional_choice(rng, np.minimum(age // (24 * 3600), 2), np.array(_STATUS_P))

    done = status == _STATUSES.index(RequestStatus.DONE)
    cancelled = status == _STATUSES.index(RequestStatus.CANCELLED)
    closure = np.full(n, None, dtype=object)
    with_reason = done & (rng.random(n) < 0.7)
    closure[with_reason] = _pick(rng, _DONE_REASONS, int(with_reason.sum()))
    closure[cancelled] = _pick(rng, _CANCEL_REASONS, int(cancelled.sum()))  # the schema requires one

    extra = np.array([_EXTRA_PEOPLE.get(c, 0.2) for c in categories])[cat]
    people = np.minimum(1 + rng.poisson(extra), 12).astype(np.int16)
    behalf_p = np.where(
        np.isin(
            cat,
            [
                categories.index(c)
                for c in (RequestCategory.PATIENT_TRANSPORT, RequestCategory.OXYGEN, RequestCategory.MEDICAL_HELP)
            ],
        ),
        0.5,
        0.3,
    )
    for_other = rng.random(n) < behalf_p
    note = _notes(rng, cat, for_other, categories)

    return RequestBatch(
        lon=lon,
        lat=lat,
        drawn_in_tambon=tambons.codes[t_idx],
        category=_labels(categories)[cat],
        urgency=_labels(_URGENCIES)[urg],
        status=_labels(_STATUSES)[status],
        closure_reason=closure,
        people_count=people,
        note=note,
        requester_name=_pick(rng, FAKE_NAMES, n),
        requester_phone=_fake_phones(rng, n),
        for_someone_else=for_other,
        location_accuracy_m=_accuracy(rng, n),
        age_s=age,
    )


def generate_volunteers(areas: Areas, n: int = DEFAULT_N_VOLUNTEERS, seed: int = DEFAULT_SEED) -> VolunteerBatch:
    """`n` volunteers living in the given tambons, with skills and vehicles that fit their kind."""
    tambons = _tambon_set(areas)
    rng = np.random.default_rng([seed, 1])
    kinds = list(_KIND_P)
    kind = rng.choice(len(kinds), size=n, p=list(_KIND_P.values()))
    # Health staff and officials live and work near the amphoe seat.
    near_seat = np.isin(kind, [kinds.index(k) for k in (VolunteerKind.HEALTH_STAFF, VolunteerKind.LOCAL_OFFICIAL)])
    t_idx = np.where(
        near_seat,
        rng.choice(len(tambons), size=n, p=tambons.weights(seat_weight=8.0)),
        rng.choice(len(tambons), size=n, p=tambons.weights()),
    )
    lon, lat = tambons.sample_points(t_idx, rng)

    vehicle = _conditional_choice(rng, kind, np.array([_VEHICLE_P[k] for k in kinds]))
    has_skill = rng.random((n, len(_SKILLS))) < np.array([_SKILL_P[k] for k in kinds])[kind]
    drives = np.isin(vehicle, [_VEHICLES.index(v) for v in _DRIVEN]) | (rng.random(n) < 0.10)
    available = rng.random(n) < 0.85
    team = _teams(tambons.codes[t_idx], rng.random(n) < TEAM_SHARE)  # drawn last: the other columns stay
    return VolunteerBatch(
        lon=lon,
        lat=lat,
        drawn_in_tambon=tambons.codes[t_idx],
        name=_pick(rng, FAKE_NAMES, n),
        phone=_fake_phones(rng, n),
        kind=_labels(kinds)[kind],
        skills=_skill_tuples(has_skill, drives),
        vehicle=_labels(_VEHICLES)[vehicle],
        capacity=rng.choice(np.array([1, 2, 3], dtype=np.int16), size=n, p=[0.5, 0.35, 0.15]),
        available=available,
        team=team,
    )


TEAM_SIZE = 4  # volunteers of a tambon go out in teams of up to this many
TEAM_SHARE = 0.8  # the share of volunteers in a team; the others work alone


def _teams(tambon_codes: np.ndarray, in_team: np.ndarray) -> np.ndarray:
    """Teams of up to TEAM_SIZE of the volunteers of one tambon who are in a team, in row order, named
    "ทีม <tambon code>-<n>" (a tambon's name is not unique in a province; its code is)."""
    team = np.full(len(tambon_codes), None, dtype=object)
    seen: dict[str, int] = {}
    for row in np.flatnonzero(in_team).tolist():
        code = str(tambon_codes[row])
        k = seen.get(code, 0)
        seen[code] = k + 1
        team[row] = f"ทีม {code}-{k // TEAM_SIZE + 1}"
    return team


def generate_demo(
    areas: Areas,
    n_requests: int = DEFAULT_N_REQUESTS,
    n_volunteers: int = DEFAULT_N_VOLUNTEERS,
    seed: int = DEFAULT_SEED,
) -> tuple[RequestBatch, VolunteerBatch]:
    tambons = _tambon_set(areas)  # prepared once for both batches
    return generate_requests(tambons, n_requests, seed), generate_volunteers(tambons, n_volunteers, seed)


# --- helpers -----------------------------------------------------------------------------------------------


def _tambon_set(areas: Areas) -> TambonSet:
    return areas if isinstance(areas, TambonSet) else TambonSet.from_records(areas)


def _labels(values) -> np.ndarray:
    return np.array([getattr(v, "value", v) for v in values], dtype=object)


def _pick(rng: np.random.Generator, vocabulary: Sequence[str], n: int) -> np.ndarray:
    return np.array(vocabulary, dtype=object)[rng.integers(len(vocabulary), size=n)]


def _conditional_choice(rng: np.random.Generator, given: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Row-wise categorical draw: row i uses probabilities table[given[i]]."""
    cum = np.cumsum(table, axis=1)
    cum[:, -1] = 1.0  # guard against rounding leaving a gap at the top
    u = rng.random(len(given))
    return (u[:, None] >= cum[given]).sum(axis=1)


def _notes(rng: np.random.Generator, cat: np.ndarray, for_other: np.ndarray, categories: list) -> np.ndarray:
    n = len(cat)
    pick = rng.random(n)
    relation = rng.integers(len(_ON_BEHALF), size=n)
    note = np.full(n, None, dtype=object)
    for c, category in enumerate(categories):
        # Each variant made once and shared: (template, on-behalf prefix or none).
        texts = _NOTES[category]
        variants = np.array([[p + t for p in ("",) + _ON_BEHALF] for t in texts], dtype=object)
        sel = cat == c
        t = (pick[sel] * len(texts)).astype(int)
        r = np.where(for_other[sel], relation[sel] + 1, 0)
        note[sel] = variants[t, r]
    note[rng.random(n) < 0.1] = None  # some people leave the note empty
    return note


def _fake_phones(rng: np.random.Generator, n: int) -> np.ndarray:
    number = rng.integers(0, 100_000, size=n)
    unique, inverse = np.unique(number, return_inverse=True)
    texts = np.array([f"08{u // 10000}-000-{u % 10000:04d}" for u in unique.tolist()], dtype=object)
    return texts[inverse]


def _accuracy(rng: np.random.Generator, n: int) -> np.ndarray:
    """GPS fixes (~12 m), network positions (~150 m) and hand-placed pins (~800 m)."""
    source = rng.choice(3, size=n, p=[0.75, 0.20, 0.05])
    median = np.array([12.0, 150.0, 800.0])[source]
    spread = np.array([0.6, 0.7, 0.5])[source]
    return np.round(median * np.exp(rng.standard_normal(n) * spread), 1).astype(np.float32)


def _skill_tuples(has_skill: np.ndarray, drives: np.ndarray) -> np.ndarray:
    """Skill flags -> shared tuples of Skill values (one tuple object per distinct combination)."""
    names = [s.value for s in _SKILLS + (Skill.DRIVING,)]
    flags = np.column_stack([has_skill, drives])
    mask = flags.astype(np.int64) @ (1 << np.arange(flags.shape[1]))
    unique, inverse = np.unique(mask, return_inverse=True)
    tuples = np.empty(len(unique), dtype=object)
    tuples[:] = [tuple(nm for b, nm in enumerate(names) if m >> b & 1) for m in unique.tolist()]
    return tuples[inverse]
