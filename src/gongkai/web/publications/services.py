"""Writes of the 主动公开 catalogue: drafting, the 保密审查, approval, publication, revocation.

Every service (STYLE E5) is keyword-only with an explicit ``acting_user``, runs in one
transaction on the locked row, refuses moves the TRANSITIONS table does not allow,
``full_clean``s before saving and appends one audit event.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from gongkai.web.agencies.models import Agency
from gongkai.web.audit.services import audit_event
from gongkai.web.common.errors import ApplicationError
from gongkai.web.publications.access import item_policy
from gongkai.web.publications.constants import (
    ACTION_LABELS,
    TRANSITIONS,
    AccountStatus,
    Check,
    CheckResult,
    Disclosure,
    DocumentKind,
    ItemStatus,
    Validity,
)
from gongkai.web.publications.models import IndexCounter, Item, ItemAttachment, NewMediaAccount, ReviewCheck
from gongkai.web.publications.search import index_item
from gongkai.web.requests.attachments import check_attachment, original_name

S = ItemStatus
ITEM_TRANSITION_BLOCKED = "公开事项当前状态为“%(status)s”，不能%(action)s"
CHECKS_INCOMPLETE = "五项审查尚未全部通过（未通过或未审查：%(checks)s），不能批准"
NOT_PROACTIVE = "公开方式为“%(disclosure)s”的事项不在门户网站发布"
REASON_REQUIRED = "撤回必须说明理由"
DAY_IN_FUTURE = "%(what)s（%(day)s）不能晚于今天（%(today)s）"
DAY_BEFORE_WRITTEN = "%(what)s（%(day)s）不能早于成文日期（%(written)s）"
VALIDITY_NOT_DOCUMENT = "只有规章和规范性文件可以变更效力状态"


def _today() -> date:
    return timezone.localdate()  # the offices' time zone (STYLE E6)


@dataclass(frozen=True)
class ItemContent:
    """What a drafter types for an item: everything but its number, status and dates of the workflow."""

    title: str
    issuer: str
    written_on: date
    category: str
    document_number: str = ""
    subcategory_id: int | None = None
    topic: str = ""
    document_kind: str = DocumentKind.OTHER
    validity: str = ""
    effective_on: date | None = None
    ended_on: date | None = None
    body: str = ""
    disclosure: str = Disclosure.PROACTIVE
    withheld_reason: str = ""


@dataclass(frozen=True)
class AccountFields:
    """A 政务新媒体 account as entered in the registry."""

    platform: str
    name: str
    operator: str
    status: str = AccountStatus.ACTIVE
    opened_on: date | None = None
    closed_on: date | None = None


def _not_after_today(day: date, what: str) -> None:
    now = _today()
    if day > now:
        raise ApplicationError("day-in-future", DAY_IN_FUTURE % {"what": what, "day": day, "today": now})


def _next_index_number(agency: Agency, year: int) -> str:
    """``<AGENCY CODE>-<year>-<five-digit serial>``, gap-free per agency and year of 成文日期."""
    counter = IndexCounter.objects.select_for_update().filter(agency=agency, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():  # savepoint: another drafter may create the row at the same moment
                counter = IndexCounter.objects.create(agency=agency, year=year)
        except IntegrityError:
            counter = IndexCounter.objects.select_for_update().get(agency=agency, year=year)
    IndexCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    return f"{agency.code.upper()}-{year}-{counter.last:05d}"


def _locked(item: Item) -> Item:
    return Item.objects.select_for_update().select_related("agency").get(pk=item.pk)


def _move(item: Item, to: str, action: str) -> str:
    """Refuse a move the TRANSITIONS table does not allow; return the status moved from."""
    if to not in TRANSITIONS[item.status]:
        raise ApplicationError("item-transition-blocked", ITEM_TRANSITION_BLOCKED % {
            "status": ItemStatus(item.status).label, "action": ACTION_LABELS[action]},
            extra={"status": item.status})
    before = item.status
    item.status = to
    return before


def _apply(item: Item, content: ItemContent) -> None:
    for name, value in asdict(content).items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)


def _save(item: Item, *, event: str, acting_user, before: dict | None = None, data: dict | None = None) -> Item:
    # NOTE: the check constraints repeat the field choices and Item.clean(), and Django checks each
    # with a query of its own (half the time of loading the demo); the database still enforces them.
    item.full_clean(validate_constraints=False)
    item.save()
    index_item(item)
    audit_event(event=event, obj=item, acting_user=acting_user, before=before,
                after={"status": item.status}, data=data)
    return item


@transaction.atomic
def item_create(*, agency: Agency, content: ItemContent, acting_user) -> Item:
    """A new draft with its 索引号, allocated here once and never changed."""
    item_policy.require(acting_user, "create", agency=agency)
    item = Item(agency=agency, created_by=acting_user)
    _apply(item, content)
    # Check the fields before a number is taken, so a refused draft leaves no gap in the serials.
    item.full_clean(exclude=["index_number"], validate_constraints=False)
    item.index_number = _next_index_number(agency, content.written_on.year)
    return _save(item, event="publication.created", acting_user=acting_user,
                 data={"index_number": item.index_number, "title": item.title})


@transaction.atomic
def item_update(*, item: Item, content: ItemContent, acting_user) -> Item:
    """Change a draft's content; an item under review or later is changed only by the workflow."""
    item = _locked(item)
    item_policy.require(acting_user, "update", agency=item.agency)
    if item.status != S.DRAFT:
        raise ApplicationError("item-transition-blocked", ITEM_TRANSITION_BLOCKED % {
            "status": ItemStatus(item.status).label, "action": ACTION_LABELS["update"]})
    old = {name: getattr(item, name) for name in asdict(content)}
    _apply(item, content)
    changed = sorted(name for name, value in old.items() if getattr(item, name) != value)
    return _save(item, event="publication.updated", acting_user=acting_user, data={"changed": changed})


