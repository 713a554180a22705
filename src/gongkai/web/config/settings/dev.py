"""Local development: DEBUG on by default, the SQLite file in the data directory."""
from gongkai.web.config import env
from gongkai.web.config.settings.base import *
from gongkai.web.config.settings.base import DATA_DIR

DEBUG = env.flag("GONGKAI_DEBUG", True)
env.ensure_dir(DATA_DIR)
