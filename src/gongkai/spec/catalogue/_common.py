"""Parts the two national formats share: the headings, section 三's columns and most rows,
section 四, and the rules. Labels are verbatim from the formats; variants are as seen in
published reports."""
from __future__ import annotations

from gongkai.spec.model import (
    BalanceRule,
    CarryRule,
    ColumnSpec,
    ColumnsSumRule,
    RowSpec,
    RowsSumRule,
    SectionSpec,
    TableSpec,
)

OVERVIEW = SectionSpec("overview", "一、总体情况")
PROBLEMS = SectionSpec(
    "problems", "五、存在的主要问题及改进情况",
    variants=("五、政府信息公开工作存在的主要问题及改进情况",),
)
OTHER = SectionSpec("other", "六、其他需要报告的事项")

ROW_HEADER = "信息内容"

REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
ORGANISATIONS = "法人或其他组织"
RESULTS = "三、本年度办理结果"
WITHHELD = "（三）不予公开"
UNAVAILABLE = "（四）无法提供"
REJECTED = "（五）不予处理"
OTHER_HANDLING = "（六）其他处理"

REQUEST_COLUMNS = (
    ColumnSpec("natural_person", "自然人", groups=(APPLICANTS,)),
    ColumnSpec("commercial", "商业企业", groups=(APPLICANTS, ORGANISATIONS)),
    ColumnSpec("research", "科研机构", groups=(APPLICANTS, ORGANISATIONS)),
    ColumnSpec("social_welfare", "社会公益组织", groups=(APPLICANTS, ORGANISATIONS)),
    ColumnSpec("legal_services", "法律服务机构", groups=(APPLICANTS, ORGANISATIONS)),
    ColumnSpec("other_org", "其他", groups=(APPLICANTS, ORGANISATIONS)),
    ColumnSpec("total", "总计", groups=(APPLICANTS,)),
)
APPLICANT_COLUMNS = tuple(c.id for c in REQUEST_COLUMNS[:-1])


def _withheld(groups):
    return (
        RowSpec("withheld_state_secret", "1.属于国家秘密", groups=groups),
        RowSpec("withheld_prohibited", "2.其他法律行政法规禁止公开", ("2.其他法律行政止公开",), groups=groups),
        RowSpec("withheld_security", "3.危及“三安全一稳定”", ("3.危及三安全一稳定",), groups=groups),
        RowSpec("withheld_third_party", "4.保护第三方合法权益", groups=groups),
        RowSpec("withheld_internal", "5.属于三类内部事务信息", groups=groups),
        RowSpec("withheld_process", "6.属于四类过程性信息", groups=groups),
        RowSpec("withheld_enforcement_file", "7.属于行政执法案卷", groups=groups),
        RowSpec("withheld_query", "8.属于行政查询事项", groups=groups),
    )


REQUEST_ROWS_HEAD = (
    RowSpec("received", "一、本年新收政府信息公开申请数量"),
    RowSpec("carried_in", "二、上年结转政府信息公开申请数量"),
    RowSpec("granted", "（一）予以公开", groups=(RESULTS,)),
    RowSpec("partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            ("（二）部分公开",), groups=(RESULTS,)),
    *_withheld((RESULTS, WITHHELD)),
    RowSpec("unavailable_not_held", "1.本机关不掌握相关政府信息", groups=(RESULTS, UNAVAILABLE)),
    RowSpec("unavailable_needs_creation", "2.没有现成信息需要另行制作", groups=(RESULTS, UNAVAILABLE)),
    RowSpec("unavailable_unclear", "3.补正后申请内容仍不明确", groups=(RESULTS, UNAVAILABLE)),
    RowSpec("rejected_petition", "1.信访举报投诉类申请", groups=(RESULTS, REJECTED)),
    RowSpec("rejected_duplicate", "2.重复申请", groups=(RESULTS, REJECTED)),
    RowSpec("rejected_publication", "3.要求提供公开出版物", groups=(RESULTS, REJECTED)),
    RowSpec("rejected_excessive", "4.无正当理由大量反复申请", groups=(RESULTS, REJECTED)),
    RowSpec("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", groups=(RESULTS, REJECTED)),
)
REQUEST_ROWS_TAIL = (
    RowSpec("handled_total", "（七）总计", groups=(RESULTS,)),
    RowSpec("carried_out", "四、结转下年度继续办理"),
)


def request_rules(other_rows: tuple[str, ...]):
    outcome_rows = tuple(r.id for r in REQUEST_ROWS_HEAD[2:]) + other_rows
    return (
        BalanceRule("R1-balance", "requests", left=("received", "carried_in"),
                    right=("handled_total", "carried_out")),
        RowsSumRule("R2-handled-sum", "requests", target="handled_total", of=outcome_rows),
        ColumnsSumRule("R3-row-total", "requests", target="total", of=APPLICANT_COLUMNS),
        ColumnsSumRule("R4-appeal-total", "appeals", target="total",
                       of=("upheld", "corrected", "other", "pending")),
        CarryRule("R7-carry-chain", "requests", this_row="carried_in", last_row="carried_out"),
    )


def requests_section(other_rows: tuple[RowSpec, ...]) -> SectionSpec:
    table = TableSpec(
        "requests", None,
        rows=REQUEST_ROWS_HEAD + other_rows + REQUEST_ROWS_TAIL,
        columns=REQUEST_COLUMNS,
        corner=REQUESTS_NOTE,
    )
    return SectionSpec("requests", "三、收到和处理政府信息公开申请情况", tables=(table,))


REVIEW = "行政复议"
SUIT = "行政诉讼"
APPEALS = TableSpec(
    "appeals", None,
    rows=(
        RowSpec("review", REVIEW),
        RowSpec("suit_direct", "未经复议直接起诉", groups=(SUIT,)),
        RowSpec("suit_after_review", "复议后起诉", groups=(SUIT,)),
    ),
    columns=(
        ColumnSpec("upheld", "结果维持"),
        ColumnSpec("corrected", "结果纠正"),
        ColumnSpec("other", "其他结果"),
        ColumnSpec("pending", "尚未审结"),
        ColumnSpec("total", "总计"),
    ),
)
APPEALS_SECTION = SectionSpec(
    "appeals", "四、政府信息公开行政复议、行政诉讼情况",
    variants=("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开工作被申请行政复议和提起行政诉讼情况"),
    tables=(APPEALS,),
)

PROACTIVE_HEADING = "二、主动公开政府信息情况"


def caption(item: str) -> str:
    return f"第二十条第（{item}）项"
