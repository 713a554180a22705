"""PII masking for lists and exports (issue 3 §7): only the ends of a number stay readable."""
import doctest

import pytest

import gongkai.masking
from gongkai.masking import mask_id_number, mask_middle, mask_phone


def test_resident_id_keeps_four_and_four():
    assert "6501**********1234" == mask_id_number("650121199001011234")


def test_resident_id_hides_the_birth_date():
    masked = mask_id_number("650121199001011234")
    assert "19900101" not in masked


def test_resident_id_lower_case_x_and_spaces_normalised():
    assert "1101**********002X" == mask_id_number("110105 19491231 002x")


def test_mobile_keeps_three_and_four():
    assert "139****5678" == mask_phone("13912345678")


def test_phone_spaces_and_hyphens_ignored():
    assert "139****5678" == mask_phone("139-1234 5678")


@pytest.mark.parametrize("short", ["", "1", "12345678"])
def test_too_short_id_is_masked_entirely(short):
    assert "*" * len(short) == mask_id_number(short)


def test_masked_value_has_the_same_length():
    assert len("650121199001011234") == len(mask_id_number("650121199001011234"))


def test_negative_keep_is_a_programmer_error():
    with pytest.raises(ValueError, match="保留位数不能为负数"):
        mask_middle("abc", keep_start=-1, keep_end=0)


def test_docstring_examples_hold():
    result = doctest.testmod(gongkai.masking)
    assert (0, True) == (result.failed, result.attempted > 0)
