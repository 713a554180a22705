"""Issue 5 §6: a clerk drafts an item in the browser → the reviewer passes the five checks →
the head approves and publishes it → the public finds it through the catalogue's search."""
from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from gongkai.web.demo import people
from gongkai.web.demo.loader import demo_organisation
from gongkai.web.publications.constants import Check

COUNTY = people.COUNTY[1]
TITLE = "关于印发《乌鲁木齐县城市绿化养护管理办法》的通知"
BODY = "各乡（镇）人民政府，县直各部门：现将《乌鲁木齐县城市绿化养护管理办法》印发给你们，请认真贯彻执行。"


def _login(browser, base: str, username: str) -> Page:
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(base + reverse("staff:login"))
    page.fill("[name=username]", username)
    page.fill("[name=password]", people.DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(base + reverse("staff:worklist"))
    return page


@pytest.fixture
def county(transactional_db):
    """The demo organisation (county staff in every role), before the browser starts."""
    demo_organisation()
    return timezone.localdate().isoformat()


def test_item_is_drafted_reviewed_published_and_found(county, live_server, browser):
    base, today = live_server.url, county
    clerk = _login(browser, base, "clerk")
    clerk.get_by_role("link", name="主动公开").click()
    clerk.get_by_role("link", name="新建公开事项").click()
    clerk.locator("[name=agency]").select_option(label=people.COUNTY[0])
    clerk.fill("[name=title]", TITLE)
    clerk.fill("[name=document_number]", "乌政办发〔2026〕9号")
    clerk.fill("[name=issuer]", "乌鲁木齐县人民政府办公室")
    clerk.fill("[name=written_on]", today)
    clerk.locator("[name=category]").select_option("01")
    clerk.locator("[name=document_kind]").select_option("normative_documents")
    clerk.locator("[name=validity]").select_option("in_force")
    clerk.fill("[name=body]", BODY)
    clerk.get_by_role("button", name="保存").click()
    expect(clerk.locator(".messages")).to_contain_text("已新建，索引号 WLMQX-")
    clerk.get_by_role("button", name="提交审查").click()
    expect(clerk.locator("h1")).to_contain_text("保密审查中")
    item_url = clerk.url

    reviewer = _login(browser, base, "reviewer")
    reviewer.goto(item_url)
    for check in Check:
        reviewer.locator("[name=check]").select_option(check.value)
        reviewer.locator("[name=result]").select_option("passed")
        reviewer.get_by_role("button", name="记录").click()
        expect(reviewer.locator(f"tr.check-{check.value}")).to_contain_text("通过")

    head = _login(browser, base, "head")
    head.goto(item_url)
    head.get_by_role("button", name="批准发布").click()
    expect(head.locator("h1")).to_contain_text("已批准")
    head.get_by_role("button", name="发布").click()
    expect(head.locator("h1")).to_contain_text("已发布")

    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(base + reverse("publications_public:index", kwargs={"agency_code": COUNTY}))
    public.fill("[name=q]", "绿化养护")
    public.get_by_role("button", name="检索").click()
    expect(public.locator("table.items")).to_contain_text(TITLE)
    public.get_by_role("link", name=TITLE).click()
    expect(public.locator(".body")).to_contain_text("请认真贯彻执行")
    expect(public.locator("dl.facts")).to_contain_text("乌政办发〔2026〕9号")
