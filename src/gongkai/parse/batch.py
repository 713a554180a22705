"""Read the reports of several years together: a report whose run-together digits its own sums
leave open is read again with the other years of the same body (R7 carry chain, R8 stock)."""
from __future__ import annotations

import re
from pathlib import Path

from gongkai.errors import AmbiguousCellsError, GongkaiError
from gongkai.parse import parse_path
from gongkai.report import Report

# Words that name the kind of office rather than the body: `平潭综合实验区` and
# `平潭综合实验区管委会办公室` are the same body's reports.
_GENERIC = re.compile(r"人民政府|政府|办公室|办公厅|管理委员会|管委会|党工委|[\s（）()·]")


def parse_series(paths: list[str | Path]) -> list[Report | GongkaiError]:
    """Read every path; retry those that raised AmbiguousCellsError with the reports of the
    same body as `history`. Results keep the order of `paths`; a file that cannot be read gives
    its GongkaiError in its place.

    >>> parse_series([])
    []
    """
    results: list[Report | GongkaiError] = []
    for path in paths:
        try:
            results.append(parse_path(path))
        except GongkaiError as exc:
            results.append(exc)
    return retry_ambiguous(paths, results)


def retry_ambiguous(paths: list[str | Path], results: list[Report | GongkaiError]) -> list[Report | GongkaiError]:
    """Read again, with the reports of the same body as `history`, each path whose result is an
    AmbiguousCellsError. A report read on retry may in turn decide another year of the chain:
    repeat until no retry succeeds."""
    results = list(results)
    progress = True
    while progress:
        progress = False
        for i, result in enumerate(results):
            if not isinstance(result, AmbiguousCellsError):
                continue
            history = [r for r in results if isinstance(r, Report) and same_body(_agency(result), r.agency)]
            if not history:
                continue
            try:
                results[i] = parse_path(paths[i], history=history)
                progress = True
            except AmbiguousCellsError as exc:
                results[i] = exc
            except GongkaiError as exc:  # pragma: no cover - the first reading got further than this
                results[i] = exc
    return results


def _agency(error: GongkaiError) -> str | None:
    return (getattr(error, "detected", None) or {}).get("agency")


def _body_key(name: str | None) -> str:
    return _GENERIC.sub("", name or "")


def same_body(a: str | None, b: str | None) -> bool:
    """Loosely the same body: without the words for its office, one name ends the other (a
    name may add the place above it: `淮安市洪泽区`); a prefix is a different body (the city
    `淮安市` is not its district `淮安市洪泽区`).

    >>> same_body("平潭综合实验区", "平潭综合实验区管委会")
    True
    >>> same_body("洪泽区人民政府", "淮安市洪泽区人民政府")
    True
    >>> same_body("洪泽区人民政府", "淮安市人民政府")
    False
    >>> same_body("淮安市人民政府", "淮安市洪泽区人民政府")
    False
    """
    ka, kb = _body_key(a), _body_key(b)
    if len(ka) < 2 or len(kb) < 2:
        return False
    return ka.endswith(kb) or kb.endswith(ka)


__all__ = ["parse_series", "retry_ambiguous", "same_body"]
