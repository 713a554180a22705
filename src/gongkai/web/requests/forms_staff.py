"""Forms of the staff pages: the work-list filters, registration, and one form per action.

Forms check each field and the receipt fact each channel needs (第三十一条); the business rules
(order of dates, once-only correction and extension, roles) stay in the services, whose errors
the views show.
"""
from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from gongkai.calendar.deadline import MAX_EXTENSION_DAYS
from gongkai.notices import notice_template_for
from gongkai.web.requests.attachments import ATTACHMENT_MAX_TEXT, ATTACHMENT_TYPES_TEXT, check_attachment
from gongkai.web.requests.constants import (
    CLOSURE_OUTCOMES,
    OUTCOME_IDS,
    ApplicantType,
    ConsultedParty,
    Delivery,
    FeeBasis,
    IdType,
    InfoForm,
    RequestChannel,
    RequestOutcome,
    RequestStatus,
)
from gongkai.web.requests.services import Applicant, ReceiptFacts
from gongkai.web.requests.services.closing import LEGAL_BASIS_NEEDED  # the service's rule, shown at the field

_REQUIRED = {"required": "此项必填"}
RECEIPT_DAY_NEEDED = "%(channel)s的申请须填写%(what)s（第三十一条）"


def _date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           error_messages={**_REQUIRED, "invalid": "请填写有效日期，如 2026-09-28"}, **kwargs)


def _text(label: str, *, required: bool = True, rows: int = 2, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}),
                           error_messages=_REQUIRED, **kwargs)


# ---------------------------------------------------------------- work list ----

