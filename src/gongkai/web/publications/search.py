"""Full-text search of titles, bodies and 文号 that works for Chinese, without word segmentation.

Chinese has no spaces between words, so both backends index character trigrams:

* SQLite: an FTS5 virtual table with the ``trigram`` tokenizer (SQLite ≥ 3.34), one row per
  item (rowid = item id), kept in sync by the services (``index_item``). A term of three or more
  characters is a phrase query on it; FTS5 trigrams cannot match 1–2 characters, so shorter
  terms fall back to LIKE.
* PostgreSQL: GIN indexes with ``gin_trgm_ops`` on title, body and 文号 (pg_trgm), used by ILIKE, so
  every term is an ``icontains``; nothing to keep in sync.

Terms are separated by spaces and all must match (AND).
"""
from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from gongkai.web.publications.constants import Category, DocumentKind

FTS_TABLE = "publications_item_fts"
MIN_TRIGRAM = 3  # FTS5 trigram matches need at least three characters
MAX_TERMS = 8

SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, document_number, tokenize='trigram')"
)
SQLITE_DROP = f"DROP TABLE IF EXISTS {FTS_TABLE}"
# The indexed expression is the one Django's ``icontains`` compares on PostgreSQL,
# ``UPPER("col"::text) LIKE UPPER(%s)``, so the planner can use the index for it.
POSTGRES_CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(f"CREATE INDEX IF NOT EXISTS publications_item_{column}_trgm ON publications_item "
      f"USING gin ((UPPER({column}::text)) gin_trgm_ops)" for column in ("title", "body", "document_number")),
)
POSTGRES_DROP = tuple(f"DROP INDEX IF EXISTS publications_item_{column}_trgm"
                      for column in ("title", "body", "document_number"))


def search_terms(query: str) -> list[str]:
    """The distinct terms of a query, in order: split on (full- or half-width) spaces."""
    terms: list[str] = []
    for term in query.replace("\u3000", " ").split():
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def _uses_fts() -> bool:
    return connection.vendor == "sqlite"


def index_item(item) -> None:
    """Put the item's current title and body in the FTS table (SQLite; a no-op elsewhere)."""
    if not _uses_fts():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [item.pk])
        cursor.execute(f"INSERT INTO {FTS_TABLE}(rowid, title, body, document_number) VALUES (%s, %s, %s, %s)",
                       [item.pk, item.title, item.body, item.document_number])


def _fts_phrase(term: str) -> str:
    # A quoted FTS5 string: operators and punctuation inside it lose their meaning.
    return '"' + term.replace('"', '""') + '"'


def _labelled(term: str) -> Q:
    """Items whose kind or category is named by ``term``: a search for 规范性文件 finds the
    行政规范性文件 even when their titles only say 关于印发…的通知."""
    kinds = [value for value, label in DocumentKind.choices if value != DocumentKind.OTHER and term in label]
    categories = [value for value, label in Category.choices if term in label]
    return Q(document_kind__in=kinds) | Q(category__in=categories)


def _text(term: str) -> Q:
    if _uses_fts() and len(term) >= MIN_TRIGRAM:
        # NOTE: a subquery, not a list of ids: a common term matches tens of thousands of items.
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [_fts_phrase(term)]))
    return Q(title__icontains=term) | Q(body__icontains=term) | Q(document_number__icontains=term)


def filter_by_search(qs: QuerySet, query: str) -> QuerySet:
    """``qs`` narrowed to items where every term of ``query`` is in the title, body or 文号, or
    names the item's kind or category."""
    terms = search_terms(query)
    if not terms:
        return qs.none()
    for term in terms:
        qs = qs.filter(_text(term) | _labelled(term))
    return qs


def create_search_index(apps, schema_editor) -> None:
    """Migration step: the FTS5 table on SQLite, pg_trgm and its GIN indexes on PostgreSQL."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for sql in POSTGRES_CREATE:
            schema_editor.execute(sql)


def drop_search_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
    elif vendor == "postgresql":
        for sql in POSTGRES_DROP:
            schema_editor.execute(sql)
