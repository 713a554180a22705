"""The `gongkai` command: read, check and write annual reports.

Exit codes: 0 clean · 1 error-level findings · 2 usage error · 3 unreadable input · 130 interrupted.
"""
from __future__ import annotations

import json
import sys
from enum import IntEnum
from pathlib import Path
from typing import Optional

import typer

from gongkai.batch import Outcome, expand_inputs, read_many
from gongkai.errors import GongkaiError


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    UNREADABLE = 3
    INTERRUPTED = 130


EPILOG = "退出码：0 无问题 · 1 有错误级问题 · 2 用法错误 · 3 文件无法读取 · 130 中断"
app = typer.Typer(
    help="gongkai：读取、检查和生成政府信息公开工作年度报告。", epilog=EPILOG,
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
)

FILES = typer.Argument(..., help="报告文件、文件夹或通配符（.txt .html .docx .pdf .json）")
JSON_OPT = typer.Option(False, "--json", help="输出 JSON")
SILENT_OPT = typer.Option(False, "--silent", help="不显示进度条")
JOBS_OPT = typer.Option(None, "--jobs", "-j", help="并行进程数（默认：CPU 核数）")


def _err(text: str) -> None:
    typer.echo(text, err=True)


def _read(files: list[str], *, jobs: int | None, silent: bool) -> list[Outcome]:
    paths, missing = expand_inputs(files)
    for arg in missing:
        _err(f"错误：找不到“{arg}”（文件、文件夹或通配符都没有匹配）")
    if not paths and missing:
        raise typer.Exit(ExitStatus.UNREADABLE)
    show = not silent and sys.stderr.isatty() and len(paths) > 1
    if show:
        with typer.progressbar(length=len(paths), label="读取报告", file=sys.stderr) as bar:
            outcomes = read_many(paths, jobs=jobs, progress=bar.update)
    else:
        outcomes = read_many(paths, jobs=jobs)
    if missing:
        outcomes.extend(Outcome(arg, error=GongkaiError("找不到文件")) for arg in missing)
    return outcomes


def _exit_code(outcomes: list[Outcome]) -> ExitStatus:
    if any(o.error for o in outcomes):
        return ExitStatus.UNREADABLE
    if any(o.has_errors for o in outcomes):
        return ExitStatus.FINDINGS
    return ExitStatus.OK


def _summary(outcomes: list[Outcome]) -> None:
    if len(outcomes) < 2:
        return
    unreadable = sum(1 for o in outcomes if o.error)
    errors = sum(1 for o in outcomes if o.report and o.has_errors)
    clean = sum(1 for o in outcomes if o.report and not o.findings)
    _err(f"共 {len(outcomes)} 个文件：无问题 {clean}，有错误 {errors}，"
         f"仅有警告 {len(outcomes) - unreadable - errors - clean}，无法读取 {unreadable}")


def _error_dict(o: Outcome) -> dict:
    return o.error.to_dict() if o.error else None


@app.command()
def check(
    files: list[str] = FILES,
    as_json: bool = JSON_OPT,
    silent: bool = SILENT_OPT,
    jobs: Optional[int] = JOBS_OPT,
) -> None:
    """检查报告是否符合格式的勾稽规则（R1–R9；给出同一机关多个年度时含跨年规则 R7、R8）。

    Example:
        gongkai check report-2020.txt report-2021.docx
        gongkai check reports/ --json
    """
    outcomes = _read(files, jobs=jobs, silent=silent)
    if as_json:
        data = [{"source": o.path, "format": o.report.format if o.report else None,
                 "agency": o.report.agency if o.report else None,
                 "year": o.report.year if o.report else None,
                 "findings": [f.to_dict() for f in o.findings], "error": _error_dict(o)} for o in outcomes]
        typer.echo(json.dumps(data if len(data) != 1 else data[0], ensure_ascii=False, indent=2))
    else:
        for o in outcomes:
            _print_check(o)
    _summary(outcomes)
    raise typer.Exit(_exit_code(outcomes))


def _print_check(o: Outcome) -> None:
    if o.error:
        _err(f"{o.path}: 无法读取：{o.error}")
        return
    r = o.report
    head = f"{o.path}: {r.agency or '（未识别机关）'} {r.year or '（未识别年度）'}年报告，{r.format}版格式"
    if not o.findings:
        typer.echo(f"{head}：未发现问题")
        return
    errors = sum(1 for f in o.findings if f.severity == "error")
    typer.echo(f"{head}：{errors} 个错误，{len(o.findings) - errors} 个警告")
    for f in o.findings:
        level = "错误" if f.severity == "error" else "警告"
        typer.echo(f"  {f.rule} [{level}] {f.message}")


