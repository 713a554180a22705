"""``gongkai deadline``: the answer deadline of a disclosure request, over the national calendar.

The lead's ``gongkai.cli`` calls ``register(app)``; this module only adds the command.
"""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated, NoReturn

import typer

from gongkai.calendar.deadline import CONSULTATION, FEE_WAIT, CaseEvents, Pause, answer_due
from gongkai.calendar.holidays.china import china_calendar
from gongkai.errors import GongkaiError

USAGE_ERROR = 2  # STYLE E7: exit 2 is a usage error, as Click uses it
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(USAGE_ERROR)


def _parse_day(text: str, option: str) -> date:
    """A YYYY-MM-DD date, or exit 2 naming the option and the remedy."""
    # date.fromisoformat alone would also take "20260928"; only the documented form is accepted.
    if _ISO_DAY.match(text.strip()):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            pass
    _usage_error(f"{option} 的日期“{text}”无效，应为 YYYY-MM-DD 格式的真实日期，例如 2026-09-28")


def _parse_pause(text: str, option: str, reason: str) -> Pause:
    """FROM:TO, both days included, FROM not after TO."""
    parts = text.split(":")
    if len(parts) != 2:
        _usage_error(f"{option} 的值“{text}”应为 起始日:结束日，例如 2026-10-12:2026-10-20")
    start, end = (_parse_day(p, option) for p in parts)
    if end < start:
        _usage_error(f"{option} 的期间“{text}”结束日早于起始日")
    return Pause(start, end, reason)


def deadline(
    received: Annotated[str, typer.Option("--received", help="收到申请之日 YYYY-MM-DD（第三十一条）")],
    correction_received: Annotated[
        str | None,
        typer.Option("--correction-received", help="收到补正后申请之日，答复期限自该日重新起算（第三十条）"),
    ] = None,
    consultation: Annotated[
        list[str] | None,
        typer.Option("--consultation", help="征求第三方或其他机关意见的期间 FROM:TO（发函日至收到意见日，含两端）"
                     "不计入；可重复（第三十二条、第三十四条）"),
    ] = None,
    fee_wait: Annotated[
        list[str] | None,
        typer.Option("--fee-wait", help="等待缴费的期间 FROM:TO（收费通知日至缴费日，含两端）不计入；可重复（第四十二条）"),
    ] = None,
    extension: Annotated[
        int, typer.Option("--extension", help="经批准延长的工作日数，最多20（第三十三条）")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON：due、provisional、explanation")] = False,
) -> None:
    """计算政府信息公开申请的答复期限（20个工作日，第三十三条）。

    自收到申请的次日起按国家工作日计算：跳过周末和法定节假日，调休上班日计入，
    征求意见和等待缴费的期间不计入。期限涉及尚未公布节假日安排的年份时，标为“暂定”。

    退出码：0 正常；2 参数错误（如日期无效）。

    Example:

        gongkai deadline --received 2026-09-28 --json

        gongkai deadline --received 2026-11-02 --consultation 2026-11-05:2026-11-16 --extension 10
    """
    received_day = _parse_day(received, "--received")
    correction = _parse_day(correction_received, "--correction-received") if correction_received else None
    pauses = tuple(
        [_parse_pause(p, "--consultation", CONSULTATION) for p in consultation or []]
        + [_parse_pause(p, "--fee-wait", FEE_WAIT) for p in fee_wait or []]
    )
    events = CaseEvents(
        received=received_day,
        correction_received=correction,
        pauses=pauses,
        extension=extension,
    )
    try:
        result = answer_due(events, calendar=china_calendar())
    except GongkaiError as exc:  # events the law rules out: a usage error, not a crash
        _usage_error(str(exc))
    if result.provisional:  # STYLE E7: warnings go to stderr, in JSON mode too
        typer.echo("警告：期限为暂定，涉及尚未公布节假日安排的年份，公布后须重新计算", err=True)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    mark = "（暂定）" if result.provisional else ""
    typer.echo(f"答复期限：{result.due.isoformat()}{mark}")
    for line in result.explanation:
        typer.echo(f"  - {line}")


def register(app: typer.Typer) -> None:
    """Add ``deadline`` to the main ``gongkai`` Typer app."""
    app.command("deadline")(deadline)
