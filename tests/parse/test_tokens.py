"""Printed lines split into labels and values."""
import pytest

from gongkai.errors import Location
from gongkai.parse.document import Line
from gongkai.parse.tokens import line_tokens


def _kinds(text):
    return [(type(t).__name__, t.text) for t in line_tokens(Line(text, Location()))]


@pytest.mark.parametrize(("line", "expected"), [
    ("1.属于国家秘密 0 0 0 0 0 0 7", [("Text", "1.属于国家秘密")] + [("Value", "0")] * 6 + [("Value", "7")]),
    ("规章 无 无 无", [("Text", "规章"), ("Value", "无"), ("Value", "无"), ("Value", "无")]),
    ("行政许可 - / 5", [("Text", "行政许可"), ("Value", "-"), ("Value", "/"), ("Value", "5")]),
    ("行政事业性收费 28 -1", [("Text", "行政事业性收费"), ("Value", "28"), ("Value", "-1")]),
    ("政府集中采购 90 21533.5万元", [("Text", "政府集中采购"), ("Value", "90"), ("Value", "21533.5万元")]),
    ("（二）部分公开（区分处理的，只计这一情 形，不", [("Text", "（二）部分公开（区分处理的，只计这一情形，不")]),
    ("00000002.其他法律行政法规禁止公开 0000000",
     [("Value", "0000000"), ("Text", "2.其他法律行政法规禁止公开"), ("Value", "0000000")]),
    ("本年增/减", [("Text", "本年增/减")]),
    ("— 5 —", []),
])
def test_line_tokens(line, expected):
    assert expected == _kinds(line)