@app.command()
def parse(
    files: list[str] = FILES,
    as_json: bool = JSON_OPT,
    as_csv: bool = typer.Option(False, "--csv", help="输出 CSV（每个单元格一行）"),
    silent: bool = SILENT_OPT,
    jobs: Optional[int] = JOBS_OPT,
) -> None:
    """读取报告，输出其数据。

    Example:
        gongkai parse report.txt --json
        gongkai parse reports/ --csv > cells.csv
    """
    if as_json and as_csv:
        _err("错误：--json 与 --csv 不能同时使用")
        raise typer.Exit(ExitStatus.USAGE)
    outcomes = _read(files, jobs=jobs, silent=silent)
    for o in outcomes:
        if o.error:
            _err(f"{o.path}: 无法读取：{o.error}")
    reports = [o for o in outcomes if o.report]
    if as_csv:
        from gongkai.render.csv import render_csv
        typer.echo(render_csv([o.report for o in reports]), nl=False)
    elif as_json:
        from gongkai.render.json import report_to_dict
        data = [report_to_dict(o.report, o.findings) for o in reports]
        typer.echo(json.dumps(data if len(outcomes) != 1 else (data[0] if data else None),
                              ensure_ascii=False, indent=2))
    else:
        from gongkai.render.markdown import render_markdown
        for o in reports:
            typer.echo(render_markdown(o.report))
    _summary(outcomes)
    raise typer.Exit(ExitStatus.UNREADABLE if any(o.error for o in outcomes) else ExitStatus.OK)


RENDERERS = {"docx", "html", "md", "xlsx", "json", "csv"}


@app.command()
def render(
    file: str = typer.Argument(..., help="报告文件"),
    to: str = typer.Option(..., "--to", help="输出格式：docx、html、md、xlsx、json、csv"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件（默认：标准输出，仅限文本格式）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 报告结果"),
) -> None:
    """把报告写成官方版式的 .docx、HTML、Markdown、.xlsx，或 JSON、CSV 数据。

    Example:
        gongkai render report.txt --to docx -o report.docx
    """
    if to not in RENDERERS:
        _err(f"错误：--to 只能是 {'、'.join(sorted(RENDERERS))}，而不是“{to}”")
        raise typer.Exit(ExitStatus.USAGE)
    if to in ("docx", "xlsx") and output is None:
        _err(f"错误：{to} 是二进制格式，请用 -o 指定输出文件")
        raise typer.Exit(ExitStatus.USAGE)
    (outcome,) = _read([file], jobs=1, silent=True)
    if outcome.error:
        _err(f"{outcome.path}: 无法读取：{outcome.error}")
        raise typer.Exit(ExitStatus.UNREADABLE)
    content = render_report(outcome.report, outcome.findings, to)
    if output is None:
        typer.echo(content, nl=False)
    else:
        output.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        if as_json:
            typer.echo(json.dumps({"source": file, "output": str(output), "format": to}, ensure_ascii=False))
        else:
            _err(f"已写入 {output}")


def render_report(report, findings, to: str) -> str | bytes:
    if to == "json":
        from gongkai.render.json import render_json
        return render_json(report, findings) + "\n"
    if to == "md":
        from gongkai.render.markdown import render_markdown
        return render_markdown(report, findings)
    if to == "html":
        from gongkai.render.html import render_html
        return render_html(report, findings)
    if to == "docx":
        from gongkai.render.docx import render_docx
        return render_docx(report, findings)
    if to == "xlsx":
        from gongkai.render.xlsx import render_xlsx
        return render_xlsx(report, findings)
    from gongkai.render.csv import render_csv
    return render_csv([report])


@app.command()
def formats(as_json: bool = JSON_OPT) -> None:
    """列出支持的国家年报格式及其表格。

    Example:
        gongkai formats --json
    """
    from gongkai.spec import FORMATS
    data = [{"id": s.id, "title": s.title, "document": s.document,
             "years": [s.years[0], s.years[1]], "tables": [t.id for t in s.tables]} for s in FORMATS.values()]
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for s in data:
        last = s["years"][1] or "至今"
        typer.echo(f"{s['id']}：《{s['title']}》（{s['document']}），适用 {s['years'][0]}–{last} 年度")
        typer.echo("  表格：" + "、".join(s["tables"]))


def _register_extras() -> None:
    """Commands of the other parts: deadlines, and the web platform (Django is imported only
    when one of its commands runs)."""
    from gongkai import cli_deadline, cli_demo, cli_report, cli_web

    cli_deadline.register(app)
    cli_web.register(app)
    cli_demo.register(app)
    cli_report.register(app)


_register_extras()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("已中断")
        sys.exit(ExitStatus.INTERRUPTED)


__all__ = ["app", "main", "ExitStatus"]
