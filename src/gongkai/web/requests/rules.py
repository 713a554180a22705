"""What a case's history forbids, beyond its status: the one place these rules are written.

``WORKFLOW`` (constants) says from which statuses an action starts. Some actions also depend on
what already happened: a correction is asked once (第三十条), an extension is asked once and
approved once, only after it was asked (第三十三条), and a request lapses only once the
applicant's time has run out (第三十条, 第四十二条). The services raise the refusal returned
here (``services._base.begin``), and ``access.request_available_actions`` offers an action
only when there is none, so the pages and the API never offer what the services refuse.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from gongkai.calendar.deadline import fee_payment_due
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import RequestEventKind
from gongkai.web.requests.deadlines import work_calendar
from gongkai.web.requests.models import InfoRequest, RequestEvent

K = RequestEventKind

CORRECTION_ONCE = "补正只能要求一次（第三十条），本申请已于%(day)s告知补正"
CORRECTION_TIME_RUNNING = "申请人的补正期限至%(respond_by)s，期满后才能以逾期未补正终止办理（第三十条）"
EXTENSION_ONCE = "答复期限只能延长一次（第三十三条第一款），已于%(day)s批准延长"
EXTENSION_ALREADY_ASKED = "已于%(day)s申请延期%(days)s个工作日，等待负责人批准（第三十三条第一款只允许延长一次）"
EXTENSION_NOT_ASKED = "没有待批准的延期申请"
FEE_TIME_RUNNING = "缴费期限至%(due)s，期满后才能以逾期未缴费终止办理（第四十二条）"

Rule = Callable[[InfoRequest, Sequence[RequestEvent], date], "ApplicationError | None"]


def last_event(events: Sequence[RequestEvent], kind: str) -> RequestEvent | None:
    """The latest event of ``kind`` in a timeline (ordered by creation, as ``request_timeline`` gives it)."""
    found = [e for e in events if e.kind == kind]
    return max(found, key=lambda e: (e.created_at, e.pk or 0)) if found else None


def _correction_not_asked_yet(_request, events, _day) -> ApplicationError | None:
    asked = last_event(events, K.CORRECTION_ASKED)
    if asked is not None:
        return ApplicationError("correction-once", CORRECTION_ONCE % {"day": asked.day})
    return None


def _correction_time_over(_request, events, day) -> ApplicationError | None:
    asked = last_event(events, K.CORRECTION_ASKED)
    respond_by = date.fromisoformat(asked.data["respond_by"]) if asked else None
    if respond_by is not None and day <= respond_by:
        return ApplicationError("correction-time-running", CORRECTION_TIME_RUNNING % {"respond_by": respond_by})
    return None


def _extension_not_asked_yet(_request, events, _day) -> ApplicationError | None:
    approved = last_event(events, K.EXTENSION_APPROVED)
    if approved is not None:
        return ApplicationError("extension-once", EXTENSION_ONCE % {"day": approved.day})
    asked = last_event(events, K.EXTENSION_REQUESTED)
    if asked is not None:
        return ApplicationError("extension-already-asked", EXTENSION_ALREADY_ASKED % {
            "day": asked.day, "days": asked.data["days"]})
    return None


def _extension_asked_not_approved(_request, events, _day) -> ApplicationError | None:
    approved = last_event(events, K.EXTENSION_APPROVED)
    if approved is not None:
        return ApplicationError("extension-once", EXTENSION_ONCE % {"day": approved.day})
    if last_event(events, K.EXTENSION_REQUESTED) is None:
        return ApplicationError("extension-not-asked", EXTENSION_NOT_ASKED)
    return None


def _fee_time_over(_request, events, day) -> ApplicationError | None:
    notice = last_event(events, K.FEE_NOTIFIED)
    if notice is None:
        return None
    # Counted again with today's calendar: an imported holiday notice may have moved it.
    due = fee_payment_due(notice.day, calendar=work_calendar()).due
    if day <= due:
        return ApplicationError("fee-time-running", FEE_TIME_RUNNING % {"due": due})
    return None


# NOTE: only rules that a later day can lift, or none can, belong here. The page asks about
# today, the latest day any action may carry (no service accepts a future day); a rule an
# earlier day could satisfy (approving an extension "before the deadline", backdated) stays
# in its service, or the page would hide an action the service allows.
HISTORY_RULES: dict[str, Rule] = {
    "ask_correction": _correction_not_asked_yet,  # 第三十条: once
    "close_no_correction": _correction_time_over,  # 第三十条: only after the time given
    "request_extension": _extension_not_asked_yet,  # 第三十三条: one extension
    "approve_extension": _extension_asked_not_approved,  # 第三十三条: approved once, once asked
    "close_fee_unpaid": _fee_time_over,  # 第四十二条: only after 20 working days
}


def history_refusal(action: str, request: InfoRequest, events: Sequence[RequestEvent], *,
                    day: date) -> ApplicationError | None:
    """Why ``request``'s history forbids ``action`` dated ``day``, or None when it allows it."""
    rule = HISTORY_RULES.get(action)
    return rule(request, events, day) if rule else None
