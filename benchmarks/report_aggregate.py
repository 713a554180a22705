"""Section 三 of an annual report for 1 000 000 cases on SQLite (issue 4 §10: ≤ 1 s). Run by hand:

    .venv/bin/python benchmarks/report_aggregate.py [--cases 1000000] [--repeat 5]

It migrates a fresh SQLite database in a temporary data directory, bulk-inserts ``--cases``
requests of ONE agency (the worst case: the agency filter selects everything) received from
2023 to mid-2026 with random applicant types, outcomes and handling times, and times
``report_requests_table(agency=…, year=2025)``: the one aggregate query and the assembly of
the cells. It prints the best and median of ``--repeat`` runs, checks R1–R3 on the result with
the core validator, and checks the total against a plain COUNT.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from _platform import bench_agency, bench_database

YEAR = 2025


def _insert(count: int, rng: random.Random):
    """Insert ``count`` cases with one executemany per batch; returns the agency."""
    from django.db import connection, transaction

    from gongkai.web.requests.constants import APPLICANT_TYPE_IDS, OUTCOME_IDS
    from gongkai.web.requests.models import InfoRequest

    agency = bench_agency()
    fields = [f for f in InfoRequest._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(f'"{f.column}"' for f in fields)
    sql = f'INSERT INTO "{InfoRequest._meta.db_table}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
    first = date(2023, 1, 1)
    span = (date(2026, 6, 30) - first).days
    now = "2026-07-01 00:00:00"
    template = {
        "agency_id": agency.pk, "query_code_hash": "-", "channel": "counter", "applicant_name": "申请人",
        "id_type": "passport", "id_number": "E00000000", "phone": "13912345678", "email": "", "address": "",
        "postal_code": "", "description": "所需信息", "info_form": "electronic", "delivery": "online",
        "handed_in_on": None, "post_signature_required": False, "signed_for_on": None, "confirmed_on": None,
        "answer_due_on": None, "answer_due_provisional": False, "correction_notice_due_on": None,
        "created_by_id": None, "created_at": now, "updated_at": now,
    }
    batch = []
    with transaction.atomic(), connection.cursor() as cursor:
        for n in range(count):
            received = first + timedelta(days=rng.randrange(span))
            still_open = rng.random() < 0.04
            closed = None if still_open else received + timedelta(days=rng.randint(0, 60))
            row = dict(template, tracking_number=f"B{n:09d}", applicant_type=rng.choice(APPLICANT_TYPE_IDS),
                       received_on=received, status="registered" if still_open else "replied",
                       outcome="" if still_open else rng.choice(OUTCOME_IDS),
                       replied_on=closed, closed_on=closed)
            # Fields the template does not name (added later to the model) take their default.
            batch.append(tuple(row[f.attname] if f.attname in row else f.get_db_prep_save(f.get_default(), connection)
                               for f in fields))
            if len(batch) == 20000:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return agency


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the database in this directory and reuse it on the next run")
    args = parser.parse_args()
    with bench_database(keep=args.keep, insert=_insert, count=args.cases, seed=args.seed, what="cases") as agency:
        from gongkai.report import empty_report
        from gongkai.spec import format_for_year
        from gongkai.validate import validate
        from gongkai.web.reports.selectors import report_requests_table
        from gongkai.web.requests.models import InfoRequest

        timings, table = [], None
        for _ in range(args.repeat):
            started = time.perf_counter()
            table = report_requests_table(agency=agency, year=YEAR)
            timings.append(time.perf_counter() - started)
        report = empty_report(format_for_year(YEAR), year=YEAR)
        report.tables["requests"] = table
        broken = [f.rule for f in validate(report) if f.rule[:2] in ("R1", "R2", "R3")]
        counted = InfoRequest.objects.filter(agency=agency, received_on__lte=date(YEAR, 12, 31)).exclude(
            closed_on__lt=date(YEAR, 1, 1)).count()
        both = table["received"]["total"].value + table["carried_in"]["total"].value
        print(f"section 三 for {YEAR}, {args.cases:,} cases on SQLite: best {min(timings):.3f} s, "
              f"median {statistics.median(timings):.3f} s over {args.repeat} runs "
              f"(received {table['received']['total'].value:,}, handled "
              f"{table['handled_total']['total'].value:,}, carried out {table['carried_out']['total'].value:,}); "
              f"R1–R3 {'hold' if not broken else 'BROKEN: ' + ', '.join(broken)}; "
              f"counted cases {counted:,} {'=' if counted == both else '≠'} received + carried in {both:,}")


if __name__ == "__main__":
    main()
