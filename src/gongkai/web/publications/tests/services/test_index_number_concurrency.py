"""索引号 under concurrent creation (issue 5 §1, §6): drafters creating items at the same moment
each get a distinct number, gap-free per agency and year.

Transactional (real commits), one connection per thread: PostgreSQL when DATABASE_URL is set,
else the SQLite test file in WAL mode (settings.test), as requests' tracking-number test.
"""
from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from gongkai.web.accounts.constants import Role
from gongkai.web.publications.models import IndexCounter, Item
from gongkai.web.publications.services import item_create
from gongkai.web.publications.tests.factories import CONTENT
from gongkai.web.tests.factories import AgencyFactory, staff

DRAFTERS = 8
JOIN_SECONDS = 120  # a bound against a hang, not a timing assertion


def _create_all(agency, user, count: int) -> tuple[list[str], list[Exception]]:
    barrier = threading.Barrier(count)
    numbers: list[str] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def create(n: int) -> None:
        try:
            barrier.wait()
            item = item_create(agency=agency, acting_user=user, content=CONTENT)
            with lock:
                numbers.append(item.index_number)
        except Exception as exc:  # noqa: BLE001 (reported by the test, not lost in the thread)
            with lock:
                errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(JOIN_SECONDS)
    assert not any(thread.is_alive() for thread in threads), "新建线程未结束"
    return numbers, errors


@pytest.mark.django_db(transaction=True)
def test_simultaneous_drafts_get_distinct_gapless_index_numbers():
    if connection.vendor == "sqlite":
        assert "wal" == connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]
    agency = AgencyFactory(code="fgw")
    user = staff(agency, Role.CLERK)

    numbers, errors = _create_all(agency, user, DRAFTERS)

    assert [] == errors
    assert [f"FGW-2025-{n:05d}" for n in range(1, DRAFTERS + 1)] == sorted(numbers)
    assert sorted(numbers) == sorted(Item.objects.values_list("index_number", flat=True))
    assert DRAFTERS == IndexCounter.objects.get(agency=agency, year=2025).last
