"""The 告知书 of a replied case (issue 3 §6): a .docx with the legal basis and both remedies,
downloadable by the case's agency, 404 for another agency and before a reply."""
import io
from datetime import date

import docx
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.requests.services import request_reply
from gongkai.web.requests.tests.views.staff_setup import TODAY, StaffWorld

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@freeze_time(TODAY)
class RequestNoticeViewTests(StaffWorld, TestCase):
    def _replied(self, outcome="withheld_internal", summary="属于内部人事管理信息"):
        return request_reply(request=self.in_progress(date(2026, 11, 2)), outcomes=[outcome],
                             replied_on=date(2026, 11, 20), summary=summary, acting_user=self.officer)

    def _text(self, response) -> str:
        return "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)

    def test_notice_carries_facts_basis_and_remedies(self):
        case = self._replied()
        self.client.force_login(self.clerk)
        response = self.client.get(f"/staff/requests/{case.pk}/notice.docx")
        self.assertEqual(DOCX, response["Content-Type"])
        text = self._text(response)
        for fact in ("乌鲁木齐县交通运输局", "张三：", case.tracking_number, "2026年11月2日", "2026年11月20日",
                     "属于内部人事管理信息", "第十六条第一款", "60日内", "行政复议", "6个月内", "行政诉讼"):
            self.assertIn(fact, text)

    def test_case_page_links_the_notice(self):
        case = self._replied()
        self.client.force_login(self.clerk)
        self.assertContains(self.client.get(f"/staff/requests/{case.pk}/"), f"/staff/requests/{case.pk}/notice.docx")

    def test_office_legal_basis_reaches_the_notice(self):
        self.client.force_login(self.officer)
        case = self.in_progress(date(2026, 11, 2))
        self.client.post(f"/staff/requests/{case.pk}/reply/", {
            "replied_on": "2026-11-26", "outcome": "rejected_confirmation", "summary": "要求确认已获取的信息",
            "legal_basis": "《某省政府信息公开规定》第十条"})
        text = self._text(self.client.get(f"/staff/requests/{case.pk}/notice.docx"))
        self.assertIn("法律依据：《中华人民共和国政府信息公开条例》、《某省政府信息公开规定》第十条。", text)
        self.assertIn("具体说明：要求确认已获取的信息", text)

    def test_reply_form_stores_the_basis_apart_from_the_explanation(self):
        self.client.force_login(self.officer)
        case = self.in_progress(date(2026, 11, 2))
        self.client.post(f"/staff/requests/{case.pk}/reply/", {
            "replied_on": "2026-11-26", "outcome": "other_misc", "summary": "申请人要求的事项另有规定",
            "legal_basis": "《某省政府信息公开规定》第十二条"})
        reply = case.events.get(kind="request.replied")
        self.assertEqual(("申请人要求的事项另有规定", "《某省政府信息公开规定》第十二条"),
                         (reply.note, reply.data["legal_basis"]))

    def test_basis_given_through_the_api_reaches_the_notice(self):
        case = request_reply(request=self.in_progress(date(2026, 11, 2)), outcomes=["rejected_confirmation"],
                             replied_on=date(2026, 11, 20), summary="要求重新出具",
                             legal_basis="《某市政府信息公开办法》第八条", acting_user=self.officer)
        self.client.force_login(self.clerk)
        text = self._text(self.client.get(f"/staff/requests/{case.pk}/notice.docx"))
        self.assertIn("法律依据：《中华人民共和国政府信息公开条例》、《某市政府信息公开办法》第八条。", text)
        self.assertIn("具体说明：要求重新出具", text)

    def test_no_notice_before_a_reply(self):
        case = self.in_progress(date(2026, 11, 2))
        self.client.force_login(self.clerk)
        self.assertEqual(404, self.client.get(f"/staff/requests/{case.pk}/notice.docx").status_code)

    def test_other_agency_gets_404(self):
        case = self._replied()
        self.client.force_login(self.stranger)
        self.assertEqual(404, self.client.get(f"/staff/requests/{case.pk}/notice.docx").status_code)
