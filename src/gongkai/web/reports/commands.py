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
