"""The public portal of one agency's catalogue: categories, item pages, search, Atom feed.

Every read goes through the ``*_public`` selectors, so a draft, an item under review or a
revoked item is never shown, listed, found or fed (issue 5 §3).
"""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views import View

from gongkai.web.agencies.models import Agency
from gongkai.web.publications.constants import Category
from gongkai.web.publications.models import Item
from gongkai.web.publications.search import search_terms
from gongkai.web.publications.selectors import (
    publication_category_counts_public,
    publication_get_public,
    publication_list_public,
    publication_search_public,
)

AGENCY_NOT_FOUND = "该机关不存在"
ITEM_NOT_FOUND = "该信息不存在或未公开"
PAGE_SIZE = 20
FEED_SIZE = 30
RECENT_SIZE = 10


def _agency_or_404(code: str) -> Agency:
    agency = Agency.objects.filter(code=code, is_active=True).first()
    if agency is None:
        raise Http404(AGENCY_NOT_FOUND)
    return agency


@dataclass
class CatalogueContext:
    agency: Agency
    categories: list[tuple[str, str, int]]
    recent: list[Item]


@dataclass
class ListContext:
    agency: Agency
    heading: str
    page: Page
    query: str = ""
    category: str = ""


class CatalogueIndexView(View):
    """The 政府信息公开目录: the fifteen categories with counts, and the latest items."""

    def get(self, request, agency_code: str):
        agency = _agency_or_404(agency_code)
        context = CatalogueContext(agency=agency, categories=publication_category_counts_public(agency=agency),
                                   recent=list(publication_list_public(agency=agency)[:RECENT_SIZE]))
        return render(request, "publications/catalogue_index.html", {"page": context, "agency": agency})


class CatalogueCategoryView(View):
    def get(self, request, agency_code: str, category: str):
        agency = _agency_or_404(agency_code)
        if category not in Category.values:
            raise Http404(ITEM_NOT_FOUND)
        page = Paginator(publication_list_public(agency=agency, category=category), PAGE_SIZE).get_page(
            request.GET.get("page"))
        context = ListContext(agency=agency, heading=Category(category).label, page=page, category=category)
        return render(request, "publications/catalogue_list.html", {"page": context, "agency": agency})


class CatalogueSearchView(View):
    """Full-text search of titles and bodies (see publications.search for how Chinese is matched)."""

    def get(self, request, agency_code: str):
        agency = _agency_or_404(agency_code)
        query = request.GET.get("q", "").strip()[:100]
        qs = publication_search_public(agency=agency, query=query) if search_terms(query) else Item.objects.none()
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        heading = f"“{query}”的搜索结果" if query else "全文检索"
        context = ListContext(agency=agency, heading=heading, page=page, query=query)
        return render(request, "publications/catalogue_list.html", {"page": context, "agency": agency})


class ItemPublicView(View):
    def get(self, request, agency_code: str, index_number: str):
        agency = _agency_or_404(agency_code)
        item = publication_get_public(agency=agency, index_number=index_number)
        if item is None:
            raise Http404(ITEM_NOT_FOUND)
        return render(request, "publications/item_public.html",
                      {"agency": agency, "item": item, "attachments": item.attachments.all()})


class ItemAttachmentPublicView(View):
    def get(self, request, agency_code: str, index_number: str, pk: int):
        agency = _agency_or_404(agency_code)
        item = publication_get_public(agency=agency, index_number=index_number)
        attachment = item.attachments.filter(pk=pk).first() if item else None
        if attachment is None:
            raise Http404(ITEM_NOT_FOUND)
        return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


class CatalogueFeed(Feed):
    """Atom feed of an agency's latest published items."""

    feed_type = Atom1Feed

    def get_object(self, request, agency_code: str):
        return _agency_or_404(agency_code)

    def title(self, obj: Agency) -> str:
        return f"{obj.name} 政府信息主动公开"

    def link(self, obj: Agency) -> str:
        return reverse("publications_public:index", kwargs={"agency_code": obj.code})

    def subtitle(self, obj: Agency) -> str:
        return f"{obj.name}最新主动公开的政府信息"

    def items(self, obj: Agency):
        return publication_list_public(agency=obj)[:FEED_SIZE]

    def item_title(self, item: Item) -> str:
        return item.title

    def item_description(self, item: Item) -> str:
        return item.body[:200]

    def item_link(self, item: Item) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Item):
        from datetime import datetime, time

        from django.utils import timezone
        return timezone.make_aware(datetime.combine(item.published_on, time(9)))

    def item_categories(self, item: Item):
        return [item.get_category_display()]
