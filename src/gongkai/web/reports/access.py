"""Who may do what with an annual report (STYLE E5 permission policy, Zulip ``access_*``).

* The agency's own staff draft, edit, submit and publish its report (issue 4: only the agency's
  staff edit it); the head or the administrator submits, publishes and corrects it.
* The supervising agency (the parent) returns or accepts it, by its head or administrator; an
  agency without a parent on the platform reviews its own report.
* Anyone who may see the agency's cases may read the report; otherwise the same 404 as missing.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.selectors import agency_ids_visible_to, membership_roles
from gongkai.web.reports.models import ReportDraft

REPORT_NOT_FOUND = "年度报告不存在"
REPORT_ACTION_NOT_ALLOWED = "您在%(agency)s没有“%(action)s”年度报告所需的岗位（需要：%(roles)s）"

R = Role
_SIGNERS = frozenset({R.HEAD, R.ADMIN})
# action -> (whose roles count: "own" agency or its "parent", the roles that may)
ACTION_ROLES: dict[str, tuple[str, frozenset[str]]] = {
    "create": ("own", frozenset(Role.values)),
    "edit": ("own", frozenset(Role.values)),
    "submit": ("own", _SIGNERS),
    "publish": ("own", _SIGNERS),
    "correct": ("own", _SIGNERS),
    "record_appeal": ("own", frozenset({R.CLERK, R.HANDLER, R.HEAD, R.ADMIN})),
    # An agency not (yet) on the platform has no staff: its supervisor imports its published report.
    "import": ("own_or_parent", frozenset(Role.values)),
    "return": ("parent", _SIGNERS),
    "accept": ("parent", _SIGNERS),
}
ACTION_LABELS = {"import": "导入", "create": "新建", "edit": "编辑", "submit": "报送", "publish": "发布", "correct": "更正",
                 "record_appeal": "登记复议诉讼", "return": "退回", "accept": "审核通过"}


class ReportPolicy:
    def user_can(self, user, action: str, agency) -> bool:
        whose, roles = ACTION_ROLES[action]
        # NOTE: the top of the platform's hierarchy (a county government) has no supervisor here;
        # its own head reviews its report, so the workflow stays the same for everyone.
        if whose == "own_or_parent":
            return any(roles & membership_roles(user=user, agency_id=target)
                       for target in (agency.pk, agency.parent_id) if target is not None)
        target = agency.parent_id or agency.pk if whose == "parent" else agency.pk
        return bool(roles & membership_roles(user=user, agency_id=target))

    def require(self, user, action: str, *, agency) -> None:
        """Raise PermissionDenied unless ``user`` may take ``action`` on ``agency``'s report."""
        if not self.user_can(user, action, agency):
            roles = "、".join(Role(r).label for r in Role.values if r in ACTION_ROLES[action][1])
            where = agency.parent if ACTION_ROLES[action][0] == "parent" and agency.parent_id else agency
            raise PermissionDenied(REPORT_ACTION_NOT_ALLOWED % {
                "agency": where.name, "action": ACTION_LABELS[action], "roles": roles})


report_policy = ReportPolicy()


def access_report_by_id(user, report_id: int) -> ReportDraft:
    """The report if ``user`` may see its agency; Http404 alike for missing and for another agency's."""
    try:
        return ReportDraft.objects.select_related("agency").get(
            pk=report_id, agency_id__in=agency_ids_visible_to(user=user))
    except (ReportDraft.DoesNotExist, ValueError, TypeError):
        raise Http404(REPORT_NOT_FOUND) from None
