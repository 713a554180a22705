"""``gongkai report generate``: an agency's annual report computed from the platform's records.

The lead's ``gongkai.cli`` calls ``register(app)``. Django is loaded only when the command runs,
through ``gongkai.web.reports.commands``, so the core never imports it (STYLE E1).
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

report_app = typer.Typer(help="平台上的年度报告：由申请记录生成。", no_args_is_help=True, rich_markup_mode=None)

_USAGE = 2  # cli.ExitStatus.USAGE (not imported: gongkai.cli imports this module)
_UNREADABLE = 3  # cli.ExitStatus.UNREADABLE


@report_app.command("generate")
def generate(
    agency: Annotated[str, typer.Option("--agency", help="机关代码或编号")],
    year: Annotated[int, typer.Option("--year", help="报告年度")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON（与 gongkai parse --json 同一格式）")] = False,
) -> None:
    """由平台记录生成机关某年度的年度报告：第三部分按申请记录统计，第四部分按复议诉讼记录统计，
    第二部分及文字部分取自该年度的报告草稿（没有草稿时留空）。问题清单输出到标准错误。

    Example:
        gongkai report generate --agency WLMQX --year 2025 --json > r.json
        gongkai check r.json
    """
    from gongkai.web.reports.commands import AgencyNotFound
    from gongkai.web.reports.commands import generate as run_generate

    try:
        report, findings = run_generate(agency=agency, year=year)
    except AgencyNotFound as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(_USAGE) from None
    if as_json:
        from gongkai.render.json import render_json

        typer.echo(render_json(report))
    else:
        from gongkai.render.markdown import render_markdown

        typer.echo(render_markdown(report))
    errors = sum(1 for f in findings if f.severity == "error")
    typer.echo(f"{report.agency} {report.year}年度报告（{report.format}版格式）："
               f"{errors} 个错误，{len(findings) - errors} 个警告", err=True)
    for f in findings:
        typer.echo(f"  {f.rule} [{'错误' if f.severity == 'error' else '警告'}] {f.message}", err=True)


@report_app.command("import")
def import_(
    files: Annotated[list[str], typer.Argument(help="报告文件、文件夹或通配符（.txt .html .docx .pdf .json）")],
    agency: Annotated[str, typer.Option("--agency", help="机关代码或编号")],
    user: Annotated[str, typer.Option("--user", help="以哪位工作人员的身份导入（记入审计日志）")],
    year: Annotated[int | None, typer.Option("--year", help="报告年度（默认：从报告中识别）")] = None,
) -> None:
    """导入未在平台上编制的机关已发布的年度报告，供跨年检查（R7、R8）和上级机关汇总使用。

    Example:
        gongkai report import reports/2024/ --agency wlmqx-fgw --user admin
    """
    from gongkai.batch import expand_inputs
    from gongkai.web.reports.commands import AgencyNotFound, import_files

    paths, missing = expand_inputs(files)
    for arg in missing:
        typer.echo(f"错误：找不到“{arg}”", err=True)
    try:
        outcomes = import_files(agency=agency, username=user, paths=[Path(p) for p in paths], year=year)
    except AgencyNotFound as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(_USAGE) from None
    for path, outcome in outcomes:
        typer.echo(f"{path}: {outcome}")
    if missing or any(o.startswith("未导入") for _, o in outcomes):
        raise typer.Exit(_UNREADABLE)


def register(app: typer.Typer) -> None:
    """Add ``report`` (with ``generate``) to the ``gongkai`` Typer app."""
    app.add_typer(report_app, name="report")
