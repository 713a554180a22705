"""Text normalisation, label keys and number parsing shared by every reader."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from gongkai.errors import Location, ParseError

# Marks a body prints instead of a number; kept as printed, never read as 0.
MARKS = frozenset({"-", "/", "无", "—", "－", "／", "——"})
_MARK_CANON = {"—": "-", "－": "-", "——": "-", "／": "/"}

_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {
    "．": ".", "，": "，", "﹒": ".", "－": "-", "−": "-", "‐": "-", "﹣": "-",
    "\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": "",
    "\ufeff": "", "(": "（", ")": "）", "“": "“", "”": "”", "\"": "”",
})
# Spaces between two Chinese characters. The space comes first, the character before it is
# checked behind the space: a pattern that starts with a look-behind is tried at every position
# of the text, one that starts with a space only where there is one (seven times faster).
_SPACED_CJK = re.compile(r" (?<=[\u4e00-\u9fff] ) *(?=[\u4e00-\u9fff])")


# The characters `normalize_text` changes, in runs. `str.translate` with a table costs some 40 ns
# a character whatever the text; most lines print none of these characters, and a search for
# them costs a hundredth of that, so only the runs found are translated.
_TO_NORMALIZE = re.compile("[" + "".join(re.escape(chr(code)) for code, to in _FULLWIDTH.items()
                                         if chr(code) != to) + "]+")


@lru_cache(maxsize=8192)  # a report's lines are normalised by several passes
def normalize_text(text: str) -> str:
    """Full-width digits and spaces to half width, `(` to `（`, one kind of dash.

    >>> normalize_text("（二）部分公开 (区分处理的)\u3000１２")
    '（二）部分公开 （区分处理的） 12'
    """
    return _normalize(text)


def _normalize(text: str) -> str:
    if _TO_NORMALIZE.search(text) is None:
        return text
    return _TO_NORMALIZE.sub(_translate_run, text)


def _translate_run(match: re.Match) -> str:
    return match.group().translate(_FULLWIDTH)


def join_spaced(text: str) -> str:
    """`结 果` → `结果`: spaces between Chinese characters are layout, not words."""
    return _SPACED_CJK.sub("", text) if " " in text else text


_KEY_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
_NUMBERING = re.compile(r"^(\d+)\s*[、.．,，]")


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A comparable form of a label: no spaces, punctuation or quotes; `1、` and `1.` alike.

    >>> label_key("3.危及“三安全一稳定”") == label_key("3、危及 \\"三安全一稳定\\"")
    True
    """
    # Quotes, like every character `normalize_text` turns into punctuation or space, are dropped
    # with the rest; of what it changes only full-width digits remain, to be made half width.
    return _normalize(_KEY_DROP.sub("", text))


def similarity_bound(a: str, b: str) -> float:
    """An upper bound of SequenceMatcher(a, b).ratio(), cheap enough to skip hopeless pairs."""
    if not a and not b:
        return 1.0
    return 2 * sum(map(set(b).__contains__, a)) / (len(a) + len(b))


def shared_bound(a: str, b: str) -> float:
    """A tighter upper bound of SequenceMatcher(a, b).ratio() than `similarity_bound`: each
    character counted as often as both strings print it (SequenceMatcher.quick_ratio).

    >>> shared_bound("政府信息公开行政复议行政诉讼情况", "主动公开政府信息情况") < 0.72 <= similarity_bound(
    ...     "政府信息公开行政复议行政诉讼情况", "主动公开政府信息情况")
    True
    """
    if not a and not b:
        return 1.0
    shared = sum(min(a.count(ch), b.count(ch)) for ch in set(a).intersection(b))
    return 2 * shared / (len(a) + len(b))


def decode(data: bytes, *, source: str | None = None) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError("无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK）",
                     location=Location(source=source))


_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_UNIT = re.compile(r"^(.*?\d)\s*(万元|元|亿元|千元)$")
_TO_WANYUAN = {"元": Decimal("0.0001"), "千元": Decimal("0.1"), "万元": Decimal(1), "亿元": Decimal(10000)}


_VALUE_TEXT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万元|元|亿元|千元)?")


def is_number_text(text: str) -> bool:
    return bool(_VALUE_TEXT.fullmatch(normalize_text(text).strip()))


def is_mark(text: str) -> bool:
    return normalize_text(text).strip() in MARKS


def is_value_text(normalized: str) -> bool:
    """A cell (already normalised and stripped) that holds a value: blank, a number or a mark."""
    return not normalized or normalized in MARKS or _VALUE_TEXT.fullmatch(normalized) is not None


def parse_value(text: str, *, kind: str = "count", location: Location | None = None):
    """Read one printed cell: (value, unit).

    Blank → (None, None); `-`, `/`, `无` → the mark as printed; counts → int; money → Decimal,
    normalised to 万元 when a unit is printed.

    >>> parse_value("21533.5万元", kind="money")
    (Decimal('21533.5'), '万元')
    >>> parse_value("251000元", kind="money")
    (Decimal('25.1'), '万元')
    >>> parse_value("")
    (None, None)
    >>> parse_value("1x")
    Traceback (most recent call last):
    gongkai.errors.ParseError: 无法识别的数字“1x”
    """
    if text.isascii() and text.isdigit() and kind != "money":
        return int(text), None  # the common case, without the regular expressions
    raw = normalize_text(text).strip()
    if not raw:
        return None, None
    if raw in MARKS:
        return _MARK_CANON.get(raw, raw), None
    unit = None
    m = _UNIT.match(raw)
    if m:
        raw, unit = m.group(1).strip(), m.group(2)
    m = _NUMBER.match(raw)
    if not m:
        raise ParseError(f"无法识别的数字“{text.strip()}”", location=location)
    digits = m.group(1) + m.group(2).replace(",", "") + (m.group(3) or "")
    if kind == "money":
        try:
            value = Decimal(digits)
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only decimals
            raise ParseError(f"无法识别的金额“{text.strip()}”", location=location) from exc
        if unit:
            value, unit = Decimal(format((value * _TO_WANYUAN[unit]).normalize(), "f")), "万元"
        return value, unit
    if m.group(3) and set(m.group(3)[1:]) != {"0"}:
        return Decimal(digits), unit  # a fractional count: kept, and flagged by R6
    return int(m.group(1) + m.group(2).replace(",", "")), unit
