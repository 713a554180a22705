"""The body's name and the report year, from the title or the preamble.

A report names its body in one of a few places, tried in this order:

1. the title, body first (`乌鲁木齐县2020年政府信息公开工作年度报告`, the body possibly on the line
   above: `洪泽区人民政府` / `2023 年政府信息公开工作年度报告`) or year first
   (`2024 年上海市科委政府信息公开工作年度报告`); a preamble that quotes the title counts
   (`现将来凤县人民政府2021年政府信息公开工作年度报告进行公开`, `兴华镇人民政府特此编制2024年度…`);
2. the preamble's compiler: `本报告由塘下镇人民政府结合有关统计数据编制`, `汇总平潭综合实验区各有关单位…`;
3. the contact the preamble gives: `如有疑问请与来凤县政务服务和大数据管理局(地址:…)`;
4. the first sentence of 总体情况: `2021年,陈炉古镇景区管委会认真贯彻落实…`.

The name is given as printed (`上海市科委`, not the full 上海市科学技术委员会); the only completion
is of a title that names a place (`乌鲁木齐县`) by a line that prints that place's government
alone (the letterhead `乌鲁木齐县人民政府办公室`).
"""
from __future__ import annotations

import re
from collections import Counter

from gongkai.parse.cells import join_spaced, normalize_text

_CJK = "\u4e00-\u9fff"
_NAME = rf"[{_CJK}（）·]"
_REPORT = r"(?:政府|政务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?报\s*告"
_YEAR = r"(?P<year>20\d\d)\s*年\s*度?\s*"
# Body first: `乌鲁木齐县2020年政府信息公开工作年度报告`, `…2020年度本机关政府信息公开…`.
# Searched from its year, then back to the name before it: a search from every position of the
# text for a name followed by a year costs 40 steps a character.
_TITLE = re.compile(rf"{_YEAR}(?:本级|本机关|本单位)?\s*{_REPORT}")
_NAME_BEFORE = re.compile(rf"{_NAME}{{0,40}}(?=[ \t]*\Z)")
# Year first: `2025 年上海市人民政府办公厅政府信息公开工作年度报告`.
_TITLE_YEAR_FIRST = re.compile(rf"{_YEAR}(?P<agency>{_NAME}{{2,40}}?)\s*{_REPORT}")
_PERIOD = re.compile(
    r"(?:统计期限|统计时限|统计时间|统计周期|统计期)[^。]{0,8}?(?P<year>20\d\d)\s*年\s*1\s*月\s*1\s*日")
_ANY_YEAR = re.compile(r"(20\d\d)\s*年")

# The words a body's name ends with. A name must end with one of them to be taken from prose.
_ORG_END = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|办事处|委员会|管委会|管理委员会"
    r"|局|厅|委|办|院|署|中心|街道|镇|乡|区|县|市|州|盟|旗)$")
_NOT_A_NAME = re.compile(r"^(?:本级|本机关|本单位|本部门|本[局委办区县市镇]|我|全[区县市镇乡州省]|政府$|政务$)")
# Words of the sentence around a name in a title quoted by the preamble.
_LEAD = re.compile(r"^.*(?:关于|印发|公布|现公开|现将)")
_TRAIL = re.compile(r"(?:特此|特|现)?(?:编制|公布|发布|印发|完成)(?:了|完成)?$")

# Where the preamble names the compiler or the contact.
_COMPILER = re.compile(rf"由(?P<agency>{_NAME}{{2,40}}?)(?:结合|负责|根据|牵头|组织)?编制")
_COMPILER_LEAD = re.compile(rf"由(?P<agency>{_NAME}{{2,40}}?)(?:结合|负责|根据|牵头|组织)")
_AGGREGATE = re.compile(rf"汇总(?P<agency>{_NAME}{{2,30}}?)(?:各有关单位|各单位|各部门|所属)")
_CONTACT = re.compile(rf"请与(?P<agency>{_NAME}{{2,40}}?)(?:联系|（\s*地址|（\s*联系)")
_OWN_LEVEL = re.compile(r"本级(?:政府|政务)?信息公开")
# The opening sentence of 总体情况: `2021年,陈炉古镇景区管委会认真贯彻落实…`.
_OPENING = re.compile(rf"^\s*(?P<year>20\d\d)\s*年(?:以来|度)?\s*[，,]\s*(?P<run>{_NAME}{{2,20}})")
_GOVERNMENT = "人民政府"


def detect_year(head: str, overview: str = "") -> int | None:
    """The report year: from the title, else the statistics period, else the opening sentence of
    总体情况, else the year the text names most.

    >>> detect_year("2024 年上海市科委政府信息公开工作\\n年度报告")
    2024
    >>> detect_year("本年度报告中所列数据统计期限为2022年1月1日至12月31日。")
    2022
    >>> detect_year("没有年份") is None
    True
    """
    return _year(_flat(head + "\n" + overview), _first_paragraph(overview))


def _year(flat: str, opening: str) -> int | None:
    for pattern in (_TITLE, _TITLE_YEAR_FIRST, _PERIOD):
        m = pattern.search(flat)  # _TITLE: a year with 政府信息公开工作年度报告, the name before it aside
        if m:
            return int(m.group("year"))
    m = _OPENING.search(opening)
    if m:
        return int(m.group("year"))
    years = Counter(_ANY_YEAR.findall(flat))
    return int(years.most_common(1)[0][0]) if years else None


