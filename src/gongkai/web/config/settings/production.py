"""Production differs from dev only by environment variables (STYLE E5)."""
from gongkai.web.config import env
from gongkai.web.config.settings.base import *
from gongkai.web.config.settings.base import DATA_DIR

SECRET_KEY = env.required("DJANGO_SECRET_KEY")
DEBUG = False
env.ensure_dir(DATA_DIR)

SESSION_COOKIE_SECURE = env.flag("GONGKAI_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
