"""The national working-day calendar of the People's Republic of China, 2004–2026.

Legal basis: 《全国年节及纪念日放假办法》 (国务院令第270号, 1999; revised by 国务院令第513号
(2007), 第644号 (2013) and 第795号 (2024)) sets the holidays; each year the General Office
of the State Council publishes 《国务院办公厅关于YYYY年部分节假日安排的通知》, which fixes the
days off (放假) and the make-up working days (调休上班). ``SOURCES`` cites that notice per year.

Provenance: the day lists come from the ``chinesecalendar`` package (LKI/chinese-calendar,
installed as a dependency), which transcribes those notices; the addresses below are the ones
its ``scripts/data.py`` records for each year, not re-fetched here. The 2026 days were also
checked against the notice text in tests/calendar (via ``gongkai.calendar.notice``).

Year guard: only years listed in ``SOURCES`` enter the calendar. A newer ``chinesecalendar``
with a year nobody has cited here does not silently extend ``known_years``; that year stays
unknown (deadlines in it are provisional) until its notice is added to ``SOURCES``.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

import chinese_calendar

from gongkai.calendar.workdays import WorkCalendar

# Year -> the notice(s) the arrangement of that year rests on.
SOURCES: dict[int, str] = {
    2004: "国务院办公厅关于2004年部分节假日安排的通知（zh.wikisource.org 录文）",
    2005: "国务院办公厅关于2005年部分节假日安排的通知（2004年12月发布）",
    2006: "国务院办公厅关于2006年部分节假日安排的通知 http://www.gov.cn/jrzg/2005-12/22/content_133837.htm",
    2007: "国务院办公厅关于2007年部分节假日安排的通知 http://www.gov.cn/fwxx/sh/2006-12/18/content_471877.htm",
    2008: "国务院办公厅关于2008年部分节假日安排的通知 http://www.gov.cn/zwgk/2007-12/18/content_837184.htm",
    2009: "国务院办公厅关于2009年部分节假日安排的通知 http://www.gov.cn/zwgk/2008-12/10/content_1174014.htm",
    2010: "国务院办公厅关于2010年部分节假日安排的通知 http://www.gov.cn/zwgk/2009-12/08/content_1482691.htm",
    2011: "国务院办公厅关于2011年部分节假日安排的通知 http://www.gov.cn/zwgk/2010-12/10/content_1762643.htm",
    2012: "国务院办公厅关于2012年部分节假日安排的通知 http://www.gov.cn/zwgk/2011-12/06/content_2012097.htm",
    2013: "国务院办公厅关于2013年部分节假日安排的通知 http://www.gov.cn/zwgk/2012-12/10/content_2286598.htm",
    2014: "国务院办公厅关于2014年部分节假日安排的通知 http://www.gov.cn/zwgk/2013-12/11/content_2546204.htm",
    2015: (
        "国务院办公厅关于2015年部分节假日安排的通知 "
        "http://www.gov.cn/zhengce/content/2014-12/16/content_9302.htm；"
        "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 "
        "http://www.gov.cn/zhengce/content/2015-05/13/content_9742.htm"
    ),
    2016: "国务院办公厅关于2016年部分节假日安排的通知 http://www.gov.cn/zhengce/content/2015-12/10/content_10394.htm",
    2017: "国务院办公厅关于2017年部分节假日安排的通知 http://www.gov.cn/zhengce/content/2016-12/01/content_5141603.htm",
    2018: "国务院办公厅关于2018年部分节假日安排的通知 http://www.gov.cn/zhengce/content/2017-11/30/content_5243579.htm",
    2019: (
        "国务院办公厅关于2019年部分节假日安排的通知 http://www.gov.cn/xinwen/2018-12/06/content_5346287.htm；"
        "国务院办公厅关于调整2019年劳动节假期安排的通知 "
        "http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm"
    ),
    2020: (
        "国务院办公厅关于2020年部分节假日安排的通知 "
        "http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm；"
        "国务院办公厅关于延长2020年春节假期的通知 http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm"
    ),
    2021: "国务院办公厅关于2021年部分节假日安排的通知 http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm",
    2022: "国务院办公厅关于2022年部分节假日安排的通知 http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm",
    2023: "国务院办公厅关于2023年部分节假日安排的通知 http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm",
    2024: "国务院办公厅关于2024年部分节假日安排的通知 https://www.gov.cn/zhengce/content/202310/content_6911527.htm",
    2025: "国务院办公厅关于2025年部分节假日安排的通知 https://www.gov.cn/zhengce/content/202411/content_6986382.htm",
    2026: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社受权发布）",
}

# chinesecalendar's short Chinese names -> the names the notices print.
_OFFICIAL_NAMES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}


def holiday_name(english: str) -> str:
    """The notice's Chinese name for a ``chinese_calendar.Holiday`` value.

    >>> holiday_name("Mid-autumn Festival")
    '中秋节'
    """
    chinese = chinese_calendar.Holiday(english).chinese
    return _OFFICIAL_NAMES.get(chinese, chinese)


def _cited(days: dict[date, str], years: frozenset[int]) -> dict[date, str]:
    """Days of cited years, named in Chinese.

    NOTE: a notice can reach back into the previous December (the 2012 notice made
    2011-12-31 a make-up day), so the last known year's late December could still change
    when the next notice appears; the guard cannot see that.
    """
    return {d: holiday_name(name) for d, name in days.items() if d.year in years}


@lru_cache(maxsize=1)
def china_calendar() -> WorkCalendar:
    """The national calendar for every year that is both in ``chinesecalendar`` and cited.

    Returns:
        A ``WorkCalendar`` with Saturday/Sunday weekends, holidays, make-up workdays,
        per-day Chinese names and ``known_years`` 2004–2026.

    >>> cal = china_calendar()
    >>> cal.reason(date(2026, 10, 1)), cal.reason(date(2026, 10, 10))
    ('国庆节', '国庆节')
    >>> min(cal.known_years), max(cal.known_years)
    (2004, 2026)
    """
    packaged = {d.year for d in chinese_calendar.holidays}
    years = frozenset(packaged & SOURCES.keys())  # year guard: uncited years stay unknown
    holidays = _cited(chinese_calendar.holidays, years)
    workdays = _cited(chinese_calendar.workdays, years)
    return WorkCalendar(
        holidays=frozenset(holidays),
        extra_workdays=frozenset(workdays),
        known_years=years,
        reasons={**holidays, **workdays},
        name="中华人民共和国全国工作日历（chinesecalendar）",
    )
