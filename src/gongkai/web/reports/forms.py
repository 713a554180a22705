"""Forms of the report pages: field-level parsing only; business rules stay in the services."""
from __future__ import annotations

from django import forms

from gongkai.web.reports.constants import AppealKind, AppealResult


class AppealForm(forms.Form):
    request_number = forms.CharField(label="申请编号", max_length=40)
    kind = forms.ChoiceField(label="类型", choices=AppealKind.choices)
    body = forms.CharField(label="复议机关或法院", max_length=100)
    filed_on = forms.DateField(label="申请复议或起诉之日")
    decided_on = forms.DateField(label="审结之日", required=False)
    result = forms.ChoiceField(label="结果", choices=AppealResult.choices, initial="pending")
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AppealDecisionForm(forms.Form):
    result = forms.ChoiceField(label="结果", choices=[c for c in AppealResult.choices if c[0] != "pending"])
    decided_on = forms.DateField(label="审结之日")
