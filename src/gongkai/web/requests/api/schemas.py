"""Request and response shapes of the requests API; choices are the models' TextChoices."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from gongkai.web.requests.constants import (
    ApplicantType,
    ConsultedParty,
    Delivery,
    FeeBasis,
    IdType,
    InfoForm,
    RequestChannel,
)


class RequestSubmitIn(Schema):
    """第二十九条: who asks, proof of identity, contact, what is wanted, in which form."""

    applicant_type: ApplicantType
    name: str = Field(max_length=100)
    id_type: IdType
    id_number: str = Field(max_length=40)
    phone: str = ""
    email: str = ""
    address: str = ""
    postal_code: str = ""
    description: str = Field(min_length=1)
    info_form: InfoForm
    delivery: Delivery


class RequestRegisterIn(RequestSubmitIn):
    """A request that came in at the office, with its receipt facts (第三十一条)."""

    agency_code: str
    channel: RequestChannel
    handed_in_on: date | None = None
    signed_for_on: date | None = None
    confirmed_on: date | None = None
    post_signature_required: bool = False


class ReceiptOut(Schema):
    tracking_number: str
    query_code: str
    status: str


class StatusQueryIn(Schema):
    tracking_number: str
    query_code: str


class PublicStatusOut(Schema):
    """What an applicant sees: no personal data at all (issue 3 §7)."""

    tracking_number: str
    agency: str
    status: str
    status_label: str
    received_on: date | None
    answer_due_on: date | None
    answer_due_provisional: bool
    replied_on: date | None
    outcome: str
    outcome_label: str


class StaffListItemOut(Schema):
    """A work-list row; identity and phone numbers are masked in lists (issue 3 §7)."""

    id: int
    tracking_number: str
    agency_code: str
    agency_name: str
    status: str
    status_label: str
    channel: str
    applicant_type: str
    applicant_name: str
    id_number_masked: str
    phone_masked: str
    received_on: date | None
    answer_due_on: date | None
    answer_due_provisional: bool


class StaffListOut(Schema):
    count: int
    items: list[StaffListItemOut]


class DeadlineOut(Schema):
    due: date
    provisional: bool
    explanation: list[str]


class EventOut(Schema):
    kind: str
    kind_label: str
    day: date
    status_before: str
    status_after: str
    actor: str | None
    note: str
    data: dict


class StaffDetailOut(StaffListItemOut):
    """The case: full personal data only for staff of the request's own agency."""

    id_number: str
    phone: str
    email: str
    address: str
    postal_code: str
    description: str
    info_form: str
    delivery: str
    outcome: str
    outcome_label: str
    replied_on: date | None
    closed_on: date | None
    correction_notice_due_on: date | None
    deadline: DeadlineOut | None
    actions: list[str]
    timeline: list[EventOut]


class ConfirmReceiptIn(Schema):
    confirmed_on: date


class NoteIn(Schema):
    note: str = ""


class AskCorrectionIn(Schema):
    asked_on: date
    what_to_correct: str = Field(min_length=1)
    respond_by: date


class RecordCorrectionIn(Schema):
    received_on: date
    note: str = ""


class ClosedOnIn(Schema):
    closed_on: date


class StartConsultationIn(Schema):
    sent_on: date
    party: ConsultedParty
    addressee: str = Field(min_length=1)


class EndConsultationIn(Schema):
    received_on: date
    note: str = ""


class AskExtensionIn(Schema):
    days: int
    reason: str = Field(min_length=1)
    asked_on: date


class ApproveExtensionIn(Schema):
    approved_on: date
    days: int | None = None


class NotifyFeeIn(Schema):
    notice_on: date
    amount: Decimal
    basis: FeeBasis


class RecordPaymentIn(Schema):
    paid_on: date


class ReplyIn(Schema):
    outcomes: list[str] = Field(min_length=1, description="每部分信息的办理结果（年度报告行 id），区分处理的计为 partly_granted")
    replied_on: date
    summary: str = ""
    legal_basis: str = Field("", max_length=300,
                             description="条例条款之外所依据的法律规定，写入告知书；rejected_confirmation、other_misc 须填写")


class WithdrawIn(Schema):
    withdrawn_on: date
    reason: str = Field(min_length=1)