class WorklistFilterForm(forms.Form):
    """GET filters of the work list; every field optional, an invalid one is ignored."""

    q = forms.CharField(label="申请编号或申请人", required=False, max_length=100)
    scope = forms.ChoiceField(label="范围", required=False, choices=[("", "待办（未归档）"), ("all", "全部（含已归档）")])
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部状态"), *RequestStatus.choices])
    agency = forms.ModelChoiceField(label="机关", required=False, queryset=None, empty_label="全部机关")
    channel = forms.ChoiceField(label="申请方式", required=False,
                                choices=[("", "全部方式"), *RequestChannel.choices])
    overdue = forms.BooleanField(label="只看逾期", required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def filters(self) -> dict:
        """Keyword arguments of ``request_worklist_for_staff``."""
        data = self.cleaned_data if self.is_valid() else {}
        agency = data.get("agency")
        # Archived cases need nothing more: the list leaves them out unless asked for all, or by status.
        return {"search": data.get("q", ""), "status": data.get("status") or None,
                "pending_only": not data.get("status") and data.get("scope") != "all",
                "agency_id": agency.pk if agency else None, "channel": data.get("channel") or None,
                "overdue_only": bool(data.get("overdue"))}


# ---------------------------------------------------------------- registration ----

class RequestRegisterForm(forms.Form):
    """A request received at the counter, by post, fax or e-mail (第二十九条), with its receipt facts."""

    required_css_class = "required"

    agency = forms.ModelChoiceField(label="受理机关", queryset=None, error_messages=_REQUIRED, empty_label=None)
    channel = forms.ChoiceField(label="申请方式", error_messages=_REQUIRED,
                                choices=[c for c in RequestChannel.choices if c[0] != RequestChannel.WEB])
    handed_in_on = _date("当面提交日", required=False, help_text="当面提交：以提交之日为收到申请之日")
    post_signature_required = forms.BooleanField(label="邮件需签收（挂号信、快递等）", required=False)
    signed_for_on = _date("签收日", required=False, help_text="需签收的邮件：以签收之日为收到申请之日")
    confirmed_on = _date("确认日", required=False,
                         help_text="平常信函、传真、电子邮件：以与申请人（双方）确认之日为收到申请之日")

    applicant_type = forms.ChoiceField(label="申请人类型", choices=ApplicantType.choices, error_messages=_REQUIRED)
    applicant_name = forms.CharField(label="姓名或名称", max_length=100, error_messages=_REQUIRED)
    id_type = forms.ChoiceField(label="身份证明类型", choices=IdType.choices, initial=IdType.RESIDENT_ID)
    id_number = forms.CharField(label="证件号码", max_length=40, error_messages=_REQUIRED)
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    email = forms.EmailField(label="电子邮箱", required=False, error_messages={"invalid": "请填写有效的电子邮箱"})
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postal_code = forms.RegexField(label="邮政编码", regex=r"^\d{6}$", required=False,
                                   error_messages={"invalid": "邮政编码应为6位数字"})

    description = _text("所需信息的名称、文号或其他特征描述", rows=4)
    info_form = forms.ChoiceField(label="信息的载体形式", choices=InfoForm.choices, error_messages=_REQUIRED)
    delivery = forms.ChoiceField(label="获取信息的方式", choices=Delivery.choices, error_messages=_REQUIRED)
    attachment = forms.FileField(label="附件（可选）", required=False,
                                 help_text=f"申请书扫描件、身份证明复印件等；{ATTACHMENT_TYPES_TEXT}，不超过{ATTACHMENT_MAX_TEXT}")

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload or None

    def clean(self):
        data = super().clean()
        channel = data.get("channel")
        if channel:
            field, what = self._receipt_field(channel, data.get("post_signature_required", False))
            if not data.get(field):
                self.add_error(field, ValidationError(RECEIPT_DAY_NEEDED, code="receipt-day", params={
                    "channel": RequestChannel(channel).label, "what": what}))
        return data

    @staticmethod
    def _receipt_field(channel: str, signature_required: bool) -> tuple[str, str]:
        """Which receipt fact 第三十一条 takes for the channel."""
        if channel == RequestChannel.COUNTER:
            return "handed_in_on", "当面提交日"
        if channel == RequestChannel.POST and signature_required:
            return "signed_for_on", "签收日"
        return "confirmed_on", "确认日"

    def applicant(self) -> Applicant:
        d = self.cleaned_data
        return Applicant(applicant_type=d["applicant_type"], name=d["applicant_name"], id_type=d["id_type"],
                         id_number=d["id_number"], phone=d["phone"], email=d["email"], address=d["address"],
                         postal_code=d["postal_code"])

    def receipt(self) -> ReceiptFacts:
        """Only the fact the channel uses is passed on, so a stray date cannot decide receipt."""
        d = self.cleaned_data
        field, _what = self._receipt_field(d["channel"], d["post_signature_required"])
        return ReceiptFacts(post_signature_required=d["channel"] == RequestChannel.POST
                            and d["post_signature_required"], **{field: d[field]})


# ---------------------------------------------------------------- actions ----

class ConfirmReceiptForm(forms.Form):
    confirmed_on = _date("确认收到之日", help_text="与申请人双方确认之日为收到申请之日（第三十一条）")


class AcceptForm(forms.Form):
    accepted_on = _date("受理之日")
    note = _text("备注", required=False)


class AskCorrectionForm(forms.Form):
    asked_on = _date("告知补正之日", help_text="应在收到申请之日起7个工作日内一次性告知（第三十条）")
    what_to_correct = _text("需要补正的事项", rows=3)
    respond_by = _date("补正期限")


class RecordCorrectionForm(forms.Form):
    received_on = _date("收到补正之日", help_text="答复期限自该日重新起算（第三十条）")
    note = _text("备注", required=False)


class CloseForm(forms.Form):
    closed_on = _date("终止办理之日")


class StartConsultationForm(forms.Form):
    sent_on = _date("发函之日", help_text="征求意见期间不计入答复期限（第三十三条第二款）")
    party = forms.ChoiceField(label="征求意见对象", choices=ConsultedParty.choices)
    addressee = forms.CharField(label="对象名称", max_length=200, error_messages=_REQUIRED)


class EndConsultationForm(forms.Form):
    received_on = _date("收到意见之日")
    note = _text("意见摘要", required=False)


class AskExtensionForm(forms.Form):
    asked_on = _date("申请延期之日")
    days = forms.IntegerField(label="延长工作日数", min_value=1, max_value=MAX_EXTENSION_DAYS,
                              initial=MAX_EXTENSION_DAYS, error_messages={
                                  **_REQUIRED, "min_value": "延长期限至少1个工作日",
                                  "max_value": "延长期限最长20个工作日（第三十三条第一款）"})
    reason = _text("延期理由")


class ApproveExtensionForm(forms.Form):
    approved_on = _date("批准之日")
    days = forms.IntegerField(label="批准延长工作日数", required=False, min_value=1, max_value=MAX_EXTENSION_DAYS,
                              help_text="不填则按申请的天数批准")


class NotifyFeeForm(forms.Form):
    notice_on = _date("收费通知之日", help_text="申请人应在20个工作日内缴费，等待期间不计入答复期限（第四十二条）")
    amount = forms.DecimalField(label="金额（元）", min_value=0, max_digits=10, decimal_places=2,
                                error_messages=_REQUIRED)
    basis = forms.ChoiceField(label="收费方式", choices=FeeBasis.choices)


class RecordPaymentForm(forms.Form):
    paid_on = _date("缴费之日")


_REPLY_OUTCOMES = [(o, RequestOutcome(o).label) for o in OUTCOME_IDS if o not in CLOSURE_OUTCOMES]


class ReplyForm(forms.Form):
    """A reply counts under one report row (section 三). Results of other parts may be added:
    anything disclosed next to anything not disclosed counts as 部分公开 (第三十七条)."""

    replied_on = _date("答复日期")
    outcome = forms.ChoiceField(label="办理结果", choices=_REPLY_OUTCOMES, error_messages=_REQUIRED)
    other_parts = forms.MultipleChoiceField(label="其他部分的办理结果（区分处理时选择）", required=False,
                                            choices=_REPLY_OUTCOMES, widget=forms.SelectMultiple(attrs={"size": 4}))
    summary = _text("答复说明", rows=3, help_text="写入告知书：理由、获取方式和时间、负责公开的机关等")
    legal_basis = forms.CharField(label="其他法律依据", required=False, max_length=300,
                                  help_text="条例之外所依据的法律规定；“要求确认或重新出具已获取信息”“其他”必填")

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome and not data.get("other_parts") and not data.get("legal_basis", "").strip():
            _template, clause = notice_template_for(outcome)
            if not clause.articles:
                self.add_error("legal_basis", ValidationError(LEGAL_BASIS_NEEDED, code="legal-basis",
                                                              params={"label": RequestOutcome(outcome).label}))
        return data

    def outcomes(self) -> list[str]:
        return [self.cleaned_data["outcome"], *self.cleaned_data["other_parts"]]


class WithdrawForm(forms.Form):
    withdrawn_on = _date("撤回日期")
    reason = _text("撤回方式或理由", help_text="如：申请人书面申请撤回")


class ArchiveForm(forms.Form):
    archived_on = _date("归档之日")
    note = _text("备注", required=False)
