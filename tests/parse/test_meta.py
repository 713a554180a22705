"""The body and the year a report names (gongkai.parse.meta).

The reader gives the body as the report prints it in its title or preamble (line 2 of each corpus
file is a human annotation, often fuller: the table below says, per file, what the text prints
and why that is the reading)."""
import pytest
from expected import CORPUS, FIXTURE

from gongkai.errors import ParseError
from gongkai.parse import parse_path
from gongkai.parse.meta import detect_agency, detect_year

# file prefix -> (agency, year), with where the text prints them.
EXPECTED = {
    # title lines `洪泽区人民政府` / `2023 年政府信息公开工作年度报告` (preamble: 淮安市洪泽区人民政府办公室)
    "001": ("洪泽区人民政府", 2023),
    "002": ("淮安市洪泽区人民政府", 2024),  # title lines, below the page number `- 1 -`
    "003": ("淮安市人民政府", 2024),  # title lines
    # no title; preamble `汇总平潭综合实验区各有关单位政府信息公开工作情况编制而成`
    "007": ("平潭综合实验区", 2022),
    # title `沐阳县人民政府 2025 年 政府信息公开工作年度报告`: the OCR spelling, kept faithfully
    "011": ("沐阳县人民政府", 2025),
    "012": ("上海市科委", 2024),  # title `2024 年上海市科委政府信息公开工作\n年度报告`, as printed
    "013": ("上海市人民政府办公厅", 2025),  # title `2025 年上海市人民政府办公厅政府信息公开\n工作年度报告`
    "014": ("上海市人民政府办公厅", 2019),  # HTML title paragraph
    "015": ("平潭综合实验区", 2018),  # title `平潭综合实验区2018年度政府信息公开工作年度报告`
    # `由信访局结合有关统计数据编制`, `现将信访局2021年度政府信息公开工作报告如下`
    "101": ("信访局", 2021),
    # `编制我单位2021年…报告`; the only body named is the contact `请与来凤县政务服务和大数据管理局(地址:…`
    "102": ("来凤县政务服务和大数据管理局", 2021),
    "103": ("来凤县人民政府", 2021),  # `现将来凤县人民政府2021年政府信息公开工作年度报告进行公开`
    # `现公布《贵阳市2021年政府信息公开工作年度报告》`: a city-wide report, named by the city
    "104": ("贵阳市", 2021),
    "105": ("上海市", 2022),  # title `2022年上海市政府信息公开工作年度报告`: the city-wide report
    # no title or preamble: 总体情况 opens `2021年,榕城区政府办公室根据…`
    "106": ("榕城区政府办公室", 2021),
    "107": ("陈炉古镇景区管委会", 2021),  # 总体情况 opens `2021年,陈炉古镇景区管委会认真贯彻落实…`
    # no title or preamble; 总体情况 opens with `(一)主动公开` and the text only says `经开区`
    # (an abbreviation, no place); the year: `2021年,主动公开政府信息977条` and the rest
    "108": (None, 2021),
    "109": ("湄洲岛管委会办公室", 2021),  # title `湄洲岛管委会办公室2021年政府信息公开工作年度报告`
    # `本级政府信息公开工作年度报告`, contact `请与翔安区人民政府办公室联系`: the government's own
    # report, its office the contact
    "110": ("翔安区人民政府", 2021),
    "111": ("孝感市人民政府办公室", 2020),  # title lines
    # `2020年度本机关政府信息公开工作年度报告`, contact `请与泰安市发展和改革委员会联系`
    "112": ("泰安市发展和改革委员会", 2020),
    # the page calls itself `我局` and names no 局; its contact is a party department's section
    # (中共榆树市委宣传部宣传科), not an administrative body: no body can be read
    "113": (None, 2020),
    "114": ("兴华镇人民政府", 2024),  # `兴华镇人民政府特此编制2024年度政府信息公开工作年度报告`
    "115": ("安镇街道", 2024),  # title `安镇街道2024年政府信息公开工作年度报告`
    # `由嘉善县大云镇人民政府综合信息指挥室(党政综合办公室)负责编制`: the government's office compiles it
    "116": ("嘉善县大云镇人民政府", 2024),
    "117": ("安吉县人民政府递铺街道办事处", 2024),  # title lines
    "118": ("塘下镇人民政府", 2024),  # `本报告由塘下镇人民政府结合有关统计数据编制`
}


def _detected(path):
    """(agency, year) of a full report, or as carried by the error of a head or an old report."""
    try:
        report = parse_path(path)
    except ParseError as exc:
        if exc.detected is None:
            raise
        return exc.detected["agency"], exc.detected["year"]
    return report.agency, report.year


def _corpus_file(prefix: str):
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path


