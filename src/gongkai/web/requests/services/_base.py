"""What every request service shares: the workflow guard, date checks, and recording an action.

Every service (STYLE E5) is keyword-only with an explicit ``acting_user``, runs in one
transaction on the locked row, ``full_clean``s before saving, appends one timeline event and
one audit event, and recomputes the cached due dates from the events afterwards.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.forms.models import model_to_dict
from django.utils import timezone

from gongkai.web.audit.services import audit_event
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.access import request_policy
from gongkai.web.requests.constants import ACTION_LABELS, WORKFLOW
from gongkai.web.requests.deadlines import refresh_due_dates
from gongkai.web.requests.models import InfoRequest, RequestEvent
from gongkai.web.requests.rules import HISTORY_RULES, history_refusal

REQUEST_TRANSITION_BLOCKED = "申请当前状态为“%(status)s”，不能%(action)s"
DAY_IN_FUTURE = "%(what)s（%(day)s）不能晚于今天（%(today)s）"
DAY_BEFORE = "%(what)s（%(day)s）不能早于%(other_what)s（%(other)s）"

_SNAPSHOT_FIELDS = ["status", "outcome", "received_on", "answer_due_on", "answer_due_provisional",
                    "correction_notice_due_on", "replied_on", "closed_on"]


def today() -> date:
    """Today in the offices' time zone (settings.TIME_ZONE); the only clock the services read."""
    return timezone.localdate()


def is_user(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def not_after_today(day: date, what: str) -> None:
    now = today()
    if day > now:
        raise ApplicationError("day-in-future", DAY_IN_FUTURE % {"what": what, "day": day, "today": now})


def not_before(day: date, what: str, other: date | None, other_what: str) -> None:
    if other is not None and day < other:
        raise ApplicationError("day-out-of-order", DAY_BEFORE % {
            "what": what, "day": day, "other_what": other_what, "other": other})


def snapshot(request: InfoRequest) -> dict:
    return model_to_dict(request, fields=_SNAPSHOT_FIELDS)


@dataclass
class Step:
    """One action under way: the locked request, where it goes, and its state before."""

    request: InfoRequest
    action: str
    to: str
    before: dict
    status_before: str


def begin(request: InfoRequest, action: str, *, acting_user, day: date | None = None) -> Step:
    """Lock the row, check the role, the workflow and the case's history (``rules``), in that order:
    no state leaks without a role. ``day`` is the date the action carries (default today)."""
    locked = InfoRequest.objects.select_for_update().select_related("agency").get(pk=request.pk)
    request_policy.require(acting_user, action, agency=locked.agency)
    sources, to = WORKFLOW[action]
    if locked.status not in sources:
        raise ApplicationError(
            "request-transition-blocked",
            REQUEST_TRANSITION_BLOCKED % {"status": locked.get_status_display(), "action": ACTION_LABELS[action]},
            extra={"status": locked.status, "action": action},
        )
    if action in HISTORY_RULES:
        refusal = history_refusal(action, locked, list(locked.events.all()), day=day or today())
        if refusal is not None:
            raise refusal
    return Step(request=locked, action=action, to=to or locked.status, before=snapshot(locked),
                status_before=locked.status)


def record(request: InfoRequest, *, kind: str, day: date, before: dict, status_before: str, acting_user,
           note: str = "", data: dict | None = None) -> InfoRequest:
    """Save the request, append its timeline event, recompute due dates, and audit the change."""
    request.full_clean()
    request.save()  # NOTE: a full save; update_fields would miss fields a caller forgot to name
    event = RequestEvent(request=request, kind=kind, day=day, status_before=status_before,
                         status_after=request.status, actor=acting_user if is_user(acting_user) else None,
                         note=note, data=data or {})
    event.full_clean()
    event.save()
    fields = refresh_due_dates(request, as_of=today())
    request.save(update_fields=[*fields, "updated_at"])
    audit_event(event=kind, obj=request, acting_user=acting_user, before=before, after=snapshot(request),
                data={"day": day.isoformat(), "note": note, **(data or {})})
    return request


def finish(step: Step, *, kind: str, day: date, acting_user, note: str = "", data: dict | None = None) -> InfoRequest:
    """Move the request to ``step.to`` and record the action."""
    step.request.status = step.to
    return record(step.request, kind=kind, day=day, before=step.before, status_before=step.status_before,
                  acting_user=acting_user, note=note, data=data)
