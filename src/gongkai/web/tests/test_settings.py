"""The database choice (issue 3 §1): SQLite in WAL mode by default, PostgreSQL when DATABASE_URL is set."""
from pathlib import Path

from django.db import connection

from gongkai.web.config import env


def test_sqlite_is_the_default_with_wal(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    db = env.database(tmp_path / "g.sqlite3")
    assert "django.db.backends.sqlite3" == db["ENGINE"]
    assert "PRAGMA journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert "IMMEDIATE" == db["OPTIONS"]["transaction_mode"]


def test_database_url_switches_to_postgresql(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://gk:secret@127.0.0.1:5433/gongkai")
    db = env.database(tmp_path / "g.sqlite3")
    assert ("django.db.backends.postgresql", "gongkai", "127.0.0.1", 5433) == (
        db["ENGINE"], db["NAME"], db["HOST"], db["PORT"])


def test_data_dir_defaults_to_data_and_follows_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv("GONGKAI_DATA_DIR", raising=False)
    assert Path("data").resolve() == env.data_dir()
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "d"))
    assert (tmp_path / "d") == env.data_dir()
    assert env.ensure_dir(env.data_dir()).is_dir()


def test_wal_is_on_for_a_file_database(tmp_path, django_db_blocker):
    """Opens a real SQLite file with the project's options, as dev and production do."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    settings = {**connection.settings_dict, **env.sqlite_database(tmp_path / "wal.sqlite3")}
    wrapper = DatabaseWrapper(settings, alias="wal-check")
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert ("wal",) == cursor.fetchone()
    finally:
        wrapper.close()


def test_only_env_module_reads_the_environment():
    web = Path(env.__file__).resolve().parents[1]
    readers = sorted(
        str(p.relative_to(web)) for p in web.rglob("*.py")
        if "tests" not in p.parts and p.name != "env.py"
        and ("os.environ.get" in p.read_text(encoding="utf-8") or "os.getenv" in p.read_text(encoding="utf-8"))
    )
    assert [] == readers


def test_test_database_follows_database_url():
    """The suite runs where DATABASE_URL points (.ci/postgres.sh), else on SQLite."""
    expected = "postgresql" if env.text("DATABASE_URL") else "sqlite"
    assert expected == connection.vendor
