"""The applicant's attachment on the case page (issue 3 §5, §7): the case's own agency downloads it;
a supervising agency, another agency and a case without attachment get the 404 of a missing case."""
import shutil
import tempfile
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from freezegun import freeze_time

from gongkai.web.requests.constants import RequestChannel
from gongkai.web.requests.services import ReceiptFacts, request_register
from gongkai.web.requests.tests.views.staff_setup import TODAY, StaffWorld
from gongkai.web.tests.factories import REQUEST_TEXT, applicant

PDF = b"%PDF-1.4\n%identity papers\n"


@freeze_time(TODAY)
class RequestAttachmentViewTests(StaffWorld, TestCase):
    @classmethod
    def setUpClass(cls):
        cls.media = tempfile.mkdtemp(prefix="gongkai-media-")
        cls.media_settings = override_settings(MEDIA_ROOT=cls.media)
        cls.media_settings.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.media_settings.disable()
        shutil.rmtree(cls.media, ignore_errors=True)

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.case = request_register(
            agency=cls.transport, channel=RequestChannel.COUNTER, applicant=applicant(),
            receipt=ReceiptFacts(handed_in_on=date(2026, 11, 20)), acting_user=cls.officer,
            attachment=SimpleUploadedFile("身份证复印件.pdf", PDF, content_type="application/pdf"), **REQUEST_TEXT,
        ).request
        cls.bare = cls.register(date(2026, 11, 20))

    def _url(self, pk=None):
        return f"/staff/requests/{pk or self.case.pk}/attachment/"

    def test_own_agency_downloads_the_file_under_its_original_name(self):
        self.client.force_login(self.clerk)
        response = self.client.get(self._url())
        self.assertEqual((200, "application/pdf"), (response.status_code, response["Content-Type"]))
        self.assertEqual(PDF, b"".join(response.streaming_content))
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertIn("%E8%BA%AB%E4%BB%BD%E8%AF%81%E5%A4%8D%E5%8D%B0%E4%BB%B6.pdf",  # 身份证复印件.pdf
                      response["Content-Disposition"])

    def test_case_page_links_the_attachment_for_its_own_agency(self):
        self.client.force_login(self.clerk)
        response = self.client.get(f"/staff/requests/{self.case.pk}/")
        self.assertContains(response, f'href="{self._url()}"')
        self.assertContains(response, "身份证复印件.pdf")

    def test_supervising_agency_sees_no_link_and_gets_the_404_of_a_missing_case(self):
        self.client.force_login(self.county_head)
        page = self.client.get(f"/staff/requests/{self.case.pk}/")
        self.assertEqual(200, page.status_code)
        self.assertNotContains(page, self._url())
        self.assertNotContains(page, "身份证复印件.pdf")
        hidden, missing = self.client.get(self._url()), self.client.get(self._url(10**9))
        self.assertEqual((404, 404), (hidden.status_code, missing.status_code))
        self.assertEqual(missing.content, hidden.content)

    def test_other_agency_gets_the_404_of_a_missing_case(self):
        self.client.force_login(self.stranger)
        hidden, missing = self.client.get(self._url()), self.client.get(self._url(10**9))
        self.assertEqual((404, 404), (hidden.status_code, missing.status_code))
        self.assertEqual(missing.content, hidden.content)

    def test_case_without_attachment_is_404_and_has_no_link(self):
        self.client.force_login(self.clerk)
        self.assertEqual(404, self.client.get(self._url(self.bare.pk)).status_code)
        self.assertNotContains(self.client.get(f"/staff/requests/{self.bare.pk}/"), "/attachment/")

    def test_anonymous_user_is_sent_to_the_staff_login(self):
        response = self.client.get(self._url())
        self.assertEqual(302, response.status_code)
        self.assertTrue(response["Location"].startswith("/staff/login/"))

    def test_clerk_registers_a_request_with_its_attachment(self):
        self.client.force_login(self.clerk)
        response = self.client.post("/staff/requests/new/", {
            "agency": self.transport.pk, "channel": "counter", "handed_in_on": "2026-11-26",
            "applicant_type": "natural_person", "applicant_name": "王五", "id_type": "passport",
            "id_number": "E12345678", "phone": "13900001111", "description": "本局2026年道路养护合同",
            "info_form": "paper", "delivery": "collect",
            "attachment": SimpleUploadedFile("申请书.pdf", PDF, content_type="application/pdf"),
        })
        self.assertEqual(302, response.status_code)
        detail = self.client.get(response["Location"])
        self.assertEqual("申请书.pdf", detail.context["page"].case.attachment_name)
        self.assertContains(detail, "申请书.pdf")
