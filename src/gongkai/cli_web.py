"""``gongkai manage`` and ``gongkai serve``: the Django platform from the same command.

The lead's ``gongkai.cli`` calls ``register(app)``. Django is imported inside the commands
only, so the core CLI (and ``import gongkai``) never loads it (STYLE E1).
"""
from __future__ import annotations

import os
from typing import Annotated

import typer

DEFAULT_SETTINGS = "gongkai.web.config.settings.dev"


def _setup_django() -> None:
    # An explicit DJANGO_SETTINGS_MODULE (e.g. …settings.production) wins over the dev default.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()


def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. ``gongkai manage migrate``.

    Every argument after ``manage`` goes to Django unchanged; ``gongkai manage help`` lists the commands.

    Example:
        gongkai manage migrate
        gongkai manage createsuperuser
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai manage", *ctx.args])


def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="监听端口")] = 8000,
    migrate: Annotated[bool, typer.Option("--migrate/--no-migrate", help="启动前执行数据库迁移")] = True,
) -> None:
    """Migrate the database and serve the platform (Django's server; put a WSGI server in front in production).

    Example:
        gongkai serve --port 8000
    """
    _setup_django()
    from django.core.management import call_command

    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    base = f"http://{host}:{port}"
    typer.echo(f"gongkai 平台：{base}/   管理后台：{base}/admin/")
    call_command("runserver", f"{host}:{port}", use_reloader=False)


def register(app: typer.Typer) -> None:
    """Add ``manage`` and ``serve`` to the ``gongkai`` Typer app."""
    app.command(
        "manage",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,  # `gongkai manage migrate --help` is Django's help, not ours
        help="运行 Django 管理命令，例如 gongkai manage migrate",
    )(manage)
    app.command("serve", help="迁移数据库并启动平台服务（默认 127.0.0.1:8000）")(serve)
