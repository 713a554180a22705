"""validate(report) and validate_series(reports): every finding, in a stable order."""
from __future__ import annotations

from gongkai.errors import Finding
from gongkai.report import Report
from gongkai.validate.checks import ACROSS, SINGLE, check_blank, check_type

_ORDER = {"R1": 1, "R2": 2, "R3": 3, "R4": 4, "R5": 5, "R6": 6, "R7": 7, "R8": 8, "R9": 9}


def validate(report: Report) -> list[Finding]:
    """The findings of rules R1–R6 and R9 on one report. Never raises on bad data.

    An equation that involves a blank cell is not checked: the blank is reported once, by R5.
    """
    spec = report.spec
    findings: list[Finding] = []
    for rule in spec.rules:
        check = SINGLE.get(type(rule))
        if check:
            findings.extend(check(rule, report, spec))
    findings.extend(check_blank(report, spec))
    findings.extend(check_type(report, spec))
    findings.extend(report.layout_findings)
    return sorted(findings, key=_key)


def validate_series(reports: list[Report]) -> dict[int, list[Finding]]:
    """R7 and R8 across consecutive years of one body: findings keyed by the index of the later report."""
    by_year = sorted((r.year, i) for i, r in enumerate(reports) if r.year is not None)
    found: dict[int, list[Finding]] = {}
    for (year_a, i), (year_b, j) in zip(by_year, by_year[1:]):
        if year_b != year_a + 1:
            continue
        this, last = reports[j], reports[i]
        spec = this.spec
        for rule in spec.rules:
            check = ACROSS.get(type(rule))
            if check is None or (rule.table.startswith("proactive") and last.format != this.format):
                continue
            found.setdefault(j, []).extend(check(rule, this, last, spec))
    return {index: findings for index, findings in found.items() if findings}


def _key(f: Finding):
    return (_ORDER.get(f.rule[:2], 99), f.table or "", f.row or "", f.column or "")


__all__ = ["validate", "validate_series"]
