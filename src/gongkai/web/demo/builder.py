"""Build the demo: the county, its staff, and a year of cases in every state and outcome (issue 3 §9).

Every case is played through the real services, day by day as it would have happened; a case
stops where its next step would fall after today, which leaves recent cases open in every
status. A fixed seed makes the demo the same on every machine (for the same "today").
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction

from gongkai.calendar import count_workdays, describe_day
from gongkai.identity import credit_code_check_char, resident_id_check_char
from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.models import Membership, User
from gongkai.web.agencies.models import Agency
from gongkai.web.demo import people
from gongkai.web.requests import services
from gongkai.web.requests.constants import (
    NATURAL_PERSON,
    OUTCOME_IDS,
    ApplicantType,
    Delivery,
    IdType,
    InfoForm,
    RequestChannel,
    RequestStatus,
)
from gongkai.web.requests.deadlines import work_calendar
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.services._base import today

S = RequestStatus
# Where a case may be left open on purpose; the simulation also leaves recent ones open.
OPEN_STOPS = (S.SUBMITTED, S.REGISTERED, S.AWAITING_CORRECTION, S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE)
REPLY_OUTCOMES = [o for o in OUTCOME_IDS if o not in ("other_no_correction", "other_fee_unpaid")]
# Roughly the mix county reports show: most requests granted, then not held, then partly granted.
_WEIGHTS = {"granted": 40, "partly_granted": 12, "unavailable_not_held": 14, "unavailable_needs_creation": 3,
            "unavailable_unclear": 2, "other_misc": 2}


class _Future(Exception):
    """The next step of a case would happen after today: the case stays where it is."""


@dataclass
class DemoSummary:
    agencies: int = 0
    users: list[tuple[str, str]] = field(default_factory=list)  # (username, what it is)
    cases: int = 0
    by_status: dict[str, int] = field(default_factory=dict)


def _agencies() -> list[Agency]:
    name, code, kind = people.COUNTY
    county = Agency.objects.create(name=name, short_name="乌鲁木齐县", code=code, kind=kind,
                                   address="乌鲁木齐县政务服务中心一楼政府信息公开窗口", phone="0991-5801234")
    children = [Agency.objects.create(name=n, short_name=n.removeprefix("乌鲁木齐县"), code=c, kind=k,
                                      parent=county) for n, c, k in people.CHILDREN]
    return [county, *children]


def _user(username: str, display: str, agency: Agency, roles, *, password: str, admin: bool = False) -> User:
    user = User.objects.create(username=username, password=password, display_name=display,
                               is_staff=admin, is_superuser=admin)
    Membership.objects.bulk_create([Membership(user=user, agency=agency, role=r) for r in roles])
    return user


def _staff(agencies: list[Agency], summary: DemoSummary) -> dict[int, dict[str, User]]:
    """Per agency, the user to act in each role."""
    county, *children = agencies
    password = make_password(people.DEMO_PASSWORD)  # hashed once: the same for every demo login
    acting: dict[int, dict[str, User]] = {county.pk: {}}
    for username, display, roles in people.COUNTY_USERS:
        user = _user(username, display, county, roles, password=password, admin=username == "admin")
        acting[county.pk].update({r: user for r in roles})
        summary.users.append((username, f"{county.name} {display}"))
    for agency in children:
        acting[agency.pk] = {}
        for suffix, display, roles in people.CHILD_USERS:
            username = f"{agency.code}-{suffix}"
            user = _user(username, f"{agency.short_name}{display}", agency, roles, password=password)
            acting[agency.pk].update({r: user for r in roles})
            summary.users.append((username, f"{agency.name} {display}"))
    return acting


class _Case:
    """One simulated request: its random choices and a clock that refuses to pass today."""

    def __init__(self, rng: random.Random, agency: Agency, users: dict[str, User], received: date):
        self.rng, self.agency, self.users, self.received = rng, agency, users, received
        self.calendar = work_calendar()
        self.request: InfoRequest | None = None

    def after(self, day: date, workdays: int) -> date:
        due = count_workdays(day, workdays, calendar=self.calendar).due
        if due > today():
            raise _Future
        return due

    def applicant(self) -> services.Applicant:
        rng = self.rng
        kind = rng.choices(ApplicantType.values, weights=[80, 6, 3, 2, 6, 3])[0]
        phone = "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))
        if kind == NATURAL_PERSON:
            born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
            first17 = people.ADDRESS_CODE + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
            name = rng.choice(people.SURNAMES) + rng.choice(people.GIVEN)
            return services.Applicant(applicant_type=kind, name=name, id_type=IdType.RESIDENT_ID,
                                      id_number=first17 + resident_id_check_char(first17), phone=phone,
                                      address=f"乌鲁木齐县{rng.choice(['水西沟镇', '板房沟镇', '永丰镇'])}"
                                              f"{rng.randrange(1, 200)}号")
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        first17 = "91" + people.ADDRESS_CODE + "".join(rng.choice(alphabet) for _ in range(9))
        return services.Applicant(applicant_type=kind, name=rng.choice(people.ORGANISATIONS[kind]),
                                  id_type=IdType.CREDIT_CODE, id_number=first17 + credit_code_check_char(first17),
                                  phone=phone, email=f"gongkai{rng.randrange(100, 999)}@example.cn")

    def arrive(self, stop: str | None) -> None:
        rng = self.rng
        text = {"description": rng.choice(people.TOPICS) % {"year": self.received.year - rng.randrange(2)},
                "info_form": rng.choice(InfoForm.values), "delivery": rng.choice([Delivery.COLLECT, Delivery.POST])}
        applicant = self.applicant()
        if text["delivery"] == Delivery.POST and not applicant.address:
            text["delivery"] = Delivery.COLLECT
        channel = rng.choices(RequestChannel.values, weights=[45, 30, 15, 3, 7])[0]
        if stop == S.SUBMITTED:
            channel = RequestChannel.WEB
        if channel == RequestChannel.WEB:
            self.request = services.request_submit(agency=self.agency, applicant=applicant,
                                                   submitted_on=self.received, **text).request
            if stop == S.SUBMITTED:
                return
            self.request = services.request_confirm_receipt(request=self.request, confirmed_on=self.received,
                                                            acting_user=self.users[Role.CLERK])
            return
        facts = {
            RequestChannel.COUNTER: services.ReceiptFacts(handed_in_on=self.received),
            RequestChannel.POST: services.ReceiptFacts(signed_for_on=self.received, post_signature_required=True),
        }.get(channel, services.ReceiptFacts(confirmed_on=self.received))
        self.request = services.request_register(agency=self.agency, channel=channel, applicant=applicant,
                                                 receipt=facts, acting_user=self.users[Role.CLERK], **text).request

    def play(self, *, stop: str | None, outcome: str | None) -> None:
        """Arrive, then correction, acceptance, consultation, fee and extension by chance, then close."""
        self.arrive(stop)
        if stop in (S.SUBMITTED, S.REGISTERED) or self.request.status == S.SUBMITTED:
            return
        rng, users, start = self.rng, self.users, self.received
        free = stop is None  # random detours only for cases not planned to stop at a given status
        if stop == S.AWAITING_CORRECTION or outcome in ("unavailable_unclear", "other_no_correction") or (
                free and rng.random() < 0.12):
            asked = self.after(start, rng.randint(1, 6) if free else 1)
            self.request = services.request_ask_correction(
                request=self.request, asked_on=asked, what_to_correct="请写明所需信息的名称、文号或者便于查询的其他特征描述",
                respond_by=asked + timedelta(days=15), acting_user=users[Role.HANDLER])
            if stop == S.AWAITING_CORRECTION:
                return
            if outcome == "other_no_correction" or (outcome is None and rng.random() < 0.25):
                closed = self.after(asked + timedelta(days=15), 1)
                self.request = services.request_close_no_correction(request=self.request, closed_on=closed,
                                                                    acting_user=users[Role.HANDLER])
                return
            start = self.after(asked, rng.randint(2, 8))
            self.request = services.request_record_correction(request=self.request, received_on=start,
                                                              acting_user=users[Role.CLERK])
        else:
            accepted = self.after(start, 1)
            self.request = services.request_accept(request=self.request, accepted_on=accepted,
                                                   acting_user=users[Role.REVIEWER])
            start = accepted
        if stop == S.IN_PROGRESS:
            return
        if stop == S.WITHDRAWN or (stop is None and outcome is None and rng.random() < 0.03):
            withdrawn = self.after(start, rng.randint(1, 5))
            self.request = services.request_withdraw(request=self.request, withdrawn_on=withdrawn,
                                                     reason="申请人书面申请撤回", acting_user=users[Role.CLERK])
            return
        if stop == S.CONSULTING or outcome == "withheld_third_party" or (free and rng.random() < 0.08):
            sent = self.after(start, 2)
            self.request = services.request_start_consultation(
                request=self.request, sent_on=sent, party=rng.choice(["third_party", "other_body"]),
                addressee=rng.choice(people.ORGANISATIONS["commercial"]), acting_user=users[Role.HANDLER])
            if stop == S.CONSULTING:
                return
            start = self.after(sent, rng.randint(4, 15))
            self.request = services.request_end_consultation(request=self.request, received_on=start,
                                                             acting_user=users[Role.HANDLER])
        if stop == S.AWAITING_FEE or outcome == "other_fee_unpaid" or (free and rng.random() < 0.03):
            notice = self.after(start, 2)
            self.request = services.request_notify_fee(request=self.request, notice_on=notice, amount=Decimal(100),
                                                       basis="per_request", acting_user=users[Role.HEAD])
            if stop == S.AWAITING_FEE:
                return
            if outcome == "other_fee_unpaid":
                closed = self.after(notice, 21)
                self.request = services.request_close_fee_unpaid(request=self.request, closed_on=closed,
                                                                 acting_user=users[Role.HANDLER])
                return
            start = self.after(notice, rng.randint(1, 10))
            self.request = services.request_record_payment(request=self.request, paid_on=start,
                                                           acting_user=users[Role.CLERK])
        if free and rng.random() < 0.08:
            asked = self.after(start, 3)
            self.request = services.request_ask_extension(request=self.request, days=rng.choice([10, 15, 20]),
                                                          reason="涉及档案较多，需调阅核查", asked_on=asked,
                                                          acting_user=users[Role.HANDLER])
            self.request = services.request_approve_extension(request=self.request, approved_on=asked,
                                                              acting_user=users[Role.HEAD])
        if outcome == "other_misc" and rng.random() < 0.5:
            withdrawn = self.after(start, rng.randint(1, 5))
            self.request = services.request_withdraw(request=self.request, withdrawn_on=withdrawn,
                                                     reason="申请人书面申请撤回", acting_user=users[Role.CLERK])
            return
        self.reply(start, outcome)

    def reply(self, start: date, outcome: str | None) -> None:
        rng = self.rng
        outcome = outcome or rng.choices(REPLY_OUTCOMES, weights=[_WEIGHTS.get(o, 1) for o in REPLY_OUTCOMES])[0]
        due = self.request.answer_due_on
        # Most replies land before the deadline; about one in twenty is late.
        replied = self.after(start, rng.randint(3, 18)) if rng.random() > 0.05 else self.after(due, rng.randint(1, 4))
        parts = ["granted", "withheld_third_party"] if outcome == "partly_granted" else [outcome]
        self.request = services.request_reply(request=self.request, outcomes=parts, replied_on=replied,
                                              summary="已制作并送达政府信息公开申请答复告知书",
                                              acting_user=self.users[Role.HEAD])
        if rng.random() < 0.5:
            archived = self.after(replied, 30)
            self.request = services.request_archive(request=self.request, archived_on=archived,
                                                    acting_user=self.users[Role.CLERK])


def _received_day(rng: random.Random, *, newest: int, oldest: int) -> date:
    """A working day between ``oldest`` and ``newest`` calendar days ago."""
    calendar = work_calendar()
    day = today() - timedelta(days=rng.randint(newest, oldest))
    while not describe_day(day, calendar=calendar)[0]:  # offices receive on working days
        day -= timedelta(days=1)
    return day


@transaction.atomic
def build_demo(*, cases: int = 240, seed: int = 2026) -> DemoSummary:
    """Create the demo county, its staff and ``cases`` requests; the database must have no agencies."""
    rng = random.Random(seed)
    summary = DemoSummary()
    agencies = _agencies()
    summary.agencies = len(agencies)
    acting = _staff(agencies, summary)
    # Plan: one case per reply outcome and per open status first, so every one exists, then a random mix.
    plans = [(None, o, 40, 330) for o in OUTCOME_IDS] + [(s, None, 10, 20) for s in OPEN_STOPS]
    plans += [(S.WITHDRAWN, None, 20, 200)]
    plans += [(None, None, 1, 365) for _ in range(max(cases - len(plans), 0))]
    for stop, outcome, newest, oldest in plans:
        agency = rng.choices(agencies, weights=[4] + [1] * (len(agencies) - 1))[0]
        case = _Case(rng, agency, acting[agency.pk], _received_day(rng, newest=newest, oldest=oldest))
        try:
            case.play(stop=stop, outcome=outcome)
        except _Future:
            pass  # the case's next step has not happened yet: it stays open
        summary.cases += 1
    for status in InfoRequest.objects.values_list("status", flat=True):
        summary.by_status[status] = summary.by_status.get(status, 0) + 1
    return summary
