"""``gongkai demo``: the demo county with a year of requests, for a newcomer to look around.

The lead's ``gongkai.cli`` calls ``register(app)``. Django is loaded only when the command
runs, through ``gongkai.web.demo.runner``, so the core never imports it (STYLE E1).
"""
from __future__ import annotations

import json
from typing import Annotated

import typer

DEFAULT_SEED = 20190515


def demo(
    base_url: Annotated[str, typer.Option("--base-url", help="打印网址时使用的服务地址")] = "http://127.0.0.1:8000",
    seed: Annotated[int, typer.Option("--seed", help="随机种子：同一种子、同一天得到同样的演示数据")] = DEFAULT_SEED,
    migrate: Annotated[bool, typer.Option("--migrate/--no-migrate", help="载入前执行数据库迁移")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出结果")] = False,
) -> None:
    """向空数据库载入演示数据：乌鲁木齐县人民政府及其部门、乡镇，各岗位账号，一年的申请。

    数据库已有数据时不载入，只打印网址和账号（退出码仍为 0）。

    Example:
        gongkai demo
        gongkai demo --json
    """
    from gongkai.web.demo.runner import run_demo

    result = run_demo(migrate=migrate, base_url=base_url, seed=seed, echo=typer.echo, as_json=as_json)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    """Add ``demo`` to the ``gongkai`` Typer app."""
    app.command("demo")(demo)
