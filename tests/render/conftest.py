"""Reports the writers' tests share: one per format with every cell distinct, and the seed
fixture read from its expected JSON."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.report import Cell, Report, empty_report
from gongkai.spec import FORMATS

DATA = Path(__file__).parent.parent / "data" / "render"
MARKS = ("-", "/", "无")

# The cells that are not plain distinct counts, per format: (table, row, column) -> Cell.
BLANK = ("requests", "withheld_process", "commercial")
MARK = ("appeals", "review", "pending")
MONEY = {
    # 2019 prints no unit in the header: the body wrote 21533.5万元 in the cell.
    "2019": (("proactive.item9", "procurement", "amount"), Cell(Decimal("21533.5"), unit="万元")),
    # 2021 prints the unit in the header; the cell carries none.
    "2021": (("proactive.item8", "fees", "amount"), Cell(Decimal("4068.208"))),
}
NEGATIVE = {"2019": ("proactive.item8", "fees", "change")}


def filled_report(format_id: str) -> Report:
    """A report of the format whose cells hold 1, 2, 3, … in spec order, except one blank, one
    '-' mark, one money cell and (2019) one negative change."""
    spec = FORMATS[format_id]
    report = empty_report(spec, agency="某县人民政府", year=2020 if format_id == "2019" else 2022,
                          source=f"filled-{format_id}.txt")
    number = 0
    for table in spec.tables:
        for row in table.rows:
            for column in table.columns:
                number += 1
                report.set(table.id, row.id, column.id, Cell(number))
    report.set(*BLANK, Cell(None))
    report.set(*MARK, Cell("-"))
    where, money = MONEY[format_id]
    report.set(*where, replace(money))  # a fresh Cell: a test that changes it must not leak
    if format_id in NEGATIVE:
        report.set(*NEGATIVE[format_id], Cell(-1))
    report.text = {"overview": "（一）主动公开情况。第一段。\n（二）依申请公开情况。第二段。",
                   "problems": "存在的问题。", "other": "未收取信息处理费。"}
    return report


def cell_count(format_id: str) -> int:
    return sum(len(t.rows) * len(t.columns) for t in FORMATS[format_id].tables)


def _fixture_cell(raw) -> Cell:
    if raw is None or isinstance(raw, int):
        return Cell(raw)
    money = re.fullmatch(r"(-?\d+(?:\.\d+)?)(万元|元)", raw)
    if money:
        number, unit = Decimal(money.group(1)), money.group(2)
        # Money is normalised to 万元 (spec, section 二).
        return Cell(number / 10000 if unit == "元" else number, text=raw, unit="万元")
    assert raw in MARKS, raw
    return Cell(raw, text=raw)


def fixture_report(path: Path = DATA / "wulumuqi-xian-2020.json") -> Report:
    """The seed report as its expected JSON reads it: {proactive:{item1:{row:{col:v}}}, requests:…}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    spec = FORMATS[data["format"]]
    report = Report(format=spec.id, agency=data["agency"], year=data["year"], source=data["file"])
    for table in spec.tables:
        section, _, item = table.id.partition(".")
        rows = data[section][item] if item else data[section]
        for row in table.rows:
            for column in table.columns:
                if row.id in rows:
                    report.set(table.id, row.id, column.id, _fixture_cell(rows[row.id][column.id]))
    return report


@pytest.fixture(params=sorted(FORMATS))
def filled(request) -> Report:
    return filled_report(request.param)


@pytest.fixture
def make_filled():
    return filled_report


@pytest.fixture
def seed_report() -> Report:
    return fixture_report()
