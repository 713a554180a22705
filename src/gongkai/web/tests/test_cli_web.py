"""`gongkai manage` passes through to Django; migrations are in step with the models."""
import pytest
import typer
from django.core.management import call_command
from typer.testing import CliRunner

from gongkai.cli_web import register

app = typer.Typer()
register(app)


def test_manage_runs_a_django_command():
    result = CliRunner().invoke(app, ["manage", "check"])
    assert 0 == result.exit_code, result.output
    assert "System check identified no issues" in result.output


def test_manage_passes_options_through():
    result = CliRunner().invoke(app, ["manage", "check", "--tag", "models"])
    assert 0 == result.exit_code, result.output


def test_serve_is_documented():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert 0 == result.exit_code
    assert "--no-migrate" in result.output


@pytest.mark.django_db
def test_migrations_match_the_models():
    # SystemExit(1) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
