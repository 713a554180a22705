"""《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 (2021-09-26)."""
from gongkai.spec.catalogue._common import (
    APPEALS_SECTION,
    OTHER,
    OTHER_HANDLING,
    OVERVIEW,
    PROACTIVE_HEADING,
    PROBLEMS,
    RESULTS,
    ROW_HEADER,
    caption,
    request_rules,
    requests_section,
)
from gongkai.spec.model import ColumnSpec, ReportSpec, RowSpec, SectionSpec, StockRule, TableSpec

_DECISIONS = ColumnSpec("decisions", "本年处理决定数量")

PROACTIVE = SectionSpec(
    "proactive", PROACTIVE_HEADING,
    tables=(
        TableSpec(
            "proactive.item1", caption("一"),
            rows=(RowSpec("rules", "规章"), RowSpec("normative_documents", "行政规范性文件", ("规范性文件",))),
            columns=(
                ColumnSpec("issued", "本年制发件数"),
                ColumnSpec("repealed", "本年废止件数"),
                ColumnSpec("in_force", "现行有效件数"),
            ),
            row_header=ROW_HEADER,
        ),
        TableSpec("proactive.item5", caption("五"), rows=(RowSpec("licensing", "行政许可"),),
                  columns=(_DECISIONS,), row_header=ROW_HEADER),
        TableSpec("proactive.item6", caption("六"),
                  rows=(RowSpec("penalty", "行政处罚"), RowSpec("coercion", "行政强制")),
                  columns=(_DECISIONS,), row_header=ROW_HEADER),
        TableSpec("proactive.item8", caption("八"), rows=(RowSpec("fees", "行政事业性收费"),),
                  columns=(ColumnSpec("amount", "本年收费金额（单位：万元）", ("本年收费金额",),
                                      kind="money", unit="万元"),),
                  row_header=ROW_HEADER),
    ),
)

_OTHER = (RESULTS, OTHER_HANDLING)
REQUESTS = requests_section((
    RowSpec("other_no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", groups=_OTHER),
    RowSpec("other_fee_unpaid",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", groups=_OTHER),
    RowSpec("other_misc", "3.其他", groups=_OTHER),
))

SPEC = ReportSpec(
    id="2021",
    title="中华人民共和国政府信息公开工作年度报告格式",
    document="国办公开办函〔2021〕30号",
    years=(2021, None),
    sections=(OVERVIEW, PROACTIVE, REQUESTS, APPEALS_SECTION, PROBLEMS, OTHER),
    rules=(
        *request_rules(("other_no_correction", "other_fee_unpaid", "other_misc")),
        StockRule("R8-stock", "proactive.item1", stock_this="in_force", stock_last="in_force",
                  plus=("issued",), minus=("repealed",), from_year="this"),
    ),
    # A 2021 matrix printing the single 2019 row （六）其他处理 puts its values in other_misc.
    stand_ins={"other": ("other_misc", "other_no_correction", "other_fee_unpaid")},
)
