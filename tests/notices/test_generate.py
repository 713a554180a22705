"""告知书 (issue 3 §6): one template per outcome group; every notice states its legal basis
and the remedies (行政复议 60日, 行政诉讼 6个月), with the articles of request-workflow.md."""
import doctest
import io
from datetime import date

import docx
import pytest

import gongkai.notices.generate
from gongkai.notices import NOTICE_TEMPLATES, NoticeData, NoticeError, notice_text, render_notice_docx
from gongkai.spec import FORMATS

# request-workflow.md "Reply types (第三十六–三十九条) and the report row each one feeds".
SPEC_ARTICLES = {
    "granted": ("第三十六条第（一）项", "第三十六条第（二）项"),
    "partly_granted": ("第三十七条",),
    "withheld_state_secret": ("第十四条",),
    "withheld_prohibited": ("第十四条",),
    "withheld_security": ("第十四条",),
    "withheld_third_party": ("第十五条", "第三十二条"),
    "withheld_internal": ("第十六条第一款",),
    "withheld_process": ("第十六条第二款",),
    "withheld_enforcement_file": ("第十六条第二款",),
    "withheld_query": ("第三十六条第（七）项",),
    "unavailable_not_held": ("第三十六条第（四）项", "第三十六条第（五）项"),
    "unavailable_needs_creation": ("第三十八条",),
    "unavailable_unclear": ("第三十条",),
    "rejected_petition": ("第三十九条",),
    "rejected_duplicate": ("第三十六条第（六）项",),
    "rejected_publication": ("第三十九条",),
    "rejected_excessive": ("第三十五条",),
    "rejected_confirmation": (),
    "other_no_correction": ("第三十条",),
    "other_fee_unpaid": ("第四十二条", "109号"),
    "other_misc": (),
}
# One row of each group, read back from the .docx.
GROUP_SAMPLES = {
    "granted": "granted", "partly_granted": "partly_granted", "withheld": "withheld_security",
    "unavailable": "unavailable_needs_creation", "rejected": "rejected_duplicate", "other": "other_no_correction",
}
RESULT_ROWS = [
    r.id for r in FORMATS["2021"].table("requests").rows
    if r.groups and r.groups[0].startswith("三、") and not r.id.endswith("_total")
]


def _data(outcome: str, **overrides) -> NoticeData:
    fields = {"agency_name": "乌鲁木齐县交通运输局", "applicant_name": "张三", "tracking_number": "JT-2026-00007",
              "received_on": date(2026, 9, 28), "replied_on": date(2026, 10, 20), "outcome": outcome,
              "request_summary": "2026年农村公路建设项目招标文件", "reasons": "详见附件清单"}
    return NoticeData(**{**fields, **overrides})


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_every_result_row_of_the_format_has_a_template():
    covered = {row for template in NOTICE_TEMPLATES for row in template.rows}
    assert set(RESULT_ROWS) == covered


def test_each_template_row_cites_the_articles_of_the_workflow_spec():
    cited = {row: clause.articles + clause.other_sources
             for template in NOTICE_TEMPLATES for row, clause in template.rows.items()}
    for row, articles in SPEC_ARTICLES.items():
        assert all(any(a in c for c in cited[row]) for a in articles), row


@pytest.mark.parametrize("group", sorted(GROUP_SAMPLES))
def test_notice_docx_carries_legal_basis_and_both_remedies(group):
    outcome = GROUP_SAMPLES[group]
    text = _docx_text(render_notice_docx(_data(outcome)))
    basis = next(line for line in text.splitlines() if line.startswith("法律依据："))
    assert all(article in basis for article in SPEC_ARTICLES[outcome])
    assert "《中华人民共和国政府信息公开条例》" in basis
    for remedy in ("60日内", "申请行政复议", "6个月内", "提起行政诉讼"):
        assert remedy in text, remedy


@pytest.mark.parametrize("outcome", sorted(SPEC_ARTICLES))
def test_every_row_renders_with_its_facts(outcome):
    text = _docx_text(render_notice_docx(_data(outcome, legal_basis="《某某条例》第五条")))
    for fact in ("乌鲁木齐县交通运输局", "张三：", "JT-2026-00007", "2026年9月28日", "2026年10月20日",
                 "2026年农村公路建设项目招标文件", "详见附件清单"):
        assert fact in text, fact


def test_withheld_notice_says_review_comes_first():
    text = notice_text(_data("withheld_state_secret")).remedies
    assert "第二十三条第一款第（四）项" in text and "应当先申请行政复议" in text


def test_granted_notice_allows_direct_suit():
    assert "应当先申请行政复议" not in notice_text(_data("granted")).remedies


def test_withheld_cites_the_refusal_article_after_the_reason():
    assert "第十四条、第三十六条第（三）项" in notice_text(_data("withheld_state_secret")).legal_basis


@pytest.mark.parametrize("outcome", ["rejected_confirmation", "other_misc"])
def test_row_without_article_needs_the_office_basis(outcome):
    with pytest.raises(NoticeError, match="没有对应条款"):
        notice_text(_data(outcome))


def test_office_basis_is_added_to_the_row_articles():
    text = notice_text(_data("withheld_prohibited", legal_basis="《中华人民共和国档案法》第二十七条。"))
    assert "第十四条、第三十六条第（三）项、《中华人民共和国档案法》第二十七条。" in text.legal_basis


def test_unknown_outcome_is_refused():
    with pytest.raises(NoticeError, match="不是年度报告第三部分的办理结果"):
        render_notice_docx(_data("handled_total"))


def test_reply_before_receipt_is_refused():
    with pytest.raises(NoticeError, match="早于收到申请之日"):
        notice_text(_data("granted", replied_on=date(2026, 9, 27)))


def test_review_body_and_court_are_named_when_given():
    text = notice_text(_data("granted", review_body="乌鲁木齐县人民政府", court="乌鲁木齐县人民法院")).remedies
    assert "向乌鲁木齐县人民政府申请行政复议" in text and "向乌鲁木齐县人民法院提起行政诉讼" in text


def test_docstring_examples_hold():
    result = doctest.testmod(gongkai.notices.generate)
    assert (0, True) == (result.failed, result.attempted > 0)
