"""Tests: a SQLite file in a temporary directory unless DATABASE_URL points at PostgreSQL.

pytest-django creates ``test_<name>`` on the server DATABASE_URL names and drops it afterwards.
"""
import atexit
import shutil
import tempfile
from pathlib import Path

from gongkai.web.config import env
from gongkai.web.config.settings.base import *

DEBUG = False
SECRET_KEY = "gongkai-test-key"
# One directory per test process (xdist workers and parallel runs never share it), removed at exit.
_TMP = Path(tempfile.mkdtemp(prefix="gongkai-test-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)

DATABASES = {"default": env.database(":memory:")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # NOTE: a file, not ":memory:": transactional tests with several threads (the tracking-number
    # race) need SQLite's real file locking in WAL mode, as in production; a shared-cache memory
    # database fails concurrent writers at once with "database table is locked".
    DATABASES["default"]["TEST"] = {"NAME": str(_TMP / "test.sqlite3")}
# Uploads written by tests go to the temporary directory, never to the data directory.
MEDIA_ROOT = _TMP / "media"
# Hashing passwords properly costs ~0.3 s per user; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
