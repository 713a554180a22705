"""Catalogue search latency over 100 000 items on SQLite (issue 5 §7). Run by hand:

    .venv/bin/python benchmarks/catalogue_search.py [--items 100000] [--repeat 20] [--keep DIR]

It migrates a fresh SQLite database in a temporary data directory, bulk-inserts ``--items``
items of ONE agency (the worst case: the agency filter selects everything) with titles and
bodies from the demo's generator, 90 % of them published, and fills the FTS5 trigram table as
``index_item`` does. Then, per query of a fixed set, it times what the public search page
does — ``publication_search_public`` with its COUNT and its first page of 20 — ``--repeat``
times, and prints p50 and p95 per query and over all runs, with the number of hits.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from _platform import bench_agency, bench_database

PAGE = 20
QUERIES = (
    "政府工作报告",  # a phrase in a few hundred titles
    "最低生活保障",
    "乌政发〔2024〕",  # a 文号 prefix
    "高标准农田建设项目",
    "应急预案",
    "预算",  # two characters: LIKE fallback
    "县",  # one character: LIKE fallback, matches everything
    "供暖 价格",  # two terms, one short
    "城市绿化 管理办法",  # two long terms
    "养老保险待遇核定",  # no hit
)


def _insert(count: int, rng: random.Random):
    """Insert ``count`` items (bulk, not through the services: this measures the search) and their FTS rows."""
    from django.db import connection, transaction

    from gongkai.web.publications.constants import Category, DocumentKind
    from gongkai.web.publications.demo import NORMATIVE_TOPICS, _body, _titles
    from gongkai.web.publications.models import Item
    from gongkai.web.publications.search import FTS_TABLE

    agency = bench_agency()
    first = date(2015, 1, 1)
    span = (date(2026, 6, 30) - first).days
    categories = [c for c in Category.values if c != Category.REGULATIONS]
    with transaction.atomic():
        batch = []
        for n in range(count):
            written = first + timedelta(days=rng.randrange(span))
            if rng.random() < 0.1:
                topic = rng.choice(NORMATIVE_TOPICS)
                title, category, kind = f"乌鲁木齐县{topic}管理办法", Category.REGULATIONS, DocumentKind.NORMATIVE
                number = f"乌政发〔{written.year}〕{rng.randint(1, 60)}号"
            else:
                category = rng.choice(categories)
                title, kind, number = rng.choice(_titles(written.year, rng)[category]), DocumentKind.OTHER, ""
            published = rng.random() < 0.9
            batch.append(Item(
                agency=agency, index_number=f"BENCH-{written.year}-{n:07d}", title=title, document_number=number,
                issuer="乌鲁木齐县人民政府", written_on=written, category=category, document_kind=kind,
                body=_body(title, "乌鲁木齐县人民政府", rng), status="published" if published else "draft",
                published_on=written + timedelta(days=3) if published else None))
            if len(batch) == 5000:
                Item.objects.bulk_create(batch)
                batch.clear()
        Item.objects.bulk_create(batch)
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}(rowid, title, body, document_number) "
                           "SELECT id, title, body, document_number FROM publications_item")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return agency


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the database in this directory and reuse it on the next run")
    args = parser.parse_args()
    with bench_database(keep=args.keep, insert=_insert, count=args.items, seed=args.seed, what="items") as agency:
        from gongkai.web.publications.selectors import publication_search_public

        every: list[float] = []
        print(f"{'query':<20} {'hits':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for query in QUERIES:
            timings, hits = [], 0
            for _ in range(args.repeat):
                started = time.perf_counter()
                qs = publication_search_public(agency=agency, query=query)
                hits = qs.count()
                list(qs[:PAGE])
                timings.append(time.perf_counter() - started)
            every += timings
            print(f"{query:<20} {hits:>7} {_percentile(timings, 50) * 1000:>8.1f} {_percentile(timings, 95) * 1000:>8.1f}")
        print(f"{'all queries':<20} {'':>7} {_percentile(every, 50) * 1000:>8.1f} {_percentile(every, 95) * 1000:>8.1f}")
        print(f"(p50/p95 over {args.repeat} runs per query; median {statistics.median(every) * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
