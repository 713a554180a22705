"""Tests: an in-memory SQLite database unless DATABASE_URL points at PostgreSQL.

pytest-django creates ``test_<name>`` on the server DATABASE_URL names and drops it afterwards.
"""
from gongkai.web.config import env
from gongkai.web.config.settings.base import *

DEBUG = False
SECRET_KEY = "gongkai-test-key"
DATABASES = {"default": env.database(":memory:")}
# Hashing passwords properly costs ~0.3 s per user; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
