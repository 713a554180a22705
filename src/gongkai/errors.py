"""One shape for every error and finding the engine reports."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


class Location(NamedTuple):
    """Where something was read or found: the file, its line or page, and spec ids.

    A named tuple rather than a dataclass: a reader makes one for every cell it reads."""

    source: str | None = None
    line: int | None = None
    page: int | None = None
    section: str | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    text: str | None = None  # the text the cell was read from

    def __str__(self) -> str:
        parts = [self.source or "-"]
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        where = ":".join(parts)
        ids = " ".join(i for i in (self.table, self.row, self.column) if i)
        return f"{where} {ids}".strip()

    def to_dict(self) -> dict:
        return {k: v for k, v in self._asdict().items() if v is not None}


@dataclass(frozen=True)
class Finding:
    """A broken rule of the format, at a cell, row, column or block."""

    rule: str
    severity: Severity
    message: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    expected: str | None = None
    actual: str | None = None
    source: str | None = None

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "expected": self.expected,
            "actual": self.actual,
            "message": self.message,
        }

    def __str__(self) -> str:
        return f"{self.source or '-'}: {self.rule} [{self.severity}] {self.message}"


class GongkaiError(Exception):
    """Base of every error gongkai raises on bad input. The message is Chinese and says where."""

    code = "gongkai-error"

    def __init__(self, message: str, *, location: Location | None = None, hint: str | None = None):
        self.message = message
        self.location = location or Location()
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.location)
        text = f"{where}: {self.message}" if where and where != "-" else self.message
        if self.hint:
            text += f"\n    提示：{self.hint}"
        return text

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "location": self.location.to_dict(), "hint": self.hint}


class SpecError(GongkaiError):
    """A format definition is malformed: a programmer error."""

    code = "spec-error"


class ParseError(GongkaiError, ValueError):
    """The input could not be read as an annual report."""

    code = "parse-error"
    # What the reader could still tell before it stopped: {"agency", "year", "format"} (format
    # only when the printed tables decide it). Set on TruncatedReportError and
    # UnsupportedFormatError.
    detected: dict | None = None

    def to_dict(self) -> dict:
        data = super().to_dict()
        if self.detected is not None:
            data["detected"] = dict(self.detected)
        return data


class UnsupportedFormatError(ParseError):
    """The input is a report, but not in one of the national formats (e.g. the pre-2019 one)."""

    code = "unsupported-format"


class TruncatedReportError(ParseError):
    """The report stops before all the tables of its format are printed."""

    code = "truncated-report"


class AmbiguousCellsError(ParseError):
    """Digits run together admit several splits and nothing decides between them."""

    code = "ambiguous-split"

    def __init__(self, message: str, *, candidates: list | None = None, **kw):
        super().__init__(message, **kw)
        self.candidates = candidates or []

    def to_dict(self) -> dict:
        return {**super().to_dict(), "candidates": self.candidates}


__all__ = [
    "Location", "Finding", "Severity", "GongkaiError", "SpecError", "ParseError",
    "UnsupportedFormatError", "TruncatedReportError", "AmbiguousCellsError",
]
