"""Reads of the 主动公开 catalogue: the public portal, staff lists, deadlines, and the figures
other parts take from it (section 二 item1, 一（四）, 第四十四条 candidates).

The public side reads only through the ``*_public`` selectors: published 主动公开 items, never
a draft, an item under review or a revoked one.
"""
from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from gongkai.calendar import WorkCalendar, count_workdays
from gongkai.web.accounts.selectors import agency_ids_visible_to
from gongkai.web.calendars.selectors import calendar_for_deadlines
from gongkai.web.publications.constants import (
    PUBLICATION_WORKDAYS,
    AccountStatus,
    Category,
    Disclosure,
    DocumentKind,
    ItemStatus,
    Platform,
    Validity,
)
from gongkai.web.publications.models import Item, NewMediaAccount
from gongkai.web.publications.search import filter_by_search

S = ItemStatus
ITEM1_DOCUMENT_KINDS = (DocumentKind.RULES, DocumentKind.NORMATIVE)  # the rows of section 二 item1
NEWMEDIA_NONE = "本机关未开设政务新媒体账号。"
NEWMEDIA_SENTENCE = "本机关共开设政务新媒体账号%(total)s个，其中%(parts)s。"


# ---------------------------------------------------------------- public portal

def publication_list_public(*, agency, category: str | None = None) -> QuerySet[Item]:
    """The agency's items on the portal: published, 主动公开; newest first."""
    qs = Item.objects.filter(agency=agency, status=S.PUBLISHED, disclosure=Disclosure.PROACTIVE)
    if category:
        qs = qs.filter(category=category)
    return qs.select_related("agency", "subcategory").order_by("-published_on", "-pk")


def publication_get_public(*, agency, index_number: str) -> Item | None:
    return publication_list_public(agency=agency).filter(index_number=index_number).first()


def publication_search_public(*, agency, query: str) -> QuerySet[Item]:
    """Published items of the agency whose title or body contains every term of ``query``."""
    return filter_by_search(publication_list_public(agency=agency), query)


def publication_category_counts_public(*, agency) -> list[tuple[str, str, int]]:
    """(category, label, published items) for all fifteen categories, in the order of 第二十条."""
    counts = dict(Item.objects.filter(agency=agency, status=S.PUBLISHED, disclosure=Disclosure.PROACTIVE)
                  .order_by().values_list("category").annotate(n=Count("pk")))
    return [(value, label, counts.get(value, 0)) for value, label in Category.choices]


# ---------------------------------------------------------------- staff

def item_list_for_staff(*, user, status: str | None = None, agency_id: int | None = None,
                        query: str = "") -> QuerySet[Item]:
    """Items of the user's agencies and of every agency below them, most recently changed first."""
    qs = Item.objects.filter(agency_id__in=agency_ids_visible_to(user=user))
    if status:
        qs = qs.filter(status=status)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if query.strip():
        qs = filter_by_search(qs, query)
    return qs.select_related("agency").defer("body").order_by("-updated_at", "-pk")


def newmedia_list_for_staff(*, user) -> QuerySet[NewMediaAccount]:
    return (NewMediaAccount.objects.filter(agency_id__in=agency_ids_visible_to(user=user))
            .select_related("agency").order_by("agency__code", "platform", "name"))


@dataclass(frozen=True)
class PublicationDeadline:
    """第二十六条: published within 20 working days of 成文日期 (the day it was made or changed)."""

    due: date
    provisional: bool  # a year of the calendar not yet imported was counted by weekends alone
    overdue: bool  # not yet published and past due
    late: bool  # published after the due day
    days_left: int | None  # calendar days until due, for items not yet published


def item_publication_deadline(item: Item, *, calendar: WorkCalendar | None = None,
                              today: date | None = None) -> PublicationDeadline:
    """The 20-working-day publication deadline of ``item`` and where it stands."""
    calendar = calendar or calendar_for_deadlines()
    today = today or timezone.localdate()
    count = count_workdays(item.written_on, PUBLICATION_WORKDAYS, calendar=calendar)  # 第二十六条 20个工作日
    open_ = item.status in (S.DRAFT, S.IN_REVIEW, S.APPROVED) and item.disclosure == Disclosure.PROACTIVE
    return PublicationDeadline(
        due=count.due, provisional=count.provisional,
        overdue=open_ and today > count.due,
        late=item.published_on is not None and item.published_on > count.due,
        days_left=(count.due - today).days if open_ else None,
    )


# ---------------------------------------------------------------- section 二 item1 and 一（四）

def catalogue_has_items(*, agency, year: int) -> bool:
    """Whether the agency published through the catalogue by the end of ``year`` (then item1 of
    that year comes from it; earlier years keep the figures entered or imported)."""
    return Item.objects.filter(agency=agency, published_on__lte=date(year, 12, 31)).exists()


