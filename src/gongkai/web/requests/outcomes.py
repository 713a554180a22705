"""Which single report row a reply counts under (request-workflow.md, 第三十六至三十九条)."""
from __future__ import annotations

from collections.abc import Sequence

from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import CLOSURE_OUTCOMES, GRANTED, OUTCOME_IDS, PARTLY_GRANTED

OUTCOME_NONE = "请至少选择一种答复结果"
OUTCOME_UNKNOWN = "答复结果“%(outcome)s”不是年度报告中的办理结果"
OUTCOME_CLOSURE = "“%(outcome)s”由终止办理操作记录，不能作为答复结果"
OUTCOME_AMBIGUOUS = "未公开任何信息而有多种理由（%(outcomes)s）时，请选择一种主要理由计入年度报告"


def resolve_outcome(parts: Sequence[str]) -> str:
    """The one row a reply counts under, from the result of each part of the information asked.

    Anything disclosed next to anything withheld, unavailable or refused is 区分处理 (第三十七条),
    and the format says to count it as ``partly_granted`` only ("只计这一情形，不计其他情形").
    Several reasons with nothing disclosed are ambiguous: the office must pick one.
    """
    distinct = list(dict.fromkeys(parts))
    if not distinct:
        raise ApplicationError("outcome-missing", OUTCOME_NONE)
    for outcome in distinct:
        if outcome not in OUTCOME_IDS:
            raise ApplicationError("outcome-unknown", OUTCOME_UNKNOWN % {"outcome": outcome})
        if outcome in CLOSURE_OUTCOMES:
            raise ApplicationError("outcome-closure", OUTCOME_CLOSURE % {"outcome": outcome})
    if PARTLY_GRANTED in distinct or (GRANTED in distinct and len(distinct) > 1):
        return PARTLY_GRANTED
    if len(distinct) > 1:
        raise ApplicationError("outcome-ambiguous", OUTCOME_AMBIGUOUS % {"outcomes": "、".join(distinct)})
    return distinct[0]
