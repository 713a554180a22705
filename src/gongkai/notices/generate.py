"""Build a 告知书 (.docx) from plain data: which template, which sentences, then python-docx.

``notice_text`` decides every sentence (testable without Word); ``render_notice_docx`` only
lays the sentences out on an A4 page.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from gongkai.errors import GongkaiError
from gongkai.notices.templates import NOTICE_TEMPLATES, REGULATION, NoticeTemplate, RowClause
from gongkai.spec import FORMATS

# The outcome rows are those of section 三 of the format in force (国办公开办函〔2021〕30号).
_REQUESTS_TABLE = FORMATS["2021"].table("requests")
_NUMBERING = re.compile(r"^(?:（[一二三四五六七八九十]+）|\d+\.)")
DEFAULT_REVIEW_BODY = "有管辖权的行政复议机关"
DEFAULT_COURT = "有管辖权的人民法院"

NOTICE_OUTCOME_UNKNOWN = "“%(outcome)s”不是年度报告第三部分的办理结果，无法生成告知书"
NOTICE_BASIS_MISSING = "办理结果“%(label)s”在条例中没有对应条款，请填写答复所依据的法律规定"
NOTICE_DATES_OUT_OF_ORDER = "答复日期（%(replied)s）早于收到申请之日（%(received)s）"


class NoticeError(GongkaiError, ValueError):
    """Data that cannot make a lawful notice: an unknown outcome, or a basis the office must give."""

    code = "notice-error"


@dataclass(frozen=True)
class NoticeData:
    """Everything a notice says, as plain values (no database, no Django).

    ``outcome`` is a row id of section 三 (``granted``, ``withheld_state_secret`` …);
    ``reasons`` is the office's own explanation (which parts, where to get them, the right body);
    ``legal_basis`` adds provisions to the row's articles and is required for rows the spec gives
    none (``rejected_confirmation``, ``other_misc``).
    """

    agency_name: str
    applicant_name: str
    tracking_number: str
    received_on: date
    replied_on: date
    outcome: str
    request_summary: str = ""
    reasons: str = ""
    legal_basis: str = ""
    review_body: str = DEFAULT_REVIEW_BODY
    court: str = DEFAULT_COURT


@dataclass(frozen=True)
class NoticeText:
    """The notice as sentences, in order; the .docx is these, laid out."""

    title: str
    number: str
    salutation: str
    opening: str
    decision: str
    reasons: str
    legal_basis: str
    remedies: str
    signature: str
    date: str

    def paragraphs(self) -> list[str]:
        return [p for p in (self.agency_heading, self.title, self.number, self.salutation, self.opening,
                            self.decision, self.reasons, self.legal_basis, self.remedies, self.signature,
                            self.date) if p]

    @property
    def agency_heading(self) -> str:
        return self.signature


def format_date_zh(d: date) -> str:
    """A date as written in official documents.

    >>> format_date_zh(date(2026, 9, 28))
    '2026年9月28日'
    """
    return f"{d.year}年{d.month}月{d.day}日"


def outcome_label(outcome: str) -> str:
    """The row's label from the spec, group first: ``不予公开：属于国家秘密``.

    >>> outcome_label("withheld_state_secret")
    '不予公开：属于国家秘密'
    >>> outcome_label("granted")
    '予以公开'
    """
    row = _REQUESTS_TABLE.row(outcome)
    plain = _NUMBERING.sub("", row.label)
    if len(row.groups) > 1:
        return f"{_NUMBERING.sub('', row.groups[-1])}：{plain}"
    return plain.split("（")[0]  # 部分公开（区分处理的，只计这一情形…）: the note is for counting, not for applicants


def notice_template_for(outcome: str) -> tuple[NoticeTemplate, RowClause]:
    """The template of the outcome's group and the row's clause.

    Raises:
        NoticeError: ``outcome`` is not a result row of section 三.

    >>> notice_template_for("withheld_internal")[1].articles
    ('第十六条第一款',)
    >>> notice_template_for("handled_total")
    Traceback (most recent call last):
    ...
    gongkai.notices.generate.NoticeError: “handled_total”不是年度报告第三部分的办理结果，无法生成告知书
    """
    for template in NOTICE_TEMPLATES:
        if outcome in template.rows:
            return template, template.rows[outcome]
    raise NoticeError(NOTICE_OUTCOME_UNKNOWN % {"outcome": outcome})


def _basis(template: NoticeTemplate, clause: RowClause, extra: str) -> str:
    articles = list(dict.fromkeys(clause.articles + (template.reply_articles if clause.articles else ())))
    parts = [REGULATION + "、".join(articles)] if articles else [REGULATION]
    parts += list(clause.other_sources)
    if extra:
        parts.append(extra.rstrip("。"))
    return "、".join(parts) if articles or clause.other_sources or extra else REGULATION


def _remedies(template: NoticeTemplate, review_body: str, court: str) -> str:
    first = (f"如对本答复不服，可以自收到本告知书之日起60日内向{review_body}申请行政复议"
             "（《中华人民共和国行政复议法》第二十条）")
    if template.review_first:
        # 行政复议法 第二十三条第一款第（四）项 (2023): a refusal to disclose goes to review first;
        # the court then has the review decision (行政诉讼法 第四十五条: 15 days). Other parts of
        # the answer (e.g. its lateness) can still go to court directly (第四十六条: 6 months).
        return (first + "。其中，对不予公开的决定，依照《中华人民共和国行政复议法》第二十三条第一款第（四）项"
                "应当先申请行政复议，对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向"
                f"{court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）；对本答复的其他内容不服的，"
                f"也可以自收到本告知书之日起6个月内向{court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。")
    return (first + f"；也可以自收到本告知书之日起6个月内向{court}提起行政诉讼"
            "（《中华人民共和国行政诉讼法》第四十六条）。")


def notice_text(data: NoticeData) -> NoticeText:
    """The sentences of the notice for ``data``.

    Raises:
        NoticeError: unknown outcome, replied before received, or a row without an article and
            no ``legal_basis`` given.
    """
    template, clause = notice_template_for(data.outcome)
    if data.replied_on < data.received_on:
        raise NoticeError(NOTICE_DATES_OUT_OF_ORDER % {
            "replied": data.replied_on.isoformat(), "received": data.received_on.isoformat()})
    if not clause.articles and not data.legal_basis.strip():
        raise NoticeError(NOTICE_BASIS_MISSING % {"label": outcome_label(data.outcome)})
    basis = _basis(template, clause, data.legal_basis.strip())
    summary = data.request_summary.strip().rstrip("。.；;")  # the quote is followed by the sentence's own 。
    asked = f"，申请获取“{summary}”" if summary else ""
    return NoticeText(
        title=template.title,
        number=f"申请编号：{data.tracking_number}",
        salutation=f"{data.applicant_name}：",
        opening=f"本机关于{format_date_zh(data.received_on)}收到您提出的政府信息公开申请{asked}。"
                "现答复如下：",
        decision=template.decision.format(reason=clause.reason, basis=basis),
        reasons=f"具体说明：{data.reasons.strip()}" if data.reasons.strip() else "",
        legal_basis=f"法律依据：{basis}。",
        remedies=f"救济途径：{_remedies(template, data.review_body, data.court)}",
        signature=data.agency_name,
        date=format_date_zh(data.replied_on),
    )


def _set_font(document) -> None:
    style = document.styles["Normal"]
    style.font.name = "仿宋"
    style.font.size = Pt(14)  # 四号, the size of body text in official documents (GB/T 9704)
    # East Asian text takes its font from w:eastAsia, not from w:ascii.
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")


def render_notice_docx(data: NoticeData) -> bytes:
    """The 告知书 for one reply, as .docx bytes.

    Args:
        data: the facts of the request and the reply.
    Returns:
        The bytes of a Word document.
    Raises:
        NoticeError: see ``notice_text``.

    >>> from datetime import date
    >>> render_notice_docx(NoticeData("某局", "张三", "AG-2026-00001", date(2026, 9, 28),
    ...                               date(2026, 10, 20), "granted"))[:2]
    b'PK'
    """
    text = notice_text(data)
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _set_font(document)
    for line, size in ((text.agency_heading, 18), (text.title, 18)):
        heading = document.add_paragraph()
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = heading.add_run(line)
        run.bold, run.font.size = True, Pt(size)
    document.add_paragraph(text.number).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(text.salutation)
    for body in (text.opening, text.decision, text.reasons, text.legal_basis, text.remedies):
        if body:
            document.add_paragraph(body).paragraph_format.first_line_indent = Pt(28)  # two characters
    document.add_paragraph()
    for closing in (text.signature, text.date):
        document.add_paragraph(closing).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
