"""Every write to a request goes through one of these services (STYLE E5).

Split by stage, re-exported here: ``intake`` (submit, register, confirm receipt), ``handling``
(accept, correction, consultation, extension, fee, deadline refresh) and ``closing`` (reply,
withdraw, archive). Shared guard and recording live in ``_base``.
"""
from gongkai.web.requests.services._base import DAY_BEFORE, DAY_IN_FUTURE, REQUEST_TRANSITION_BLOCKED
from gongkai.web.requests.services.closing import (
    WITHDRAW_REASON_MISSING,
    request_archive,
    request_reply,
    request_withdraw,
)
from gongkai.web.requests.services.handling import (
    request_accept,
    request_approve_extension,
    request_ask_correction,
    request_ask_extension,
    request_close_fee_unpaid,
    request_close_no_correction,
    request_deadlines_catch_up,
    request_end_consultation,
    request_notify_fee,
    request_record_correction,
    request_record_payment,
    request_refresh_open_deadlines,
    request_refresh_stale_deadlines,
    request_start_consultation,
)
from gongkai.web.requests.services.intake import (
    Applicant,
    NewRequest,
    ReceiptFacts,
    request_confirm_receipt,
    request_register,
    request_submit,
)

__all__ = [
    "DAY_BEFORE",
    "DAY_IN_FUTURE",
    "REQUEST_TRANSITION_BLOCKED",
    "WITHDRAW_REASON_MISSING",
    "Applicant",
    "NewRequest",
    "ReceiptFacts",
    "request_accept",
    "request_approve_extension",
    "request_archive",
    "request_ask_correction",
    "request_ask_extension",
    "request_close_fee_unpaid",
    "request_close_no_correction",
    "request_confirm_receipt",
    "request_deadlines_catch_up",
    "request_end_consultation",
    "request_notify_fee",
    "request_record_correction",
    "request_record_payment",
    "request_refresh_open_deadlines",
    "request_refresh_stale_deadlines",
    "request_register",
    "request_reply",
    "request_start_consultation",
    "request_submit",
    "request_withdraw",
]
