"""Identity numbers an applicant gives (条例 第二十九条: proof of identity), checked offline.

* 公民身份号码 (resident identity number), GB 11643-1999: 6-digit address code, 8-digit
  birth date, 3-digit order code, and a check character computed by ISO 7064 MOD 11-2.
* 统一社会信用代码 (unified social credit code of an organisation), GB 32100-2015:
  17 characters and a check character computed modulo 31.

A check character proves the number was typed as issued; it does not prove that it was
issued. No register is consulted, on purpose: the office verifies identity documents itself.
"""
from __future__ import annotations

import re
from datetime import date

from gongkai.errors import GongkaiError

# GB 11643-1999 §7.2: weight of position i (1-based, from the left) is 2^(18-i) mod 11.
_RESIDENT_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
# GB 11643-1999 §7.2: the check character for (sum mod 11) = 0, 1, …, 10; 10 is written "X".
_RESIDENT_CHECK = "10X98765432"
_RESIDENT_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")

# GB 32100-2015 §4.2: the 31 code characters; I, O, Z, S and V are never used.
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# GB 32100-2015 §4.3: weight of position i (0-based) is 3^i mod 31.
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_CREDIT_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")


class IdentityNumberError(GongkaiError, ValueError):
    """An identity number that cannot be as issued. ``code`` says which check failed."""

    code = "identity-invalid"

    def __init__(self, message: str, *, code: str, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.code = code


def normalise_number(text: str) -> str:
    """Strip spaces and use capital letters: people type ``x`` and group digits with spaces.

    >>> normalise_number(" 11010519491231002x ")
    '11010519491231002X'
    """
    return re.sub(r"\s+", "", text).upper()


def resident_id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of a 公民身份号码.

    >>> resident_id_check_char("11010519491231002")
    'X'
    """
    total = sum(int(ch) * w for ch, w in zip(first17, _RESIDENT_WEIGHTS, strict=True))
    return _RESIDENT_CHECK[total % 11]


def validate_resident_id(text: str, *, today: date | None = None) -> str:
    """Check a 公民身份号码 and return it normalised (no spaces, capital ``X``).

    Args:
        text: the number as typed.
        today: no one can be born after it; omitted, the birth date is only checked to exist.
    Returns:
        The 18-character number.
    Raises:
        IdentityNumberError: wrong length or characters (``id-format``), a 15-digit
            first-generation number (``id-first-generation``), a birth date that does not exist
            or lies in the future (``id-birth-date``), or a wrong check character (``id-check``).

    >>> validate_resident_id("11010519491231002x")
    '11010519491231002X'
    >>> validate_resident_id("110105194912310021")
    Traceback (most recent call last):
    ...
    gongkai.identity.IdentityNumberError: 身份证号码校验位错误：第18位应为“X”，实为“1”，请核对号码
    """
    number = normalise_number(text)
    if re.fullmatch(r"[0-9]{15}", number):
        # First-generation cards (15 digits, no check character) ceased to be valid on 2013-01-01.
        raise IdentityNumberError(
            "身份证号码为15位的第一代居民身份证号码，已于2013年1月1日停止使用，请填写18位号码",
            code="id-first-generation",
        )
    if not _RESIDENT_SHAPE.match(number):
        raise IdentityNumberError(
            f"身份证号码应为18位：前17位为数字，第18位为数字或X（实为{len(number)}位“{number}”）",
            code="id-format",
        )
    _check_birth_date(number[6:14], today)
    expected = resident_id_check_char(number[:17])
    if number[17] != expected:
        raise IdentityNumberError(
            f"身份证号码校验位错误：第18位应为“{expected}”，实为“{number[17]}”，请核对号码",
            code="id-check",
        )
    return number


def _check_birth_date(digits: str, today: date | None) -> None:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        born = None
    # GB 11643 dates start with the century; nobody alive was born before 1900.
    if born is None or born.year < 1900 or (today is not None and born > today):
        raise IdentityNumberError(
            f"身份证号码第7至14位的出生日期“{digits}”不是有效日期",
            code="id-birth-date",
        )


def is_valid_resident_id(text: str) -> bool:
    """True when ``validate_resident_id`` accepts ``text``.

    >>> is_valid_resident_id("11010519491231002X"), is_valid_resident_id("110105194912310020")
    (True, False)
    """
    try:
        validate_resident_id(text)
    except IdentityNumberError:
        return False
    return True


def credit_code_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a 统一社会信用代码.

    >>> credit_code_check_char("91350100M000100Y4")
    '3'
    """
    total = sum(_CREDIT_ALPHABET.index(ch) * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(text: str) -> str:
    """Check a 统一社会信用代码 and return it normalised.

    Raises:
        IdentityNumberError: wrong length or characters (``credit-format``) or a wrong check
            character (``credit-check``).

    >>> validate_credit_code("91350100M000100Y43")
    '91350100M000100Y43'
    >>> validate_credit_code("91350100M000100Y44")
    Traceback (most recent call last):
    ...
    gongkai.identity.IdentityNumberError: 统一社会信用代码校验位错误：第18位应为“3”，实为“4”，请核对代码
    """
    code = normalise_number(text)
    if not _CREDIT_SHAPE.match(code):
        raise IdentityNumberError(
            f"统一社会信用代码应为18位，由数字和除I、O、Z、S、V以外的大写字母组成，"
            f"第3至8位为数字（实为“{code}”）",
            code="credit-format",
        )
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise IdentityNumberError(
            f"统一社会信用代码校验位错误：第18位应为“{expected}”，实为“{code[17]}”，请核对代码",
            code="credit-check",
        )
    return code
