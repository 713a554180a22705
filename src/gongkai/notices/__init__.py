"""告知书: the written notice that answers a request for government information (issue 3 §6).

One template per outcome group of the annual report's section 三; each notice states the legal
basis and the applicant's remedies (行政复议 within 60 days, 行政诉讼 within 6 months). Plain data
in, .docx bytes out; no Django.
"""
from gongkai.notices.generate import (
    NoticeData,
    NoticeError,
    NoticeText,
    format_date_zh,
    notice_template_for,
    notice_text,
    outcome_label,
    render_notice_docx,
)
from gongkai.notices.templates import NOTICE_TEMPLATES, NoticeTemplate, RowClause

__all__ = [
    "NOTICE_TEMPLATES",
    "NoticeData",
    "NoticeError",
    "NoticeTemplate",
    "NoticeText",
    "RowClause",
    "format_date_zh",
    "notice_template_for",
    "notice_text",
    "outcome_label",
    "render_notice_docx",
]
