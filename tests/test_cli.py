"""The `gongkai` command: exit codes, --json, help on every command."""
import json
import subprocess
import sys

import pytest
from expected import CORPUS, FIXTURE
from typer.testing import CliRunner

from gongkai.cli import ExitStatus, app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_check_fixture_prints_the_four_findings_and_exits_1():
    result = invoke("check", FIXTURE)
    assert ExitStatus.FINDINGS == result.exit_code
    for rule in ("R1-balance", "R2-handled-sum", "R3-row-total", "R5-blank"):
        assert rule in result.stdout
    assert 4 == sum(1 for line in result.stdout.splitlines() if line.startswith("  R"))


def test_check_clean_report_exits_0():
    result = invoke("check", CORPUS / "003_huaian-shi_2024.txt")
    assert ExitStatus.OK == result.exit_code
    assert "未发现问题" in result.stdout


def test_check_unreadable_exits_3_with_a_chinese_message(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("这不是年度报告", encoding="utf-8")
    result = invoke("check", bad)
    assert ExitStatus.UNREADABLE == result.exit_code
    assert "无法读取" in result.stderr


def test_missing_file_exits_3():
    result = invoke("check", "/no/such/report.txt")
    assert ExitStatus.UNREADABLE == result.exit_code
    assert "找不到" in result.stderr


def test_usage_error_exits_2():
    assert ExitStatus.USAGE == invoke("check").exit_code
    assert ExitStatus.USAGE == invoke("render", FIXTURE, "--to", "pptx").exit_code
    result = invoke("parse", FIXTURE, "--json", "--csv")
    assert ExitStatus.USAGE == result.exit_code
    assert "--json 与 --csv 不能同时使用" in result.stderr


def test_check_json_parses():
    result = invoke("check", FIXTURE, "--json")
    data = json.loads(result.stdout)
    assert ["R1-balance", "R2-handled-sum", "R3-row-total", "R5-blank"] == [f["rule"] for f in data["findings"]]


def test_parse_json_has_the_contract_shape():
    data = json.loads(invoke("parse", FIXTURE, "--json").stdout)
    assert {"source", "format", "agency", "year", "tables", "units", "text", "findings"} == set(data)
    assert [149, 0, 1954] == list(data["tables"]["proactive"]["item5"]["licensing"].values())
    assert 21533.5 == data["tables"]["proactive"]["item9"]["procurement"]["amount"]
    assert "万元" == data["units"]["proactive.item9.procurement.amount"]
    assert None is data["tables"]["requests"]["withheld_process"]["commercial"]


def test_several_files_give_a_list_and_a_summary(tmp_path):
    (tmp_path / "a.txt").write_bytes(FIXTURE.read_bytes())
    (tmp_path / "b.txt").write_text("乱码", encoding="utf-8")
    result = invoke("check", tmp_path, "--json")
    assert 2 == len(json.loads(result.stdout))
    assert "共 2 个文件：无问题 0，有错误 1，仅有警告 0，无法读取 1" in result.stderr
    assert ExitStatus.UNREADABLE == result.exit_code


def test_globs_are_expanded(tmp_path):
    for name in ("x-2020.txt", "y-2020.txt"):
        (tmp_path / name).write_bytes(FIXTURE.read_bytes())
    result = invoke("parse", str(tmp_path / "*.txt"), "--json")
    assert 2 == len(json.loads(result.stdout))


@pytest.mark.parametrize("to", ["json", "md", "html", "csv"])
def test_render_text_formats_to_stdout(to):
    result = invoke("render", FIXTURE, "--to", to)
    assert 0 == result.exit_code
    assert "1954" in result.stdout


@pytest.mark.parametrize("to", ["docx", "xlsx"])
def test_render_binary_formats_need_an_output_file(to, tmp_path):
    assert ExitStatus.USAGE == invoke("render", FIXTURE, "--to", to).exit_code
    out = tmp_path / f"r.{to}"
    assert 0 == invoke("render", FIXTURE, "--to", to, "-o", out).exit_code
    assert out.read_bytes()[:2] == b"PK"


def test_every_command_has_help():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        if name == "manage":  # `gongkai manage X --help` is Django's own help of X
            assert "Example" in command.callback.__doc__
            continue
        result = invoke(name, "--help")
        assert 0 == result.exit_code, name
        assert "Example" in result.stdout, name


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "gongkai", "check", str(FIXTURE), "--json"],
                            capture_output=True, text=True)
    assert 1 == result.returncode
    assert "R1-balance" in json.loads(result.stdout)["findings"][0]["rule"]


def test_check_json_of_a_truncated_report_says_what_was_detected():
    result = invoke("check", CORPUS / "111_head-xiaogan-shizhengfu-bgs_2020.txt", "--json")
    assert ExitStatus.UNREADABLE == result.exit_code
    error = json.loads(result.stdout)["error"]
    assert "报告不完整" in error["message"]
    assert 2020 == error["detected"]["year"]
