"""Issue 5 §2: the review workflow draft → 保密审查 → approval → published | revoked.

The transition matrix: from every status, every workflow action either moves to the status
the TRANSITIONS table allows or is refused with item-transition-blocked and changes nothing.
"""
from __future__ import annotations

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.audit.models import AuditEvent
from gongkai.web.common.errors import ApplicationError
from gongkai.web.publications import services
from gongkai.web.publications.constants import TRANSITIONS, ItemStatus
from gongkai.web.publications.models import Item
from gongkai.web.publications.tests.factories import CatalogueWorld, make_item, pass_all_checks

S = ItemStatus
# Each action, the status it moves to, and how to call it (checks are passed before approve).
ACTIONS = {
    "submit": S.IN_REVIEW,
    "return": S.DRAFT,
    "approve": S.APPROVED,
    "publish": S.PUBLISHED,
    "revoke": S.REVOKED,
}


@freeze_time("2025-06-02 04:00:00")
class TransitionMatrixTests(CatalogueWorld, TestCase):
    def _do(self, action: str, item: Item) -> Item:
        if action == "submit":
            return services.item_submit_for_review(item=item, acting_user=self.clerk)
        if action == "return":
            return services.item_return_to_draft(item=item, acting_user=self.reviewer)
        if action == "approve":
            if item.status == S.IN_REVIEW:
                pass_all_checks(self, item)
            return services.item_approve(item=item, acting_user=self.head)
        if action == "publish":
            return services.item_publish(item=item, acting_user=self.clerk)
        return services.item_revoke(item=item, reason="发布有误", acting_user=self.head)

    def test_every_action_from_every_status(self):
        for status in S.values:
            for action, target in ACTIONS.items():
                allowed = target in TRANSITIONS[status]
                with self.subTest(f"{action} from {status} ({'allowed' if allowed else 'blocked'})"):
                    item = make_item(self, status)
                    if allowed:
                        self.assertEqual(target, self._do(action, item).status)
                    else:
                        with self.assertRaises(ApplicationError) as caught:
                            self._do(action, item)
                        self.assertEqual("item-transition-blocked", caught.exception.code)
                        self.assertEqual(status, Item.objects.get(pk=item.pk).status)

    def test_approval_needs_all_five_checks_passed(self):
        item = make_item(self, S.IN_REVIEW)
        for check in ("political", "legal", "secrecy", "procedure"):
            services.item_record_check(item=item, check=check, result="passed", acting_user=self.reviewer)
        services.item_record_check(item=item, check="timeliness", result="failed", note="已过时效",
                                   acting_user=self.reviewer)
        with self.assertRaisesMessage(ApplicationError, "时效关"):
            services.item_approve(item=item, acting_user=self.head)
        # A later judgement on the same check replaces the earlier one.
        services.item_record_check(item=item, check="timeliness", result="passed", acting_user=self.reviewer)
        self.assertEqual(S.APPROVED, services.item_approve(item=item, acting_user=self.head).status)

    def test_checks_of_an_earlier_round_do_not_count(self):
        item = make_item(self, S.IN_REVIEW)
        pass_all_checks(self, item)
        services.item_return_to_draft(item=item, acting_user=self.reviewer)
        services.item_submit_for_review(item=item, acting_user=self.clerk)
        with self.assertRaises(ApplicationError) as caught:
            services.item_approve(item=item, acting_user=self.head)
        self.assertEqual("checks-incomplete", caught.exception.code)

    def test_only_the_head_approves_and_only_a_reviewer_checks(self):
        item = make_item(self, S.IN_REVIEW)
        from django.core.exceptions import PermissionDenied
        with self.assertRaises(PermissionDenied):
            services.item_record_check(item=item, check="legal", result="passed", acting_user=self.head)
        pass_all_checks(self, item)
        with self.assertRaises(PermissionDenied):
            services.item_approve(item=item, acting_user=self.reviewer)
        with self.assertRaises(PermissionDenied):
            services.item_approve(item=item, acting_user=self.stranger)

    def test_revocation_requires_a_reason(self):
        item = make_item(self, S.PUBLISHED)
        with self.assertRaises(ApplicationError) as caught:
            services.item_revoke(item=item, reason="  ", acting_user=self.head)
        self.assertEqual("reason-required", caught.exception.code)
        self.assertEqual(S.PUBLISHED, Item.objects.get(pk=item.pk).status)

    def test_every_step_is_audited(self):
        item = make_item(self, S.REVOKED)
        events = list(AuditEvent.objects.filter(object_id=str(item.pk), event__startswith="publication.")
                      .order_by("pk").values_list("event", flat=True))
        self.assertEqual(["publication.created", "publication.submitted"] + ["publication.check_recorded"] * 5
                         + ["publication.approved", "publication.published", "publication.revoked"], events)

    def test_update_only_while_draft(self):
        item = make_item(self, S.IN_REVIEW)
        from dataclasses import replace

        from gongkai.web.publications.tests.factories import CONTENT
        with self.assertRaises(ApplicationError):
            services.item_update(item=item, content=replace(CONTENT, title="改"), acting_user=self.clerk)

    def test_index_number_is_agency_year_serial_and_kept(self):
        first, second = make_item(self), make_item(self)
        self.assertEqual(["WLMQX-2025-00001", "WLMQX-2025-00002"], [first.index_number, second.index_number])
        from dataclasses import replace

        from gongkai.web.publications.tests.factories import CONTENT
        services.item_update(item=first, content=replace(CONTENT, title="新标题"), acting_user=self.clerk)
        self.assertEqual("WLMQX-2025-00001", Item.objects.get(pk=first.pk).index_number)

    def test_withheld_item_needs_a_reason_and_is_never_published(self):
        from django.core.exceptions import ValidationError
        with self.assertRaises(ValidationError):
            make_item(self, disclosure="withheld")
        item = make_item(self, S.APPROVED, disclosure="withheld", withheld_reason="涉及国家秘密（第十四条）")
        with self.assertRaises(ApplicationError) as caught:
            services.item_publish(item=item, acting_user=self.clerk)
        self.assertEqual("item-not-proactive", caught.exception.code)
