"""A request's deadlines, derived from its events through the core calculator.

Nothing here stores a number someone typed: ``refresh_due_dates`` recomputes the cached
due dates from the events each time an event is added (and when the calendar changes).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from gongkai.calendar import WorkCalendar
from gongkai.calendar.deadline import (
    CONSULT_OTHER_BODY,
    CONSULT_THIRD_PARTY,
    FEE_WAIT,
    CaseEvents,
    Channel,
    Deadline,
    Pause,
    answer_due,
    correction_notice_due,
    receipt_date,
)
from gongkai.web.calendars.selectors import calendar_for_deadlines
from gongkai.web.requests.constants import RequestChannel, RequestEventKind, RequestStatus
from gongkai.web.requests.models import InfoRequest, RequestEvent

K = RequestEventKind
_PAUSE_KINDS = {
    K.CONSULTATION_STARTED: K.CONSULTATION_ENDED,
    K.FEE_NOTIFIED: K.FEE_PAID,
}


def work_calendar() -> WorkCalendar:
    """The calendar deadlines are counted in: national data plus the years imported from notices."""
    return calendar_for_deadlines()


def core_channel(channel: str, *, signature_required: bool) -> Channel:
    """Which 第三十一条 rule fixes the day of receipt for a channel."""
    if channel == RequestChannel.COUNTER:
        return Channel.IN_PERSON
    if channel == RequestChannel.POST:
        return Channel.POST_SIGNED if signature_required else Channel.POST_UNSIGNED
    # Web form, e-mail (数据电文) and the office's fax: the day both sides confirm.
    return Channel.ONLINE


def request_receipt_date(request: InfoRequest) -> date:
    """The day of receipt from the request's receipt facts; raises DeadlineError when one is missing."""
    return receipt_date(
        core_channel(request.channel, signature_required=request.post_signature_required),
        handed_in=request.handed_in_on, signed_for=request.signed_for_on, confirmed=request.confirmed_on,
    )


def _pauses(events: list[RequestEvent], as_of: date) -> tuple[Pause, ...]:
    """Consultation and fee waits; one still running is counted as lasting until ``as_of``."""
    pauses = []
    open_since: dict[str, RequestEvent] = {}
    for event in events:
        if event.kind in _PAUSE_KINDS:
            open_since[event.kind] = event
        for start_kind, end_kind in _PAUSE_KINDS.items():
            if event.kind == end_kind and start_kind in open_since:
                pauses.append(_pause(open_since.pop(start_kind), event.day))
    pauses += [_pause(start, max(as_of, start.day)) for start in open_since.values()]
    return tuple(pauses)


def _pause(start: RequestEvent, end: date) -> Pause:
    if start.kind == K.FEE_NOTIFIED:
        return Pause(start.day, end, FEE_WAIT)
    other_body = start.data.get("consulted") == "other_body"
    return Pause(start.day, end, CONSULT_OTHER_BODY if other_body else CONSULT_THIRD_PARTY)


def case_events(request: InfoRequest, events: Iterable[RequestEvent], *, as_of: date) -> CaseEvents | None:
    """What the core calculator needs, from the timeline; None before the request is received."""
    if request.received_on is None:
        return None
    events = sorted(events, key=lambda e: (e.created_at, e.pk or 0))
    corrections = [e.day for e in events if e.kind == K.CORRECTION_RECEIVED]
    extensions = [int(e.data["days"]) for e in events if e.kind == K.EXTENSION_APPROVED]
    return CaseEvents(
        received=request.received_on,
        # 第三十条: the answer clock restarts on the (only) corrected request.
        correction_received=corrections[-1] if corrections else None,
        pauses=_pauses(events, as_of),
        extension=sum(extensions),
    )


def request_answer_deadline(request: InfoRequest, *, as_of: date,
                            calendar: WorkCalendar | None = None) -> Deadline | None:
    """The answer deadline with its explanation; None before receipt and while a correction is awaited."""
    if request.status == RequestStatus.AWAITING_CORRECTION:
        return None  # 第三十条: the 20 days start again only when the corrected request arrives
    events = case_events(request, request.events.all(), as_of=as_of)
    if events is None:
        return None
    return answer_due(events, calendar=calendar or work_calendar())


def request_correction_notice_deadline(request: InfoRequest, *,
                                       calendar: WorkCalendar | None = None) -> Deadline | None:
    """The last day to ask for a correction: 7 working days after receipt (第三十条)."""
    if request.received_on is None:
        return None
    return correction_notice_due(request.received_on, calendar=calendar or work_calendar())


def refresh_due_dates(request: InfoRequest, *, as_of: date, calendar: WorkCalendar | None = None) -> list[str]:
    """Recompute the cached due dates from the events; returns the fields to save."""
    calendar = calendar or work_calendar()
    answer = request_answer_deadline(request, as_of=as_of, calendar=calendar)
    notice = request_correction_notice_deadline(request, calendar=calendar)
    request.answer_due_on = answer.due if answer else None
    request.answer_due_provisional = bool(answer and answer.provisional)
    request.correction_notice_due_on = notice.due if notice else None
    request.deadlines_as_of = as_of
    return ["answer_due_on", "answer_due_provisional", "correction_notice_due_on", "deadlines_as_of"]
