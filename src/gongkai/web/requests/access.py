"""Who may see and act on a request (STYLE E5 permission policy, Zulip ``access_*``).

* Staff see the requests of the agencies where they hold any role, and read-only those of
  every agency below them (a county government supervises its departments and townships).
* Acting needs a suitable role in the request's own agency; a parent's roles do not carry down.
* A request outside what one may see gets the same 404 as a request that does not exist.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.selectors import agency_ids_visible_to, membership_roles
from gongkai.web.requests.constants import ACTION_LABELS, WORKFLOW
from gongkai.web.requests.models import InfoRequest, RequestEvent
from gongkai.web.requests.rules import HISTORY_RULES, history_refusal

REQUEST_NOT_FOUND = "申请不存在"
ACTION_NOT_ALLOWED = "您在%(agency)s没有“%(action)s”所需的岗位（需要：%(roles)s）"

R = Role
# Roles that may take each action, in the request's own agency (第四十五条 division of work).
ACTION_ROLES: dict[str, frozenset[str]] = {
    "view": frozenset(Role.values),
    "register": frozenset({R.CLERK}),
    "confirm_receipt": frozenset({R.CLERK}),
    "accept": frozenset({R.REVIEWER, R.HEAD}),
    "ask_correction": frozenset({R.HANDLER, R.REVIEWER, R.HEAD}),
    "record_correction": frozenset({R.CLERK, R.HANDLER}),
    # 负责人 signs replies and extensions (第三十三条: extension approved by the office head).
    "reply": frozenset({R.HEAD}),
    "withdraw": frozenset({R.CLERK, R.HANDLER, R.HEAD}),
    "close_no_correction": frozenset({R.HANDLER, R.HEAD}),
    "start_consultation": frozenset({R.HANDLER}),
    "end_consultation": frozenset({R.CLERK, R.HANDLER}),
    "request_extension": frozenset({R.HANDLER}),
    "approve_extension": frozenset({R.HEAD}),
    "notify_fee": frozenset({R.HEAD}),
    "record_payment": frozenset({R.CLERK, R.HANDLER}),
    "close_fee_unpaid": frozenset({R.HANDLER, R.HEAD}),
    "archive": frozenset({R.CLERK, R.HANDLER}),
}


class RequestPolicy:
    """``user_can`` and ``filter_visible`` for InfoRequest (Wagtail permission policies)."""

    def filter_visible(self, user, qs: QuerySet[InfoRequest]) -> QuerySet[InfoRequest]:
        return qs.filter(agency_id__in=agency_ids_visible_to(user=user))

    def user_can(self, user, action: str, obj: InfoRequest) -> bool:
        if action == "view":
            return obj.agency_id in agency_ids_visible_to(user=user)
        return self.user_can_in_agency(user, action, obj.agency_id)

    def user_can_in_agency(self, user, action: str, agency_id: int) -> bool:
        return bool(ACTION_ROLES[action] & membership_roles(user=user, agency_id=agency_id))

    def require(self, user, action: str, *, agency) -> None:
        """Raise PermissionDenied unless ``user`` may take ``action`` in ``agency``."""
        if not self.user_can_in_agency(user, action, agency.pk):
            roles = "、".join(Role(r).label for r in Role.values if r in ACTION_ROLES[action])
            raise PermissionDenied(ACTION_NOT_ALLOWED % {
                "agency": agency.name, "action": ACTION_LABELS[action], "roles": roles,
            })


request_policy = RequestPolicy()


def access_request_by_id(user, request_id: int) -> InfoRequest:
    """The request if ``user`` may see it; Http404 alike for missing and for another agency's."""
    try:
        return request_policy.filter_visible(user, InfoRequest.objects.select_related("agency")).get(
            pk=request_id
        )
    except (InfoRequest.DoesNotExist, ValueError, TypeError):
        raise Http404(REQUEST_NOT_FOUND) from None


def access_request_attachment_by_id(user, request_id: int) -> InfoRequest:
    """The request, for its attachment, if ``user`` holds a role in the request's own agency and it
    has one; the same Http404 as a missing request otherwise (a supervisor sees the case, not the papers)."""
    request = access_request_by_id(user, request_id)
    if not request.attachment or not membership_roles(user=user, agency_id=request.agency_id):
        raise Http404(REQUEST_NOT_FOUND)
    return request


def request_available_actions(user, request: InfoRequest, *, events: Sequence[RequestEvent] | None = None,
                              today: date | None = None) -> list[str]:
    """The workflow actions ``user`` may take on ``request`` today: the checks ``services._base.begin``
    makes, in the same terms (role, status, then the history rules of ``rules``).

    ``events`` is the request's timeline when the caller already has it (saves a query).
    """
    roles = membership_roles(user=user, agency_id=request.agency_id)
    candidates = [action for action, (sources, _to) in WORKFLOW.items()
                  if request.status in sources and ACTION_ROLES[action] & roles]
    if not any(action in HISTORY_RULES for action in candidates):
        return candidates
    events = list(request.events.all()) if events is None else events
    day = today or timezone.localdate()  # the latest day an action may carry; see rules.HISTORY_RULES
    return [action for action in candidates if history_refusal(action, request, events, day=day) is None]
