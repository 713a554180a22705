"""The annual report as a standalone HTML page in the official layout.

Every heading and label comes from the spec objects; this module only decides the layout:
section 二 as one small table per 条例 item (caption row, `信息内容` header, data rows), section 三
as the matrix with its merged header (the 勾稽 note in the corner, `申请人情况` over seven columns,
`法人或其他组织` over five) and its row groups as rowspans, section 四 as the two-level header over
fifteen columns and one row of values. The page has inline CSS only and scrolls wide tables
sideways on a phone. All text is escaped with `html.escape`.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from gongkai.errors import Finding
from gongkai.render.markdown import FINDINGS_HEADING, NO_FINDINGS, SEVERITY_LABELS, format_value, title
from gongkai.report import Report
from gongkai.spec import RowSpec, SectionSpec, TableSpec

_CSS = """
body{margin:0;background:#fff;color:#222;line-height:1.7;
font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.45rem;text-align:center;margin:1rem 0 1.5rem}
h2{font-size:1.15rem;margin:2rem 0 .75rem}
p{margin:.4rem 0;text-indent:2em}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.75rem 0 1.25rem}
table{border-collapse:collapse;margin:0 auto;font-size:.9rem}
th,td{border:1px solid #444;padding:.3rem .5rem;vertical-align:middle}
th{font-weight:normal;background:#f3f4f6;text-align:center}
th.label{text-align:left;background:#fafafa}
th.corner{font-size:.8rem;max-width:14rem}
th.caption{font-weight:bold}
td{text-align:center;min-width:2.5em;font-variant-numeric:tabular-nums}
td.flag-error{background:#fde2e2}
td.flag-warning{background:#fff3cd}
.findings ol{padding-left:1.5rem}
.findings li{margin:.3rem 0}
.findings .error{color:#a40000}
.findings .warning{color:#7a5400}
@media (max-width:40rem){main{padding:.5rem}table{font-size:.78rem}th,td{padding:.2rem .3rem}}
@media print{.table-wrap{overflow:visible}td.flag-error,td.flag-warning{background:none}}
""".strip()


@dataclass(frozen=True)
class _Span:
    """A header or row-label cell: `label` at `index` (column or row), `level` deep, covering
    `run` positions along the header and `depth` levels across it."""

    label: str
    index: int
    level: int
    run: int
    depth: int


def _spans(paths: list[tuple[str, ...]]) -> list[_Span]:
    """Merge label paths (group labels outermost first, then the leaf label) into spans.

    Neighbouring paths with the same group prefix share one span at that level; a leaf reaches
    down (or across) to the deepest level.

    >>> [(s.label, s.run, s.depth) for s in _spans([("a", "x"), ("a", "b", "y"), ("a", "b", "z")])]
    [('a', 3, 1), ('x', 1, 2), ('b', 2, 1), ('y', 1, 1), ('z', 1, 1)]
    """
    depth = max((len(p) for p in paths), default=0)
    spans = []
    for level in range(depth):
        i = 0
        while i < len(paths):
            path = paths[i]
            if len(path) <= level:  # its leaf already reaches down through this level
                i += 1
            elif len(path) == level + 1:
                spans.append(_Span(path[level], i, level, 1, depth - level))
                i += 1
            else:
                group = path[: level + 1]
                j = i + 1
                while j < len(paths) and len(paths[j]) > level + 1 and paths[j][: level + 1] == group:
                    j += 1
                spans.append(_Span(path[level], i, level, j - i, 1))
                i = j
    return spans


def _attrs(colspan: int = 1, rowspan: int = 1, css: str | None = None, tip: str | None = None) -> str:
    out = ""
    if colspan > 1:
        out += f' colspan="{colspan}"'
    if rowspan > 1:
        out += f' rowspan="{rowspan}"'
    if css:
        out += f' class="{css}"'
    if tip:
        out += f' title="{escape(tip)}"'
    return out


def _th(label: str, **attrs) -> str:
    return f"<th{_attrs(**attrs)}>{escape(label)}</th>"


class _Flags:
    """The cells findings name, so that the table can mark them (error over warning)."""

    def __init__(self, findings: list[Finding] | None):
        self.cells: dict[tuple[str, str, str], Finding] = {}
        for f in findings or ():
            if f.table and f.row and f.column:
                key = (f.table, f.row, f.column)
                if key not in self.cells or f.severity == "error":
                    self.cells[key] = f

    def td(self, report: Report, table: TableSpec, row: RowSpec, column) -> str:
        text = format_value(report.cell(table.id, row.id, column.id), column)
        finding = self.cells.get((table.id, row.id, column.id))
        if finding is None:
            return f"<td>{escape(text)}</td>"
        return f"<td{_attrs(css='flag-' + finding.severity, tip=finding.message)}>{escape(text)}</td>"


def _present_rows(report: Report, table: TableSpec) -> list[RowSpec]:
    # A row of the format the report did not print stays out (absent ≠ blank).
    return [r for r in table.rows if not report.is_absent(table.id, r.id)]


def _wrap(rows: list[str]) -> list[str]:
    return ['<div class="table-wrap"><table>', *(f"<tr>{r}</tr>" for r in rows), "</table></div>"]


def _header_rows(paths: list[tuple[str, ...]], corner: str) -> list[str]:
    """Header rows over columns with these label paths; `corner` is prepended to the first."""
    spans = _spans(paths)
    depth = max(s.level for s in spans) + 1
    rows = []
    for level in range(depth):
        cells = sorted((s for s in spans if s.level == level), key=lambda s: s.index)
        rows.append((corner if level == 0 else "") + "".join(_th(s.label, colspan=s.run, rowspan=s.depth)
                                                               for s in cells))
    return rows


def _labelled_table(report: Report, table: TableSpec, flags: _Flags) -> list[str]:
    """Sections 二 and 三: a row-label area (groups as rowspans) beside the value columns."""
    rows = _present_rows(report, table)
    if not rows:
        return []
    row_spans = _spans([(*r.groups, r.label) for r in rows])
    label_width = max(s.level for s in row_spans) + 1
    column_paths = [(*c.groups, c.label) for c in table.columns]
    head_depth = max(len(p) for p in column_paths)
    corner = _th(table.corner or table.row_header or "", colspan=label_width, rowspan=head_depth,
                 css="corner" if table.corner else None)
    html_rows = []
    if table.caption:
        html_rows.append(_th(table.caption, colspan=label_width + len(table.columns), css="caption"))
    html_rows += _header_rows(column_paths, corner)
    for i, row in enumerate(rows):
        labels = sorted((s for s in row_spans if s.index == i), key=lambda s: s.level)
        html_rows.append(
            "".join(_th(s.label, rowspan=s.run, colspan=s.depth, css="label") for s in labels)
            + "".join(flags.td(report, table, row, c) for c in table.columns)
        )
    return _wrap(html_rows)


def _blocks_table(report: Report, table: TableSpec, flags: _Flags) -> list[str]:
    """Section 四: each block (a row of the spec) becomes a column group; one row of values."""
    rows = _present_rows(report, table)
    if not rows:
        return []
    paths = [(*r.groups, r.label, c.label) for r in rows for c in table.columns]
    values = "".join(flags.td(report, table, r, c) for r in rows for c in table.columns)
    return _wrap([*_header_rows(paths, ""), values])


def _text(report: Report, section: SectionSpec) -> list[str]:
    paragraphs = (report.text.get(section.id) or "").splitlines()
    return [f"<p>{escape(p.strip())}</p>" for p in paragraphs if p.strip()]


def _section(report: Report, section: SectionSpec, flags: _Flags) -> list[str]:
    lines = [f"<section id=\"{escape(section.id)}\">", f"<h2>{escape(section.heading)}</h2>"]
    if not section.tables:
        lines += _text(report, section)
    for table in section.tables:
        if table.id == "appeals":
            lines += _blocks_table(report, table, flags)
        else:
            lines += _labelled_table(report, table, flags)
    return lines + ["</section>"]


def _findings(findings: list[Finding]) -> list[str]:
    lines = ['<section class="findings">', f"<h2>{escape(FINDINGS_HEADING)}</h2>"]
    if not findings:
        return lines + [f"<p>{escape(NO_FINDINGS)}</p>", "</section>"]
    lines.append("<ol>")
    for f in findings:
        where = " / ".join(i for i in (f.table, f.row, f.column) if i)
        severity = SEVERITY_LABELS.get(f.severity, f.severity)
        lines.append(f'<li class="{escape(f.severity)}">{escape(severity)} <code>{escape(f.rule)}</code>'
                     f"（{escape(where)}）：{escape(f.message)}</li>")
    return lines + ["</ol>", "</section>"]


def render_html(report: Report, findings: list[Finding] | None = None) -> str:
    """Write a report as a complete HTML page.

    Args:
        report: the report; its format's spec gives the headings and labels.
        findings: if given (even empty), listed at the end; the cells they name are marked.

    Returns:
        The page, UTF-8 text ending with a newline. Blank cells are empty; money carries its unit
        unless the header names it (2019: `21533.5万元`; 2021: the number under `（单位：万元）`).

    >>> from gongkai.report import empty_report
    >>> from gongkai.spec import FORMATS
    >>> page = render_html(empty_report(FORMATS["2019"], agency="某县<人民政府>", year=2020))
    >>> "<h1>某县&lt;人民政府&gt;2020年政府信息公开工作年度报告</h1>" in page
    True
    """
    heading = title(report)
    flags = _Flags(findings)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(heading)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(heading)}</h1>",
    ]
    for section in report.spec.sections:
        lines += _section(report, section, flags)
    if findings is not None:
        lines += _findings(findings)
    lines += ["</main>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"


__all__ = ["render_html"]
