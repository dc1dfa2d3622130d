"""What users read for each enum value, translated (Thai in i18n/jitasa_th.ts).

Each table maps a value to a function so the text is looked up when shown (after the translator is
installed), and each call spells out its context so pylupdate5 finds it. A test checks that every value of
every enum in `enums.SQL_ENUMS` has a label here.
"""

from __future__ import annotations

from enum import Enum
from typing import Callable

from .enums import (
    AdminLevel,
    AssignmentStatus,
    CapacityStatus,
    FacilityKind,
    RequestCategory,
    RequestStatus,
    RunStatus,
    Skill,
    Urgency,
    VehicleKind,
    VolunteerKind,
)
from .i18n import translate

_Labels = dict[Enum, Callable[[], str]]

_CATEGORY: _Labels = {
    RequestCategory.PATIENT_TRANSPORT: lambda: translate("RequestCategory", "Patient transport"),
    RequestCategory.INFECTIOUS_TRANSPORT: lambda: translate("RequestCategory", "Infectious patient transport"),
    RequestCategory.OXYGEN: lambda: translate("RequestCategory", "Oxygen"),
    RequestCategory.FOOD_SUPPLIES: lambda: translate("RequestCategory", "Food and supplies"),
    RequestCategory.MEDICINE: lambda: translate("RequestCategory", "Medicine"),
    RequestCategory.SCREENING: lambda: translate("RequestCategory", "Screening"),
    RequestCategory.VACCINATION: lambda: translate("RequestCategory", "Vaccination"),
    RequestCategory.MEDICAL_HELP: lambda: translate("RequestCategory", "Medical help"),
    RequestCategory.OTHER: lambda: translate("RequestCategory", "Other"),
}

_URGENCY: _Labels = {
    Urgency.CRITICAL: lambda: translate("Urgency", "Critical"),
    Urgency.HIGH: lambda: translate("Urgency", "High"),
    Urgency.NORMAL: lambda: translate("Urgency", "Normal"),
    Urgency.LOW: lambda: translate("Urgency", "Low"),
}

_REQUEST_STATUS: _Labels = {
    RequestStatus.NEW: lambda: translate("RequestStatus", "New"),
    RequestStatus.ASSIGNED: lambda: translate("RequestStatus", "Assigned"),
    RequestStatus.IN_PROGRESS: lambda: translate("RequestStatus", "In progress"),
    RequestStatus.DONE: lambda: translate("RequestStatus", "Done"),
    RequestStatus.CANCELLED: lambda: translate("RequestStatus", "Cancelled"),
}

_VOLUNTEER_KIND: _Labels = {
    VolunteerKind.VILLAGE_HEALTH_VOLUNTEER: lambda: translate("VolunteerKind", "Village health volunteer"),
    VolunteerKind.LOCAL_OFFICIAL: lambda: translate("VolunteerKind", "Local official"),
    VolunteerKind.STUDENT: lambda: translate("VolunteerKind", "Student volunteer"),
    VolunteerKind.COMMUNITY_LEADER: lambda: translate("VolunteerKind", "Community leader"),
    VolunteerKind.HEALTH_STAFF: lambda: translate("VolunteerKind", "Health staff"),
    VolunteerKind.KAMNAN_VILLAGE_HEAD: lambda: translate("VolunteerKind", "Kamnan or village head"),
    VolunteerKind.COMMUNITY_DEVELOPMENT_LEADER: lambda: translate(
        "VolunteerKind", "Community development volunteer leader"
    ),
    VolunteerKind.WOMENS_FUND_MEMBER: lambda: translate("VolunteerKind", "Women's Development Fund member"),
    VolunteerKind.ENVIRONMENT_VOLUNTEER: lambda: translate("VolunteerKind", "Local environment volunteer"),
}

_SKILL: _Labels = {
    Skill.FIRST_AID: lambda: translate("Skill", "First aid"),
    Skill.MEDICAL: lambda: translate("Skill", "Medical"),
    Skill.PPE_TRAINED: lambda: translate("Skill", "PPE trained"),
    Skill.DRIVING: lambda: translate("Skill", "Driving"),
    Skill.OXYGEN_HANDLING: lambda: translate("Skill", "Oxygen handling"),
    Skill.COUNSELLING: lambda: translate("Skill", "Counselling"),
}

_VEHICLE: _Labels = {
    VehicleKind.NONE: lambda: translate("VehicleKind", "No vehicle"),
    VehicleKind.MOTORCYCLE: lambda: translate("VehicleKind", "Motorcycle"),
    VehicleKind.CAR: lambda: translate("VehicleKind", "Car"),
    VehicleKind.PICKUP: lambda: translate("VehicleKind", "Pickup truck"),
    VehicleKind.AMBULANCE: lambda: translate("VehicleKind", "Ambulance"),
}