@transaction.atomic
def item_add_attachment(*, item: Item, upload: UploadedFile, acting_user) -> ItemAttachment:
    """Attach a checked file (PDF, image, Word) to a draft."""
    item = _locked(item)
    item_policy.require(acting_user, "update", agency=item.agency)
    if item.status != S.DRAFT:
        raise ApplicationError("item-transition-blocked", ITEM_TRANSITION_BLOCKED % {
            "status": ItemStatus(item.status).label, "action": ACTION_LABELS["update"]})
    try:
        check_attachment(upload)
    except ValidationError as exc:
        raise ValidationError({"attachment": exc}) from exc
    name = original_name(upload.name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else "bin"
    attachment = ItemAttachment(item=item, name=name, size=upload.size,
                                stored_name=f"{item.attachments.count() + 1:03d}.{extension}")
    attachment.file = upload
    attachment.full_clean(exclude=["file"])
    attachment.save()
    audit_event(event="publication.attachment_added", obj=item, acting_user=acting_user,
                data={"name": name, "size": upload.size})
    return attachment


@transaction.atomic
def item_submit_for_review(*, item: Item, acting_user) -> Item:
    """Send a draft to the 保密审查; a new round of the five checks starts."""
    item = _locked(item)
    item_policy.require(acting_user, "submit", agency=item.agency)
    before = _move(item, S.IN_REVIEW, "submit")
    item.review_round += 1
    return _save(item, event="publication.submitted", acting_user=acting_user, before={"status": before},
                 data={"round": item.review_round})


@transaction.atomic
def item_record_check(*, item: Item, check: str, result: str, note: str = "", acting_user) -> ReviewCheck:
    """Record a 审核 member's judgement on one of the five checks; a later one replaces it."""
    item = _locked(item)
    item_policy.require(acting_user, "check", agency=item.agency)
    if item.status != S.IN_REVIEW:
        raise ApplicationError("item-transition-blocked", ITEM_TRANSITION_BLOCKED % {
            "status": ItemStatus(item.status).label, "action": ACTION_LABELS["check"]})
    row = ReviewCheck(item=item, check_kind=check, result=result, note=note.strip(), reviewer=acting_user,
                      round=item.review_round)
    row.full_clean(validate_constraints=False)  # as _save: the constraints repeat the choices
    row.save()
    audit_event(event="publication.check_recorded", obj=item, acting_user=acting_user,
                data={"check": check, "result": result, "note": row.note, "round": item.review_round})
    return row


def item_check_results(item: Item) -> dict[str, ReviewCheck | None]:
    """The current round's latest judgement per check (None: not yet reviewed)."""
    latest: dict[str, ReviewCheck | None] = dict.fromkeys(Check.values)
    for row in item.checks.filter(round=item.review_round).select_related("reviewer").order_by("pk"):
        latest[row.check_kind] = row
    return latest


@transaction.atomic
def item_return_to_draft(*, item: Item, note: str = "", acting_user) -> Item:
    """Send an item under review back to its drafter; its checks start again on resubmission."""
    item = _locked(item)
    item_policy.require(acting_user, "return", agency=item.agency)
    before = _move(item, S.DRAFT, "return")
    return _save(item, event="publication.returned", acting_user=acting_user, before={"status": before},
                 data={"note": note.strip()})


@transaction.atomic
def item_approve(*, item: Item, acting_user) -> Item:
    """The head approves release, only once all five checks of this round have passed."""
    item = _locked(item)
    item_policy.require(acting_user, "approve", agency=item.agency)
    if item.status == S.IN_REVIEW:
        missing = [Check(c).label for c, row in item_check_results(item).items()
                   if row is None or row.result != CheckResult.PASSED]
        if missing:
            raise ApplicationError("checks-incomplete", CHECKS_INCOMPLETE % {"checks": "、".join(missing)})
    before = _move(item, S.APPROVED, "approve")
    return _save(item, event="publication.approved", acting_user=acting_user, before={"status": before})


@transaction.atomic
def item_publish(*, item: Item, acting_user, published_on: date | None = None) -> Item:
    """Release an approved 主动公开 item on the portal, dated today unless a past day is given."""
    item = _locked(item)
    item_policy.require(acting_user, "publish", agency=item.agency)
    day = published_on or _today()
    _not_after_today(day, "发布日期")
    if day < item.written_on:
        raise ApplicationError("day-out-of-order", DAY_BEFORE_WRITTEN % {
            "what": "发布日期", "day": day, "written": item.written_on})
    if item.disclosure != Disclosure.PROACTIVE:
        raise ApplicationError("item-not-proactive", NOT_PROACTIVE % {
            "disclosure": Disclosure(item.disclosure).label})
    before = _move(item, S.PUBLISHED, "publish")
    item.published_on = day
    return _save(item, event="publication.published", acting_user=acting_user, before={"status": before},
                 data={"published_on": day})


@transaction.atomic
def item_revoke(*, item: Item, reason: str, acting_user, revoked_on: date | None = None) -> Item:
    """Take a published item off the portal; the reason is kept."""
    item = _locked(item)
    item_policy.require(acting_user, "revoke", agency=item.agency)
    if not reason.strip():
        raise ApplicationError("reason-required", REASON_REQUIRED)
    day = revoked_on or _today()
    _not_after_today(day, "撤回日期")
    before = _move(item, S.REVOKED, "revoke")
    item.revoked_on, item.revoke_reason = day, reason.strip()
    return _save(item, event="publication.revoked", acting_user=acting_user, before={"status": before},
                 data={"reason": item.revoke_reason, "revoked_on": day})


@transaction.atomic
def item_set_validity(*, item: Item, validity: str, ended_on: date | None = None, acting_user) -> Item:
    """Record that a 规章 or 规范性文件 has expired or been repealed (or is in force again)."""
    item = _locked(item)
    item_policy.require(acting_user, "update", agency=item.agency)
    if item.document_kind not in (DocumentKind.RULES, DocumentKind.NORMATIVE):
        raise ApplicationError("validity-not-document", VALIDITY_NOT_DOCUMENT)
    old = {"validity": item.validity, "ended_on": item.ended_on}
    item.validity = validity
    item.ended_on = None if validity == Validity.IN_FORCE else ended_on
    return _save(item, event="publication.validity_changed", acting_user=acting_user, before=old,
                 data={"validity": validity, "ended_on": item.ended_on})


def _account_apply(account: NewMediaAccount, fields: AccountFields) -> None:
    for name, value in asdict(fields).items():
        setattr(account, name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def newmedia_create(*, agency: Agency, fields: AccountFields, acting_user) -> NewMediaAccount:
    """Register a 政务新媒体 account of ``agency``."""
    item_policy.require(acting_user, "newmedia", agency=agency)
    account = NewMediaAccount(agency=agency)
    _account_apply(account, fields)
    account.full_clean()
    account.save()
    audit_event(event="newmedia.created", obj=account, acting_user=acting_user, data=asdict(fields))
    return account


@transaction.atomic
def newmedia_update(*, account: NewMediaAccount, fields: AccountFields, acting_user) -> NewMediaAccount:
    """Change a registered account (its status, operator or name)."""
    account = NewMediaAccount.objects.select_for_update().select_related("agency").get(pk=account.pk)
    item_policy.require(acting_user, "newmedia", agency=account.agency)
    before = {name: getattr(account, name) for name in asdict(fields)}
    _account_apply(account, fields)
    account.full_clean()
    account.save()
    audit_event(event="newmedia.updated", obj=account, acting_user=acting_user, before=before,
                after=asdict(fields))
    return account


ALREADY_PUBLIC_SUMMARY = ("您申请获取的政府信息已经主动公开（《中华人民共和国政府信息公开条例》第三十六条第一项），"
                          "可通过%(agency)s政府信息公开目录获取：《%(title)s》，索引号%(index)s，网址 %(url)s")
ITEM_NOT_PUBLIC = "所选信息尚未公开或已撤回，不能据此答复“已主动公开”"


@transaction.atomic
def request_reply_already_public(*, request, item: Item, replied_on: date, acting_user, site_url: str = ""):
    """Answer a request with “已主动公开” and the link to the published item (第三十六条第一项),
    in one step: the reply counts as 予以公开 and its 告知书 carries the link."""
    from gongkai.web.requests.constants import GRANTED
    from gongkai.web.requests.services import request_reply

    item = Item.objects.select_related("agency").get(pk=item.pk)
    if not item.is_public:
        raise ApplicationError("item-not-public", ITEM_NOT_PUBLIC)
    summary = ALREADY_PUBLIC_SUMMARY % {"agency": item.agency.name, "title": item.title,
                                        "index": item.index_number, "url": site_url + item.get_absolute_url()}
    replied = request_reply(request=request, outcomes=[GRANTED], replied_on=replied_on, summary=summary,
                            acting_user=acting_user)
    audit_event(event="publication.cited_in_reply", obj=item, acting_user=acting_user,
                data={"request": replied.tracking_number})
    return replied
