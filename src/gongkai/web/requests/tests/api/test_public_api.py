"""Public API (issue 3 §8): submit without login; read the status with tracking number + query code."""
from django.core.cache import cache
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.tests.factories import AgencyFactory, resident_id

FORM = {
    "applicant_type": "natural_person", "name": "李四", "id_type": "resident_id", "id_number": resident_id(),
    "phone": "13800001111", "description": "本镇2026年危房改造补助名单", "info_form": "electronic",
    "delivery": "online",
}


@freeze_time("2026-09-25 04:00:00")
class PublicApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory(code="town1")

    def setUp(self):
        cache.clear()  # the status endpoint is throttled per address

    def _submit(self, **changes):
        return self.client.post(f"/api/public/agencies/{self.agency.code}/requests", {**FORM, **changes},
                                content_type="application/json")

    def test_submission_returns_tracking_number_and_query_code(self):
        response = self._submit()
        self.assertEqual(201, response.status_code)
        body = response.json()
        self.assertEqual(("TOWN1-2026-00001", "submitted", 8),
                         (body["tracking_number"], body["status"], len(body["query_code"])))

    def test_status_needs_the_right_code_and_shows_no_personal_data(self):
        receipt = self._submit().json()
        ok = self.client.post("/api/public/requests/status", {"tracking_number": receipt["tracking_number"],
                              "query_code": receipt["query_code"]}, content_type="application/json")
        self.assertEqual((200, "待确认收到"), (ok.status_code, ok.json()["status_label"]))
        self.assertNotIn(FORM["id_number"], ok.content.decode())
        self.assertNotIn("李四", ok.content.decode())
        wrong = self.client.post("/api/public/requests/status", {"tracking_number": receipt["tracking_number"],
                                 "query_code": "22222222"}, content_type="application/json")
        self.assertEqual((404, "not-found"), (wrong.status_code, wrong.json()["code"]))

    def test_bad_check_digit_is_a_field_error(self):
        response = self._submit(id_number=FORM["id_number"][:-1] + ("1" if FORM["id_number"][-1] != "1" else "2"))
        body = response.json()
        self.assertEqual((400, False, "invalid"), (response.status_code, body["ok"], body["code"]))
        self.assertEqual([("id_number", "id-check")], [(e["field"], e["code"]) for e in body["errors"]])

    def test_unknown_applicant_type_is_refused_by_the_schema(self):
        response = self._submit(applicant_type="company")
        self.assertEqual((422, "invalid-input"), (response.status_code, response.json()["code"]))

    def test_unknown_agency_is_404(self):
        response = self.client.post("/api/public/agencies/nope/requests", FORM, content_type="application/json")
        self.assertEqual((404, "not-found"), (response.status_code, response.json()["code"]))

    def test_openapi_schema_and_docs_are_served(self):
        schema = self.client.get("/api/openapi.json")
        self.assertEqual(200, schema.status_code)
        self.assertIn("/api/public/agencies/{agency_code}/requests", schema.json()["paths"])
        self.assertIn("/api/staff/requests/{request_id}/reply", schema.json()["paths"])
        self.assertEqual(200, self.client.get("/api/docs").status_code)
