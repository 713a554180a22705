"""Reads of requests. Staff lists come only from here and are always scoped by agency."""
from __future__ import annotations

from datetime import date

from django.db.models import F, QuerySet
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
    """The requests ``user`` may see, most urgent first: earliest answer due date, then newest."""
    qs = request_policy.filter_visible(user, InfoRequest.objects.select_related("agency"))
    if status:
        qs = qs.filter(status=status)
    if open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    if agency_id is not None:
        qs = qs.filter(agency_id=agency_id)
    return qs.order_by(F("answer_due_on").asc(nulls_last=True), "-created_at", "-id")


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
