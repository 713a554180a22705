"""The platform on a fresh SQLite database in a temporary folder, for the benchmarks that load
it in bulk."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup(data_dir: Path) -> None:
    """Django on a new database in `data_dir`, migrated."""
    sys.path.insert(0, str(ROOT / "src"))
    os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.config.settings.dev"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def bench_agency():
    from gongkai.web.agencies.models import Agency

    return Agency.objects.create(name="基准测试县人民政府", code="bench", kind="government")
