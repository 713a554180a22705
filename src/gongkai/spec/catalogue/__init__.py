"""The national formats, each defined once. A new format is one new module here, listed below."""
from gongkai.spec.catalogue import f2019, f2021

FORMATS = {spec.id: spec for spec in (f2019.SPEC, f2021.SPEC)}


def format_for_year(year: int):
    """The format that applies to a report year (a report may still use another: detect it)."""
    return next(s for s in reversed(FORMATS.values()) if s.covers(year))


__all__ = ["FORMATS", "format_for_year"]
