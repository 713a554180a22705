"""Tracking numbers under concurrent submissions (issue 3 §5: each receipt has its own number).

Several applicants submitting at the same moment each get a distinct number, and the numbers
of an agency and year have no gap. This needs the real database with real transactions: the
test is transactional (pytest-django ``transaction=True``), and each thread has its own
connection, to PostgreSQL when DATABASE_URL is set, else to the SQLite test file in WAL mode
(settings.test), where IMMEDIATE transactions queue the writers.
"""
from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from gongkai.web.agencies.models import Agency
from gongkai.web.requests.models import InfoRequest, TrackingCounter
from gongkai.web.requests.services import request_submit
from gongkai.web.tests.factories import REQUEST_TEXT, AgencyFactory, applicant

SUBMITTERS = 8
JOIN_SECONDS = 120  # a bound against a hang, not a timing assertion


def _submit_all(agency: Agency, count: int) -> tuple[list[str], list[Exception]]:
    """``count`` threads submit at once (a barrier releases them together); their numbers and errors."""
    barrier = threading.Barrier(count)
    numbers: list[str] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def submit(n: int) -> None:
        try:
            barrier.wait()
            new = request_submit(agency=agency, applicant=applicant(name=f"申请人{n}"), **REQUEST_TEXT)
            with lock:
                numbers.append(new.request.tracking_number)
        except Exception as exc:  # noqa: BLE001 (reported by the test, not lost in the thread)
            with lock:
                errors.append(exc)
        finally:
            connections.close_all()  # this thread's connection; the test database is dropped later

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(JOIN_SECONDS)
    assert not any(thread.is_alive() for thread in threads), "提交线程未结束"
    return numbers, errors


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_get_distinct_gapless_numbers():
    if connection.vendor == "sqlite":
        # The file database of settings.test, in WAL mode: the locking production relies on.
        assert "wal" == connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]
    agency = AgencyFactory(code="jt")

    numbers, errors = _submit_all(agency, SUBMITTERS)

    assert [] == errors
    year = InfoRequest.objects.get(tracking_number=numbers[0]).created_at.year
    assert [f"JT-{year}-{n:05d}" for n in range(1, SUBMITTERS + 1)] == sorted(numbers)
    assert sorted(numbers) == sorted(InfoRequest.objects.values_list("tracking_number", flat=True))
    assert SUBMITTERS == TrackingCounter.objects.get(agency=agency).last


@pytest.mark.django_db(transaction=True)
def test_a_second_wave_continues_the_sequence_without_a_gap():
    agency = AgencyFactory(code="jy")
    first, _ = _submit_all(agency, 3)
    second, errors = _submit_all(agency, 5)
    assert [] == errors
    assert list(range(1, 9)) == sorted(int(n.rsplit("-", 1)[1]) for n in first + second)
