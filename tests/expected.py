"""Compare a Report with a reading in the shape of ../shared/corpus/expected/*.json."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from gongkai.parse.cells import parse_value
from gongkai.report import Report

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():  # CI lays shared/ beside the clone
    SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = SHARED / "fixtures"
FIXTURE = FIXTURES / "wulumuqi-xian-2020.txt"


def load_expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _expected_tables(expected: dict):
    for section in ("proactive",):
        for table, rows in expected[section].items():
            yield f"proactive.{table}", rows
    yield "requests", expected["requests"]
    yield "appeals", expected["appeals"]


def _normal(value, kind: str):
    if isinstance(value, str):
        parsed, _unit = parse_value(value, kind=kind)
        return parsed
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def differences(report: Report, expected: dict) -> list[str]:
    """Every cell, and the format/agency/year, where the reading differs from the expected one."""
    diffs = []
    for key in ("format", "year"):
        if str(getattr(report, key)) != str(expected[key]):
            diffs.append(f"{key}: expected {expected[key]!r}, got {getattr(report, key)!r}")
    absent = set(expected.get("absent_rows") or ())
    spec = report.spec
    for table_id, rows in _expected_tables(expected):
        table = spec.table(table_id)
        for row_id, cols in rows.items():
            for col_id, want in cols.items():
                kind = table.column(col_id).kind
                got = report.value(table_id, row_id, col_id)
                if row_id in absent and report.is_absent(table_id, row_id):
                    continue
                if _normal(want, kind) != got:
                    diffs.append(f"{table_id}.{row_id}.{col_id}: expected {want!r}, got {got!r}")
    return diffs


def finding_keys(findings, rules=("R1", "R2", "R3", "R4", "R5")) -> list[tuple]:
    return sorted((f["rule"] if isinstance(f, dict) else f.rule,
                   f["table"] if isinstance(f, dict) else f.table,
                   f["row"] if isinstance(f, dict) else f.row,
                   f["column"] if isinstance(f, dict) else f.column)
                  for f in findings
                  if (f["rule"] if isinstance(f, dict) else f.rule)[:2] in rules)
