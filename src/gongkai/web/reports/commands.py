"""What ``gongkai report …`` does on the Django side; ``gongkai.cli_report`` imports this lazily (STYLE E1)."""
from __future__ import annotations

import os

from gongkai.web.runner import DEFAULT_SETTINGS

AGENCY_NOT_FOUND = "找不到机关“%(agency)s”（按代码或编号查找）"


class AgencyNotFound(LookupError):
    pass


def generate(*, agency: str, year: int):
    """The report of ``year`` for the agency with code (or id) ``agency``, and its findings.

    Section 二 and the text come from the agency's draft of that year when there is one.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()
    from gongkai.web.agencies.models import Agency
    from gongkai.web.reports.selectors import report_check, report_draft_for_year

    found = Agency.objects.filter(code=agency).first()
    if found is None and agency.isdigit():
        found = Agency.objects.filter(pk=int(agency)).first()
    if found is None:
        raise AgencyNotFound(AGENCY_NOT_FOUND % {"agency": agency})
    checked = report_check(draft=report_draft_for_year(agency=found, year=year))
    return checked.report, checked.findings


DEMO_NOT_LOADED = "数据库中没有演示县（%(code)s），请先运行 gongkai demo"
DEMO_ALREADY = "演示县的年度报告已载入（%(year)s年度已有报告），未重复载入"


def load_demo() -> str:
    """Add the demo county's 2020 (published) and 2025 (draft) reports; returns what happened."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()
    from django.db import transaction

    from gongkai.web.accounts.constants import Role
    from gongkai.web.accounts.models import Membership
    from gongkai.web.agencies.models import Agency
    from gongkai.web.demo import people
    from gongkai.web.reports.demo import SEED_YEAR, demo_reports_load
    from gongkai.web.reports.models import ReportDraft

    code = people.COUNTY[1]
    county = Agency.objects.filter(code=code).first()
    if county is None:
        raise AgencyNotFound(DEMO_NOT_LOADED % {"code": code})
    if ReportDraft.objects.filter(agency=county, year=SEED_YEAR).exists():
        return DEMO_ALREADY % {"year": SEED_YEAR}
    head = Membership.objects.filter(agency=county, role=Role.HEAD).select_related("user").first()
    with transaction.atomic():
        loaded = demo_reports_load(county=county, acting_user=head.user if head else None)
    return (f"已载入{county.name}{loaded.published.year}年度报告（已发布，第{loaded.published.version}版）"
            f"和{loaded.draft.year}年度报告草稿")


USER_NOT_FOUND = "找不到工作人员“%(username)s”"


def import_files(*, agency: str, username: str, paths: list, year: int | None = None) -> list[tuple[str, str]]:
    """Import published report files for ``agency`` as ``username``; returns (file, outcome) per file."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()
    from django.core.exceptions import PermissionDenied

    from gongkai.web.accounts.models import User
    from gongkai.web.agencies.models import Agency
    from gongkai.web.common.errors import ApplicationError
    from gongkai.web.reports.services import report_import

    found = Agency.objects.filter(code=agency).first()
    if found is None and agency.isdigit():
        found = Agency.objects.filter(pk=int(agency)).first()
    if found is None:
        raise AgencyNotFound(AGENCY_NOT_FOUND % {"agency": agency})
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise AgencyNotFound(USER_NOT_FOUND % {"username": username})
    outcomes = []
    for path in paths:
        try:
            imported = report_import(agency=found, data=path.read_bytes(), name=path.name, year=year,
                                     acting_user=user)
        except (ApplicationError, PermissionDenied) as exc:
            outcomes.append((str(path), f"未导入：{getattr(exc, 'message', exc)}"))
        else:
            outcomes.append((str(path), f"已导入为{imported.year}年度报告（{len(imported.findings)} 个问题）"))
    return outcomes
