"""A clock the demo loader can set, so a year of cases happens on the days it says it does.

The services read the time only through ``django.utils.timezone.now`` (``timezone.localdate``
calls it, and so do ``auto_now_add`` fields). Replacing that one function while the demo
loads makes every check ("not after today"), every timeline entry, every audit timestamp
and every tracking number's year agree with the day the action is dated.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from unittest import mock

from django.utils import timezone


class DemoClock:
    """The moment the demo says it is; ``None`` until the first action sets it."""

    def __init__(self) -> None:
        self.moment: datetime | None = None
        self._real_now = timezone.now

    def now(self) -> datetime:
        return self._real_now() if self.moment is None else self.moment

    def real_now(self) -> datetime:
        return self._real_now()


@contextmanager
def travelling_clock() -> Iterator[DemoClock]:
    """While active, ``timezone.now()`` returns ``clock.moment`` (an aware datetime)."""
    clock = DemoClock()
    # NOTE: patch the module attribute, not datetime: Django looks ``timezone.now`` up at each
    # call, and the rest of the process (other threads aside) is not affected after exit.
    with mock.patch.object(timezone, "now", clock.now):
        yield clock
