"""《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号."""
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
from gongkai.spec.model import (
    ColumnSpec,
    NotGreaterRule,
    ReportSpec,
    RowSpec,
    SectionSpec,
    StockRule,
    TableSpec,
)

_STOCK_COLUMNS = (
    ColumnSpec("prev_items", "上一年项目数量"),
    ColumnSpec("change", "本年增/减", ("本年增减", "本年增／减"), kind="signed"),
)
_DECISIONS = ColumnSpec("decisions", "处理决定数量")

PROACTIVE = SectionSpec(
    "proactive", PROACTIVE_HEADING,
    tables=(
        TableSpec(
            "proactive.item1", caption("一"),
            rows=(RowSpec("rules", "规章"), RowSpec("normative_documents", "规范性文件", ("行政规范性文件",))),
            columns=(
                ColumnSpec("made", "本年新制作数量"),
                ColumnSpec("published", "本年新公开数量"),
                ColumnSpec("total_public", "对外公开总数量"),
            ),
            row_header=ROW_HEADER,
        ),
        TableSpec(
            "proactive.item5", caption("五"),
            rows=(RowSpec("licensing", "行政许可"), RowSpec("other_services", "其他对外管理服务事项")),
            columns=(*_STOCK_COLUMNS, _DECISIONS),
            row_header=ROW_HEADER,
        ),
        TableSpec(
            "proactive.item6", caption("六"),
            rows=(RowSpec("penalty", "行政处罚"), RowSpec("coercion", "行政强制")),
            columns=(*_STOCK_COLUMNS, _DECISIONS),
            row_header=ROW_HEADER,
        ),
        TableSpec(
            "proactive.item8", caption("八"),
            rows=(RowSpec("fees", "行政事业性收费"),),
            columns=_STOCK_COLUMNS,
            row_header=ROW_HEADER,
        ),
        TableSpec(
            "proactive.item9", caption("九"),
            rows=(RowSpec("procurement", "政府集中采购"),),
            columns=(ColumnSpec("projects", "采购项目数量"), ColumnSpec("amount", "采购总金额", kind="money")),
            row_header=ROW_HEADER,
        ),
    ),
)

REQUESTS = requests_section((RowSpec("other", OTHER_HANDLING, ("（六）其他",), groups=(RESULTS,)),))

SPEC = ReportSpec(
    id="2019",
    title="中华人民共和国政府信息公开工作年度报告格式（试行）",
    document="国办公开办函〔2019〕60号",
    years=(2019, 2020),
    sections=(OVERVIEW, PROACTIVE, REQUESTS, APPEALS_SECTION, PROBLEMS, OTHER),
    rules=(
        *request_rules(("other",)),
        NotGreaterRule("R8-stock", "proactive.item1", lesser="published", greater="total_public"),
        *(StockRule("R8-stock", t, stock_this="prev_items", stock_last="prev_items",
                    plus=("change",), from_year="last")
          for t in ("proactive.item5", "proactive.item6", "proactive.item8")),
    ),
)
