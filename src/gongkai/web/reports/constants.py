"""Choices of an annual report draft. Appeal kinds and results are section 四's ids, read from the spec."""
from __future__ import annotations

from django.db import models

from gongkai.spec import FORMATS

# Section 四 is the same table in both editions; its block and column labels come from the spec.
_APPEALS = FORMATS["2021"].table("appeals")
APPEAL_RESULT_IDS: tuple[str, ...] = tuple(c.id for c in _APPEALS.columns if c.id != "total")
APPEAL_KIND_IDS: tuple[str, ...] = tuple(r.id for r in _APPEALS.rows)


def _kind_label(row_id: str) -> str:
    row = _APPEALS.row(row_id)
    return "·".join((*row.groups, row.label))


ReportEdition = models.TextChoices("ReportEdition", [(f"F{fid}", (fid, FORMATS[fid].document)) for fid in FORMATS])
ReportEdition.__doc__ = "The national format a report is drawn up in (format_for_year decides it)."

AppealKind = models.TextChoices("AppealKind", [(k.upper(), (k, _kind_label(k))) for k in APPEAL_KIND_IDS])
AppealKind.__doc__ = "行政复议, or 行政诉讼 brought directly or after review: section 四's blocks."

AppealResult = models.TextChoices(
    "AppealResult", [(c.upper(), (c, _APPEALS.column(c).label)) for c in APPEAL_RESULT_IDS])
AppealResult.__doc__ = "维持 / 纠正 / 其他 / 尚未审结: section 四's columns (without 总计)."
PENDING = "pending"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已报送"
    RETURNED = "returned", "已退回"
    ACCEPTED = "accepted", "已审核通过"
    PUBLISHED = "published", "已发布"


S = ReportStatus
# The workflow (STYLE E5): draft → submitted → returned | accepted → published. A returned
# report is edited and submitted again; a published one never changes (a correction is a new version).
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.RETURNED, S.ACCEPTED}),
    S.RETURNED: frozenset({S.SUBMITTED}),
    S.ACCEPTED: frozenset({S.PUBLISHED}),
    S.PUBLISHED: frozenset(),
}
# Statuses in which the agency may still change text and figures.
EDITABLE_STATUSES = frozenset({S.DRAFT, S.RETURNED})

TEXT_FIELDS = ("overview", "problems", "other")

# The five parts of 一、总体情况 the 2021 format names; a new draft starts from them.
OVERVIEW_PARTS = ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障")
OVERVIEW_SCAFFOLD = "\n\n".join(OVERVIEW_PARTS)


class SupervisionStatus(models.TextChoices):
    """Where a child agency's report of a year stands, seen from its supervisor (issue 4, item 6)."""

    NOT_STARTED = "not_started", "未开始"
    DRAFT = "draft", "编制中"
    SUBMITTED = "submitted", "已报送"
    PUBLISHED_ON_TIME = "published_on_time", "按时发布"
    PUBLISHED_LATE = "published_late", "逾期发布"
    MISSING = "missing", "逾期未发布"
    IMPORTED = "imported", "已导入（平台外发布）"


# 条例 第四十九条: departments publish by 1月31日, a government's own report is due by 3月31日.
DEPARTMENT_DEADLINE = (1, 31)
GOVERNMENT_DEADLINE = (3, 31)
