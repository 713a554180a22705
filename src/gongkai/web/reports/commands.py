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
