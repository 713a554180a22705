"""Settings shared by every environment. Environment values come only from ``config.env``."""
from __future__ import annotations

from pathlib import Path

from gongkai.web.config import env

WEB_DIR = Path(__file__).resolve().parents[2]  # src/gongkai/web
DATA_DIR = env.data_dir()

SECRET_KEY = env.text("DJANGO_SECRET_KEY", "gongkai-dev-insecure-key-do-not-use-in-production")
DEBUG = env.flag("GONGKAI_DEBUG", False)
ALLOWED_HOSTS = env.names("GONGKAI_ALLOWED_HOSTS", ("127.0.0.1", "localhost"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # templates and static files of /api/docs
    "gongkai.web.common",  # the base template and the site's stylesheet
    "gongkai.web.agencies",
    "gongkai.web.accounts",
    "gongkai.web.audit",
    "gongkai.web.calendars",
    "gongkai.web.requests",
    "gongkai.web.reports",
    "gongkai.web.publications",
    "gongkai.web.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gongkai.web.config.urls"
WSGI_APPLICATION = "gongkai.web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.database(DATA_DIR / "gongkai.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The offices work in Beijing time; dates of receipt and deadlines are local dates (STYLE E6).
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"

# Staff pages send anonymous visitors here; the admin keeps its own login page.
LOGIN_URL = "staff:login"
