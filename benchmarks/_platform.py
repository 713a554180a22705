"""The platform on a fresh SQLite database in a temporary folder, for the benchmarks that load
it in bulk."""
from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
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


@contextmanager
def bench_database(*, keep: Path | None, insert, count: int, seed: int, what: str):
    """The benchmark agency on a migrated database: in `keep` (reused when a previous run left its
    data there) or in a temporary folder removed afterwards. `insert(count, rng)` loads the data."""
    data_dir = keep or Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        setup(data_dir)
        from gongkai.web.agencies.models import Agency

        agency = Agency.objects.filter(code="bench").first()
        if agency is None:
            started = time.perf_counter()
            agency = insert(count, random.Random(seed))
            print(f"inserted {count:,} {what} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        yield agency
    finally:
        if keep is None:
            shutil.rmtree(data_dir, ignore_errors=True)