def detect_agency(head: str, overview: str = "") -> str | None:
    """The body as the report names it (see the module docstring), or None when it never does.

    >>> detect_agency("乌鲁木齐县人民政府办公室\\n乌鲁木齐县2020年政府信息公开工作\\n年度报告")
    '乌鲁木齐县人民政府'
    >>> detect_agency("现将来凤县人民政府2021年政府信息公开工作年度报告进行公开。")
    '来凤县人民政府'
    >>> detect_agency("本报告由塘下镇人民政府结合有关统计数据编制。")
    '塘下镇人民政府'
    >>> detect_agency("我局高度重视政务公开工作。") is None
    True
    """
    return _agency(_flat(head + "\n" + overview), _first_paragraph(overview))


def _agency(flat: str, opening: str) -> str | None:
    for find in (_from_title, _from_compiler, _from_contact, _from_opening):
        name = find(flat, opening)
        if name:
            return name
    return None


def detect_meta(head: str, overview: str = "") -> tuple[str | None, int | None]:
    """`(detect_agency(head, overview), detect_year(head, overview))`, flattening the text once:
    flattening costs more than both searches."""
    flat, opening = _flat(head + "\n" + overview), _first_paragraph(overview)
    return _agency(flat, opening), _year(flat, opening)


def _name_before(flat: str, end: int) -> str:
    """The run of name characters (at most 40) that ends at `end`, spaces and tabs aside."""
    m = _NAME_BEFORE.search(flat, max(0, end - 48), end)
    return m.group() if m else ""


def _from_title(flat: str, _opening: str) -> str | None:
    for m in _TITLE.finditer(flat):
        name = _clean(_name_before(flat, m.start()))
        if not name and _at_line_start(flat, m.start("year")):
            name = _line_above(flat, m.start("year"))
        if name:
            return _complete(name, flat)
    for m in _TITLE_YEAR_FIRST.finditer(flat):
        name = _clean(m.group("agency"))
        if name:
            return _complete(name, flat)
    return None


def _from_compiler(flat: str, _opening: str) -> str | None:
    """`由X编制`: X, or the government X belongs to when X is one of its offices (`由嘉善县大云镇人民政府
    综合信息指挥室（党政综合办公室）负责编制` is the report of 嘉善县大云镇人民政府)."""
    for pattern in (_COMPILER, _COMPILER_LEAD, _AGGREGATE):
        for m in pattern.finditer(flat):
            name = m.group("agency")
            if _GOVERNMENT in name:
                name = name[: name.index(_GOVERNMENT) + len(_GOVERNMENT)]
            name = _clean(name)
            if name and _ORG_END.search(name):
                return name
    return None


def _from_opening(_flat_text: str, opening: str) -> str | None:
    m = _OPENING.search(opening)
    if not m:
        return None
    run = m.group("run")
    # The longest start of the sentence that ends like a body's name: `陈炉古镇景区管委会认真…`.
    for end in range(len(run), 1, -1):
        name = run[:end]
        if _ORG_END.search(name) and not _NOT_A_NAME.match(name):
            return name
    return None


def _from_contact(flat: str, _opening: str) -> str | None:
    """The body the preamble sends questions to; a government's own report (`本级`) gives its
    office (`翔安区人民政府办公室`) as the contact, and is the government's."""
    for m in _CONTACT.finditer(flat):
        name = _clean(m.group("agency"))
        if not name or not _ORG_END.search(name):
            continue
        if _OWN_LEVEL.search(flat) and name.endswith(_GOVERNMENT + "办公室"):
            name = name[: -len("办公室")]
        return name
    return None


def _clean(name: str) -> str | None:
    name = _TRAIL.sub("", _LEAD.sub("", name)).strip("（）· ")
    if len(name) < 2 or _NOT_A_NAME.match(name) or not _ORG_END.search(name):
        return None
    return name


def _complete(name: str, flat: str) -> str:
    """A title that names a place (`乌鲁木齐县`) is the report of the government whose letterhead
    prints that place alone on a line (`乌鲁木齐县人民政府办公室`: the office issues it)."""
    if name.endswith((_GOVERNMENT, "办公室", "办公厅", "委员会", "管委会", "局", "委", "办事处")):
        return name
    for line in flat.splitlines():
        line = line.strip()
        if line.startswith(name) and line.endswith((_GOVERNMENT, _GOVERNMENT + "办公室")):
            rest = line[len(name):]
            if rest in (_GOVERNMENT, _GOVERNMENT + "办公室"):
                return name + _GOVERNMENT
    return name


def _at_line_start(flat: str, pos: int) -> bool:
    start = flat.rfind("\n", 0, pos) + 1
    return not flat[start:pos].strip()


def _line_above(flat: str, pos: int) -> str | None:
    """The non-empty line above `pos` when it is a body's name and nothing else."""
    lines = flat[: flat.rfind("\n", 0, pos)].splitlines()
    for line in reversed(lines):
        line = line.strip()
        if not line:
            continue
        if re.fullmatch(f"{_NAME}{{2,40}}", line) and _ORG_END.search(line):
            return _clean(line)
        if re.fullmatch(r"[-—－\s\d]*", line):  # a page number above the title
            continue
        return None
    return None


def _first_paragraph(overview: str) -> str:
    for line in overview.splitlines():
        if line.strip():
            return _flat(line).strip()
    return ""


def _flat(text: str) -> str:
    """Normalised text, spaces between Chinese characters dropped, no Markdown heading marks."""
    text = normalize_text(text).replace("\t", "").replace("(", "（").replace(")", "）")
    if "#" in text:  # the search tries every position of the text: only where it can match
        text = _HEADING_MARK.sub("", text)
    return join_spaced(text)


_HEADING_MARK = re.compile(r"(?m)^\s*#+\s*")


__all__ = ["detect_year", "detect_agency", "detect_meta"]
