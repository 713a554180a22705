"""Building requests in a given state through the services, for tests."""
from __future__ import annotations

from datetime import date

from gongkai.web.requests.constants import RequestChannel
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.services import ReceiptFacts, request_register, request_submit
from gongkai.web.tests.factories import REQUEST_TEXT, applicant


def registered(agency, clerk, *, handed_in_on: date) -> InfoRequest:
    """A request handed in at the counter on ``handed_in_on``."""
    return request_register(
        agency=agency, channel=RequestChannel.COUNTER, applicant=applicant(),
        receipt=ReceiptFacts(handed_in_on=handed_in_on), acting_user=clerk, **REQUEST_TEXT,
    ).request


def submitted(agency) -> InfoRequest:
    return request_submit(agency=agency, applicant=applicant(), **REQUEST_TEXT).request
