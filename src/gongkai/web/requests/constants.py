"""Choices of a disclosure request. Applicant types and outcomes come from the report format.

The annual report (国办公开办函〔2021〕30号) is generated from these records, so the ids of
its section 三 columns and result rows are the stored values here: they are read from
``gongkai.spec``, never retyped.
"""
from __future__ import annotations

import re

from django.db import models

from gongkai.spec import FORMATS, ColumnsSumRule, RowsSumRule

# The format in force; its R2 and R3 rules name exactly the outcome rows and applicant columns.
REPORT_FORMAT = FORMATS["2021"]
_TABLE = REPORT_FORMAT.table("requests")


def _rule(kind):
    return next(r for r in REPORT_FORMAT.rules if isinstance(r, kind) and r.table == _TABLE.id)


APPLICANT_TYPE_IDS: tuple[str, ...] = _rule(ColumnsSumRule).of  # R3: total = sum of applicant columns
OUTCOME_IDS: tuple[str, ...] = _rule(RowsSumRule).of  # R2: handled_total = sum of result rows

_NUMBERING = re.compile(r"^(?:（[一二三四五六七八九十]+）|\d+\.)")


def _plain(label: str) -> str:
    """A format label without its item numbering: ``1.属于国家秘密`` → ``属于国家秘密``."""
    return _NUMBERING.sub("", label)


def _outcome_label(row_id: str) -> str:
    row = _TABLE.row(row_id)
    # Sub-rows read "不予公开：属于国家秘密"; the group is the innermost header above the row.
    group = _plain(row.groups[-1]) if len(row.groups) > 1 else ""
    return f"{group}：{_plain(row.label)}" if group else _plain(row.label)


ApplicantType = models.TextChoices(
    "ApplicantType",
    [(cid.upper(), (cid, _TABLE.column(cid).label if cid == "natural_person"
                    else f"{_TABLE.column(cid).groups[-1]}：{_TABLE.column(cid).label}"))
     for cid in APPLICANT_TYPE_IDS],
)
ApplicantType.__doc__ = "The six applicant columns of section 三: 自然人 and five kinds of 法人或其他组织."

RequestOutcome = models.TextChoices(
    "RequestOutcome", [(rid.upper(), (rid, _outcome_label(rid))) for rid in OUTCOME_IDS]
)
RequestOutcome.__doc__ = "One result row of section 三 per closed request (request-workflow.md)."

# 自然人 is the one applicant column not grouped under 法人或其他组织.
NATURAL_PERSON = next(c for c in APPLICANT_TYPE_IDS if len(_TABLE.column(c).groups) == 1)
PARTLY_GRANTED = "partly_granted"
GRANTED = "granted"
WITHDRAWN_OUTCOME = "other_misc"  # request-workflow.md: withdrawn by the applicant → other_misc (2021)
# Set by the closing services (no correction in time 第三十条, fee unpaid 第四十二条), never picked in a reply.
NO_CORRECTION_OUTCOME = "other_no_correction"  # 第三十条: no correction in time
FEE_UNPAID_OUTCOME = "other_fee_unpaid"  # 第四十二条: fee not paid in time
CLOSURE_OUTCOMES = frozenset({NO_CORRECTION_OUTCOME, FEE_UNPAID_OUTCOME})


class RequestChannel(models.TextChoices):
    """How the request arrived (第二十九条); it decides the day of receipt (第三十一条)."""

    WEB = "web", "网上申请"
    COUNTER = "counter", "当面提交"
    POST = "post", "信函邮寄"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO_PERMIT = "hk_macao_permit", "港澳居民来往内地通行证"
    TAIWAN_PERMIT = "taiwan_permit", "台湾居民来往大陆通行证"
    FOREIGN_PERMANENT = "foreign_permanent", "外国人永久居留身份证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    OTHER = "other", "其他有效证件"


class InfoForm(models.TextChoices):
    """The form of the information wanted (第二十九条第一款第三项)."""

    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子"


class Delivery(models.TextChoices):
    """How the applicant wants to get it (第二十九条第一款第三项)."""

    COLLECT = "collect", "自行领取"
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    FAX = "fax", "传真"
    ONLINE = "online", "网上获取"


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", "待确认收到"  # online, before both sides confirm (第三十一条)
    REGISTERED = "registered", "已登记"  # received: the answer clock runs
    AWAITING_CORRECTION = "awaiting_correction", "待补正"
    IN_PROGRESS = "in_progress", "办理中"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    REPLIED = "replied", "已答复"
    WITHDRAWN = "withdrawn", "已撤回"
    CLOSED = "closed", "终止办理"  # no correction in time, fee not paid
    ARCHIVED = "archived", "已归档"


