"""Reports that stop early, and reports in the pre-2019 format, fail clearly.

The corpus heads 101–118 hold only the first part of a report: each must raise
TruncatedReportError naming in Chinese the parts that are missing, and still carry the body,
year and (only when the printed tables decide it) the format. 015 is a 2018 report in the
pre-2019 format: UnsupportedFormatError, never TruncatedReportError."""
import pytest
from expected import CORPUS

from gongkai.errors import TruncatedReportError, UnsupportedFormatError
from gongkai.parse import parse_path
from gongkai.spec import FORMATS

from .test_meta import EXPECTED

HEADS = sorted(CORPUS.glob("1[01][0-9]_head-*.txt"))
# Heads that print part of section 二's tables: their header rows decide the format.
FORMAT_FROM_TABLES = {"101": "2021", "102": "2021", "111": "2019"}
HEADINGS = {s.id: s.heading for s in FORMATS["2021"].sections}


def _error(path):
    with pytest.raises(TruncatedReportError) as info:
        parse_path(path)
    return info.value


def test_there_are_eighteen_heads():
    assert 18 == len(HEADS)


@pytest.mark.parametrize("path", HEADS, ids=[p.name[:3] for p in HEADS])
def test_head_raises_truncated_report_with_what_it_detected(path):
    error = _error(path)
    agency, year = EXPECTED[path.name[:3]]
    assert {"agency": agency, "year": year, "format": FORMAT_FROM_TABLES.get(path.name[:3])} == error.detected


@pytest.mark.parametrize("path", HEADS, ids=[p.name[:3] for p in HEADS])
def test_head_error_names_the_missing_parts_in_chinese(path):
    message = _error(path).message
    assert message.startswith("报告不完整：缺少")
    missing = ["requests", "appeals", "problems", "other"]
    if path.name[:3] not in FORMAT_FROM_TABLES:
        missing.insert(0, "proactive")
        assert "无法判断格式" in message
    assert all(f"“{HEADINGS[sid]}”" in message for sid in missing)
    assert f"“{HEADINGS['overview']}”" not in message


def test_head_error_carries_the_source_and_its_detected_values_in_to_dict():
    path = CORPUS / "111_head-xiaogan-shizhengfu-bgs_2020.txt"
    data = _error(path).to_dict()
    assert ("truncated-report", path.name) == (data["code"], data["location"]["source"])
    assert {"agency": "孝感市人民政府办公室", "year": 2020, "format": "2019"} == data["detected"]


def test_pre_2019_report_is_unsupported_not_truncated():
    path = CORPUS / "015_pingtan_2018.txt"
    with pytest.raises(UnsupportedFormatError) as info:
        parse_path(path)
    assert not isinstance(info.value, TruncatedReportError)
    assert "2019 年以前的旧格式" in info.value.message
    assert {"agency": "平潭综合实验区", "year": 2018, "format": None} == info.value.detected
