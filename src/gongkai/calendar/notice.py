"""Read the State Council's yearly holiday notice into days off and make-up working days.

Input is the text of 《国务院办公厅关于YYYY年部分节假日安排的通知》 as published since 2010:
a title naming the year and numbered items such as

    七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。

Within an item, a sentence with 放假 (or 补休) lists days off, one with 上班 lists make-up
working days. A date without a month takes the month of the date before it ("至7日"); a
date without a year is in the notice's year, except a December date in the 元旦 item,
which is in the year before (the 2019 notice: "12月30日至1月1日放假"). The weekday
printed in brackets and the printed total (共N天) are checked, so a garbled line fails
loudly instead of shifting a holiday. Every failure is a ``ParseError`` naming the line.

The older notices (2004–2009) explain each swap in "其中……调至……" prose; that layout is not
read here (``holidays/china.py`` covers those years).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.calendar.workdays import WEEKEND, WorkCalendar, weekday_zh
from gongkai.errors import Location, ParseError

_NUMERALS = "一二三四五六七八九十"
_TITLE = re.compile(r"(\d{4})年部分节假日")
_ITEM = re.compile(r"^([一二三四五六七八九十]{1,2})、(.+?):(.*)$")
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?")
_RANGE_SEP = re.compile(r"^\s*(?:至|到|[-—–~])+\s*$")
_WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")
_TOTAL = re.compile(r"共(\d+)天")
_ZH_DIGITS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@dataclass(frozen=True)
class NoticeItem:
    """One numbered item of a notice: a holiday (or joined holidays) and its make-up days."""

    number: int
    name: str  # as printed, e.g. "国庆节" or "中秋节、国庆节"
    days_off: tuple[date, ...]
    make_up_days: tuple[date, ...]
    line: int


@dataclass(frozen=True)
class HolidayNotice:
    """A parsed notice: its year and items, in the order printed."""

    year: int
    items: tuple[NoticeItem, ...]
    source: str | None = None

    def holidays(self) -> dict[date, str]:
        """Every day off with the name of its item."""
        return {d: item.name for item in self.items for d in item.days_off}

    def workdays(self) -> dict[date, str]:
        """Every make-up working day with the name of the holiday it belongs to."""
        return {d: item.name for item in self.items for d in item.make_up_days}

    def to_calendar(self) -> WorkCalendar:
        """A calendar of this notice's year alone."""
        return calendar_from_notices(self)


def _fail(message: str, line_no: int, text: str, source: str | None, hint: str | None = None) -> ParseError:
    return ParseError(message, location=Location(source=source, line=line_no, text=text.strip()), hint=hint)


def _notice_year(lines: list[str], source: str | None) -> int:
    """The year from the title (or the opening sentence "现将2026年……")."""
    for line in lines:
        m = _TITLE.search(line) or re.search(r"现将(\d{4})年", line)
        if m:
            return int(m.group(1))
    raise _fail(
        "找不到通知年份：应有“国务院办公厅关于YYYY年部分节假日安排的通知”或“现将YYYY年……”",
        1, lines[0] if lines else "", source,
    )


class _DateReader:
    """Dates of one item, carrying month and year forward from the previous date."""

    def __init__(self, year: int, line_no: int, line: str, source: str | None, *, new_year: bool = False):
        self.year, self.line_no, self.line, self.source = year, line_no, line, source
        # The 元旦 item may reach back into December of the year before without printing the
        # year (2019 notice: "12月30日至1月1日放假……12月29日（星期六）上班").
        self.new_year = new_year
        self.month: int | None = None
        self.explicit_year: int | None = None

    def read(self, m: re.Match[str]) -> date:
        year_s, month_s, day_s, bracket = m.groups()
        if year_s:
            self.explicit_year = int(year_s)
        if month_s:
            self.month = int(month_s)
        if self.month is None:
            raise self.error(f"“{m.group(0)}”缺少月份")
        year = self.explicit_year or self.year
        if self.new_year and self.month == 12 and not self.explicit_year:
            year -= 1
        try:
            d = date(year, self.month, int(day_s))
        except ValueError:
            raise self.error(f"“{m.group(0)}”不是有效日期（{year}年）") from None
        self._check_weekday(d, bracket, m.group(0))
        return d

    def _check_weekday(self, d: date, bracket: str | None, printed: str) -> None:
        # The printed weekday is the cheapest guard against a mistyped or garbled date.
        wd = _WEEKDAY.search(bracket or "")
        if wd and _ZH_DIGITS[wd.group(1)] != d.weekday():
            raise self.error(f"“{printed}”标注为{wd.group(0)}，但{d.isoformat()}是{weekday_zh(d)}")

    def error(self, message: str, hint: str | None = None) -> ParseError:
        return _fail(message, self.line_no, self.line, self.source, hint)


