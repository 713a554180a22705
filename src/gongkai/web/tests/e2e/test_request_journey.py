"""Issue 3 §10: apply on the public form → staff handle it with a correction and an extension →
reply → the applicant sees the result on the status page. One request, a real browser, the
demo county's staff, and the pages exactly as served."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from gongkai.web.demo import people
from gongkai.web.demo.loader import demo_organisation
from gongkai.web.requests.constants import GRANTED, RequestEventKind, RequestOutcome, RequestStatus
from gongkai.web.tests.factories import resident_id

DESCRIPTION = "申请公开南山旅游公路拓宽工程的环境影响评价批复文件"


def _set(scope, name: str, value: str) -> None:
    """Fill a form control by name, whatever its widget (radio, select, text)."""
    control = scope.locator(f"[name={name}]")
    kind = control.first.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
    if kind == "input:radio":
        scope.locator(f"[name={name}][value='{value}']").check()
    elif kind.startswith("select"):
        control.select_option(value)
    else:
        control.fill(value)


def _apply(page: Page, base: str) -> tuple[str, str]:
    """The applicant fills in the county's form; returns the receipt's tracking number and code."""
    page.goto(base + reverse("requests_public:apply", kwargs={"agency_code": people.COUNTY[1]}))
    for name, value in (("applicant_type", "natural_person"), ("name", "张三"), ("id_type", "resident_id"),
                        ("id_number", resident_id("65012119800101001")), ("phone", "13912345678"),
                        ("description", DESCRIPTION), ("info_form", "electronic"), ("delivery", "online")):
        _set(page, name, value)
    page.locator("form button[type=submit]").click()
    expect(page.locator("#tracking-number")).to_be_visible()
    return page.inner_text("#tracking-number").strip(), page.inner_text("#query-code").strip()


def _staff(browser, base: str, username: str) -> Page:
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(base + reverse("staff:login"))
    page.fill("[name=username]", username)
    page.fill("[name=password]", people.DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(base + reverse("staff:worklist"))
    return page


def _open_case(page: Page, base: str, tracking_number: str) -> None:
    """Find the case on the work list by its number and open it."""
    page.goto(base + reverse("staff:worklist") + f"?q={tracking_number}")
    page.get_by_role("link", name=tracking_number).first.click()
    expect(page.locator("h1")).to_contain_text(tracking_number)


def _act(page: Page, action: str, status: str, **fields: str) -> None:
    """Open one action's form on the case page, fill it, submit, and wait for the new status."""
    box = page.locator(f"#action-{action}")
    box.locator("summary").click()
    for name, value in fields.items():
        _set(box, name, value)
    box.locator("button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(status)


@pytest.fixture
def demo_staff(transactional_db):
    """The demo county and its staff, made before the browser starts (see conftest)."""
    return demo_organisation()


def test_request_with_correction_and_extension_reaches_the_applicant(demo_staff, live_server, browser):
    base = live_server.url
    applicant = browser.new_context(locale="zh-CN").new_page()
    tracking_number, query_code = _apply(applicant, base)

    clerk = _staff(browser, base, "clerk")
    _open_case(clerk, base, tracking_number)
    _act(clerk, "confirm_receipt", RequestStatus.REGISTERED.label)

    handler = _staff(browser, base, "handler")
    _open_case(handler, base, tracking_number)
    respond_by = (timezone.localdate() + timedelta(days=15)).isoformat()
    _act(handler, "ask_correction", RequestStatus.AWAITING_CORRECTION.label,
         what_to_correct="请说明所需批复文件的项目名称和年度", respond_by=respond_by)
    _act(handler, "record_correction", RequestStatus.IN_PROGRESS.label, note="申请人补正：2026年南山旅游公路拓宽工程")
    _act(handler, "request_extension", RequestStatus.IN_PROGRESS.label, days="10",
         reason="所需信息数量较大，需逐页审查")

    head = _staff(browser, base, "head")
    _open_case(head, base, tracking_number)
    _act(head, "approve_extension", RequestStatus.IN_PROGRESS.label)
    expect(head.locator("body")).to_contain_text("批准延期")
    _act(head, "reply", RequestStatus.REPLIED.label, outcome=GRANTED,
         summary="经审查，您申请的信息属于公开范围，现通过网上提供。")

    applicant.goto(base + reverse("requests_public:status"))
    applicant.fill("[name=tracking_number]", tracking_number)
    applicant.fill("[name=query_code]", query_code)
    applicant.locator("form button[type=submit]").click()
    expect(applicant.locator("#outcome")).to_contain_text(RequestOutcome(GRANTED).label)
    expect(applicant.locator("body")).to_contain_text(RequestStatus.REPLIED.label)
    # The timeline the applicant sees tells the correction and the extension too.
    for kind in (RequestEventKind.CORRECTION_ASKED, RequestEventKind.CORRECTION_RECEIVED,
                 RequestEventKind.EXTENSION_APPROVED, RequestEventKind.REPLIED):
        expect(applicant.locator("table")).to_contain_text(kind.label)
