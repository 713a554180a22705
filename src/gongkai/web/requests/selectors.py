"""Reads of requests. Staff lists come only from here and are always scoped by agency."""
from __future__ import annotations

from datetime import date

from django.db.models import Case, F, QuerySet, Value, When
from django.utils.crypto import constant_time_compare, salted_hmac

from gongkai.calendar.deadline import CaseEvents, Deadline, answer_due
from gongkai.web.requests.access import request_policy
from gongkai.web.requests.constants import OPEN_STATUSES, RequestStatus
from gongkai.web.requests.deadlines import request_answer_deadline, work_calendar
from gongkai.web.requests.models import InfoRequest, RequestEvent

_QUERY_CODE_SALT = "gongkai.requests.query_code"


def query_code_hash(tracking_number: str, code: str) -> str:
    """Keyed hash of a query code; a copy of the database alone does not reveal the codes."""
    return salted_hmac(_QUERY_CODE_SALT, f"{tracking_number}:{code.strip().upper()}",
                       algorithm="sha256").hexdigest()


def request_list_for_staff(*, user, status: str | None = None, agency_id: int | None = None,
                           open_only: bool = False) -> QuerySet[InfoRequest]:
    """The requests ``user`` may see, most urgent first: open before closed, then by answer due date."""
    qs = request_policy.filter_visible(user, InfoRequest.objects.select_related("agency"))
    if status:
        qs = qs.filter(status=status)
    if open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    if agency_id is not None:
        qs = qs.filter(agency_id=agency_id)
    # Open cases first, earliest due first; closed ones after them, newest first.
    still_open = Case(When(status__in=sorted(OPEN_STATUSES), then=Value(0)), default=Value(1))
    return qs.order_by(still_open, F("answer_due_on").asc(nulls_last=True), "-created_at", "-id")


def request_get_public(*, tracking_number: str, query_code: str) -> InfoRequest | None:
    """The request matching both tracking number and query code, for the public status page."""
    request = InfoRequest.objects.select_related("agency").filter(tracking_number=tracking_number.strip()).first()
    if request is None:
        # Hash anyway, so a wrong tracking number costs the same time as a wrong code.
        query_code_hash(tracking_number, query_code)
        return None
    if not constant_time_compare(request.query_code_hash, query_code_hash(request.tracking_number, query_code)):
        return None
    return request


def request_timeline(*, request: InfoRequest) -> QuerySet[RequestEvent]:
    return request.events.select_related("actor").order_by("created_at", "id")


def request_deadline_explained(*, request: InfoRequest, today: date) -> Deadline | None:
    """Due date with the explanation of every day skipped or counted (issue 3 §3)."""
    if request.status not in OPEN_STATUSES and request.status != RequestStatus.REPLIED:
        return None
    return request_answer_deadline(request, as_of=today)


def request_deadline_projected(*, received_on: date) -> Deadline:
    """The answer deadline of a request received on ``received_on``, before anything else happens.

    An online request counts as received only on the day the office confirms it (第三十一条), so its
    receipt shows the deadline that a confirmation on ``received_on`` would give.
    """
    return answer_due(CaseEvents(received=received_on), calendar=work_calendar())


# --- Staff pages (work list, case page, notices) ------------------------------------------
# NOTE: imports local to these functions keep the module's header owned by the platform code.

SOON_WORKDAYS = 3  # the work list flags answers due within 3 working days


def request_worklist_for_staff(*, user, today: date, status: str | None = None, agency_id: int | None = None,
                               channel: str | None = None, overdue_only: bool = False,
                               search: str = "", pending_only: bool = False) -> QuerySet[InfoRequest]:
    """The staff work list, most urgent first: overdue, then due within 3 working days, then the
    other open requests by due date, then the closed ones.

    Each row is annotated with ``urgency`` (0 overdue, 1 soon, 2 other open, 3 closed or no due date).
    ``pending_only`` leaves out archived cases, which need nothing more (most of a year's cases).
    """
    from django.db.models import Case, IntegerField, Q, When

    from gongkai.calendar import count_workdays
    from gongkai.web.requests.deadlines import work_calendar

    # count_workdays tolerates a year the calendar lacks (weekends only), unlike add_workdays.
    soon_until = count_workdays(today, SOON_WORKDAYS, calendar=work_calendar()).due
    qs = request_list_for_staff(user=user, status=status or None, agency_id=agency_id)
    if pending_only:
        qs = qs.exclude(status=RequestStatus.ARCHIVED)
    if channel:
        qs = qs.filter(channel=channel)
    if search.strip():
        term = search.strip()
        qs = qs.filter(Q(tracking_number__icontains=term) | Q(applicant_name__icontains=term))
    is_open = Q(status__in=sorted(OPEN_STATUSES), answer_due_on__isnull=False)
    overdue = is_open & Q(answer_due_on__lt=today)
    if overdue_only:
        qs = qs.filter(overdue)
    urgency = Case(When(overdue, then=0), When(is_open & Q(answer_due_on__lte=soon_until), then=1),
                   When(is_open, then=2), default=3, output_field=IntegerField())
    return qs.annotate(urgency=urgency).order_by("urgency", F("answer_due_on").asc(nulls_last=True),
                                                 "-created_at", "-id")


def request_reply_event(*, request: InfoRequest) -> RequestEvent | None:
    """The reply of a request (its 告知书 is generated from it), or None if never replied."""
    from gongkai.web.requests.constants import RequestEventKind

    return request.events.filter(kind=RequestEventKind.REPLIED).order_by("-created_at", "-id").first()


def agency_list_for_staff(*, user, roles: set[str] | None = None):
    """Agencies whose cases ``user`` sees (own and supervised), or, with ``roles``, only the
    agencies where ``user`` holds one of them (e.g. where a clerk may register requests)."""
    from gongkai.web.accounts.selectors import agency_ids_visible_to, membership_agency_ids
    from gongkai.web.agencies.models import Agency

    ids = agency_ids_visible_to(user=user) if roles is None else membership_agency_ids(user=user, roles=roles)
    return Agency.objects.filter(pk__in=ids).order_by("code")
