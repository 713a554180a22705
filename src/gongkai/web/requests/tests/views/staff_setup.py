"""Shared setup of the staff page tests: one county, two departments, people in each role.

Shared between allowed and denied cases (Zulip "share test setup code"): the transport
department's cases are acted on by its own staff, looked at by the county (its supervisor)
and probed by the education department (a stranger).
"""
from __future__ import annotations

from datetime import date

from gongkai.web.accounts.constants import Role
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.requests.constants import RequestChannel
from gongkai.web.requests.services import ReceiptFacts, request_accept, request_register
from gongkai.web.tests.factories import REQUEST_TEXT, AgencyFactory, applicant, resident_id, staff

TODAY = "2026-11-26 04:00:00"  # a Thursday, 12:00 in Beijing
ID_NUMBER = resident_id("65012119900101123")
PHONE = "13912345678"


class StaffWorld:
    """Mixed into TestCase classes; builds the agencies and people once per class."""

    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(kind=AgencyKind.GOVERNMENT, name="乌鲁木齐县人民政府", code="wlmqx")
        cls.transport = AgencyFactory(parent=cls.county, name="乌鲁木齐县交通运输局", code="jt")
        cls.education = AgencyFactory(parent=cls.county, name="乌鲁木齐县教育局", code="jy")
        # One person with every working role keeps the action tests about the pages, not the roles.
        cls.officer = staff(cls.transport, Role.CLERK, Role.HANDLER, Role.REVIEWER, Role.HEAD)
        cls.clerk = staff(cls.transport, Role.CLERK)
        cls.county_head = staff(cls.county, Role.HEAD)
        cls.stranger = staff(cls.education, Role.CLERK, Role.HANDLER, Role.REVIEWER, Role.HEAD)

    @classmethod
    def register(cls, handed_in_on: date, *, agency=None, name: str = "张三", channel=RequestChannel.COUNTER,
                 **applicant_fields):
        return request_register(
            agency=agency or cls.transport, channel=channel,
            applicant=applicant(name=name, id_number=ID_NUMBER, phone=PHONE, **applicant_fields),
            receipt=ReceiptFacts(handed_in_on=handed_in_on) if channel == RequestChannel.COUNTER
            else ReceiptFacts(confirmed_on=handed_in_on),
            acting_user=cls.officer if (agency or cls.transport) == cls.transport else cls.stranger,
            **REQUEST_TEXT,
        ).request

    @classmethod
    def in_progress(cls, handed_in_on: date, **kwargs):
        request = cls.register(handed_in_on, **kwargs)
        return request_accept(request=request, accepted_on=handed_in_on, acting_user=cls.officer)