def _span(start: date, end: date, reader: _DateReader) -> list[date]:
    if end < start:
        raise reader.error(f"日期区间倒置：{start.isoformat()}至{end.isoformat()}")
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _sentence_dates(sentence: str, reader: _DateReader) -> list[date]:
    """All days a sentence names: single dates, "、"-lists and "A至B" runs."""
    days: list[date] = []
    matches = list(_DATE.finditer(sentence))
    i = 0
    while i < len(matches):
        first = reader.read(matches[i])
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt and _RANGE_SEP.match(sentence[matches[i].end():nxt.start()]):
            days += _span(first, reader.read(nxt), reader)
            i += 2
        else:
            days.append(first)
            i += 1
    return days


def _read_item(number: int, name: str, body: str, line_no: int, line: str, year: int,
               source: str | None) -> NoticeItem:
    reader = _DateReader(year, line_no, line, source, new_year="元旦" in name)
    off: list[date] = []
    work: list[date] = []
    for sentence in filter(None, (s.strip() for s in re.split(r"[。;]", body))):
        days = _sentence_dates(sentence, reader)
        if not days:
            continue  # "与周末连休", "不调休": no dates, nothing to record
        if "上班" in sentence:
            work += days
        elif "放假" in sentence or "补休" in sentence:
            total = _TOTAL.search(sentence)
            if total and int(total.group(1)) != len(days):
                raise reader.error(f"写明共{total.group(1)}天，但所列日期为{len(days)}天")
            off += days
        else:
            raise reader.error(f"无法判断“{sentence}”中的日期是放假还是上班")
    if not off and not work:
        raise reader.error(f"第{number}项“{name}”没有可读的日期")
    clash = sorted(set(off) & set(work))
    if clash:
        raise reader.error(f"{clash[0].isoformat()}既列为放假又列为上班")
    return NoticeItem(number, name, tuple(off), tuple(work), line_no)


def _item_number(numeral: str) -> int:
    """一 -> 1 … 十 -> 10, 十一 -> 11 (notices have at most eight items)."""
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _NUMERALS.index(numeral[1]) + 1
    return _NUMERALS.index(numeral) + 1


def parse_notice(text: str, *, source: str | None = None) -> HolidayNotice:
    """Parse the text of a yearly holiday notice.

    Args:
        text: the notice as plain text (full-width or ASCII punctuation).
        source: file name for error locations.
    Returns:
        A ``HolidayNotice`` with one ``NoticeItem`` per numbered item.
    Raises:
        ParseError: no year, no items, a skipped item number, an unreadable or invalid date,
            a weekday or total that contradicts the dates; the message names the line.

    >>> n = parse_notice("国务院办公厅关于2026年部分节假日安排的通知\\n"
    ...                  "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。10月10日（周六）上班。")
    >>> n.items[0].days_off[-1], n.workdays()
    (datetime.date(2026, 10, 7), {datetime.date(2026, 10, 10): '国庆节'})
    >>> parse_notice("关于2026年部分节假日安排\\n一、元旦：1月1日（周五）放假。", source="notice.txt")
    Traceback (most recent call last):
    ...
    gongkai.errors.ParseError: notice.txt:第2行: “1月1日(周五)”标注为周五，但2026-01-01是周四
    """
    # NFKC folds full-width brackets, colons and digits to ASCII so one grammar reads both.
    lines = [unicodedata.normalize("NFKC", raw).strip() for raw in text.splitlines()]
    year = _notice_year(lines, source)
    items: list[NoticeItem] = []
    for line_no, line in enumerate(lines, start=1):
        m = _ITEM.match(line)
        if not m:
            if re.match(r"^[一二三四五六七八九十]{1,2}、", line) and re.search(r"\d+月\d+日", line):
                raise _fail("条目缺少“节日名称：”部分，无法读取", line_no, line, source,
                            hint="条目应形如“七、国庆节：10月1日至7日放假调休，共7天。”")
            continue
        number = _item_number(m.group(1))
        expected = len(items) + 1
        if number != expected and items:
            raise _fail(f"条目编号不连续：应为第{expected}项，实为第{number}项（可能缺行或错行）",
                        line_no, line, source)
        items.append(_read_item(number, m.group(2).strip(), m.group(3), line_no, line, year, source))
    if not items:
        raise _fail("未找到任何节假日条目（应形如“一、元旦：1月1日放假”）", 1, lines[0] if lines else "", source)
    return HolidayNotice(year=year, items=tuple(items), source=source)


def calendar_from_notices(*notices: HolidayNotice, weekend: frozenset[int] = WEEKEND) -> WorkCalendar:
    """A calendar knowing exactly the years of the given notices.

    Make-up workdays win over holidays (see ``WorkCalendar``), as in the notices themselves.
    """
    holidays: dict[date, str] = {}
    workdays: dict[date, str] = {}
    for notice in notices:
        holidays |= notice.holidays()
        workdays |= notice.workdays()
    return WorkCalendar(
        holidays=frozenset(holidays),
        extra_workdays=frozenset(workdays),
        weekend=weekend,
        known_years=frozenset(n.year for n in notices),
        reasons={**holidays, **workdays},
        name="、".join(n.source or f"{n.year}年节假日安排通知" for n in notices),
    )
