"""The audit log is append-only (issue 3 §7): who, when, what, before and after."""
from django.test import TestCase

from gongkai.web.audit.models import AUDIT_APPEND_ONLY, AuditEvent
from gongkai.web.audit.selectors import audit_list_for_object
from gongkai.web.audit.services import audit_event
from gongkai.web.tests.factories import AgencyFactory, UserFactory


class AuditEventTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = UserFactory()
        cls.entry = audit_event(event="agency.changed", obj=cls.agency, acting_user=cls.user,
                                before={"name": "旧名"}, after={"name": cls.agency.name})

    def test_entry_records_actor_object_and_states(self):
        self.assertEqual(
            (self.user.pk, str(self.user), "agency.changed", str(self.agency.pk), {"name": "旧名"}),
            (self.entry.actor_id, self.entry.actor_label, self.entry.event, self.entry.object_id,
             self.entry.before),
        )
        self.assertEqual([self.entry], list(audit_list_for_object(obj=self.agency)))

    def test_entry_cannot_be_changed(self):
        self.entry.event = "agency.deleted"
        with self.assertRaisesMessage(PermissionError, AUDIT_APPEND_ONLY):
            self.entry.save()

    def test_entry_cannot_be_deleted(self):
        with self.assertRaisesMessage(PermissionError, AUDIT_APPEND_ONLY):
            self.entry.delete()
        with self.assertRaisesMessage(PermissionError, AUDIT_APPEND_ONLY):
            AuditEvent.objects.all().delete()

    def test_log_cannot_be_rewritten_in_bulk(self):
        with self.assertRaisesMessage(PermissionError, AUDIT_APPEND_ONLY):
            AuditEvent.objects.update(event="x")
        self.assertEqual("agency.changed", AuditEvent.objects.get(pk=self.entry.pk).event)
