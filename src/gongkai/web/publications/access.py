"""Who may see and act on catalogue items (STYLE E5 permission policy, as requests.access).

Staff see the items of their agencies and, read-only, of the agencies below them; acting needs
a role in the item's own agency. A hidden item gets the same 404 as a missing one.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.selectors import agency_ids_visible_to, membership_roles
from gongkai.web.publications.constants import ACTION_LABELS
from gongkai.web.publications.models import Item, NewMediaAccount

ITEM_NOT_FOUND = "公开事项不存在"
ACCOUNT_NOT_FOUND = "政务新媒体账号不存在"
ACTION_NOT_ALLOWED = "您在%(agency)s没有“%(action)s”所需的岗位（需要：%(roles)s）"

R = Role
# Drafting is the office's clerks' and handlers' work; the five checks are the reviewer's;
# the head approves and revokes (保密审查 “先审查、后公开”, 第十七条).
ACTION_ROLES: dict[str, frozenset[str]] = {
    "view": frozenset(Role.values),
    "create": frozenset({R.CLERK, R.HANDLER, R.ADMIN}),
    "update": frozenset({R.CLERK, R.HANDLER, R.ADMIN}),
    "submit": frozenset({R.CLERK, R.HANDLER, R.ADMIN}),
    "check": frozenset({R.REVIEWER}),
    "return": frozenset({R.REVIEWER, R.HEAD}),
    "approve": frozenset({R.HEAD}),
    "publish": frozenset({R.CLERK, R.HANDLER, R.HEAD, R.ADMIN}),
    "revoke": frozenset({R.HEAD}),
    "newmedia": frozenset({R.CLERK, R.HEAD, R.ADMIN}),
}


class ItemPolicy:
    """``user_can`` and ``filter_visible`` for catalogue items (Wagtail permission policies)."""

    def filter_visible(self, user, qs: QuerySet) -> QuerySet:
        return qs.filter(agency_id__in=agency_ids_visible_to(user=user))

    def user_can_in_agency(self, user, action: str, agency_id: int) -> bool:
        return bool(ACTION_ROLES[action] & membership_roles(user=user, agency_id=agency_id))

    def require(self, user, action: str, *, agency) -> None:
        """Raise PermissionDenied unless ``user`` may take ``action`` in ``agency``."""
        if not self.user_can_in_agency(user, action, agency.pk):
            roles = "、".join(Role(r).label for r in Role.values if r in ACTION_ROLES[action])
            raise PermissionDenied(ACTION_NOT_ALLOWED % {
                "agency": agency.name, "action": ACTION_LABELS[action], "roles": roles})


item_policy = ItemPolicy()


def access_item_by_id(user, item_id: int) -> Item:
    """The item if ``user`` may see it; Http404 alike for missing and for another agency's."""
    try:
        return item_policy.filter_visible(user, Item.objects.select_related("agency", "subcategory")).get(pk=item_id)
    except Item.DoesNotExist:
        raise Http404(ITEM_NOT_FOUND) from None


def access_newmedia_by_id(user, account_id: int) -> NewMediaAccount:
    try:
        return item_policy.filter_visible(user, NewMediaAccount.objects.select_related("agency")).get(pk=account_id)
    except NewMediaAccount.DoesNotExist:
        raise Http404(ACCOUNT_NOT_FOUND) from None
