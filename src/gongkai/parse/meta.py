"""The body's name and the report year, from the title or the preamble."""
from __future__ import annotations

import re

from gongkai.parse.cells import join_spaced, normalize_text

_TITLE = re.compile(
    r"(?P<agency>[\u4e00-\u9fff（）()·]{2,40}?)[ \t]*(?P<year>20\d\d)\s*年\s*度?\s*(?:本级)?\s*"
    r"(?:政府|政务)?信息公开\s*(?:工作)?\s*(?:年\s*度\s*)?报\s*告"
)
_YEAR_ONLY = re.compile(r"(?P<year>20\d\d)\s*年\s*度?\s*(?:本级)?\s*(?:政府|政务)?信息公开\s*(?:工作)?\s*年\s*度\s*报\s*告")
_PERIOD = re.compile(r"(?:统计期限|统计时限|统计时间)[^。]{0,6}?(?P<year>20\d\d)\s*年\s*1\s*月\s*1\s*日")
_ORG_SUFFIX = re.compile(r"(人民政府|办公厅|办公室|委员会|管委会|管理委员会|局|厅|委|办|院|署|中心|街道|镇|乡|区|县|市)$")
_FULL_NAME = r"{name}[\u4e00-\u9fff]{{0,8}}?(?:人民政府|管理委员会|管委会|办公室|委员会|局)"


def detect_year(head: str) -> int | None:
    head = _flat(head)
    for pattern in (_TITLE, _YEAR_ONLY, _PERIOD):
        m = pattern.search(head)
        if m:
            return int(m.group("year"))
    return None


def detect_agency(head: str) -> str | None:
    """The body named in the title; a short title name (`乌鲁木齐县`) is completed from the preamble
    (`乌鲁木齐县人民政府`)."""
    flat = _flat(head)
    m = _TITLE.search(flat)
    if not m:
        return None
    name = re.sub(r"^.*?(?:关于|印发|公布)", "", m.group("agency")).strip("（）() ·")
    if not name:
        return None
    if name.endswith(("人民政府", "办公厅", "办公室", "委员会", "管委会", "局")):
        return name
    full = re.search(_FULL_NAME.format(name=re.escape(name)), flat)
    if full and not full.group().endswith("办公室"):
        return full.group()
    if full and full.group().endswith("人民政府办公室"):
        return full.group()[: -len("办公室")]
    return name


def _flat(text: str) -> str:
    return join_spaced(normalize_text(text).replace("\t", ""))


__all__ = ["detect_year", "detect_agency"]
