"""Catalogue test helpers: a county with a department, people per role, and items at any status
made through the services (so numbers, checks and the search index are the real ones)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from gongkai.web.accounts.constants import Role
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.publications import services
from gongkai.web.publications.constants import Category, Check, CheckResult, DocumentKind, ItemStatus
from gongkai.web.publications.models import Item
from gongkai.web.publications.services import ItemContent
from gongkai.web.tests.factories import AgencyFactory, staff

WRITTEN = date(2025, 3, 3)
PUBLISHED = date(2025, 3, 10)

CONTENT = ItemContent(title="乌鲁木齐县2025年政府工作报告", issuer="乌鲁木齐县人民政府", written_on=WRITTEN,
                      category=Category.PLANNING, body="2025年全县地区生产总值增长6.5%。")
NORMATIVE = ItemContent(title="乌鲁木齐县城乡居民最低生活保障实施办法", issuer="乌鲁木齐县人民政府",
                        written_on=WRITTEN, category=Category.REGULATIONS, document_number="乌政发〔2025〕3号",
                        document_kind=DocumentKind.NORMATIVE, validity="in_force", effective_on=WRITTEN,
                        body="为规范城乡居民最低生活保障工作，制定本办法。")


class CatalogueWorld:
    """Mixed into TestCase classes: the county office with one person per role, and a stranger."""

    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(kind=AgencyKind.GOVERNMENT, name="乌鲁木齐县人民政府", code="wlmqx")
        cls.other = AgencyFactory(parent=cls.county, name="乌鲁木齐县教育局", code="wlmqx-jyj")
        cls.clerk = staff(cls.county, Role.CLERK)
        cls.reviewer = staff(cls.county, Role.REVIEWER)
        cls.head = staff(cls.county, Role.HEAD)
        cls.stranger = staff(cls.other, Role.CLERK, Role.REVIEWER, Role.HEAD)


def make_item(world, status: str = ItemStatus.DRAFT, *, content: ItemContent = CONTENT, agency=None,
              published_on: date = PUBLISHED, **changes) -> Item:
    """An item of ``world.county`` brought to ``status`` by the services."""
    content = replace(content, **changes)
    item = services.item_create(agency=agency or world.county, content=content, acting_user=world.clerk)
    if status == ItemStatus.DRAFT:
        return item
    services.item_submit_for_review(item=item, acting_user=world.clerk)
    if status == ItemStatus.IN_REVIEW:
        return Item.objects.get(pk=item.pk)
    pass_all_checks(world, item)
    services.item_approve(item=item, acting_user=world.head)
    if status == ItemStatus.APPROVED:
        return Item.objects.get(pk=item.pk)
    services.item_publish(item=item, acting_user=world.clerk, published_on=published_on)
    if status == ItemStatus.PUBLISHED:
        return Item.objects.get(pk=item.pk)
    return services.item_revoke(item=item, reason="内容已过时", acting_user=world.head, revoked_on=published_on)


def pass_all_checks(world, item: Item) -> None:
    for check in Check.values:
        services.item_record_check(item=item, check=check, result=CheckResult.PASSED, acting_user=world.reviewer)
