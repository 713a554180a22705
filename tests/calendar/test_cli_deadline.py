"""``gongkai deadline`` through a Typer app that calls ``register``, as the lead's cli.py will."""
from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from gongkai.cli_deadline import register


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """gongkai (test app)."""  # a callback keeps "deadline" a sub-command, as in the real CLI

    register(app)
    return app


def run(app, *args):
    return CliRunner().invoke(app, ["deadline", *args])


def test_national_day_2026_json(app):
    result = run(app, "--received", "2026-09-28", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"due", "provisional", "explanation"}
    assert data["due"] == "2026-10-30"
    assert data["provisional"] is False
    lines = data["explanation"]
    assert "不计入：2026-10-01（周四）至2026-10-07（周三），国庆节" in lines
    assert "计入：2026-10-10（周六），国庆节调休上班，按工作日计算" in lines


def test_human_output(app):
    result = run(app, "--received", "2026-09-28")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "答复期限：2026-10-30"
    assert "国庆节" in result.stdout


def test_options_reach_the_core(app):
    result = run(app, "--received", "2026-11-02", "--consultation", "2026-11-05:2026-11-16",
                 "--extension", "1", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["due"] == "2026-12-11"  # 12-10 plus one working day


def test_fee_wait_and_correction(app):
    result = run(app, "--received", "2026-09-28", "--correction-received", "2026-10-09",
                 "--fee-wait", "2026-10-12:2026-10-12", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["due"] == "2026-11-06"  # 11-05 plus the one day of waiting


def test_provisional_into_2027(app):
    result = run(app, "--received", "2026-12-15", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["due"], data["provisional"]) == ("2027-01-12", True)
    assert "暂定" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--received", "2026-02-30"], "--received 的日期“2026-02-30”无效"),
        (["--received", "20260928"], "应为 YYYY-MM-DD"),
        (["--received", "2026-09-28", "--correction-received", "昨天"], "--correction-received 的日期"),
        (["--received", "2026-09-28", "--consultation", "2026-10-08"], "应为 起始日:结束日"),
        (["--received", "2026-09-28", "--consultation", "2026-10-09:2026-10-08"], "结束日早于起始日"),
        (["--received", "2026-09-28", "--extension", "21"], "延长期限为21个工作日"),
    ],
)
def test_bad_input_exits_2_with_chinese_message(app, args, words):
    result = run(app, *args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert result.stdout == ""
