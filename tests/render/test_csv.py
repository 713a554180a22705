"""The long-form CSV writer (`gongkai parse --csv`): one line per cell of one or many reports,
read back cell for cell with csv.DictReader."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

from gongkai.render.csv import render_csv
from gongkai.report import Report

HEADER = ["source", "agency", "year", "format", "table", "row", "column", "value", "unit"]
MARKS = ("-", "/", "无")


def read_back(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text))
    return reader.fieldnames, list(reader)


def parsed_value(record: dict, report: Report):
    """The value a line states, typed as the report holds it."""
    text = record["value"]
    if text == "":
        return None
    if text in MARKS:
        return text
    kind = report.spec.table(record["table"]).column(record["column"]).kind
    return Decimal(text) if kind == "money" else int(text)


def test_every_cell_round_trips(filled):
    fields, records = read_back(render_csv([filled]))
    assert HEADER == fields
    assert sum(len(t.rows) * len(t.columns) for t in filled.spec.tables) == len(records)
    seen = set()
    for record in records:
        key = (record["table"], record["row"], record["column"])
        seen.add(key)
        assert filled.value(*key) == parsed_value(record, filled)
        assert (filled.source, filled.agency, str(filled.year), filled.format) == \
            (record["source"], record["agency"], record["year"], record["format"])
    assert len(records) == len(seen)


def test_special_cells(make_filled):
    _, records = read_back(render_csv([make_filled("2019"), make_filled("2021")]))
    by_key = {(r["format"], r["table"], r["row"], r["column"]): (r["value"], r["unit"]) for r in records}
    assert ("21533.5", "万元") == by_key[("2019", "proactive.item9", "procurement", "amount")]
    # The 2021 header names the unit; the cell carries none.
    assert ("4068.208", "万元") == by_key[("2021", "proactive.item8", "fees", "amount")]
    assert ("-1", "") == by_key[("2019", "proactive.item8", "fees", "change")]
    assert ("", "") == by_key[("2021", "requests", "withheld_process", "commercial")]
    assert ("-", "") == by_key[("2019", "appeals", "review", "pending")]


def test_many_reports_in_order_after_one_header(make_filled):
    reports = [make_filled("2019"), make_filled("2021")]
    text = render_csv(reports)
    assert 1 == text.count("source,agency,year,format")
    _, records = read_back(text)
    formats = [r["format"] for r in records]
    cells = {f: sum(len(t.rows) * len(t.columns) for t in r.spec.tables) for f, r in zip(("2019", "2021"), reports)}
    assert ["2019"] * cells["2019"] + ["2021"] * cells["2021"] == formats


def test_absent_rows_write_no_lines(make_filled):
    report = make_filled("2021")
    del report.tables["requests"]["other_no_correction"]
    _, records = read_back(render_csv([report]))
    assert not [r for r in records if r["row"] == "other_no_correction"]
    assert 7 == len([r for r in records if r["row"] == "other_misc"])


def test_no_reports_is_the_header_alone():
    assert ",".join(HEADER) + "\n" == render_csv([])
