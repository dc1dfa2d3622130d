"""The vocabulary of the store: every enum here has an identical SQL enum in resources/sql.

Values are the SQL labels (ASCII, stable); what users read comes from `labels.py`, translated.
A test compares these with the database's enums so the two never drift apart.
"""

from __future__ import annotations

from enum import Enum


class RequestCategory(str, Enum):
    PATIENT_TRANSPORT = "patient_transport"  # a ride to hospital or screening
    INFECTIOUS_TRANSPORT = "infectious_transport"  # a ride for a suspected/confirmed case (needs PPE)
    OXYGEN = "oxygen"
    FOOD_SUPPLIES = "food_supplies"
    MEDICINE = "medicine"
    SCREENING = "screening"
    VACCINATION = "vaccination"
    MEDICAL_HELP = "medical_help"
    OTHER = "other"


class Urgency(str, Enum):
    CRITICAL = "critical"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


# Lower rank is served first.
URGENCY_RANK = {Urgency.CRITICAL: 0, Urgency.HIGH: 1, Urgency.NORMAL: 2, Urgency.LOW: 3}


class RequestStatus(str, Enum):
    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


OPEN_REQUEST_STATUSES = (RequestStatus.NEW, RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS)


class VolunteerKind(str, Enum):
    VILLAGE_HEALTH_VOLUNTEER = "village_health_volunteer"  # อสม.
    LOCAL_OFFICIAL = "local_official"  # ข้าราชการ อปท.
    STUDENT = "student"  # นักเรียนจิตอาสา
    COMMUNITY_LEADER = "community_leader"  # ผู้นำต่างๆ ในพื้นที่ (other local leaders)
    HEALTH_STAFF = "health_staff"
    KAMNAN_VILLAGE_HEAD = "kamnan_village_head"  # กำนัน ผู้ใหญ่บ้าน
    COMMUNITY_DEVELOPMENT_LEADER = "community_development_leader"  # ผู้นำอาสาพัฒนาชุมชน
    WOMENS_FUND_MEMBER = "womens_fund_member"  # สมาชิกกองทุนพัฒนาบทบาทสตรี
    ENVIRONMENT_VOLUNTEER = "environment_volunteer"  # อาสาสมัครท้องถิ่นรักโลก


class Skill(str, Enum):
    FIRST_AID = "first_aid"
    MEDICAL = "medical"
    PPE_TRAINED = "ppe_trained"
    DRIVING = "driving"
    OXYGEN_HANDLING = "oxygen_handling"
    COUNSELLING = "counselling"


class VehicleKind(str, Enum):
    NONE = "none"
    MOTORCYCLE = "motorcycle"
    CAR = "car"
    PICKUP = "pickup"
    AMBULANCE = "ambulance"


class FacilityKind(str, Enum):
    HOSPITAL = "hospital"
    FIELD_HOSPITAL = "field_hospital"
    COMMUNITY_ISOLATION = "community_isolation"
    SCREENING_POINT = "screening_point"
    VACCINATION_POINT = "vaccination_point"
    OXYGEN_REFILL = "oxygen_refill"
    HEALTH_CENTRE = "health_centre"  # รพ.สต., sub-district health promoting hospital
    CLINIC = "clinic"
    PHARMACY = "pharmacy"


class CapacityStatus(str, Enum):
    OPEN = "open"
    LIMITED = "limited"
    FULL = "full"
    CLOSED = "closed"


class AdminLevel(str, Enum):
    PROVINCE = "province"
    AMPHOE = "amphoe"
    TAMBON = "tambon"


class AssignmentStatus(str, Enum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    REJECTED = "rejected"


class RunStatus(str, Enum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    PARTIAL = "partial"
    REJECTED = "rejected"


# SQL enum type name -> Python enum; the migration test checks both sides hold the same labels.
SQL_ENUMS: dict[str, type[Enum]] = {
    "request_category": RequestCategory,
    "urgency": Urgency,
    "request_status": RequestStatus,
    "volunteer_kind": VolunteerKind,
    "skill": Skill,
    "vehicle_kind": VehicleKind,
    "facility_kind": FacilityKind,
    "capacity_status": CapacityStatus,
    "admin_level": AdminLevel,
    "assignment_status": AssignmentStatus,
    "run_status": RunStatus,
}
