"""The applicant's attachment (issue 3 §5): stored by the intake services inside their transaction,
limited in size and type, and recorded in the audit event by name and size, never by content."""
import shutil
import tempfile
from datetime import date
from unittest import mock

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.audit.models import AuditEvent
from gongkai.web.requests.attachments import ATTACHMENT_MAX_BYTES
from gongkai.web.requests.constants import RequestChannel
from gongkai.web.requests.models import InfoRequest, TrackingCounter
from gongkai.web.requests.services import ReceiptFacts, request_register, request_submit
from gongkai.web.tests.factories import REQUEST_TEXT, AgencyFactory, applicant, staff

PDF = b"%PDF-1.4\n%test attachment\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(name="委托书.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@freeze_time("2026-11-26 04:00:00")
class RequestAttachmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory(code="jt")
        cls.clerk = staff(cls.agency, Role.CLERK)

    def setUp(self):
        media = tempfile.mkdtemp(prefix="gongkai-media-")
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        settings = override_settings(MEDIA_ROOT=media)
        settings.enable()
        self.addCleanup(settings.disable)

    def _submit(self, attachment):
        return request_submit(agency=self.agency, applicant=applicant(), attachment=attachment,
                              **REQUEST_TEXT).request

    def test_submitted_attachment_is_stored_with_name_size_and_type(self):
        request = self._submit(upload())
        request.refresh_from_db()
        self.assertEqual(("委托书.pdf", len(PDF), "application/pdf"),
                         (request.attachment_name, request.attachment_size, request.attachment_content_type))
        self.assertTrue(request.attachment.name.startswith("request_attachments/JT-2026-00001/"))
        self.assertTrue(request.attachment.name.endswith(".pdf"))
        with request.attachment.open("rb") as stored:
            self.assertEqual(PDF, stored.read())

    def test_audit_event_records_name_and_size_not_content(self):
        request = self._submit(upload())
        audit = AuditEvent.objects.get(event="request.submitted", object_id=str(request.pk))
        self.assertEqual({"name": "委托书.pdf", "size": len(PDF), "content_type": "application/pdf"},
                         audit.data["attachment"])
        self.assertNotIn("%PDF", str(audit.data))
        self.assertEqual(audit.data["attachment"], request.events.get().data["attachment"])

    def test_content_type_comes_from_the_checked_file_not_the_browser(self):
        request = self._submit(upload("scan.PNG", PNG, content_type="application/octet-stream"))
        self.assertEqual("image/png", request.attachment_content_type)

    def test_request_without_attachment_stores_none(self):
        request = self._submit(None)
        self.assertEqual(("", "", None), (request.attachment.name or "", request.attachment_name,
                                          request.attachment_size))
        self.assertNotIn("attachment", request.events.get().data)

    def test_wrong_type_is_refused_and_spends_no_tracking_number(self):
        with self.assertRaises(ValidationError) as caught:
            self._submit(upload("tool.exe", b"MZ\x90\x00", "application/octet-stream"))
        self.assertEqual(["attachment-type"], [e.code for e in caught.exception.error_dict["attachment"]])
        self.assertEqual(0, InfoRequest.objects.count())
        self.assertFalse(TrackingCounter.objects.exists())
        self.assertFalse(default_storage.exists("request_attachments"))

    def test_oversize_and_renamed_files_are_refused(self):
        for name, content, code in (("big.pdf", PDF + b"0" * ATTACHMENT_MAX_BYTES, "attachment-size"),
                                    ("fake.pdf", b"MZ\x90\x00 not a pdf", "attachment-content")):
            with self.subTest(code), self.assertRaises(ValidationError) as caught:
                self._submit(upload(name, content))
            self.assertEqual([code], [e.code for e in caught.exception.error_dict["attachment"]])
        self.assertEqual(0, InfoRequest.objects.count())

    def test_a_refused_applicant_stores_no_file(self):
        # The model's rules fail after the upload passed its own checks, before anything is written.
        with self.assertRaises(ValidationError):
            request_submit(agency=self.agency, applicant=applicant(phone=""), attachment=upload(), **REQUEST_TEXT)
        self.assertFalse(default_storage.exists("request_attachments"))

    def test_a_failure_after_the_file_was_written_removes_it(self):
        with (mock.patch("gongkai.web.requests.services._base.audit_event", side_effect=RuntimeError("audit down")),
              self.assertRaisesMessage(RuntimeError, "audit down")):
            self._submit(upload())
        _dirs, files = default_storage.listdir("request_attachments/JT-2026-00001")
        self.assertEqual([], files)
        self.assertEqual(0, InfoRequest.objects.count())

    def test_a_failure_before_the_file_was_written_deletes_nothing(self):
        # A file that happens to bear the applicant's file name at the top of MEDIA_ROOT.
        default_storage.save("委托书.pdf", ContentFile(b"unrelated"))
        with (mock.patch.object(InfoRequest, "save", side_effect=RuntimeError("db down")),
              self.assertRaisesMessage(RuntimeError, "db down")):
            self._submit(upload())
        self.assertTrue(default_storage.exists("委托书.pdf"))

    def test_long_original_name_is_shortened_keeping_its_extension(self):
        request = self._submit(upload("长" * 300 + ".pdf"))
        self.assertEqual(255, len(request.attachment_name))
        self.assertTrue(request.attachment_name.endswith("长.pdf"))

    def test_registered_request_takes_an_attachment_too(self):
        request = request_register(agency=self.agency, channel=RequestChannel.POST, applicant=applicant(),
                                   receipt=ReceiptFacts(confirmed_on=date(2026, 11, 25)),
                                   attachment=upload("申请书扫描件.pdf"), acting_user=self.clerk,
                                   **REQUEST_TEXT).request
        self.assertEqual("申请书扫描件.pdf", request.attachment_name)
        audit = AuditEvent.objects.get(event="request.registered", object_id=str(request.pk))
        self.assertEqual(len(PDF), audit.data["attachment"]["size"])
