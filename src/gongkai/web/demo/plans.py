"""Case plans: what happens to each demo request, and on which days, before anything is written.

A plan is data (a list of dated steps); ``loader`` later replays every step of every plan in
date order through the services. Plans are drawn from a seeded ``random.Random``, so the same
seed and the same "today" give the same demo. Steps planned after today are simply not
replayed, which is how recent requests end up still open, in every state.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from gongkai.calendar import WorkCalendar, count_workdays, is_workday
from gongkai.calendar.deadline import ANSWER_DAYS, CORRECTION_NOTICE_DAYS, FEE_PAYMENT_DAYS
from gongkai.identity import credit_code_check_char, resident_id_check_char
from gongkai.notices import notice_template_for
from gongkai.web.demo import people
from gongkai.web.requests.constants import (
    NATURAL_PERSON,
    ConsultedParty,
    Delivery,
    FeeBasis,
    IdType,
    InfoForm,
    RequestChannel,
)
from gongkai.web.requests.services import Applicant, ReceiptFacts

BEIJING = ZoneInfo("Asia/Shanghai")
# Outcomes a reply can carry, other than granted/partly (which have their own scenarios).
REFUSAL_OUTCOMES = (
    "withheld_state_secret", "withheld_prohibited", "withheld_security", "withheld_third_party",
    "withheld_internal", "withheld_process", "withheld_enforcement_file", "withheld_query",
    "unavailable_not_held", "unavailable_needs_creation", "rejected_petition", "rejected_duplicate",
    "rejected_publication", "rejected_excessive", "rejected_confirmation", "other_misc",
)
# What the office withholds next to what it gives in a 区分处理 reply (第三十七条).
PARTLY_WITHHELD = ("withheld_third_party", "withheld_internal", "withheld_process", "withheld_prohibited")
# Credit-code prefixes (GB 32100: registering authority + kind) for each organisation column.
CREDIT_PREFIX = {"commercial": "91", "research": "12", "social_welfare": "53", "legal_services": "31",
                 "other_org": "54"}


@dataclass(frozen=True)
class Step:
    """One action on the request: ``action`` names a WORKFLOW action (or submit/register)."""

    action: str
    day: date
    args: dict = field(default_factory=dict)


@dataclass
class CasePlan:
    """One demo request: who asks what, how it arrived, and the steps of its life."""

    agency_code: str
    scenario: str
    channel: str
    applicant: Applicant
    description: str
    info_form: str
    delivery: str
    receipt: ReceiptFacts | None  # None for an online submission
    steps: list[Step]
    moments: list[datetime] = field(default_factory=list)  # one per step, filled by ``schedule``


class Planner:
    """Draws applicants, dates and steps; every choice comes from ``rng``."""

    def __init__(self, *, rng: random.Random, calendar: WorkCalendar, today: date):
        self.rng = rng
        self.calendar = calendar
        self.today = today
        self._serial = 0
        self._agency_code = ""

    # --- days ---------------------------------------------------------------------------
    def wd(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (``day`` itself for 0); tolerant of unknown years."""
        return day if n <= 0 else count_workdays(day, n, calendar=self.calendar).due

    def workday_on_or_after(self, day: date) -> date:
        while not self._is_workday(day):
            day += timedelta(days=1)
        return day

    def workday_on_or_before(self, day: date) -> date:
        while not self._is_workday(day):
            day -= timedelta(days=1)
        return day

    def _is_workday(self, day: date) -> bool:
        if day.year in self.calendar.known_years:
            return is_workday(day, calendar=self.calendar)
        return day.weekday() < 5

    def back(self, n: int) -> date:
        """``back(0)`` is the last working day before today, ``back(n)`` n working days before that."""
        day = self.workday_on_or_before(self.today - timedelta(days=1))
        while n > 0:
            day = self.workday_on_or_before(day - timedelta(days=1))
            n -= 1
        return day

    # --- who asks what --------------------------------------------------------------------
    def applicant(self, *, delivery: str) -> Applicant:
        self._serial += 1
        rng = self.rng
        kind = NATURAL_PERSON if rng.random() < 0.72 else rng.choice(tuple(people.ORGANISATIONS))
        email = f"sq{self._serial:04d}@example.cn" if delivery == Delivery.EMAIL or rng.random() < 0.4 else ""
        address = ""
        if delivery == Delivery.POST or rng.random() < 0.3:
            town = rng.choice(("水西沟镇", "板房沟镇", "永丰镇", "甘沟乡", "托里乡"))
            address = f"乌鲁木齐县{town}{rng.choice(('东湾村', '平西梁村', '中梁村', '方家庄村'))}{rng.randint(1, 120)}号"
        if kind == NATURAL_PERSON:
            name = rng.choice(people.SURNAMES) + rng.choice(people.GIVEN)
            return Applicant(applicant_type=kind, name=name, id_type=IdType.RESIDENT_ID,
                             id_number=self._resident_id(), phone=self._mobile(), email=email, address=address,
                             postal_code="830063" if address else "")
        name = rng.choice(people.ORGANISATIONS[kind])
        return Applicant(applicant_type=kind, name=name, id_type=IdType.CREDIT_CODE,
                         id_number=_credit_code(kind, name), phone=f"0991-{rng.randint(5800000, 5899999)}",
                         email=email, address=address, postal_code="830063" if address else "")

    def _resident_id(self) -> str:
        born = date(1955, 1, 1) + timedelta(days=self.rng.randint(0, 365 * 48))
        first17 = f"{people.ADDRESS_CODE}{born:%Y%m%d}{self.rng.randint(0, 999):03d}"
        return first17 + resident_id_check_char(first17)

    def _mobile(self) -> str:
        return f"1{self.rng.choice('3589')}{self.rng.randint(0, 999999999):09d}"

    def description(self, agency_code: str, day: date, *, vague: bool = False) -> str:
        if vague:
            return "申请公开" + self.rng.choice(people.VAGUE_TOPICS) + "。"
        return f"申请公开{self._topic(agency_code, day)}。{self.rng.choice(people.PURPOSES)}。"

    def _topic(self, agency_code: str, day: date) -> str:
        """Something this agency holds; the county office gets the general topics."""
        suffix = agency_code.split("-", 1)[1] if "-" in agency_code else ""
        topics = people.AGENCY_TOPICS.get(suffix, people.TOPICS)
        return self.rng.choice(topics) % {"year": day.year - self.rng.choice((0, 1))}

    def form(self) -> tuple[str, str]:
        """(info_form, delivery): most want electronic copies online or by e-mail."""
        if self.rng.random() < 0.65:
            return InfoForm.ELECTRONIC, self.rng.choice((Delivery.ONLINE, Delivery.EMAIL, Delivery.EMAIL))
        return InfoForm.PAPER, self.rng.choice((Delivery.COLLECT, Delivery.POST))

    # --- one case -----------------------------------------------------------------------
    def case(self, agency_code: str, scenario: str, *, arrived: date, channel: str | None = None,
             filed: bool = True, **options) -> CasePlan:
        """A request arriving around ``arrived``, then the steps of ``scenario`` from its receipt.

        ``filed=False`` leaves a closed request unarchived, so its closing status stays visible.
        """
        rng = self.rng
        channel = channel or rng.choices(
            (RequestChannel.WEB, RequestChannel.COUNTER, RequestChannel.POST, RequestChannel.EMAIL,
             RequestChannel.FAX), weights=(45, 25, 15, 12, 3))[0]
        info_form, delivery = self.form()
        vague = scenario in {"correction", "no_correction", "unclear"}
        description = self.description(agency_code, arrived, vague=vague)
        applicant = self.applicant(delivery=delivery)
        self._agency_code = agency_code  # the scenarios' texts name what this agency holds
        steps: list[Step] = []
        receipt = None
        if channel == RequestChannel.WEB:
            # Online: received on the day both sides confirm (第三十一条), the next working day at most.
            steps.append(Step("submit", arrived))
            received = self.workday_on_or_after(arrived) if rng.random() < 0.5 else self.wd(arrived, 1)
            if scenario not in {"withdrawn_unreceived", "pending"}:
                steps.append(Step("confirm_receipt", received))
        else:
            received = self.workday_on_or_after(arrived)
            receipt = _receipt_facts(channel, received, rng)
            steps.append(Step("register", received))
        steps += getattr(self, f"_s_{scenario}")(received, **options)
        if not filed:
            steps = [step for step in steps if step.action != "archive"]
        return CasePlan(agency_code=agency_code, scenario=scenario, channel=channel, applicant=applicant,
                        description=description, info_form=info_form, delivery=delivery, receipt=receipt,
                        steps=steps)

    # --- scenarios: the steps after receipt (or after submission) -------------------------
    def _reply(self, day: date, *outcomes: str) -> Step:
        main = "partly_granted" if len(outcomes) > 1 else outcomes[0]
        # Rows the 条例 gives no article for need the office's own legal basis in the 告知书.
        basis = people.LEGAL_BASES.get(main, "") if not notice_template_for(main)[1].articles else ""
        return Step("reply", day, {"outcomes": list(outcomes), "summary": people.REPLY_SUMMARIES[main],
                                   "legal_basis": basis})

    def _archive(self, replied: date) -> list[Step]:
        # Most closed files are archived a few weeks later (第四十五条 归档).
        if self.rng.random() < 0.6:
            return [Step("archive", self.wd(replied, self.rng.randint(8, 30)), {"note": "材料齐全，归档"})]
        return []

    def _accept(self, received: date) -> Step:
        return Step("accept", self.wd(received, self.rng.choice((0, 1, 1, 2))))

    def _s_granted(self, received: date, *, reply_in: int | None = None) -> list[Step]:
        accept = self._accept(received)
        replied = self.wd(received, reply_in or self.rng.randint(4, 18))
        replied = max(replied, accept.day)
        return [accept, self._reply(replied, "granted"), *self._archive(replied)]

    def _s_on_the_spot(self, received: date) -> list[Step]:
        # 第三十三条: what can be answered on the spot is answered on the spot.
        return [self._reply(received, "granted"), *self._archive(received)]

    def _s_partly(self, received: date) -> list[Step]:
        accept = self._accept(received)
        replied = max(self.wd(received, self.rng.randint(8, 19)), accept.day)
        withheld = self.rng.choice(PARTLY_WITHHELD)
        return [accept, self._reply(replied, "granted", withheld), *self._archive(replied)]

    def _s_refused(self, received: date, *, outcome: str | None = None) -> list[Step]:
        outcome = outcome or self.rng.choice(REFUSAL_OUTCOMES)
        accept = self._accept(received)
        replied = max(self.wd(received, self.rng.randint(5, 19)), accept.day)
        return [accept, self._reply(replied, outcome), *self._archive(replied)]

    def _correction_steps(self, received: date) -> tuple[list[Step], date, date]:
        asked = self.wd(received, self.rng.randint(1, CORRECTION_NOTICE_DAYS))
        respond_by = asked + timedelta(days=15)
        ask = Step("ask_correction", asked, {"what_to_correct": self.rng.choice(people.CORRECTION_ASKS),
                                               "respond_by": respond_by})
        return [ask], asked, respond_by

    def _s_correction(self, received: date, *, outcome: str = "granted") -> list[Step]:
        steps, asked, respond_by = self._correction_steps(received)
        corrected = min(asked + timedelta(days=self.rng.randint(2, 12)), respond_by)
        topic = self._topic(self._agency_code, received)
        steps.append(Step("record_correction", corrected,
                          {"note": self.rng.choice(people.CORRECTION_NOTES) % {"topic": topic}}))
        # 第三十条: the 20 working days count again from the corrected request.
        replied = self.wd(corrected, self.rng.randint(5, 18))
        return [*steps, self._reply(replied, outcome), *self._archive(replied)]

    def _s_unclear(self, received: date) -> list[Step]:
        return self._s_correction(received, outcome="unavailable_unclear")

    def _s_no_correction(self, received: date) -> list[Step]:
        steps, _asked, respond_by = self._correction_steps(received)
        closed = self.wd(respond_by, self.rng.randint(1, 3))
        return [*steps, Step("close_no_correction", closed), *self._archive(closed)]

    def _s_consultation(self, received: date, *, party: str = ConsultedParty.THIRD_PARTY,
                        ends_in: int | None = None) -> list[Step]:
        accept = self._accept(received)
        sent = max(self.wd(received, self.rng.randint(3, 8)), accept.day)
        if party == ConsultedParty.THIRD_PARTY:
            addressee = self.rng.choice(people.ORGANISATIONS["commercial"])
            note = self.rng.choice(people.THIRD_PARTY_NOTES)
        else:
            addressee = "乌鲁木齐县人民政府办公室"
            note = self.rng.choice(people.OTHER_BODY_NOTES)
        answered = self.wd(sent, ends_in or self.rng.randint(4, 15))  # 15 working days to answer
        outcome = ("granted", "withheld_third_party") if "不同意" in note else ("granted",)
        if "过程性" in note:
            outcome = ("withheld_process",)
        replied = self.wd(answered, self.rng.randint(2, 8))
        return [accept, Step("start_consultation", sent, {"party": party, "addressee": addressee}),
                Step("end_consultation", answered, {"note": note}),
                self._reply(replied, *outcome), *self._archive(replied)]

    def _s_other_body(self, received: date, **options) -> list[Step]:
        return self._s_consultation(received, party=ConsultedParty.OTHER_BODY, **options)

    def _s_extension(self, received: date, *, reply_after: int | None = None) -> list[Step]:
        accept = self._accept(received)
        days = self.rng.choice((10, 15, 20, 20))
        asked = self.wd(received, self.rng.randint(14, 17))
        approved = self.wd(asked, self.rng.choice((0, 1, 2)))  # before the 20th working day
        replied = self.wd(received, reply_after or ANSWER_DAYS + self.rng.randint(2, days))
        outcome = self.rng.choice((("granted",), ("granted",), ("granted", "withheld_internal")))
        return [accept,
                Step("request_extension", asked, {"days": days, "reason": self.rng.choice(people.EXTENSION_REASONS)}),
                Step("approve_extension", approved),
                self._reply(replied, *outcome), *self._archive(replied)]

    def _fee_notice(self, received: date) -> tuple[Step, Step, date]:
        accept = self._accept(received)
        notice = max(self.wd(received, self.rng.randint(4, 10)), accept.day)
        amount = Decimal(self.rng.choice((100, 200, 300)))
        return accept, Step("notify_fee", notice, {"amount": amount, "basis": FeeBasis.PER_REQUEST}), notice

    def _s_fee(self, received: date, *, pays_in: int | None = None) -> list[Step]:
        accept, fee, notice = self._fee_notice(received)
        paid = self.wd(notice, pays_in or self.rng.randint(2, 12))
        replied = self.wd(paid, self.rng.randint(3, 8))
        return [accept, fee, Step("record_payment", paid), self._reply(replied, "granted"), *self._archive(replied)]

    def _s_fee_unpaid(self, received: date) -> list[Step]:
        accept, fee, notice = self._fee_notice(received)
        closed = self.wd(notice, FEE_PAYMENT_DAYS + self.rng.randint(1, 3))
        return [accept, fee, Step("close_fee_unpaid", closed), *self._archive(closed)]

    def _s_withdrawn(self, received: date) -> list[Step]:
        withdrawn = self.wd(received, self.rng.randint(1, 8))
        accepted = [self._accept(received)] if self.rng.random() < 0.5 else []
        return [*(s for s in accepted if s.day < withdrawn),
                Step("withdraw", withdrawn, {"reason": self.rng.choice(people.WITHDRAW_REASONS)}),
                *self._archive(withdrawn)]

    def _s_withdrawn_unreceived(self, submitted: date) -> list[Step]:
        # Withdrawn before the office confirmed receipt: never received, never counted.
        return [Step("withdraw", self.wd(submitted, 1), {"reason": self.rng.choice(people.WITHDRAW_REASONS)})]

    def _s_pending(self, submitted: date) -> list[Step]:
        return []  # submitted online, not yet confirmed by the office

    def _s_open(self, received: date, *, stage: str) -> list[Step]:
        """A request still being handled at ``stage``; its later steps have not happened yet."""
        if stage == "registered":
            return []
        if stage == "correction":
            return [Step("ask_correction", self.wd(received, 1), {
                "what_to_correct": self.rng.choice(people.CORRECTION_ASKS),
                "respond_by": self.wd(received, 1) + timedelta(days=15)})]
        steps = [Step("accept", received)]
        if stage == "consulting":
            steps.append(Step("start_consultation", self.wd(received, 3), {
                "party": ConsultedParty.THIRD_PARTY, "addressee": self.rng.choice(people.ORGANISATIONS["commercial"])}))
        elif stage == "fee":
            steps.append(Step("notify_fee", self.wd(received, 3), {"amount": Decimal(100),
                                                                   "basis": FeeBasis.PER_REQUEST}))
        elif stage == "extended":
            asked = self.wd(received, 15)
            steps += [Step("request_extension", asked, {"days": 20, "reason": people.EXTENSION_REASONS[0]}),
                      Step("approve_extension", asked)]
        elif stage == "extension_asked":
            steps.append(Step("request_extension", self.wd(received, 16),
                              {"days": 15, "reason": people.EXTENSION_REASONS[1]}))
        return steps

    def _s_overdue(self, received: date, *, late_by: int | None = None) -> list[Step]:
        accept = self._accept(received)
        replied = self.wd(received, ANSWER_DAYS + (late_by or self.rng.randint(1, 8)))
        return [accept, self._reply(replied, self.rng.choice(("granted", "unavailable_not_held"))),
                *self._archive(replied)]


