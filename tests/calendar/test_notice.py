"""Reading the State Council's yearly holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知).

The 2026 fixture must give exactly the days chinesecalendar holds for 2026; garbled text must
fail with a ParseError naming the line.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import chinese_calendar
import pytest

from gongkai.calendar import add_workdays, is_workday
from gongkai.calendar.holidays.china import china_calendar, holiday_name
from gongkai.calendar.notice import calendar_from_notices, parse_notice
from gongkai.errors import ParseError

FIXTURE = Path("/work/shared/fixtures/holiday-notice-2026.txt")
TITLE = "国务院办公厅关于2026年部分节假日安排的通知\n"


@pytest.fixture(scope="module")
def notice_2026():
    return parse_notice(FIXTURE.read_text(encoding="utf-8"), source=FIXTURE.name)


def test_2026_days_off_equal_chinesecalendar(notice_2026):
    expected = {d: holiday_name(name) for d, name in chinese_calendar.holidays.items() if d.year == 2026}
    assert notice_2026.holidays() == expected


def test_2026_make_up_days_equal_chinesecalendar(notice_2026):
    expected = {d: holiday_name(name) for d, name in chinese_calendar.workdays.items() if d.year == 2026}
    assert notice_2026.workdays() == expected


def test_2026_items_and_lines(notice_2026):
    assert notice_2026.year == 2026
    assert [i.name for i in notice_2026.items] == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
    national = notice_2026.items[-1]
    assert national.line == 12
    assert national.make_up_days == (date(2026, 9, 20), date(2026, 10, 10))
    assert len(notice_2026.items[1].days_off) == 9  # 春节 共9天


def test_calendar_from_notice_counts_like_china_calendar(notice_2026):
    cal = calendar_from_notices(notice_2026)
    assert cal.known_years == frozenset({2026})
    assert is_workday(date(2026, 10, 10), calendar=cal)
    for start in (date(2026, 1, 1), date(2026, 2, 10), date(2026, 9, 20), date(2026, 9, 28)):
        assert add_workdays(start, 20, calendar=cal) == add_workdays(start, 20, calendar=china_calendar())


def test_published_wording_with_lunar_dates_and_extra_paragraph():
    # As Xinhua printed it: lunar dates beside the weekday, plus the 鼓励…年休假 paragraph.
    text = TITLE + (
        "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。"
        "2月14日（周六）、2月28日（周六）上班。\n"
        "鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。\n"
    )
    # Numbering may start anywhere: a quoted excerpt is still readable.
    notice = parse_notice(text)
    assert notice.workdays() == {date(2026, 2, 14): "春节", date(2026, 2, 28): "春节"}
    assert min(notice.holidays()) == date(2026, 2, 15)


def test_older_wording_december_of_previous_year_and_single_days():
    text = (
        "国务院办公厅关于2019年部分节假日安排的通知\n"
        "一、元旦：12月30日至1月1日放假，共3天。 12月29日（星期六）上班。\n"
        "二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期天）上班。\n"
        "三、清明节：4月5日放假，与周末连休。\n"
    )
    notice = parse_notice(text)
    assert notice.items[0].days_off == (date(2018, 12, 30), date(2018, 12, 31), date(2019, 1, 1))
    assert notice.items[0].make_up_days == (date(2018, 12, 29),)
    assert notice.items[2].days_off == (date(2019, 4, 5),)
    assert notice.workdays()[date(2019, 2, 3)] == "春节"


def test_bu_xiu_day_is_a_day_off():
    text = "国务院办公厅关于2017年部分节假日安排的通知\n一、元旦：1月1日放假，1月2日（星期一）补休。\n"
    assert parse_notice(text).items[0].days_off == (date(2017, 1, 1), date(2017, 1, 2))


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("一、元旦：1月1日放假。", 1, "找不到通知年份"),
        (TITLE + "经国务院批准，现将安排通知如下。", 1, "未找到任何节假日条目"),
        (TITLE + "一、元旦：1月1日（周五）放假。", 2, "标注为周五"),
        (TITLE + "一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。", 2, "共4天"),
        (TITLE + "一、元旦：2月30日放假。", 2, "不是有效日期"),
        (TITLE + "一、元旦 1月1日放假。", 2, "缺少“节日名称：”"),
        (TITLE + "一、元旦：1月1日放假。\n\n三、清明节：4月4日（周六）至6日（周一）放假。", 4, "条目编号不连续"),
        (TITLE + "一、元旦：1月1日放假。\n二、春节：放假调休，共9天。", 3, "没有可读的日期"),
        (TITLE + "一、元旦：1月1日放假。1月1日上班。", 2, "既列为放假又列为上班"),
        (TITLE + "一、元旦：1月1日照常。", 2, "无法判断"),
        (TITLE + "一、元旦：1月3日至1日放假。", 2, "日期区间倒置"),
        (TITLE + "一、元旦：3日放假。", 2, "缺少月份"),
    ],
)
def test_garbled_text_raises_parse_error_naming_the_line(text, line, words):
    with pytest.raises(ParseError) as info:
        parse_notice(text, source="notice.txt")
    error = info.value
    assert error.location.line == line
    assert words in error.message
    assert str(error).startswith(f"notice.txt:第{line}行")


def test_garbled_fixture_line_is_located():
    # One digit dropped from the National Day line of the real fixture: 10月1日 -> 0月1日.
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    lines[11] = lines[11].replace("10月1日（周四）", "0月1日（周四）")
    with pytest.raises(ParseError) as info:
        parse_notice("\n".join(lines), source=FIXTURE.name)
    assert info.value.location.line == 12