def test_every_corpus_file_has_an_expectation():
    assert sorted(p.name[:3] for p in CORPUS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("prefix", [p for p in EXPECTED if p not in ("001", "007")])
def test_corpus_report_names_its_body_and_year(prefix):
    assert EXPECTED[prefix] == _detected(_corpus_file(prefix))


@pytest.mark.parametrize("prefix", ["001", "007"])
def test_body_and_year_of_reports_whose_tables_are_read_elsewhere(prefix):
    """001 (cells column by column) and 007 (digits run together) are read by the resolver; their
    body and year come from their head alone."""
    text = _corpus_file(prefix).read_text(encoding="utf-8").split("一、总体情况")[0]
    overview = _corpus_file(prefix).read_text(encoding="utf-8").split("一、总体情况")[1][:300]
    assert EXPECTED[prefix] == (detect_agency(text, overview), detect_year(text, overview))


def test_fixture_title_place_is_completed_by_its_letterhead():
    """`乌鲁木齐县2020年…` under the letterhead `乌鲁木齐县人民政府办公室`: the county government."""
    assert ("乌鲁木齐县人民政府", 2020) == _detected(FIXTURE)


def test_title_body_first():
    assert "平潭综合实验区" == detect_agency("平潭综合实验区2018年度政府信息公开工作年度报告 根据《条例》")


def test_title_body_on_the_line_above_the_year():
    assert "洪泽区人民政府" == detect_agency("洪泽区人民政府\n\n2023 年政府信息公开工作年度报告\n本报告由…")


def test_title_year_first_and_wrapped():
    head = "2025 年上海市人民政府办公厅政府信息公开\n工作年度报告"
    assert ("上海市人民政府办公厅", 2025) == (detect_agency(head), detect_year(head))


def test_title_with_spaced_out_words():
    assert ("上海市科委", 2024) == (detect_agency("2024 年上海市科委政府信息公开工作\n年 度 报 告"),
                                    detect_year("2024 年上海市科委政府信息公开工作\n年 度 报 告"))


def test_title_quoted_by_the_preamble_drops_the_verb_around_it():
    assert "兴华镇人民政府" == detect_agency(",兴华镇人民政府特此编制2024年度政府信息公开工作年度报告。")
    assert "贵阳市" == detect_agency("现公布《贵阳市2021年政府信息公开工作年度报告》。")


def test_a_place_in_the_title_is_not_completed_from_prose():
    """Only a letterhead line completes `贵阳市`; the contact `贵阳市人民政府办公厅` does not."""
    head = "现公布《贵阳市2021年政府信息公开工作年度报告》。请与贵阳市人民政府办公厅联系(地址:贵阳市)"
    assert "贵阳市" == detect_agency(head)


def test_own_level_and_unit_words_are_not_bodies():
    assert detect_agency("特向社会公布2020年度本级政府信息公开年度报告。") is None
    assert detect_agency("编制我单位2021年政府信息公开工作年度报告。") is None


def test_compiler_office_of_a_government_gives_the_government():
    head = "由嘉善县大云镇人民政府综合信息指挥室(党政综合办公室)负责编制本报告。"
    assert "嘉善县大云镇人民政府" == detect_agency(head)


def test_contact_is_the_last_resort_of_the_preamble():
    head = "编制我单位2021年政府信息公开工作年度报告。如有疑问请与来凤县政务服务和大数据管理局(地址:来凤县)。"
    assert "来凤县政务服务和大数据管理局" == detect_agency(head)


def test_contact_office_of_a_government_reporting_on_its_own_level_gives_the_government():
    head = "向社会公布2021年本级政府信息公开工作年度报告。如需咨询,请与翔安区人民政府办公室联系。"
    assert "翔安区人民政府" == detect_agency(head)


def test_contact_that_is_not_a_body_is_not_taken():
    assert detect_agency("如对本报告有任何疑问,请与中共榆树市委宣传部宣传科联系。") is None


def test_opening_sentence_of_the_overview_names_the_body_when_nothing_else_does():
    assert "陈炉古镇景区管委会" == detect_agency("", "2021年,陈炉古镇景区管委会认真贯彻落实《条例》")
    assert detect_agency("", "2021年,我局认真贯彻落实《条例》") is None


def test_year_from_the_statistics_period():
    assert 2024 == detect_year("本报告所列数据统计期限为2024年1月1日至12月31日。")


def test_year_from_the_opening_sentence():
    assert 2021 == detect_year("", "2021年,榕城区政府办公室根据《条例》,2020年以来……")


def test_no_year_printed():
    assert detect_year("没有年份的文字") is None


def test_title_inside_a_notice_of_publication():
    head = "乌鲁木齐县人民政府办公室关于印发乌鲁木齐县2020年政府信息公开工作年度报告的通知"
    assert "乌鲁木齐县" == detect_agency(head)


def test_the_whole_county_is_not_a_body():
    assert detect_agency("", "2021年,全县各单位认真贯彻落实《条例》") is None
