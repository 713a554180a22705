"""Forms of the public pages: the application (条例 第二十九条) and the status query.

Forms check each field. The rules that tie fields together (a contact for the reply, an
address for post) belong to the model and the submit service; the form runs the model's
rules too, only so that the applicant sees every problem at once.
"""
from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from gongkai.identity import IdentityNumberError, validate_credit_code, validate_resident_id
from gongkai.web.requests.attachments import (  # noqa: F401  (re-exported: the form's limits)
    ATTACHMENT_MAX_BYTES,
    ATTACHMENT_MAX_TEXT,
    ATTACHMENT_TYPES_TEXT,
    check_attachment,
)
from gongkai.web.requests.constants import ApplicantType, Delivery, IdType, InfoForm
from gongkai.web.requests.models import InfoRequest

POSTAL_CODE_INVALID = "邮政编码应为6位数字"
TRACKING_NUMBER_INVALID = "申请编号格式不正确，例如 WLMQX-2026-00001"

_REQUIRED = {"required": "此项必填"}
# Fields InfoRequest.clean() relates to each other.
_CROSS_CHECKED_FIELDS = ("applicant_type", "id_type", "id_number", "phone", "email", "address", "delivery")


class RequestApplyForm(forms.Form):
    """The fields of 第二十九条: who asks and how to reach them, what is wanted, in which form."""

    required_css_class = "required"

    applicant_type = forms.ChoiceField(label="申请人类型", choices=ApplicantType.choices,
                                       widget=forms.RadioSelect, error_messages=_REQUIRED)
    name = forms.CharField(label="姓名或名称", max_length=100, error_messages=_REQUIRED,
                           help_text="自然人填写姓名；法人或其他组织填写全称")
    id_type = forms.ChoiceField(label="身份证明类型", choices=IdType.choices, initial=IdType.RESIDENT_ID,
                                error_messages=_REQUIRED,
                                help_text="法人或其他组织可选择统一社会信用代码")
    id_number = forms.CharField(label="证件号码", max_length=40, error_messages=_REQUIRED,
                                widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    phone = forms.CharField(label="联系电话", max_length=30, required=False,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label="电子邮箱", max_length=254, required=False,
                             error_messages={"invalid": "请填写有效的电子邮箱地址"},
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    address = forms.CharField(label="通信地址", max_length=200, required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    postal_code = forms.CharField(label="邮政编码", max_length=6, required=False,
                                  validators=[RegexValidator(r"^[0-9]{6}$", POSTAL_CODE_INVALID,
                                                             code="postal-code")],
                                  widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    description = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述", error_messages=_REQUIRED,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="请尽量写明文件名称、文号、制作时间或涉及的事项，便于准确查找",
    )
    info_form = forms.ChoiceField(label="信息的载体形式", choices=InfoForm.choices, widget=forms.RadioSelect,
                                  error_messages=_REQUIRED)
    delivery = forms.ChoiceField(label="获取信息的方式", choices=Delivery.choices, widget=forms.RadioSelect,
                                 error_messages=_REQUIRED)
    attachment = forms.FileField(
        label="附件（可选）", required=False,
        help_text=f"如身份证明复印件、授权委托书；{ATTACHMENT_TYPES_TEXT}，不超过{ATTACHMENT_MAX_TEXT}",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.doc,.docx"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # labels are headings; a colon before the * marker reads badly
        super().__init__(*args, **kwargs)

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        self._clean_id_number(cleaned)
        self._clean_together(cleaned)
        return cleaned

    def _clean_id_number(self, cleaned: dict) -> None:
        """身份证号 by the GB 11643 check digit, 统一社会信用代码 by GB 32100; other papers as typed."""
        id_type, number = cleaned.get("id_type"), cleaned.get("id_number")
        if not number:
            return
        check = {IdType.RESIDENT_ID: validate_resident_id, IdType.CREDIT_CODE: validate_credit_code}.get(id_type)
        if check is None:
            return
        try:
            cleaned["id_number"] = check(number)
        except IdentityNumberError as exc:
            self.add_error("id_number", ValidationError(exc.message, code=exc.code))

    def _clean_together(self, cleaned: dict) -> None:
        """The model's cross-field rules (a contact, an address for post …), so every problem shows at once.

        The submit service checks them again; this only saves the applicant a second round trip.
        """
        draft = InfoRequest(**{name: cleaned.get(name) or "" for name in _CROSS_CHECKED_FIELDS})
        try:
            draft.clean()
        except ValidationError as exc:
            for name, errors in exc.error_dict.items():
                if name in self.fields and name not in self.errors:
                    self.add_error(name, errors)


class StatusQueryForm(forms.Form):
    """Tracking number and query code, both from the receipt."""

    required_css_class = "required"

    tracking_number = forms.CharField(
        label="申请编号", max_length=40, error_messages=_REQUIRED,
        validators=[RegexValidator(r"^\s*[A-Za-z0-9_-]+-[0-9]{4}-[0-9]+\s*$", TRACKING_NUMBER_INVALID,
                                   code="tracking-number")],
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    query_code = forms.CharField(
        label="查询码", max_length=20, error_messages=_REQUIRED,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_tracking_number(self) -> str:
        return self.cleaned_data["tracking_number"].strip().upper()

    def clean_query_code(self) -> str:
        return self.cleaned_data["query_code"].strip().upper()