_FACILITY_KIND: _Labels = {
    FacilityKind.HOSPITAL: lambda: translate("FacilityKind", "Hospital"),
    FacilityKind.FIELD_HOSPITAL: lambda: translate("FacilityKind", "Field hospital"),
    FacilityKind.COMMUNITY_ISOLATION: lambda: translate("FacilityKind", "Community isolation centre"),
    FacilityKind.SCREENING_POINT: lambda: translate("FacilityKind", "Screening point"),
    FacilityKind.VACCINATION_POINT: lambda: translate("FacilityKind", "Vaccination point"),
    FacilityKind.OXYGEN_REFILL: lambda: translate("FacilityKind", "Oxygen refill point"),
    FacilityKind.HEALTH_CENTRE: lambda: translate("FacilityKind", "Sub-district health promoting hospital"),
    FacilityKind.CLINIC: lambda: translate("FacilityKind", "Clinic"),
    FacilityKind.PHARMACY: lambda: translate("FacilityKind", "Pharmacy"),
}

_CAPACITY_STATUS: _Labels = {
    CapacityStatus.OPEN: lambda: translate("CapacityStatus", "Open"),
    CapacityStatus.LIMITED: lambda: translate("CapacityStatus", "Limited"),
    CapacityStatus.FULL: lambda: translate("CapacityStatus", "Full"),
    CapacityStatus.CLOSED: lambda: translate("CapacityStatus", "Closed"),
}

_ADMIN_LEVEL: _Labels = {
    AdminLevel.PROVINCE: lambda: translate("AdminLevel", "Province"),
    AdminLevel.AMPHOE: lambda: translate("AdminLevel", "District (amphoe)"),
    AdminLevel.TAMBON: lambda: translate("AdminLevel", "Subdistrict (tambon)"),
}

_ASSIGNMENT_STATUS: _Labels = {
    AssignmentStatus.PROPOSED: lambda: translate("AssignmentStatus", "Proposed"),
    AssignmentStatus.ACTIVE: lambda: translate("AssignmentStatus", "Active"),
    AssignmentStatus.COMPLETED: lambda: translate("AssignmentStatus", "Completed"),
    AssignmentStatus.CANCELLED: lambda: translate("AssignmentStatus", "Cancelled"),
    AssignmentStatus.DECLINED: lambda: translate("AssignmentStatus", "Declined by volunteer"),
    AssignmentStatus.REJECTED: lambda: translate("AssignmentStatus", "Rejected"),
}

_RUN_STATUS: _Labels = {
    RunStatus.PROPOSED: lambda: translate("RunStatus", "Proposed"),
    RunStatus.CONFIRMED: lambda: translate("RunStatus", "Confirmed"),
    RunStatus.PARTIAL: lambda: translate("RunStatus", "Partly confirmed"),
    RunStatus.REJECTED: lambda: translate("RunStatus", "Rejected"),
}

LABEL_TABLES: dict[type[Enum], _Labels] = {
    RequestCategory: _CATEGORY,
    Urgency: _URGENCY,
    RequestStatus: _REQUEST_STATUS,
    VolunteerKind: _VOLUNTEER_KIND,
    Skill: _SKILL,
    VehicleKind: _VEHICLE,
    FacilityKind: _FACILITY_KIND,
    CapacityStatus: _CAPACITY_STATUS,
    AdminLevel: _ADMIN_LEVEL,
    AssignmentStatus: _ASSIGNMENT_STATUS,
    RunStatus: _RUN_STATUS,
}


def _label(enum_type: type[Enum], table: _Labels, value: Enum | str) -> str:
    return table[enum_type(value)]()


def category_label(value: RequestCategory | str) -> str:
    return _label(RequestCategory, _CATEGORY, value)


def urgency_label(value: Urgency | str) -> str:
    return _label(Urgency, _URGENCY, value)


def request_status_label(value: RequestStatus | str) -> str:
    return _label(RequestStatus, _REQUEST_STATUS, value)


def volunteer_kind_label(value: VolunteerKind | str) -> str:
    return _label(VolunteerKind, _VOLUNTEER_KIND, value)


def skill_label(value: Skill | str) -> str:
    return _label(Skill, _SKILL, value)


def vehicle_label(value: VehicleKind | str) -> str:
    return _label(VehicleKind, _VEHICLE, value)


def facility_kind_label(value: FacilityKind | str) -> str:
    return _label(FacilityKind, _FACILITY_KIND, value)


def capacity_status_label(value: CapacityStatus | str) -> str:
    return _label(CapacityStatus, _CAPACITY_STATUS, value)


def admin_level_label(value: AdminLevel | str) -> str:
    return _label(AdminLevel, _ADMIN_LEVEL, value)


def assignment_status_label(value: AssignmentStatus | str) -> str:
    return _label(AssignmentStatus, _ASSIGNMENT_STATUS, value)


def run_status_label(value: RunStatus | str) -> str:
    return _label(RunStatus, _RUN_STATUS, value)


def enum_label(value: Enum) -> str:
    """The label of any enum member from `enums` (KeyError for a type without a table)."""
    enum_type = type(value)
    return _label(enum_type, LABEL_TABLES[enum_type], value)
