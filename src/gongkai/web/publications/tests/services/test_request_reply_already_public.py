"""Issue 5 §5: a staff member answering a request finds the item in the catalogue and replies
“已主动公开” with its link in one step (第三十六条第一项); the reply counts as 予以公开."""
from __future__ import annotations

from datetime import date

from django.test import TestCase
from django.urls import reverse
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.publications.constants import ItemStatus
from gongkai.web.publications.services import request_reply_already_public
from gongkai.web.publications.tests.factories import CatalogueWorld, make_item
from gongkai.web.requests.constants import RequestChannel, RequestEventKind, RequestStatus
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.services import ReceiptFacts, request_register
from gongkai.web.tests.factories import REQUEST_TEXT, applicant, staff

S = ItemStatus


@freeze_time("2025-06-02 04:00:00")
class RequestReplyAlreadyPublicTests(CatalogueWorld, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.officer = staff(cls.county, Role.CLERK, Role.HANDLER, Role.HEAD)

    def _request(self) -> InfoRequest:
        text = dict(REQUEST_TEXT, description="申请公开乌鲁木齐县2025年政府工作报告全文。")
        return request_register(agency=self.county, channel=RequestChannel.COUNTER, applicant=applicant(),
                                receipt=ReceiptFacts(handed_in_on=date(2025, 5, 26)), acting_user=self.officer,
                                **text).request

    def test_reply_counts_as_granted_and_carries_the_link(self):
        item = make_item(self, S.PUBLISHED)
        replied = request_reply_already_public(request=self._request(), item=item, replied_on=date(2025, 6, 2),
                                               acting_user=self.officer, site_url="https://gk.example")
        self.assertEqual((RequestStatus.REPLIED, "granted"), (replied.status, replied.outcome))
        note = replied.events.get(kind=RequestEventKind.REPLIED).note
        self.assertIn("已经主动公开", note)
        self.assertIn("https://gk.example" + item.get_absolute_url(), note)

    def test_a_revoked_item_cannot_be_cited(self):
        item = make_item(self, S.REVOKED)
        with self.assertRaises(ApplicationError) as caught:
            request_reply_already_public(request=self._request(), item=item, replied_on=date(2025, 6, 2),
                                         acting_user=self.officer)
        self.assertEqual("item-not-public", caught.exception.code)

    def test_case_page_links_the_search_and_the_search_finds_the_item(self):
        item = make_item(self, S.PUBLISHED)
        case = self._request()
        self.client.force_login(self.officer)
        url = reverse("publications_staff:reply_already_public", args=[case.pk])
        self.assertIn(url, self.client.get(reverse("staff:detail", args=[case.pk])).content.decode())
        body = self.client.get(url).content.decode()  # the first search comes from the request's wording
        self.assertIn(item.index_number, body)
        response = self.client.post(url, {"index_number": item.index_number})
        self.assertRedirects(response, reverse("staff:detail", args=[case.pk]))
        self.assertEqual(RequestStatus.REPLIED, InfoRequest.objects.get(pk=case.pk).status)
