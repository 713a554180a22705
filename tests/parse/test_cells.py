"""Text normalisation, label keys, encodings and number parsing (gongkai.parse.cells).

The issue asks the readers to treat alike what bodies print differently: full- and half-width
punctuation, the quotes around 三安全一稳定, `、` or `，`, `1.` or `1、`, words spaced out (`结 果`),
labels broken across lines, and GB18030/GBK files."""
from decimal import Decimal

import pytest
from expected import FIXTURE, FIXTURES, differences, load_expected

from gongkai.errors import ParseError
from gongkai.parse import parse_bytes
from gongkai.parse.cells import (
    decode,
    is_mark,
    is_number_text,
    join_spaced,
    label_key,
    normalize_text,
    parse_value,
)
from gongkai.parse.text import text_blocks
from gongkai.parse.tokens import Text, line_tokens
from gongkai.spec import FORMATS


def test_normalize_text_turns_full_width_digits_and_spaces_half_width():
    assert "（二）部分公开 （区分处理的） 12" == normalize_text("（二）部分公开 (区分处理的)\u3000１２")


def test_normalize_text_turns_full_width_point_and_minus_half_width():
    assert "-3.5" == normalize_text("－３．５")


def test_join_spaced_drops_spaces_between_chinese_characters_only():
    assert "结果维持 12 件" == join_spaced("结 果 维 持 12 件")


@pytest.mark.parametrize("printed", [
    "3.危及“三安全一稳定”",
    "3、危及\"三安全一稳定\"",
    "3．危及「三安全一稳定」",
    "３、危及‘三安全一稳定’",
    "3. 危及 “三安全一稳定”",
    "3.危及＂三安全一稳定＂",
])
def test_label_key_ignores_quotes_numbering_punctuation_and_width(printed):
    assert label_key("3.危及“三安全一稳定”") == label_key(printed)


def test_label_key_treats_enumeration_comma_and_comma_alike():
    official = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert label_key(official) == label_key("1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请")


def test_label_key_ignores_spaced_out_words():
    assert label_key("三、本年度办理结果") == label_key("三、本 年 度 办 理 结 果")


def test_label_key_treats_half_and_full_width_brackets_alike():
    assert label_key("（七）总计") == label_key("(七)总计")


def test_a_label_broken_across_lines_reads_as_one_label():
    """pypdf wraps long labels onto the next line; the two lines are one label."""
    blocks = text_blocks("（二）部分公开（区分处理的，只计这一情形，不\n计其他情形） 0 0 0 0 0 0 0")
    texts = [t for b in blocks for t in line_tokens(b) if isinstance(t, Text)]
    label = FORMATS["2021"].table("requests").row("partly_granted").label
    assert label_key(label) == "".join(label_key(t.text) for t in texts)


def test_decode_reads_utf8_with_and_without_bom():
    assert "规章" == decode("规章".encode("utf-8"))
    assert "规章" == decode(b"\xef\xbb\xbf" + "规章".encode("utf-8"))


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "gb2312"])
def test_decode_reads_the_chinese_national_encodings(encoding):
    text = "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）"
    assert text == decode(text.encode(encoding))


def test_decode_refuses_bytes_of_no_known_encoding_in_chinese():
    with pytest.raises(ParseError, match="无法识别文件编码"):
        decode(b"\xff\xfe\xff\xfe\x81")


def test_a_gb18030_file_reads_as_the_same_report_as_its_utf8_original():
    original = FIXTURE.read_text(encoding="utf-8")
    report = parse_bytes(original.encode("gb18030"), FIXTURE.name)
    assert [] == differences(report, load_expected(FIXTURES / "expected" / "wulumuqi-xian-2020.json"))
    assert parse_bytes(original.encode("utf-8"), FIXTURE.name).agency == report.agency


@pytest.mark.parametrize(("printed", "value"), [
    ("", None),
    ("  ", None),
    ("0", 0),
    ("１２", 12),
    ("1,234", 1234),
    ("-3", -3),
    ("－3", -3),
])
def test_parse_value_reads_counts(printed, value):
    assert (value, None) == parse_value(printed)


@pytest.mark.parametrize(("printed", "mark"), [("-", "-"), ("—", "-"), ("——", "-"), ("／", "/"), ("/", "/"),
                                               ("无", "无")])
def test_parse_value_keeps_marks_as_printed_never_zero(printed, mark):
    assert (mark, None) == parse_value(printed)


@pytest.mark.parametrize(("printed", "value", "unit"), [
    ("4068.208", Decimal("4068.208"), None),
    ("21533.5万元", Decimal("21533.5"), "万元"),
    ("251000元", Decimal("25.1"), "万元"),
    ("1.5亿元", Decimal("15000"), "万元"),
    ("30千元", Decimal("3"), "万元"),
])
def test_parse_value_reads_money_in_wanyuan(printed, value, unit):
    assert (value, unit) == parse_value(printed, kind="money")


def test_parse_value_keeps_a_fractional_count_for_r6():
    assert (Decimal("2.5"), None) == parse_value("2.5")


def test_parse_value_reads_a_whole_count_printed_with_zero_decimals_as_int():
    assert (3, None) == parse_value("3.00")


def test_parse_value_refuses_what_is_not_a_number_in_chinese():
    with pytest.raises(ParseError, match="无法识别的数字“1x”"):
        parse_value("1x")


@pytest.mark.parametrize("text", ["12", "1,234", "-3", "4068.208", "21533.5万元", "１２"])
def test_is_number_text(text):
    assert is_number_text(text)


@pytest.mark.parametrize("text", ["规章", "1x", "", "第二十条"])
def test_is_number_text_refuses_words(text):
    assert not is_number_text(text)


@pytest.mark.parametrize(("text", "mark"), [("-", True), ("／", True), ("无", True), ("0", False), ("无法", False)])
def test_is_mark(text, mark):
    assert mark == is_mark(text)
