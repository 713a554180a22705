"""Case actions as guarded transitions (issue 3 §6): each form calls its service, the status moves
and the timeline grows; illegal moves come back as a Chinese message; other agencies get 404;
a supervising agency may look but not act."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.requests.constants import ACTION_LABELS, RequestStatus
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.services import (
    request_ask_correction,
    request_ask_extension,
    request_notify_fee,
    request_reply,
    request_start_consultation,
    request_submit,
)
from gongkai.web.requests.tests.views.staff_setup import TODAY, StaffWorld
from gongkai.web.requests.views.staff import ACTIONS
from gongkai.web.tests.factories import REQUEST_TEXT, applicant

S = RequestStatus


@freeze_time(TODAY)
class RequestActionViewTests(StaffWorld, TestCase):
    # ------------------------------------------------------------ cases in each state
    def _submitted(self):
        return request_submit(agency=self.transport, applicant=applicant(), **REQUEST_TEXT).request

    def _registered(self):
        return self.register(date(2026, 11, 16))

    def _in_progress(self):
        return self.in_progress(date(2026, 11, 16))

    def _awaiting_correction(self, asked_on=date(2026, 11, 17), respond_by=date(2026, 12, 10)):
        return request_ask_correction(request=self._in_progress(), asked_on=asked_on, what_to_correct="写明文号",
                                      respond_by=respond_by, acting_user=self.officer)

    def _consulting(self):
        return request_start_consultation(request=self._in_progress(), sent_on=date(2026, 11, 18),
                                          party="third_party", addressee="某公司", acting_user=self.officer)

    def _extension_asked(self):
        return request_ask_extension(request=self._in_progress(), days=10, reason="涉及多个部门",
                                     asked_on=date(2026, 11, 25), acting_user=self.officer)

    def _awaiting_fee(self, received=date(2026, 11, 16), notice_on=date(2026, 11, 20)):
        return request_notify_fee(request=self.in_progress(received), notice_on=notice_on, amount=100,
                                  basis="per_request", acting_user=self.officer)

    def _replied(self):
        return request_reply(request=self._in_progress(), outcomes=["granted"], replied_on=date(2026, 11, 25),
                             summary="已提供", acting_user=self.officer)

    def _url(self, case, action):
        return f"/staff/requests/{case.pk}/{action}/"

    def _post(self, case, action, data):
        return self.client.post(self._url(case, action), data, follow=True)

    def _messages(self, response):
        return [str(m) for m in response.context["messages"]]

    # ------------------------------------------------------------ tests
    def test_each_action_calls_its_service(self):
        self.client.force_login(self.officer)
        d = "2026-11-26"
        table = [
            ("confirm_receipt", self._submitted, {"confirmed_on": d}, S.REGISTERED, "request.receipt_confirmed"),
            ("accept", self._registered, {"accepted_on": d}, S.IN_PROGRESS, "request.accepted"),
            ("ask_correction", self._in_progress,
             {"asked_on": d, "what_to_correct": "请写明文件名称", "respond_by": "2026-12-10"},
             S.AWAITING_CORRECTION, "request.correction_asked"),
            ("record_correction", self._awaiting_correction, {"received_on": d}, S.IN_PROGRESS,
             "request.correction_received"),
            ("close_no_correction",
             lambda: self._awaiting_correction(asked_on=date(2026, 11, 17), respond_by=date(2026, 11, 24)),
             {"closed_on": d}, S.CLOSED, "request.closed"),
            ("start_consultation", self._in_progress,
             {"sent_on": d, "party": "other_body", "addressee": "县自然资源局"}, S.CONSULTING,
             "request.consultation_started"),
            ("end_consultation", self._consulting, {"received_on": d, "note": "同意公开"}, S.IN_PROGRESS,
             "request.consultation_ended"),
            ("request_extension", self._in_progress, {"asked_on": d, "days": "15", "reason": "需调取档案"},
             S.IN_PROGRESS, "request.extension_requested"),
            ("approve_extension", self._extension_asked, {"approved_on": d}, S.IN_PROGRESS,
             "request.extension_approved"),
            ("notify_fee", self._in_progress, {"notice_on": d, "amount": "200.00", "basis": "per_request"},
             S.AWAITING_FEE, "request.fee_notified"),
            ("record_payment", self._awaiting_fee, {"paid_on": d}, S.IN_PROGRESS, "request.fee_paid"),
            ("close_fee_unpaid", lambda: self._awaiting_fee(date(2026, 9, 1), date(2026, 9, 10)),
             {"closed_on": d}, S.CLOSED, "request.closed"),
            ("reply", self._in_progress,
             {"replied_on": d, "outcome": "withheld_third_party", "summary": "涉及商业秘密"}, S.REPLIED,
             "request.replied"),
            ("withdraw", self._in_progress, {"withdrawn_on": d, "reason": "申请人书面撤回"}, S.WITHDRAWN,
             "request.withdrawn"),
            ("archive", self._replied, {"archived_on": d}, S.ARCHIVED, "request.archived"),
        ]
        self.assertEqual(set(ACTIONS), {row[0] for row in table})  # every action of the page is covered
        for action, make, data, status, kind in table:
            with self.subTest(action):
                case = make()
                response = self._post(case, action, data)
                case.refresh_from_db()
                self.assertEqual(status, case.status)
                self.assertEqual(kind, case.events.order_by("-id").first().kind)
                self.assertEqual(kind, response.context["page"].timeline[-1].kind)  # shown in the timeline
                self.assertEqual("已" + ACTION_LABELS[action], self._messages(response)[-1])

    def test_reply_with_disclosed_and_withheld_parts_counts_as_partly_granted(self):
        self.client.force_login(self.officer)
        case = self._in_progress()
        self._post(case, "reply", {"replied_on": "2026-11-26", "outcome": "granted",
                                   "other_parts": ["withheld_internal"], "summary": "部分为内部事务"})
        case.refresh_from_db()
        self.assertEqual("partly_granted", case.outcome)

    def test_illegal_transition_is_refused_with_a_message(self):
        self.client.force_login(self.officer)
        case = self._registered()
        response = self._post(case, "archive", {"archived_on": "2026-11-26"})
        case.refresh_from_db()
        self.assertEqual(S.REGISTERED, case.status)
        self.assertIn("申请当前状态为“已登记”，不能归档", self._messages(response))

    def test_service_rule_is_refused_with_its_message(self):
        self.client.force_login(self.officer)
        case = self._in_progress()
        response = self._post(case, "accept", {"accepted_on": "2026-11-26"})
        self.assertIn("不能受理", self._messages(response)[-1])
        response = self._post(case, "start_consultation",
                              {"sent_on": "2026-12-01", "party": "third_party", "addressee": "某公司"})
        self.assertIn("不能晚于今天", self._messages(response)[-1])

    def test_invalid_form_is_refused_with_the_field_named(self):
        self.client.force_login(self.officer)
        case = self._in_progress()
        response = self._post(case, "request_extension", {"asked_on": "2026-11-26", "days": "25", "reason": "x"})
        self.assertIn("延长工作日数：延长期限最长20个工作日（第三十三条第一款）", self._messages(response)[-1])
        self.assertEqual(0, case.events.filter(kind="request.extension_requested").count())

    def test_reply_without_article_needs_the_legal_basis(self):
        self.client.force_login(self.officer)
        case = self._in_progress()
        response = self._post(case, "reply", {"replied_on": "2026-11-26", "outcome": "rejected_confirmation",
                                              "summary": "要求确认"})
        self.assertIn("没有对应条款", self._messages(response)[-1])
        case.refresh_from_db()
        self.assertEqual(S.IN_PROGRESS, case.status)

    def test_role_is_required(self):
        self.client.force_login(self.clerk)  # a clerk does not sign replies
        case = self._in_progress()
        response = self._post(case, "reply", {"replied_on": "2026-11-26", "outcome": "granted", "summary": "x"})
        self.assertIn("负责人", self._messages(response)[-1])
        case.refresh_from_db()
        self.assertEqual(S.IN_PROGRESS, case.status)

    def test_other_agency_gets_404_on_every_action(self):
        case = self._in_progress()
        self.client.force_login(self.stranger)
        for action in ACTIONS:
            with self.subTest(action):
                response = self.client.post(self._url(case, action), {})
                self.assertEqual(404, response.status_code)
        self.assertEqual(404, self.client.post(f"/staff/requests/{10**9}/accept/", {}).status_code)

    def test_supervising_agency_cannot_act(self):
        case = self._in_progress()
        self.client.force_login(self.county_head)  # a head, but of the county, not of the department
        response = self._post(case, "reply", {"replied_on": "2026-11-26", "outcome": "granted", "summary": "x"})
        case.refresh_from_db()
        self.assertEqual(S.IN_PROGRESS, case.status)
        self.assertIn("没有“答复”所需的岗位", self._messages(response)[-1])

    def test_unknown_action_and_get_are_refused(self):
        self.client.force_login(self.officer)
        case = self._in_progress()
        self.assertEqual(404, self.client.post(self._url(case, "delete"), {}).status_code)
        self.assertEqual(405, self.client.get(self._url(case, "accept")).status_code)
        self.assertEqual(S.IN_PROGRESS, InfoRequest.objects.get(pk=case.pk).status)