def _receipt_facts(channel: str, received: date, rng: random.Random) -> ReceiptFacts:
    """The facts a clerk records; 第三十一条 turns them into ``received``."""
    if channel == RequestChannel.COUNTER:
        return ReceiptFacts(handed_in_on=received)
    if channel == RequestChannel.POST and rng.random() < 0.7:
        return ReceiptFacts(signed_for_on=received, post_signature_required=True)
    return ReceiptFacts(confirmed_on=received)


def _credit_code(kind: str, name: str) -> str:
    """A well-formed 统一社会信用代码, the same for the same organisation in every run."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    digest = random.Random(name).choices(alphabet, k=9)
    first17 = CREDIT_PREFIX[kind] + people.ADDRESS_CODE + "".join(digest)
    return first17 + credit_code_check_char(first17)


def schedule(plan: CasePlan, rng: random.Random) -> None:
    """Give every step a moment in office hours, later than the step before it.

    An online submission may come at any hour; the office acts between 9:00 and 18:00.
    """
    previous: datetime | None = None
    for index, step in enumerate(plan.steps):
        if step.action == "submit":
            following = plan.steps[index + 1] if index + 1 < len(plan.steps) else None
            # Confirmed the same day only if it came in before the office closes.
            same_day = following is not None and following.day == step.day
            start, end = time(7, 0), time(16, 0) if same_day else time(23, 30)
        else:
            start, end = time(9, 0), time(17, 30)
        span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
        minute = start.hour * 60 + start.minute + rng.randint(0, span)
        moment = datetime.combine(step.day, time(minute // 60, minute % 60), tzinfo=BEIJING)
        if previous is not None and moment <= previous:
            moment = previous + timedelta(minutes=rng.randint(3, 40))
        plan.moments.append(moment)
        previous = moment
