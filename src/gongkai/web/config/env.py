"""The only place that reads the environment (STYLE E5): settings modules call these functions.

Variables:
    GONGKAI_DATA_DIR   where the SQLite database and uploads live (default ``./data``).
    DATABASE_URL       e.g. ``postgres://user:pass@127.0.0.1:5432/gongkai``; unset means SQLite.
    DJANGO_SECRET_KEY  required in production.
    GONGKAI_DEBUG      ``1``/``true`` turns DEBUG on (dev defaults to on).
    GONGKAI_ALLOWED_HOSTS  comma-separated host names.
"""
from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

_TRUE = {"1", "true", "yes", "on"}


def text(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def required(name: str) -> str:
    value = text(name)
    if value is None:
        # ImproperlyConfigured would import Django settings machinery; a plain error is enough here.
        raise RuntimeError(f"环境变量 {name} 未设置：生产环境必须设置它")
    return value


def flag(name: str, default: bool = False) -> bool:
    value = text(name)
    return default if value is None else value.strip().lower() in _TRUE


def names(name: str, default: tuple[str, ...] = ()) -> list[str]:
    value = text(name)
    if value is None:
        return list(default)
    return [part.strip() for part in value.split(",") if part.strip()]


def data_dir() -> Path:
    """The data directory, absolute; not created here (``ensure_dir`` does that)."""
    return Path(text("GONGKAI_DATA_DIR", "data")).expanduser().resolve()


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def database(sqlite_path: Path) -> dict:
    """``DATABASE_URL`` when set (PostgreSQL), else the embedded SQLite file in WAL mode."""
    url = text("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return sqlite_database(sqlite_path)


def sqlite_database(path: Path | str) -> dict:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            # WAL lets the status pages read while a clerk writes; NORMAL sync is safe under WAL.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of one failing
            # with "database is locked" when it upgrades a read lock (Django 5.1+).
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }
