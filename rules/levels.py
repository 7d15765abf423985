"""Who reports: the levels of government whose units submit figures."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """Who reports. ``province`` is the province itself, for province-wide statistics;
    ``department`` is the plan's "cấp tỉnh" (sở, ban, ngành)."""

    PROVINCE = "province"
    DEPARTMENT = "department"
    DISTRICT = "district"
    COMMUNE = "commune"


LEVEL_LABELS: dict[Level, tuple[str, str]] = {
    Level.PROVINCE: ("Toàn tỉnh", "Province-wide"),
    Level.DEPARTMENT: ("Cấp tỉnh (Sở, ban, ngành)", "Provincial departments"),
    Level.DISTRICT: ("Cấp huyện", "District level"),
    Level.COMMUNE: ("Cấp xã", "Commune level"),
}
