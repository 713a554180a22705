"""Ending a request: the reply, a withdrawal, and the archive."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction

from gongkai.notices import notice_template_for
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import OPEN_STATUSES, WITHDRAWN_OUTCOME, RequestEventKind, RequestOutcome
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.outcomes import resolve_outcome
from gongkai.web.requests.services._base import begin, finish, not_after_today, not_before, today

K = RequestEventKind

WITHDRAW_REASON_MISSING = "请填写撤回的方式或理由"
LEGAL_BASIS_NEEDED = "“%(label)s”在条例中没有对应条款，请填写答复所依据的法律规定"


@transaction.atomic
def request_reply(*, request: InfoRequest, outcomes: Sequence[str], replied_on: date, summary: str,
                  legal_basis: str = "", acting_user) -> InfoRequest:
    """The signed reply. Its report row is resolved from the parts' results; 部分公开 wins (第三十七条).

    ``legal_basis`` is the provision the office relies on beyond the row's article, kept with the
    reply event for its 告知书; rows the spec gives no article (``rejected_confirmation``,
    ``other_misc``) need one there.
    """
    step = begin(request, "reply", acting_user=acting_user)
    outcome = resolve_outcome(outcomes)
    if not legal_basis.strip() and not notice_template_for(outcome)[1].articles:
        raise ApplicationError("legal-basis-missing", LEGAL_BASIS_NEEDED % {"label": RequestOutcome(outcome).label})
    not_after_today(replied_on, "答复日期")
    not_before(replied_on, "答复日期", step.request.received_on, "收到申请之日")
    due = step.request.answer_due_on
    step.request.outcome = outcome
    step.request.replied_on = step.request.closed_on = replied_on
    return finish(step, kind=K.REPLIED, day=replied_on, acting_user=acting_user, note=summary.strip(),
                  data={"outcome": outcome, "parts": list(dict.fromkeys(outcomes)),
                        "overdue": due is not None and replied_on > due, "legal_basis": legal_basis.strip()})


@transaction.atomic
def request_withdraw(*, request: InfoRequest, withdrawn_on: date, reason: str, acting_user) -> InfoRequest:
    """The applicant withdraws. A received request closes under the report's 其他 row."""
    step = begin(request, "withdraw", acting_user=acting_user)
    if not reason.strip():
        raise ApplicationError("withdraw-reason-missing", WITHDRAW_REASON_MISSING)
    not_after_today(withdrawn_on, "撤回日期")
    not_before(withdrawn_on, "撤回日期", step.request.received_on, "收到申请之日")
    # request-workflow.md: withdrawn → other_misc; a request never received is not counted at all.
    step.request.outcome = WITHDRAWN_OUTCOME if step.status_before in OPEN_STATUSES else ""
    step.request.closed_on = withdrawn_on
    return finish(step, kind=K.WITHDRAWN, day=withdrawn_on, acting_user=acting_user, note=reason.strip())


@transaction.atomic
def request_archive(*, request: InfoRequest, acting_user, note: str = "", archived_on: date | None = None
                    ) -> InfoRequest:
    """File a closed request (第四十五条 归档); its outcome and dates stay as they were."""
    step = begin(request, "archive", acting_user=acting_user)
    day = archived_on or today()
    not_after_today(day, "归档之日")
    not_before(day, "归档之日", step.request.closed_on, "办结之日")
    return finish(step, kind=K.ARCHIVED, day=day, acting_user=acting_user, note=note)
