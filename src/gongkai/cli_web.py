"""``gongkai manage`` and ``gongkai serve``: the Django platform from the same command.

The lead's ``gongkai.cli`` calls ``register(app)``. Django is loaded only when one of these
commands runs, through ``gongkai.web.runner``, so the core never imports it (STYLE E1).
"""
from __future__ import annotations

from typing import Annotated

import typer


def manage(ctx: typer.Context) -> None:
    """Run a Django management command; every argument after ``manage`` goes to Django unchanged.

    Example:
        gongkai manage migrate
        gongkai manage createsuperuser
        gongkai manage help
    """
    from gongkai.web.runner import manage as run_manage

    run_manage(ctx.args)


def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="监听端口")] = 8000,
    migrate: Annotated[bool, typer.Option("--migrate/--no-migrate", help="启动前执行数据库迁移")] = True,
) -> None:
    """迁移数据库并启动平台服务（Django 自带服务器；生产环境请在前面加 WSGI 服务器）。

    Example:
        gongkai serve --port 8000
    """
    from gongkai.web.runner import serve as run_serve

    run_serve(host=host, port=port, migrate=migrate, echo=typer.echo)


def register(app: typer.Typer) -> None:
    """Add ``manage`` and ``serve`` to the ``gongkai`` Typer app."""
    app.command(
        "manage",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,  # `gongkai manage migrate --help` is Django's help, not ours
        help="运行 Django 管理命令，例如 gongkai manage migrate（其后参数原样交给 Django）",
    )(manage)
    app.command("serve")(serve)