S = RequestStatus
# Received and not yet answered: these count as carried over at a year's end.
OPEN_STATUSES = frozenset({S.REGISTERED, S.AWAITING_CORRECTION, S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE})
CLOSED_STATUSES = frozenset({S.REPLIED, S.WITHDRAWN, S.CLOSED, S.ARCHIVED})
# A pause still running (consultation 第三十二条, fee wait 第四十二条) moves the answer due date every day.
PAUSED_STATUSES = frozenset({S.CONSULTING, S.AWAITING_FEE})
# Statuses in which a request may have no day of receipt: never received, or closed from there.
UNRECEIVED_STATUSES = frozenset({S.SUBMITTED, S.WITHDRAWN, S.ARCHIVED})

# The workflow (STYLE E5): action -> (statuses it may start from, status it leads to; None: stays).
# Every service checks its action here first; TRANSITIONS below is the same table by status.
WORKFLOW: dict[str, tuple[frozenset[str], str | None]] = {
    "confirm_receipt": (frozenset({S.SUBMITTED}), S.REGISTERED),
    "accept": (frozenset({S.REGISTERED}), S.IN_PROGRESS),
    # 第三十条: once, for a received request not yet answered.
    "ask_correction": (frozenset({S.REGISTERED, S.IN_PROGRESS}), S.AWAITING_CORRECTION),
    "record_correction": (frozenset({S.AWAITING_CORRECTION}), S.IN_PROGRESS),
    "close_no_correction": (frozenset({S.AWAITING_CORRECTION}), S.CLOSED),
    "start_consultation": (frozenset({S.IN_PROGRESS}), S.CONSULTING),
    "end_consultation": (frozenset({S.CONSULTING}), S.IN_PROGRESS),
    "notify_fee": (frozenset({S.IN_PROGRESS}), S.AWAITING_FEE),
    "record_payment": (frozenset({S.AWAITING_FEE}), S.IN_PROGRESS),
    "close_fee_unpaid": (frozenset({S.AWAITING_FEE}), S.CLOSED),
    # 第三十三条: answered on the spot straight from registration, or after handling.
    "reply": (frozenset({S.REGISTERED, S.IN_PROGRESS}), S.REPLIED),
    "withdraw": (frozenset({S.SUBMITTED}) | OPEN_STATUSES, S.WITHDRAWN),
    "archive": (frozenset({S.REPLIED, S.WITHDRAWN, S.CLOSED}), S.ARCHIVED),
    # 第三十三条: an extension is asked for and approved while the request is being handled.
    "request_extension": (frozenset({S.REGISTERED, S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}), None),
    "approve_extension": (frozenset({S.REGISTERED, S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}), None),
}
ACTION_LABELS = {
    "view": "查看", "register": "登记", "confirm_receipt": "确认收到", "accept": "受理",
    "ask_correction": "告知补正", "record_correction": "登记补正", "close_no_correction": "逾期未补正终止",
    "start_consultation": "征求意见", "end_consultation": "收到意见", "request_extension": "申请延期",
    "approve_extension": "批准延期", "notify_fee": "发出收费通知", "record_payment": "登记缴费",
    "close_fee_unpaid": "逾期未缴费终止", "reply": "答复", "withdraw": "撤回", "archive": "归档",
}
TRANSITIONS: dict[str, frozenset[str]] = {
    status: frozenset(to for sources, to in WORKFLOW.values() if status in sources and to is not None)
    for status in RequestStatus.values
}


class RequestEventKind(models.TextChoices):
    """Timeline entries; the same dotted slugs name the audit events (STYLE E2)."""

    SUBMITTED = "request.submitted", "网上提交申请"
    RECEIPT_CONFIRMED = "request.receipt_confirmed", "确认收到申请"
    REGISTERED = "request.registered", "登记申请"
    ACCEPTED = "request.accepted", "受理"
    CORRECTION_ASKED = "request.correction_asked", "告知补正"
    CORRECTION_RECEIVED = "request.correction_received", "收到补正"
    CONSULTATION_STARTED = "request.consultation_started", "征求意见发函"
    CONSULTATION_ENDED = "request.consultation_ended", "收到意见"
    EXTENSION_REQUESTED = "request.extension_requested", "申请延期"
    EXTENSION_APPROVED = "request.extension_approved", "批准延期"
    FEE_NOTIFIED = "request.fee_notified", "收费通知"
    FEE_PAID = "request.fee_paid", "缴纳费用"
    REPLIED = "request.replied", "答复"
    WITHDRAWN = "request.withdrawn", "撤回申请"
    CLOSED = "request.closed", "终止办理"
    ARCHIVED = "request.archived", "归档"


class ConsultedParty(models.TextChoices):
    """Whose opinion is asked; both pauses the answer clock (第三十二条、第三十四条)."""

    THIRD_PARTY = "third_party", "第三方"
    OTHER_BODY = "other_body", "其他机关"


class FeeBasis(models.TextChoices):
    """How a 信息处理费 is charged: per request or per volume, never both (国办函〔2020〕109号)."""

    PER_REQUEST = "per_request", "按件计收"
    PER_VOLUME = "per_volume", "按量计收"
