"""Staff API (issue 3 §8 and "Must show"): a request submitted through the API is listed for its
agency's staff and invisible to another agency's staff."""
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.services import api_token_create
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.requests.tests.api.test_public_api import FORM
from gongkai.web.tests.factories import AgencyFactory, staff


@freeze_time("2026-09-28 04:00:00")
class StaffApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(code="county", kind=AgencyKind.GOVERNMENT)
        cls.town = AgencyFactory(code="town1", kind=AgencyKind.TOWNSHIP, parent=cls.county)
        cls.other = AgencyFactory(code="dept2", parent=cls.county)
        cls.town_staff = staff(cls.town, Role.CLERK, Role.REVIEWER, Role.HANDLER, Role.HEAD)
        cls.other_staff = staff(cls.other, Role.CLERK, Role.HEAD)
        cls.county_head = staff(cls.county, Role.HEAD)

    def _auth(self, user) -> dict:
        return {"HTTP_AUTHORIZATION": "Bearer " + api_token_create(user=user, name="测试", acting_user=user).key}

    def setUp(self):
        response = self.client.post(f"/api/public/agencies/{self.town.code}/requests", FORM,
                                    content_type="application/json")
        self.tracking = response.json()["tracking_number"]
        self.town_headers = self._auth(self.town_staff)

    def _list(self, headers) -> list[str]:
        return [r["tracking_number"] for r in self.client.get("/api/staff/requests", **headers).json()["items"]]

    def _id(self) -> int:
        return self.client.get("/api/staff/requests", **self.town_headers).json()["items"][0]["id"]

    def _post(self, path, body, headers):
        return self.client.post(path, body, content_type="application/json", **headers)

    def test_submitted_request_is_listed_for_its_agency_only(self):
        self.assertEqual([self.tracking], self._list(self.town_headers))
        self.assertEqual([], self._list(self._auth(self.other_staff)))

    def test_other_agency_gets_the_same_404_as_for_a_missing_case(self):
        other = self._auth(self.other_staff)
        hidden = self.client.get(f"/api/staff/requests/{self._id()}", **other)
        missing = self.client.get("/api/staff/requests/999999", **other)
        self.assertEqual((404, 404), (hidden.status_code, missing.status_code))
        self.assertEqual(missing.json(), hidden.json())

    def test_list_masks_and_own_case_page_shows_personal_data(self):
        row = self.client.get("/api/staff/requests", **self.town_headers).json()["items"][0]
        self.assertEqual("1101**********002X", row["id_number_masked"])
        self.assertNotIn("id_number", row)
        detail = self.client.get(f"/api/staff/requests/{row['id']}", **self.town_headers).json()
        self.assertEqual(FORM["id_number"], detail["id_number"])

    def test_supervisor_reads_masked_and_cannot_act(self):
        county = self._auth(self.county_head)
        detail = self.client.get(f"/api/staff/requests/{self._id()}", **county).json()
        self.assertEqual(("1101**********002X", []), (detail["id_number"], detail["actions"]))
        response = self._post(f"/api/staff/requests/{self._id()}/confirm-receipt",
                              {"confirmed_on": "2026-09-28"}, county)
        self.assertEqual((403, "forbidden"), (response.status_code, response.json()["code"]))

    def test_confirm_and_reply_through_the_api(self):
        request_id = self._id()
        confirmed = self._post(f"/api/staff/requests/{request_id}/confirm-receipt",
                               {"confirmed_on": "2026-09-28"}, self.town_headers).json()
        self.assertEqual(("registered", "2026-10-30"), (confirmed["status"], confirmed["deadline"]["due"]))
        self.assertTrue(any("国庆" in line for line in confirmed["deadline"]["explanation"]))
        replied = self._post(f"/api/staff/requests/{request_id}/reply",
                             {"outcomes": ["granted", "withheld_internal"], "replied_on": "2026-09-28"},
                             self.town_headers).json()
        self.assertEqual(("replied", "partly_granted"), (replied["status"], replied["outcome"]))
        self.assertEqual(["request.submitted", "request.receipt_confirmed", "request.replied"],
                         [e["kind"] for e in replied["timeline"]])

    def test_reply_takes_the_legal_basis(self):
        request_id = self._id()
        self._post(f"/api/staff/requests/{request_id}/confirm-receipt", {"confirmed_on": "2026-09-28"},
                   self.town_headers)
        replied = self._post(f"/api/staff/requests/{request_id}/reply",
                             {"outcomes": ["other_misc"], "replied_on": "2026-09-28", "summary": "另有规定",
                              "legal_basis": "《某省政府信息公开规定》第十条"}, self.town_headers).json()
        self.assertEqual("《某省政府信息公开规定》第十条", replied["timeline"][-1]["data"]["legal_basis"])
        self.assertEqual("另有规定", replied["timeline"][-1]["note"])

    def test_blocked_transition_has_a_stable_code(self):
        response = self._post(f"/api/staff/requests/{self._id()}/accept", {}, self.town_headers)
        self.assertEqual((400, "request-transition-blocked"), (response.status_code, response.json()["code"]))

    def test_register_from_the_counter(self):
        body = {**FORM, "agency_code": self.town.code, "channel": "counter", "handed_in_on": "2026-09-28"}
        response = self._post("/api/staff/requests", body, self.town_headers)
        self.assertEqual((201, "registered"), (response.status_code, response.json()["status"]))

    def test_no_token_is_401(self):
        response = self.client.get("/api/staff/requests")
        self.assertEqual((401, "unauthenticated"), (response.status_code, response.json()["code"]))

    def test_revoked_token_is_refused(self):
        from gongkai.web.accounts.models import ApiToken
        from gongkai.web.accounts.services import api_token_revoke

        api_token_revoke(token=ApiToken.objects.get(user=self.town_staff), acting_user=self.town_staff)
        self.assertEqual(401, self.client.get("/api/staff/requests", **self.town_headers).status_code)
