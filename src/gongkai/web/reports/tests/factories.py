"""Cases and reports for the report tests, written straight to the table.

Section 三 depends only on a case's agency, applicant type, outcome and two dates, so the cases
are inserted directly (as an import of historical records would) rather than replayed through
the request services; the model's constraints still apply.
"""
from __future__ import annotations

import itertools
from datetime import date

from gongkai.web.requests.constants import Delivery, IdType, InfoForm, RequestChannel, RequestStatus
from gongkai.web.requests.models import InfoRequest

_serial = itertools.count(1)


def case(agency, *, applicant_type: str, received_on: date | None, closed_on: date | None = None,
         outcome: str = "", status: str | None = None) -> InfoRequest:
    """An unsaved request: open (registered) without ``closed_on``, replied with it."""
    n = next(_serial)
    if status is None:
        status = RequestStatus.REGISTERED if closed_on is None else RequestStatus.REPLIED
    return InfoRequest(
        agency=agency, tracking_number=f"T{agency.pk}-{n:08d}", query_code_hash="-",
        channel=RequestChannel.COUNTER, applicant_type=applicant_type, applicant_name=f"申请人{n}",
        id_type=IdType.PASSPORT, id_number=f"E{n:08d}", phone="13912345678", description="所需信息",
        info_form=InfoForm.ELECTRONIC, delivery=Delivery.ONLINE, handed_in_on=received_on,
        received_on=received_on, status=status, outcome=outcome, closed_on=closed_on,
        replied_on=closed_on if status == RequestStatus.REPLIED else None,
    )


def insert_cases(cases: list[InfoRequest]) -> None:
    InfoRequest.objects.bulk_create(cases, batch_size=2000)