def catalogue_item1_counts(*, agency, year: int, edition: str) -> dict[str, dict[str, int]]:
    """Section 二 item1 of ``year`` from the catalogue, row id → column id → count.

    Only published items count (a revoked item was taken off the portal). 2021 edition:
    ``issued`` published in the year; ``repealed`` 失效 or 废止 in the year (both end its force,
    so last year's ``in_force`` + issued − repealed = this year's, rule R8); ``in_force``
    published by 31 December and not ended by then. 2019 edition: ``made`` written (成文) in the
    year, ``published`` published in the year, ``total_public`` published by 31 December.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    ended = Q(validity__in=[Validity.EXPIRED, Validity.REPEALED], ended_on__isnull=False)
    if edition == "2021":
        columns = {
            "issued": Q(published_on__gte=start, published_on__lte=end),
            "repealed": ended & Q(ended_on__gte=start, ended_on__lte=end),
            "in_force": ~(ended & Q(ended_on__lte=end)),
        }
    else:
        columns = {
            "made": Q(written_on__gte=start, written_on__lte=end),
            "published": Q(published_on__gte=start, published_on__lte=end),
            "total_public": Q(),
        }
    rows = (Item.objects.filter(agency=agency, status=S.PUBLISHED, document_kind__in=ITEM1_DOCUMENT_KINDS,
                                published_on__lte=end)
            .order_by().values("document_kind")
            .annotate(**{f"n_{c}": Count("pk", filter=q) for c, q in columns.items()}))
    counts = {kind: dict.fromkeys(columns, 0) for kind in ITEM1_DOCUMENT_KINDS}
    for row in rows:
        counts[row["document_kind"]] = {c: row[f"n_{c}"] for c in columns}
    return {str(kind): value for kind, value in counts.items()}


def newmedia_counts(*, agency, as_of: date | None = None) -> Counter:
    """Accounts the agency ran (not closed) on ``as_of`` (default: now), per platform."""
    qs = NewMediaAccount.objects.filter(agency=agency)
    if as_of is None:
        qs = qs.exclude(status=AccountStatus.CLOSED)
    else:
        qs = (qs.filter(Q(opened_on__isnull=True) | Q(opened_on__lte=as_of))
              .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=as_of))
              .exclude(status=AccountStatus.CLOSED, closed_on__isnull=True))
    return Counter(dict(qs.order_by().values_list("platform").annotate(n=Count("pk"))))


def newmedia_statement(*, agency, year: int | None = None) -> str:
    """The 一（四）sentence on 政务新媒体 for ``year`` (accounts running on 31 December)."""
    counts = newmedia_counts(agency=agency, as_of=date(year, 12, 31) if year else None)
    total = sum(counts.values())
    if not total:
        return NEWMEDIA_NONE
    parts = "、".join(f"{label}{counts[value]}个" for value, label in Platform.choices if counts.get(value))
    return NEWMEDIA_SENTENCE % {"total": total, "parts": parts}


# ---------------------------------------------------------------- 第四十四条 candidates

@dataclass
class DisclosureCandidate:
    """Requests by several applicants for what reads as the same information (第四十四条)."""

    description: str  # the earliest request's wording
    agency_name: str
    request_ids: list[int] = field(default_factory=list)
    applicants: int = 0


def _normalised(text: str) -> str:
    """Text without spaces and punctuation, so 「县一中」 and “县一中” read alike."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text)
                   if not unicodedata.category(ch).startswith(("P", "Z", "S", "C")))


def _trigrams(text: str) -> frozenset[str]:
    text = _normalised(text)
    if len(text) < 3:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i:i + 3] for i in range(len(text) - 2))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _prefix(grams: frozenset[str], rank: dict[str, int], threshold: float) -> list[str]:
    """The rarest |A| − ⌈t·|A|⌉ + 1 trigrams: two sets with Jaccard ≥ t share one of their prefixes
    (prefix filtering, Bayardo et al. “Scaling up all pairs similarity search”, 2007)."""
    ordered = sorted(grams, key=rank.__getitem__)
    return ordered[:len(ordered) - math.ceil(threshold * len(ordered)) + 1]


def request_disclosure_candidates(*, agency_ids, since: date | None = None, threshold: float = 0.5,
                                  min_applicants: int = 3, limit: int = 3000) -> list[DisclosureCandidate]:
    """Groups of requests whose descriptions share ≥ ``threshold`` of their character trigrams
    (Jaccard) and come from ≥ ``min_applicants`` different applicants: candidates for 主动公开.

    Greedy single pass over the newest ``limit`` requests, oldest first: each joins the first
    group whose first request it resembles (the same as comparing with every group, but only the
    groups sharing a rare trigram are compared). Applicants are told apart by their ID number.
    """
    from gongkai.web.requests.models import InfoRequest  # the requests app reads nothing of ours

    qs = InfoRequest.objects.filter(agency_id__in=agency_ids)
    if since is not None:
        qs = qs.filter(created_at__date__gte=since)
    rows = list(qs.order_by("-created_at", "-pk")
                .values_list("pk", "agency_id", "agency__name", "description", "id_type", "id_number")[:limit])
    rows.reverse()
    grams = [_trigrams(row[3]) for row in rows]
    frequency = Counter(g for gs in grams for g in gs)
    rank = {g: (n, g) for g, n in frequency.items()}  # rare first; ties broken by the trigram itself
    heads: list[tuple[int, frozenset[str]]] = []  # (agency, trigrams of the group's first request)
    candidates: list[DisclosureCandidate] = []
    people: list[set] = []
    postings: dict[str, list[int]] = {}
    for (pk, agency_id, agency_name, description, id_type, id_number), mine in zip(rows, grams, strict=True):
        prefix = _prefix(mine, rank, threshold)
        nearby = sorted({i for g in prefix for i in postings.get(g, ())})
        match = next((i for i in nearby if heads[i][0] == agency_id and jaccard(heads[i][1], mine) >= threshold),
                     None)
        if match is None:
            match = len(heads)
            heads.append((agency_id, mine))
            candidates.append(DisclosureCandidate(description, agency_name))
            people.append(set())
            for g in prefix:
                postings.setdefault(g, []).append(match)
        candidates[match].request_ids.append(pk)
        people[match].add((id_type, id_number))
    found = []
    for candidate, applicants in zip(candidates, people, strict=True):
        candidate.applicants = len(applicants)
        if candidate.applicants >= min_applicants:
            found.append(candidate)
    return sorted(found, key=lambda c: -c.applicants)
