"""Answer deadlines of disclosure requests (条例 第三十条至第三十四条、第四十二条).

Requirement: /work/shared/spec/request-workflow.md, "Deadlines". Every expected date below was
counted by hand on the 2025–2026 notices; the comment on each row shows the count.
"""
from __future__ import annotations

from datetime import date

import pytest

from gongkai.calendar.deadline import (
    CONSULT_THIRD_PARTY,
    FEE_WAIT,
    CaseEvents,
    Channel,
    DeadlineError,
    Pause,
    answer_due,
    correction_notice_due,
    fee_payment_due,
    receipt_date,
)
from gongkai.calendar.holidays.china import china_calendar

CN = china_calendar()
D = date


@pytest.mark.parametrize(
    ("case", "events", "due"),
    [
        # 09-29, 09-30 | 国庆 10-01..07 | 10-08, 10-09, 10-10 (调休 Sat) | ... | 10-30 is the 20th.
        ("national_day", CaseEvents(D(2026, 9, 28)), D(2026, 10, 30)),
        # 中秋 09-25..27 and 国庆 both skipped: 09-28..30 (3), 10-08..10 (6), ... 10-29 (20).
        ("mid_autumn_and_national_day", CaseEvents(D(2026, 9, 24)), D(2026, 10, 29)),
        # 02-11..13 (3), 02-14 调休 Sat (4), 春节 02-15..23, 02-24..28 incl. 调休 Sat (9), ... 03-16 (20).
        ("spring_festival", CaseEvents(D(2026, 2, 10)), D(2026, 3, 16)),
        # Received Friday 05-08; Saturday 05-09 is a 劳动节 make-up day and is day 1.
        ("make_up_saturday", CaseEvents(D(2026, 5, 8)), D(2026, 6, 4)),
        # Received on Saturday 11-07: day 1 is Monday 11-09, as for a Friday receipt.
        ("weekend_receipt", CaseEvents(D(2026, 11, 7)), D(2026, 12, 4)),
        ("friday_receipt", CaseEvents(D(2026, 11, 6)), D(2026, 12, 4)),
        # Received on a holiday (国庆 Saturday 10-03): day 1 is 10-08.
        ("holiday_receipt", CaseEvents(D(2026, 10, 3)), D(2026, 11, 3)),
        # 2025-12-16..31 (12), 元旦 2026-01-01..03, 01-04 调休 Sunday (13), ... 01-13 (20).
        ("year_boundary", CaseEvents(D(2025, 12, 15)), D(2026, 1, 13)),
        # 第三十条: the clock restarts on receipt of the correction: 10-10 (1) ... 11-05 (20).
        ("correction", CaseEvents(D(2026, 9, 28), correction_received=D(2026, 10, 9)), D(2026, 11, 5)),
        # 第三十二条: 11-05..11-16 removes 8 working days from 11-30 -> 12-10.
        (
            "consultation",
            CaseEvents(D(2026, 11, 2), pauses=(Pause(D(2026, 11, 5), D(2026, 11, 16), CONSULT_THIRD_PARTY),)),
            D(2026, 12, 10),
        ),
        # Consultation ending on the opinion day: both ends excluded (11-03 and 11-04).
        (
            "consultation_both_ends",
            CaseEvents(D(2026, 11, 2), pauses=(Pause(D(2026, 11, 3), D(2026, 11, 4)),)),
            D(2026, 12, 2),
        ),
        # 第四十二条: fee waiting is left out like a consultation.
        ("fee_wait", CaseEvents(D(2026, 11, 2), pauses=(Pause(D(2026, 11, 5), D(2026, 11, 16), FEE_WAIT),)),
         D(2026, 12, 10)),
        # 第三十三条: 20 more working days from the original due date 10-30.
        ("extension", CaseEvents(D(2026, 9, 28), extension=20), D(2026, 11, 27)),
        ("short_extension", CaseEvents(D(2026, 9, 28), extension=1), D(2026, 11, 2)),
        # Wholly inside 2026, late in the year: not provisional.
        ("december_known", CaseEvents(D(2026, 12, 1)), D(2026, 12, 29)),
    ],
)
def test_answer_due_table(case, events, due):
    result = answer_due(events, calendar=CN)
    assert result.due == due, case
    assert result.provisional is False, case


def test_unknown_next_year_is_provisional():
    # 12-16..31 (12), 2027-01-01 assumed a working day (13), 01-04..08 (18), 01-12 (20).
    result = answer_due(CaseEvents(D(2026, 12, 15)), calendar=CN)
    assert (result.due, result.provisional) == (D(2027, 1, 12), True)
    assert any(line.startswith("暂定") and "2027年" in line for line in result.explanation)
    assert result.explanation[-1].endswith("（暂定）")


