"""Identity numbers of applicants (条例 第二十九条): GB 11643 and GB 32100 check characters."""
import doctest
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gongkai.identity
from gongkai.identity import (
    IdentityNumberError,
    credit_code_check_char,
    is_valid_resident_id,
    resident_id_check_char,
    validate_credit_code,
    validate_resident_id,
)

# The worked example of GB 11643-1999 and a code printed on a real business licence.
STANDARD_RESIDENT_ID = "11010519491231002X"
KNOWN_CREDIT_CODE = "91350100M000100Y43"

addresses = st.from_regex(r"\A[1-8][0-9]{5}\Z")
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 12, 31))
order_codes = st.from_regex(r"\A[0-9]{3}\Z")


@st.composite
def resident_ids(draw) -> str:
    first17 = draw(addresses) + draw(birth_dates).strftime("%Y%m%d") + draw(order_codes)
    return first17 + resident_id_check_char(first17)


def test_doctests_hold():
    assert 0 == doctest.testmod(gongkai.identity).failed


def test_standard_example_is_valid():
    assert STANDARD_RESIDENT_ID == validate_resident_id(" 110105 19491231 002x ")


@given(resident_ids())
def test_every_number_with_its_check_char_is_valid(number):
    assert number == validate_resident_id(number)


@given(resident_ids(), st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_caught(number, position, delta):
    """MOD 11-2 detects every single substitution; the birth date check may fire first."""
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    with pytest.raises(IdentityNumberError) as caught:
        validate_resident_id(changed)
    assert caught.value.code in {"id-check", "id-birth-date"}


@given(resident_ids())
def test_any_other_check_char_is_refused(number):
    for wrong in set("0123456789X") - {number[-1]}:
        assert not is_valid_resident_id(number[:-1] + wrong)


@given(resident_ids(), st.integers(min_value=0, max_value=15))
def test_adjacent_transposition_is_caught(number, position):
    a, b = number[position], number[position + 1]
    swapped = number[:position] + b + a + number[position + 2:]
    if a != b and (position != 16 or b != "X"):
        assert not is_valid_resident_id(swapped)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("110105491231002", "id-first-generation"),
        ("11010519491231002", "id-format"),
        ("1101051949123100XX", "id-format"),
        ("110105194902300020", "id-birth-date"),  # 30 February
        ("110105189912310020", "id-birth-date"),  # before 1900
        ("110105194912310021", "id-check"),
    ],
)
def test_refusal_names_the_failed_check(text, code):
    with pytest.raises(IdentityNumberError) as caught:
        validate_resident_id(text)
    assert code == caught.value.code


def test_birth_after_today_is_refused():
    today = date(2026, 11, 26)
    first17 = "110105" + (today + timedelta(days=1)).strftime("%Y%m%d") + "002"
    with pytest.raises(IdentityNumberError, match="出生日期"):
        validate_resident_id(first17 + resident_id_check_char(first17), today=today)


def test_check_char_message_says_expected_and_actual():
    with pytest.raises(IdentityNumberError) as caught:
        validate_resident_id("110105194912310021")
    assert "身份证号码校验位错误：第18位应为“X”，实为“1”，请核对号码" == caught.value.message


def test_known_credit_code_is_valid():
    assert KNOWN_CREDIT_CODE == validate_credit_code(KNOWN_CREDIT_CODE.lower())


@given(st.from_regex(r"\A[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{9}\Z"))
def test_credit_code_with_its_check_char_is_valid(first17):
    code = first17 + credit_code_check_char(first17)
    assert code == validate_credit_code(code)


@pytest.mark.parametrize(("text", "code"), [("91350100M000100Y44", "credit-check"),
                                            ("91350100M000100YI3", "credit-format"),
                                            ("9135010", "credit-format")])
def test_bad_credit_code_is_refused(text, code):
    with pytest.raises(IdentityNumberError) as caught:
        validate_credit_code(text)
    assert code == caught.value.code
