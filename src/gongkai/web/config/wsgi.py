"""WSGI entry point: ``gunicorn gongkai.web.config.wsgi`` or ``gongkai serve``."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.config.settings.dev")

application = get_wsgi_application()
