"""Reads over the agency hierarchy."""
from __future__ import annotations

from collections.abc import Iterable

from gongkai.web.agencies.models import Agency


def agency_descendant_ids(agency_ids: Iterable[int]) -> set[int]:
    """The given agencies and every agency below them (one query per level; hierarchies are shallow)."""
    found = set(agency_ids)
    level = set(found)
    while level:
        level = set(Agency.objects.filter(parent_id__in=level).values_list("id", flat=True)) - found
        found |= level
    return found


def agency_list_active() -> list[Agency]:
    return list(Agency.objects.filter(is_active=True).order_by("code"))
