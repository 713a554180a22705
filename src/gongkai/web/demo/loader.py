"""Load the demo county: agencies, staff for every role, and a year of requests.

Agencies and people are created directly (in production they are set up in the Django admin,
and no service exists for them). Every request is created and moved through its life by the
request services, on the days its plan says, so the timeline, the audit log and the deadlines
are the ones the platform itself computes.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from unittest import mock

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.models import Membership, User
from gongkai.web.agencies.models import Agency
from gongkai.web.demo import people
from gongkai.web.demo.clock import travelling_clock
from gongkai.web.demo.plans import BEIJING, REFUSAL_OUTCOMES, CasePlan, Planner, schedule
from gongkai.web.publications.demo import demo_catalogue_load
from gongkai.web.reports.demo import demo_reports_load
from gongkai.web.requests import services
from gongkai.web.requests.access import ACTION_ROLES
from gongkai.web.requests.constants import RequestChannel, RequestStatus
from gongkai.web.requests.deadlines import work_calendar
from gongkai.web.requests.models import InfoRequest, RequestEvent
from gongkai.web.requests.services import intake

DEFAULT_SEED = 20190515  # the day the 2019 条例 came into force
NOT_EMPTY = "数据库中已有数据（%(what)s），未载入演示数据；演示数据只载入空数据库"

# Which keyword of each service carries the step's day.
_DAY_ARG = {
    "confirm_receipt": "confirmed_on", "accept": "accepted_on", "ask_correction": "asked_on",
    "record_correction": "received_on", "close_no_correction": "closed_on", "start_consultation": "sent_on",
    "end_consultation": "received_on", "request_extension": "asked_on", "approve_extension": "approved_on",
    "notify_fee": "notice_on", "record_payment": "paid_on", "close_fee_unpaid": "closed_on",
    "reply": "replied_on", "withdraw": "withdrawn_on", "archive": "archived_on",
}
_SERVICE = {
    "confirm_receipt": services.request_confirm_receipt, "accept": services.request_accept,
    "ask_correction": services.request_ask_correction, "record_correction": services.request_record_correction,
    "close_no_correction": services.request_close_no_correction,
    "start_consultation": services.request_start_consultation,
    "end_consultation": services.request_end_consultation, "request_extension": services.request_ask_extension,
    "approve_extension": services.request_approve_extension, "notify_fee": services.request_notify_fee,
    "record_payment": services.request_record_payment, "close_fee_unpaid": services.request_close_fee_unpaid,
    "reply": services.request_reply, "withdraw": services.request_withdraw, "archive": services.request_archive,
}
# Who does what when several may: the clerk registers, the reviewer accepts, the head signs.
_ROLE_PREFERENCE = (Role.CLERK, Role.REVIEWER, Role.HANDLER, Role.HEAD, Role.ADMIN)
_PREFERRED = {"accept": Role.REVIEWER, "ask_correction": Role.HANDLER, "withdraw": Role.CLERK,
              "close_no_correction": Role.HANDLER, "close_fee_unpaid": Role.HANDLER, "archive": Role.CLERK,
              "record_correction": Role.CLERK, "end_consultation": Role.HANDLER, "record_payment": Role.CLERK}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    display_name: str
    agency: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class DemoLookup:
    """A request the public can look up on the status page."""

    tracking_number: str
    query_code: str
    status: str


@dataclass
class DemoSummary:
    agencies: int = 0
    logins: list[DemoLogin] = field(default_factory=list)
    requests: int = 0
    events: int = 0
    by_status: Counter = field(default_factory=Counter)
    by_outcome: Counter = field(default_factory=Counter)
    lookups: list[DemoLookup] = field(default_factory=list)
    catalogue_items: int = 0


class DemoNotLoaded(Exception):
    """The database already holds data; the message says which."""


def database_contents() -> list[str]:
    """What already lives in the database that the demo would collide with (empty: safe to load)."""
    found = []
    for model, label in ((Agency, "行政机关"), (User, "工作人员"), (InfoRequest, "申请")):
        count = model.objects.count()
        if count:
            found.append(f"{label} {count} 条")
    return found


def demo_load(*, seed: int = DEFAULT_SEED, today: date | None = None, scale: float = 1.0) -> DemoSummary:
    """Load the demo into an empty database, in one transaction; raise DemoNotLoaded otherwise.

    ``scale`` multiplies the number of ordinary requests (the requests that show every state and
    outcome are always there); ``today`` defaults to the real date.
    """
    found = database_contents()
    if found:
        raise DemoNotLoaded(NOT_EMPTY % {"what": "、".join(found)})
    today = today or timezone.localdate()
    with transaction.atomic():
        agencies, staff, summary = demo_organisation()
        planner = Planner(rng=random.Random(seed), calendar=work_calendar(), today=today)
        plans = demo_plans(planner, [a.code for a in agencies], scale=scale)
        code_rng = random.Random(seed + 1)
        for plan in plans:
            schedule(plan, planner.rng)
        _replay(plans, {a.code: a for a in agencies}, staff, code_rng, summary, today=today,
                county=agencies[0].code)
        admin = staff[agencies[0].code][Role.ADMIN]
        # Pauses still running were counted up to their last event; count them up to today.
        services.request_refresh_open_deadlines(acting_user=admin, reason="演示数据载入完成，按当天重算期限")
        # The county's published 2020 report, reproduced from records, and its 2025 draft (issue 4).
        demo_reports_load(county=agencies[0], acting_user=staff[agencies[0].code][Role.HEAD])
        # The 主动公开 catalogue and 政务新媒体 accounts (issue 5), after the reports: the 2020
        # report keeps its printed section 二, the 2025 draft counts item1 from the catalogue.
        catalogue = demo_catalogue_load(agencies=agencies, staff=staff, today=today, calendar=work_calendar(),
                                        rng=random.Random(seed + 2))
        summary.catalogue_items = catalogue.items
    _count(summary)
    return summary


def demo_organisation() -> tuple[list[Agency], dict[str, dict[str, User]], DemoSummary]:
    """The county, its departments and townships, and their staff; returns staff by agency and role."""
    summary = DemoSummary()
    name, code, kind = people.COUNTY
    county = Agency.objects.create(name=name, short_name="乌鲁木齐县", code=code, kind=kind,
                                   address="乌鲁木齐县水西沟镇", phone="0991-5802000")
    agencies = [county]
    for name, code, kind in people.CHILDREN:
        agencies.append(Agency.objects.create(name=name, short_name=name.removeprefix("乌鲁木齐县"), code=code,
                                              kind=kind, parent=county, phone=f"0991-58020{len(agencies):02d}"))
    # One hash for everyone: hashing the same demo password per user only costs time.
    password = make_password(people.DEMO_PASSWORD)
    staff: dict[str, dict[str, User]] = {}
    for agency in agencies:
        roster = people.COUNTY_USERS if agency is county else people.CHILD_USERS
        prefix = "" if agency is county else agency.code.split("-", 1)[1] + "-"
        staff[agency.code] = {}
        for username, label, roles in roster:
            display = label if agency is county else f"{agency.short_name}{label}"
            is_admin = Role.ADMIN in roles
            user = User.objects.create(username=prefix + username, display_name=display, password=password,
                                       is_staff=True, is_superuser=is_admin)
            for role in roles:
                Membership.objects.create(user=user, agency=agency, role=role)
                staff[agency.code][role] = user
            summary.logins.append(DemoLogin(user.username, display, agency.name,
                                            tuple(Role(r).label for r in roles)))
    summary.agencies = len(agencies)
    return agencies, staff, summary


def demo_plans(planner: Planner, codes: list[str], *, scale: float = 1.0) -> list[CasePlan]:
    """Requests that show every state and outcome, then a year of ordinary traffic."""
    county, children = codes[0], codes[1:]
    plans = _showcase(planner, county, children)
    rng = planner.rng
    scenarios, weights = zip(*_TRAFFIC, strict=True)
    for code in codes:
        count = round((60 if code == county else 14) * scale)
        for _ in range(count):
            arrived = planner.today - _days(rng.randint(1, 365))
            plans.append(planner.case(code, rng.choices(scenarios, weights)[0], arrived=arrived))
    return plans


# Ordinary traffic: how often each course a request takes occurs (weights, not percentages).
_TRAFFIC = (
    ("granted", 40), ("on_the_spot", 4), ("partly", 10), ("refused", 14), ("correction", 5), ("unclear", 1),
    ("no_correction", 2), ("consultation", 4), ("other_body", 2), ("extension", 5), ("fee", 2),
    ("fee_unpaid", 1), ("withdrawn", 4), ("withdrawn_unreceived", 1), ("overdue", 5),
)


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _showcase(planner: Planner, county: str, children: list[str]) -> list[CasePlan]:
    """At least one request in every state and under every report row, whatever the traffic draws."""
    rng = planner.rng
    plans = []

    def settled() -> date:  # long enough ago for the whole course to have happened
        return planner.today - _days(rng.randint(90, 330))

    for outcome in REFUSAL_OUTCOMES:
        plans.append(planner.case(rng.choice([county, *children]), "refused", arrived=settled(), outcome=outcome))
    for scenario in ("granted", "on_the_spot", "partly", "correction", "unclear", "no_correction", "consultation",
                     "other_body", "extension", "fee", "fee_unpaid", "withdrawn", "withdrawn_unreceived",
                     "overdue"):
        plans.append(planner.case(county, scenario, arrived=settled(), filed=False))
    counter = RequestChannel.COUNTER
    plans.append(planner.case(county, "pending", arrived=planner.back(0), channel=RequestChannel.WEB))
    # (stage, working days since receipt): the work list's urgency bands, overdue included.
    for stage, ago in (("registered", 1), ("registered", 2), ("correction", 3), ("in_progress", 5),
                       ("in_progress", 18), ("in_progress", 19), ("in_progress", 24), ("in_progress", 31),
                       ("consulting", 8), ("fee", 9), ("extended", 19), ("extended", 30),
                       ("extension_asked", 18)):
        plans.append(planner.case(county, "open", arrived=planner.back(ago), channel=counter, stage=stage))
    for code in children[:3]:
        plans.append(planner.case(code, "open", arrived=planner.back(rng.randint(2, 25)), channel=counter,
                                  stage="in_progress"))
    return plans


def _actor(staff: dict[str, User], action: str) -> User:
    allowed = ACTION_ROLES[action]
    preferred = _PREFERRED.get(action)
    if preferred in allowed and preferred in staff:
        return staff[preferred]
    return next(staff[role] for role in _ROLE_PREFERENCE if role in allowed and role in staff)


def _replay(plans: list[CasePlan], agencies: dict[str, Agency], staff: dict[str, dict[str, User]],
            code_rng: random.Random, summary: DemoSummary, *, today: date, county: str) -> None:
    """Run every planned step in date order, each at its own moment; a case stops before ``today``.

    Nothing dated today is replayed, so the demo depends on the date only, not the hour.
    """
    alphabet, length = intake._QUERY_CODE_ALPHABET, intake.QUERY_CODE_LENGTH
    queue = sorted((plan.moments[i], n, i) for n, plan in enumerate(plans) for i in range(len(plan.steps)))
    requests: dict[int, InfoRequest] = {}
    stopped: set[int] = set()
    codes: dict[int, str] = {}
    # NOTE: query codes come from the seeded generator, so the demo's lookups are the same every run.
    present = datetime.combine(today, time(0, 0), tzinfo=BEIJING)
    with travelling_clock() as clock, mock.patch.object(
            intake, "_new_query_code", lambda: "".join(code_rng.choice(alphabet) for _ in range(length))):
        for moment, n, i in queue:
            if n in stopped or moment >= present:
                stopped.add(n)
                continue
            clock.moment = moment
            plan, step = plans[n], plans[n].steps[i]
            agency = agencies[plan.agency_code]
            people_here = staff[plan.agency_code]
            if step.action in {"submit", "register"}:
                new = _create(plan, step.action, agency, people_here)
                requests[n], codes[n] = new.request, new.query_code
                continue
            service = _SERVICE[step.action]
            requests[n] = service(request=requests[n], acting_user=_actor(people_here, step.action),
                                  **{_DAY_ARG[step.action]: step.day}, **step.args)
    _pick_lookups(plans, requests, codes, summary, county=county)


def _create(plan: CasePlan, action: str, agency: Agency, people_here: dict[str, User]):
    common = {"agency": agency, "applicant": plan.applicant, "description": plan.description,
              "info_form": plan.info_form, "delivery": plan.delivery}
    if action == "submit":
        return services.request_submit(**common, acting_user=None)
    return services.request_register(**common, channel=plan.channel, receipt=plan.receipt,
                                     acting_user=_actor(people_here, "register"))


def _pick_lookups(plans, requests, codes, summary: DemoSummary, *, county: str) -> None:
    """One request per interesting public status, to try the status page with."""
    wanted = (RequestStatus.REPLIED, RequestStatus.IN_PROGRESS, RequestStatus.AWAITING_CORRECTION,
              RequestStatus.SUBMITTED)
    for status in wanted:
        for n in sorted(requests):
            request = requests[n]
            if request.status == status and plans[n].agency_code == county:
                summary.lookups.append(DemoLookup(request.tracking_number, codes[n], request.get_status_display()))
                break


def _count(summary: DemoSummary) -> None:
    summary.requests = InfoRequest.objects.count()
    summary.events = RequestEvent.objects.count()
    summary.by_status = Counter(InfoRequest.objects.values_list("status", flat=True))
    summary.by_outcome = Counter(o for o in InfoRequest.objects.values_list("outcome", flat=True) if o)
