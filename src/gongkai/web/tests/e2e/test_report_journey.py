"""Issue 4, item 9: a department drafts its 2025 report in the browser → submits it → the county
accepts it → the department publishes it → the public downloads the .docx, and reading the
download back gives the data that was published."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from gongkai.parse import parse_bytes
from gongkai.spec import FORMATS
from gongkai.web.demo import people
from gongkai.web.demo.loader import demo_organisation
from gongkai.web.reports.tests.factories import case, insert_cases

DEPARTMENT = "wlmqx-fgw"


def _login(browser, base: str, username: str) -> Page:
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(base + reverse("staff:login"))
    page.fill("[name=username]", username)
    page.fill("[name=password]", people.DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(base + reverse("staff:worklist"))
    return page


@pytest.fixture
def department_with_cases(transactional_db):
    """The demo organisation and three of the department's 2025 cases, before the browser starts."""
    agencies, _, _ = demo_organisation()
    department = next(a for a in agencies if a.code == DEPARTMENT)
    insert_cases([
        case(department, applicant_type="natural_person", received_on=date(2025, 3, 2), closed_on=date(2025, 3, 20),
             outcome="granted"),
        case(department, applicant_type="commercial", received_on=date(2025, 5, 6), closed_on=date(2025, 5, 30),
             outcome="partly_granted"),
        case(department, applicant_type="commercial", received_on=date(2025, 12, 29)),
    ])
    return department


def test_report_is_drafted_accepted_published_and_downloaded(department_with_cases, live_server, browser):
    base = live_server.url
    head = _login(browser, base, "fgw-head")
    head.goto(base + reverse("reports_staff:list"))
    head.fill("[name=year]", "2025")
    head.get_by_role("button", name="新建年度报告").click()
    expect(head.locator("h1")).to_contain_text("2025年度报告")
    # Section 三 is computed: the received total links to its three cases.
    for table in FORMATS["2021"].tables:
        if table.id.startswith("proactive."):
            for row in table.rows:
                for column in table.columns:
                    head.fill(f'[name="fig:{table.id}:{row.id}:{column.id}"]', "1")
    head.fill("[name=problems]", "申请答复质量有待提高。")
    head.get_by_role("button", name="保存").click()
    expect(head.locator("section.card h2").first).to_contain_text("0 个错误，0 个警告")
    head.get_by_role("button", name="报送上级机关").click()
    expect(head.locator("h1")).to_contain_text("已报送")
    detail_url = head.url

    county = _login(browser, base, "head")
    county.goto(detail_url)
    county.get_by_role("button", name="审核通过").click()
    expect(county.locator("h1")).to_contain_text("已审核通过")

    head.goto(detail_url)
    head.get_by_role("button", name="发布").click()
    expect(head.locator("h1")).to_contain_text("已发布")

    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(base + reverse("reports_public:list", kwargs={"agency_code": DEPARTMENT}))
    with public.expect_download() as caught:
        public.get_by_role("link", name="Word").click()
    docx = parse_bytes(Path(caught.value.path()).read_bytes(), "report.docx")
    data = public.request.get(base + reverse("reports_public:file", kwargs={
        "agency_code": DEPARTMENT, "year": 2025, "version": 1, "fmt": "json"})).json()
    requests = data["tables"]["requests"]
    assert (3, 1, 1, 1) == (requests["received"]["total"], requests["granted"]["total"],
                            requests["partly_granted"]["commercial"], requests["carried_out"]["total"])
    for row, columns in requests.items():
        for column, value in columns.items():
            assert value == docx.value("requests", row, column), (row, column)
    assert data["text"]["problems"] == docx.text["problems"]
