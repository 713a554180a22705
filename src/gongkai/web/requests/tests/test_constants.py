"""Stored values are the report format's ids, so the annual report can be generated from cases."""
from gongkai.spec import FORMATS
from gongkai.web.requests.constants import (
    CLOSURE_OUTCOMES,
    GRANTED,
    NATURAL_PERSON,
    OUTCOME_IDS,
    PARTLY_GRANTED,
    WITHDRAWN_OUTCOME,
    ApplicantType,
    RequestOutcome,
)

REQUESTS = FORMATS["2021"].table("requests")


def test_applicant_types_are_the_six_applicant_columns():
    assert [c.id for c in REQUESTS.columns if c.id != "total"] == ApplicantType.values
    assert 6 == len(ApplicantType.values)


def test_outcomes_are_the_result_rows_between_the_counts_and_the_total():
    ids = [r.id for r in REQUESTS.rows]
    assert ids[ids.index("carried_in") + 1: ids.index("handled_total")] == RequestOutcome.values


def test_labels_come_from_the_format():
    assert "自然人" == ApplicantType.NATURAL_PERSON.label
    assert "不予公开：属于国家秘密" == RequestOutcome.WITHHELD_STATE_SECRET.label


def test_named_outcomes_are_rows_of_the_format():
    """The rows request-workflow.md names (部分公开, 撤回 → 其他, closures) exist in the format."""
    assert {GRANTED, PARTLY_GRANTED, WITHDRAWN_OUTCOME, *CLOSURE_OUTCOMES} <= set(OUTCOME_IDS)


def test_natural_person_is_found_by_its_grouping():
    assert "natural_person" == NATURAL_PERSON
