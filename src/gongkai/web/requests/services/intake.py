"""How requests come in: online submission, registration at the office, confirmation of receipt."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F

from gongkai.calendar.deadline import DeadlineError
from gongkai.web.agencies.models import Agency
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.access import request_policy
from gongkai.web.requests.attachments import attachment_content_type, check_attachment, original_name
from gongkai.web.requests.constants import RequestChannel, RequestEventKind, RequestStatus
from gongkai.web.requests.deadlines import request_receipt_date
from gongkai.web.requests.models import InfoRequest, TrackingCounter
from gongkai.web.requests.selectors import query_code_hash
from gongkai.web.requests.services._base import (
    begin,
    finish,
    is_user,
    not_after_today,
    not_before,
    record,
    today,
)

K = RequestEventKind
S = RequestStatus

AGENCY_NOT_ACCEPTING = "%(agency)s目前不通过本平台受理申请"
WEB_NOT_REGISTERED = "网上申请由申请人提交，登记时请选择当面、邮寄、传真或电子邮件"
RECEIPT_FACTS_INVALID = "收到申请的日期无法确定：%(reason)s"

# Unambiguous characters only: no 0/O, 1/I/L, so a code read over the phone survives.
_QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 8


@dataclass(frozen=True)
class Applicant:
    """Who asks (第二十九条第一款第一项): name, proof of identity, contact details."""

    applicant_type: str
    name: str
    id_type: str
    id_number: str
    phone: str = ""
    email: str = ""
    address: str = ""
    postal_code: str = ""


@dataclass(frozen=True)
class ReceiptFacts:
    """What the clerk knows about how the request arrived; 第三十一条 picks the day that counts."""

    handed_in_on: date | None = None
    signed_for_on: date | None = None
    confirmed_on: date | None = None
    post_signature_required: bool = False


@dataclass(frozen=True)
class NewRequest:
    """A request just created and its query code, which is shown once and stored only hashed."""

    request: InfoRequest
    query_code: str


def _new_query_code() -> str:
    return "".join(secrets.choice(_QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def _next_tracking_number(agency: Agency, year: int) -> str:
    """``<AGENCY CODE>-<year>-<five-digit sequence>``, gap-free per agency and year."""
    counter = TrackingCounter.objects.select_for_update().filter(agency=agency, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():  # savepoint: another clerk may create the row at the same moment
                counter = TrackingCounter.objects.create(agency=agency, year=year)
        except IntegrityError:
            counter = TrackingCounter.objects.select_for_update().get(agency=agency, year=year)
    TrackingCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    return f"{agency.code.upper()}-{year}-{counter.last:05d}"


def _attach(request: InfoRequest, upload: UploadedFile | None) -> dict | None:
    """Put a checked upload on the unsaved request; the file is written when the row is saved.

    Returns what the timeline and the audit log keep of it: name, size and type, never the content.
    """
    if upload is None:
        return None
    try:
        check_attachment(upload)
    except ValidationError as exc:
        raise ValidationError({"attachment": exc}) from exc
    request.attachment = upload
    request.attachment_name = original_name(upload.name)
    request.attachment_size = upload.size
    request.attachment_content_type = attachment_content_type(upload.name)
    return {"name": request.attachment_name, "size": request.attachment_size,
            "content_type": request.attachment_content_type}


def _receipt_day(request: InfoRequest) -> date:
    try:
        day = request_receipt_date(request)
    except DeadlineError as exc:
        raise ApplicationError("receipt-facts-invalid", RECEIPT_FACTS_INVALID % {"reason": exc.message}) from exc
    not_after_today(day, "收到申请之日")
    return day


def _create(*, agency: Agency, channel: str, applicant: Applicant, description: str, info_form: str,
            delivery: str, status: str, acting_user, receipt: ReceiptFacts,
            submitted_on: date | None = None, attachment: UploadedFile | None = None) -> NewRequest:
    if not agency.is_active:
        raise ApplicationError("agency-not-accepting", AGENCY_NOT_ACCEPTING % {"agency": agency.name})
    request = InfoRequest(
        agency=agency, channel=channel, description=description.strip(), info_form=info_form,
        delivery=delivery, status=status, created_by=acting_user if is_user(acting_user) else None,
        handed_in_on=receipt.handed_in_on, signed_for_on=receipt.signed_for_on,
        confirmed_on=receipt.confirmed_on, post_signature_required=receipt.post_signature_required,
        applicant_type=applicant.applicant_type, applicant_name=applicant.name.strip(),
        id_type=applicant.id_type, id_number=applicant.id_number, phone=applicant.phone.strip(),
        email=applicant.email.strip(), address=applicant.address.strip(),
        postal_code=applicant.postal_code.strip(),
    )
    if status != S.SUBMITTED:
        request.received_on = _receipt_day(request)
    attached = _attach(request, attachment)
    # Validate before a tracking number is spent, so refused forms leave no gap in the sequence.
    request.full_clean(exclude=["tracking_number", "query_code_hash"])
    code = _new_query_code()
    request.tracking_number = _next_tracking_number(agency, today().year)
    request.query_code_hash = query_code_hash(request.tracking_number, code)
    kind = K.SUBMITTED if status == S.SUBMITTED else K.REGISTERED
    data = {"channel": channel, **({"attachment": attached} if attached else {})}
    try:
        record(request, kind=kind, day=request.received_on or submitted_on or today(), before={},
               status_before="", acting_user=acting_user, data=data)
    except Exception:
        # The row's save wrote the file; the rollback must not leave it behind. Until then the name
        # is the applicant's, not a stored path: nothing to delete (FieldFile._committed says which).
        # NOTE: a rollback of an outer transaction after this service returns still would leave it.
        if attached and request.attachment._committed:
            request.attachment.delete(save=False)
        raise
    return NewRequest(request=request, query_code=code)


@transaction.atomic
def request_submit(*, agency: Agency, applicant: Applicant, description: str, info_form: str,
                   delivery: str, attachment: UploadedFile | None = None, acting_user=None,
                   submitted_on: date | None = None) -> NewRequest:
    """An applicant's online request. It counts as received only once the office confirms it (第三十一条).

    ``attachment`` (optional) is checked against ``requests.attachments`` and stored with the row.
    ``submitted_on`` is for importing requests made earlier (another system, the demo); the form
    and the API never pass it.
    """
    if submitted_on is not None:
        not_after_today(submitted_on, "网上提交之日")
    return _create(agency=agency, channel=RequestChannel.WEB, applicant=applicant, description=description,
                   info_form=info_form, delivery=delivery, status=S.SUBMITTED, acting_user=acting_user,
                   receipt=ReceiptFacts(), submitted_on=submitted_on, attachment=attachment)


@transaction.atomic
def request_register(*, agency: Agency, channel: str, applicant: Applicant, description: str, info_form: str,
                     delivery: str, receipt: ReceiptFacts, attachment: UploadedFile | None = None,
                     acting_user) -> NewRequest:
    """A clerk registers a request from the counter, post, fax or e-mail; its receipt day follows 第三十一条."""
    request_policy.require(acting_user, "register", agency=agency)
    if channel == RequestChannel.WEB:
        raise ApplicationError("register-web-channel", WEB_NOT_REGISTERED)
    return _create(agency=agency, channel=channel, applicant=applicant, description=description,
                   info_form=info_form, delivery=delivery, status=S.REGISTERED, acting_user=acting_user,
                   receipt=receipt, attachment=attachment)


@transaction.atomic
def request_confirm_receipt(*, request: InfoRequest, confirmed_on: date, acting_user) -> InfoRequest:
    """The office confirms an online request with the applicant: that day is the day of receipt (第三十一条)."""
    step = begin(request, "confirm_receipt", acting_user=acting_user)
    not_after_today(confirmed_on, "确认日期")
    submitted = step.request.events.filter(kind=K.SUBMITTED).values_list("day", flat=True).first()
    not_before(confirmed_on, "确认日期", submitted, "网上提交之日")
    step.request.confirmed_on = confirmed_on
    step.request.received_on = _receipt_day(step.request)
    return finish(step, kind=K.RECEIPT_CONFIRMED, day=step.request.received_on, acting_user=acting_user)
