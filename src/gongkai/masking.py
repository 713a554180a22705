"""Masking personal data (PII) for lists and exports (issue 3 §7).

An identity number or a phone number is shown in full only on the case page, to the staff of
the case's own agency; everywhere else only its ends stay readable, enough for a clerk to tell
two applicants apart on the phone, not enough to reuse the number. No Django here: the core
and the web side mask the same way.
"""
from __future__ import annotations

import re

__all__ = ["mask_id_number", "mask_middle", "mask_phone"]

_SPACES = re.compile(r"[\s-]+")


def mask_middle(text: str, *, keep_start: int, keep_end: int) -> str:
    """``text`` with every character but the first ``keep_start`` and last ``keep_end`` as ``*``.

    A text too short to keep both ends is masked entirely: a partial short number would reveal
    most of it.

    Args:
        text: the value to mask (already stripped of spaces by the callers below).
        keep_start: characters left readable at the start.
        keep_end: characters left readable at the end.
    Returns:
        A string of the same length.

    >>> mask_middle("ABCDEFGH", keep_start=2, keep_end=2)
    'AB****GH'
    >>> mask_middle("ABCD", keep_start=2, keep_end=2)
    '****'
    """
    if keep_start < 0 or keep_end < 0:
        raise ValueError(f"保留位数不能为负数：{keep_start}, {keep_end}")
    if len(text) <= keep_start + keep_end:
        return "*" * len(text)
    return text[:keep_start] + "*" * (len(text) - keep_start - keep_end) + text[len(text) - keep_end:]


def mask_id_number(number: str) -> str:
    """An identity document number with only its first four and last four characters readable.

    For a 身份证号 the first four digits are the province and prefecture of the address code,
    which the office usually knows anyway; the birth date and order code are hidden.

    >>> mask_id_number("650121199001011234")
    '6501**********1234'
    >>> mask_id_number(" 6501 2119 9001 0112 3x ")
    '6501**********123X'
    >>> mask_id_number("E1234567")
    '********'
    >>> mask_id_number("")
    ''
    """
    return mask_middle(_SPACES.sub("", number).upper(), keep_start=4, keep_end=4)


def mask_phone(phone: str) -> str:
    """A phone number with its first three and last four digits readable.

    An 11-digit mobile number keeps its carrier prefix (139) and the last four digits, as
    Chinese banks and carriers print them; a landline keeps its area code's start.

    >>> mask_phone("13912345678")
    '139****5678'
    >>> mask_phone("+86 139 1234 5678")
    '+86*******5678'
    >>> mask_phone("0991-1234567")
    '099****4567'
    >>> mask_phone("110")
    '***'
    """
    return mask_middle(_SPACES.sub("", phone), keep_start=3, keep_end=4)
