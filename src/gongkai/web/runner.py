"""What ``gongkai manage`` and ``gongkai serve`` do, on the Django side of the architecture line.

``gongkai.cli_web`` (core CLI, which must not import Django) imports this module lazily.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence

DEFAULT_SETTINGS = "gongkai.web.config.settings.dev"


def _default_settings() -> None:
    # An explicit DJANGO_SETTINGS_MODULE (e.g. …settings.production) wins over the dev default.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)


def manage(args: Sequence[str]) -> None:
    """Run one Django management command with ``args`` exactly as typed."""
    _default_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai manage", *args])


def serve(*, host: str, port: int, migrate: bool, echo: Callable[[str], None]) -> None:
    """Migrate (unless told not to), print the addresses, and run Django's server in this process."""
    _default_settings()
    import django
    from django.core.management import call_command

    django.setup()
    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    base = f"http://{host}:{port}"
    echo(f"gongkai 平台：{base}/   管理后台：{base}/admin/")
    call_command("runserver", f"{host}:{port}", use_reloader=False)

