"""Staff forms: they parse input into the services' typed arguments; rules stay in the services."""
from __future__ import annotations

from django import forms

from gongkai.web.agencies.models import Agency
from gongkai.web.publications.constants import (
    AccountStatus,
    Category,
    Check,
    CheckResult,
    Disclosure,
    DocumentKind,
    Platform,
    Validity,
)
from gongkai.web.publications.models import SubCategory
from gongkai.web.publications.services import AccountFields, ItemContent

_DATE = forms.DateInput(attrs={"type": "date"})


class ItemForm(forms.Form):
    agency = forms.ModelChoiceField(label="机关", queryset=Agency.objects.none(), empty_label=None)
    title = forms.CharField(label="标题", max_length=200)
    document_number = forms.CharField(label="文号", max_length=60, required=False)
    issuer = forms.CharField(label="发布机构", max_length=100)
    written_on = forms.DateField(label="成文日期", widget=_DATE)
    category = forms.ChoiceField(label="公开类别（第二十条）", choices=Category.choices)
    subcategory = forms.ModelChoiceField(label="子类", queryset=SubCategory.objects.none(), required=False)
    topic = forms.CharField(label="主题分类", max_length=60, required=False)
    document_kind = forms.ChoiceField(label="文件类型", choices=DocumentKind.choices, initial=DocumentKind.OTHER)
    validity = forms.ChoiceField(label="效力状态", choices=[("", "—")] + Validity.choices, required=False)
    effective_on = forms.DateField(label="施行日期", widget=_DATE, required=False)
    ended_on = forms.DateField(label="失效/废止日期", widget=_DATE, required=False)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    disclosure = forms.ChoiceField(label="公开方式", choices=Disclosure.choices, initial=Disclosure.PROACTIVE)
    withheld_reason = forms.CharField(label="不予公开理由", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    attachment = forms.FileField(label="附件（PDF、JPG、PNG、DOC、DOCX）", required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["subcategory"].queryset = SubCategory.objects.filter(agency__in=agencies)

    def content(self) -> ItemContent:
        d = self.cleaned_data
        return ItemContent(
            title=d["title"], issuer=d["issuer"], written_on=d["written_on"], category=d["category"],
            document_number=d["document_number"], subcategory_id=d["subcategory"].pk if d["subcategory"] else None,
            topic=d["topic"], document_kind=d["document_kind"], validity=d["validity"],
            effective_on=d["effective_on"], ended_on=d["ended_on"], body=d["body"],
            disclosure=d["disclosure"], withheld_reason=d["withheld_reason"])


class CheckForm(forms.Form):
    check = forms.ChoiceField(label="审查项", choices=Check.choices)
    result = forms.ChoiceField(label="结论", choices=CheckResult.choices)
    note = forms.CharField(label="意见", required=False, max_length=2000)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class NoteForm(forms.Form):
    note = forms.CharField(label="意见", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000)


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label="效力状态", choices=Validity.choices)
    ended_on = forms.DateField(label="失效/废止日期", widget=_DATE, required=False)


class NewMediaForm(forms.Form):
    agency = forms.ModelChoiceField(label="机关", queryset=Agency.objects.none(), empty_label=None)
    platform = forms.ChoiceField(label="平台", choices=Platform.choices)
    name = forms.CharField(label="账号名称", max_length=100)
    operator = forms.CharField(label="运营主体", max_length=100)
    status = forms.ChoiceField(label="状态", choices=AccountStatus.choices)
    opened_on = forms.DateField(label="开设日期", widget=_DATE, required=False)
    closed_on = forms.DateField(label="关停日期", widget=_DATE, required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def fields_value(self) -> AccountFields:
        d = self.cleaned_data
        return AccountFields(platform=d["platform"], name=d["name"], operator=d["operator"], status=d["status"],
                             opened_on=d["opened_on"], closed_on=d["closed_on"])
