"""Which report row a reply counts under (request-workflow.md; 2021 format note on 部分公开)."""
import pytest

from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.outcomes import resolve_outcome


@pytest.mark.parametrize(
    ("parts", "row"),
    [
        (["granted"], "granted"),
        (["granted", "granted"], "granted"),
        (["partly_granted"], "partly_granted"),
        (["withheld_state_secret", "partly_granted"], "partly_granted"),
        (["unavailable_not_held", "granted"], "partly_granted"),
        (["rejected_petition"], "rejected_petition"),
    ],
)
def test_row_for_parts(parts, row):
    assert row == resolve_outcome(parts)


@pytest.mark.parametrize(
    ("parts", "code"),
    [
        ([], "outcome-missing"),
        (["approved"], "outcome-unknown"),
        (["other_no_correction"], "outcome-closure"),
        (["withheld_internal", "withheld_process"], "outcome-ambiguous"),
    ],
)
def test_refused_parts(parts, code):
    with pytest.raises(ApplicationError) as caught:
        resolve_outcome(parts)
    assert code == caught.value.code
