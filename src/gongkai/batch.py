"""Read many files at once: in parallel across cores, with cross-year checks per body."""
from __future__ import annotations

import glob
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from gongkai.errors import AmbiguousCellsError, Finding, GongkaiError, Location, ParseError
from gongkai.parse import parse_path
from gongkai.parse.batch import retry_ambiguous, same_body
from gongkai.report import Report
from gongkai.validate import validate, validate_series

READABLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf", ".json")


@dataclass
class Outcome:
    """What reading and checking one file gave."""

    path: str
    report: Report | None = None
    error: GongkaiError | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def expand_inputs(args: Iterable[str]) -> tuple[list[str], list[str]]:
    """Files named, folders walked (recursively, report files only), globs expanded.
    Returns (paths, arguments that matched nothing)."""
    paths: list[str] = []
    missing: list[str] = []
    for arg in args:
        if any(ch in arg for ch in "*?["):
            hits = sorted(glob.glob(arg, recursive=True))
            (paths.extend(h for h in hits if os.path.isfile(h)) if hits else missing.append(arg))
        elif os.path.isdir(arg):
            found = sorted(str(p) for p in Path(arg).rglob("*")
                           if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
            paths.extend(found) if found else missing.append(arg)
        elif os.path.exists(arg):
            paths.append(arg)
        else:
            missing.append(arg)
    return list(dict.fromkeys(paths)), missing


def _read_one(path: str) -> tuple[str, Report | None, dict | None]:
    try:
        return path, parse_path(path), None
    except GongkaiError as exc:
        return path, None, _error_state(exc)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not take the batch down
        return path, None, _error_state(ParseError(f"读取时发生内部错误：{type(exc).__name__}: {exc}",
                                                   location=Location(source=Path(path).name)))


def _error_state(exc: GongkaiError) -> dict:
    return {"cls": type(exc), "message": exc.message, "location": exc.location, "hint": exc.hint,
            "candidates": getattr(exc, "candidates", None), "detected": getattr(exc, "detected", None)}


def _rebuild(state: dict) -> GongkaiError:
    cls = state["cls"]
    kwargs = {"location": state["location"], "hint": state["hint"]}
    if cls is AmbiguousCellsError:
        kwargs["candidates"] = state["candidates"]
    error = cls(state["message"], **kwargs)
    if state["detected"] is not None:
        error.detected = state["detected"]  # what the reader could tell of a truncated report
    return error


def read_many(paths: list[str], *, jobs: int | None = None,
              progress: Callable[[int], None] | None = None) -> list[Outcome]:
    """Read and check every path; order is kept. Cross-year rules run per body over the set."""
    jobs = jobs or os.cpu_count() or 1
    outcomes: list[Outcome] = []
    if jobs > 1 and len(paths) > 4:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(_read_one, paths, chunksize=max(1, len(paths) // (jobs * 8)))
            for path, report, err in results:
                outcomes.append(Outcome(path, report, _rebuild(err) if err else None))
                if progress:
                    progress(1)
    else:
        for path in paths:
            path, report, err = _read_one(path)
            outcomes.append(Outcome(path, report, _rebuild(err) if err else None))
            if progress:
                progress(1)
    _retry_with_history(outcomes)
    for outcome in outcomes:
        if outcome.report is not None:
            outcome.findings = validate(outcome.report)
    _cross_year(outcomes)
    return outcomes


def _retry_with_history(outcomes: list[Outcome]) -> None:
    """Digits that several splits fit may be decided by other years of the same body."""
    if not any(isinstance(o.error, AmbiguousCellsError) for o in outcomes):
        return
    results = retry_ambiguous([o.path for o in outcomes], [o.report or o.error for o in outcomes])
    for outcome, result in zip(outcomes, results):
        outcome.report, outcome.error = (result, None) if isinstance(result, Report) else (None, result)


def _cross_year(outcomes: list[Outcome]) -> None:
    groups: list[list[Outcome]] = []
    for outcome in outcomes:
        if outcome.report is None or outcome.report.year is None:
            continue
        group = next((g for g in groups if same_body(g[0].report.agency, outcome.report.agency)), None)
        if group is None:
            groups.append([outcome])
        else:
            group.append(outcome)
    for group in groups:
        if len(group) < 2:
            continue
        found = validate_series([o.report for o in group])
        for index, findings in found.items():
            group[index].findings.extend(findings)


__all__ = ["Outcome", "expand_inputs", "read_many", "READABLE_SUFFIXES"]