def test_received_in_unknown_year_is_provisional():
    result = answer_due(CaseEvents(D(2027, 3, 1)), calendar=CN)
    assert result.provisional is True
    assert result.due == D(2027, 3, 29)  # weekends only


def test_explanation_names_skipped_and_counted_days():
    lines = answer_due(CaseEvents(D(2026, 9, 24)), calendar=CN).explanation
    assert "不计入：2026-09-25（周五）至2026-09-27（周日），中秋节" in lines
    assert "不计入：2026-10-01（周四）至2026-10-07（周三），国庆节" in lines
    assert "计入：2026-10-10（周六），国庆节调休上班，按工作日计算" in lines
    assert "不计入：2026-10-11（周日），周末" in lines
    assert lines[0] == "收到申请之日：2026-09-24（周四）（第三十一条）"
    assert lines[-1] == "答复期限届满日：2026-10-29（周四）"


def test_explanation_names_consultation_and_articles():
    events = CaseEvents(D(2026, 11, 2), pauses=(Pause(D(2026, 11, 5), D(2026, 11, 16), CONSULT_THIRD_PARTY),))
    lines = answer_due(events, calendar=CN).explanation
    assert "不计入：2026-11-05（周四）至2026-11-06（周五），征求第三方意见（第三十二条、第三十三条第二款）" in lines
    assert any("第三十三条第一款" in line and "20个工作日" in line for line in lines)


def test_explanation_of_correction_and_extension():
    lines = answer_due(CaseEvents(D(2026, 9, 28), correction_received=D(2026, 10, 9), extension=5),
                       calendar=CN).explanation
    assert any("重新起算（第三十条）" in line for line in lines)
    assert any(line.startswith("原答复期限：2026-11-05（周四）") and "延长5个工作日" in line for line in lines)


def test_holiday_receipt_is_explained():
    lines = answer_due(CaseEvents(D(2026, 10, 3)), calendar=CN).explanation
    assert "收到申请之日为非工作日（国庆节），期限仍自次日起算，首个工作日为第1日" in lines


def test_to_dict_shape():
    assert answer_due(CaseEvents(D(2026, 9, 28)), calendar=CN).to_dict()["due"] == "2026-10-30"


@pytest.mark.parametrize(
    ("events", "words"),
    [
        (CaseEvents(D(2026, 9, 28), extension=21), "延长期限为21个工作日"),
        (CaseEvents(D(2026, 9, 28), extension=-1), "延长期限为-1个工作日"),
        (CaseEvents(D(2026, 9, 28), correction_received=D(2026, 9, 27)), "早于收到申请之日"),
        (CaseEvents(D(2026, 9, 28), pauses=(Pause(D(2026, 10, 9), D(2026, 10, 8)),)), "期间倒置"),
        (CaseEvents(D(2026, 9, 28), pauses=(Pause(D(2026, 9, 1), D(2026, 10, 8)),)), "早于收到申请之日"),
    ],
)
def test_impossible_events_raise(events, words):
    with pytest.raises(DeadlineError) as info:
        answer_due(events, calendar=CN)
    assert words in info.value.message


def test_correction_notice_due_seven_working_days():
    # 第三十条: 09-29, 09-30, 10-08, 10-09, 10-10 (调休), 10-12, 10-13.
    assert correction_notice_due(D(2026, 9, 28), calendar=CN).due == D(2026, 10, 13)


def test_fee_payment_due_twenty_working_days():
    assert fee_payment_due(D(2026, 9, 28), calendar=CN).due == D(2026, 10, 30)


@pytest.mark.parametrize(
    ("channel", "kwargs", "expected"),
    [
        (Channel.IN_PERSON, {"handed_in": D(2026, 9, 28)}, D(2026, 9, 28)),
        (Channel.POST_SIGNED, {"signed_for": D(2026, 9, 29), "handed_in": D(2026, 9, 1)}, D(2026, 9, 29)),
        (Channel.POST_UNSIGNED, {"confirmed": D(2026, 9, 30)}, D(2026, 9, 30)),
        (Channel.ONLINE, {"confirmed": D(2026, 10, 8)}, D(2026, 10, 8)),
    ],
)
def test_receipt_date_per_channel(channel, kwargs, expected):
    assert receipt_date(channel, **kwargs) == expected


def test_receipt_date_missing_event():
    with pytest.raises(DeadlineError) as info:
        receipt_date(Channel.POST_SIGNED, confirmed=D(2026, 9, 28))
    assert "签收" in info.value.message
