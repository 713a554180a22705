"""Who belongs where, and which agencies' cases a person may see."""
from __future__ import annotations

from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.models import Membership
from gongkai.web.agencies.selectors import agency_descendant_ids


def membership_agency_ids(*, user, roles: set[Role] | None = None) -> set[int]:
    """Agencies where ``user`` holds a role (any role, or one of ``roles``)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    qs = Membership.objects.filter(user=user)
    if roles is not None:
        qs = qs.filter(role__in=roles)
    return set(qs.values_list("agency_id", flat=True))


def membership_roles(*, user, agency_id: int) -> set[str]:
    """The roles ``user`` holds in exactly this agency (a parent's roles do not carry down)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(Membership.objects.filter(user=user, agency_id=agency_id).values_list("role", flat=True))


def agency_ids_visible_to(*, user) -> set[int]:
    """Own agencies plus every agency below them: a supervising agency reads its children's cases."""
    return agency_descendant_ids(membership_agency_ids(user=user))
