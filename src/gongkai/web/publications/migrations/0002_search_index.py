"""The full-text search index: FTS5 (trigram) on SQLite, pg_trgm GIN indexes on PostgreSQL.

The statements differ by database, so they run from Python on the migration's connection
(the SQL itself is in publications.search); other databases get no index and search by LIKE.
"""
from django.db import migrations

from gongkai.web.publications.search import create_search_index, drop_search_index


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]

    operations = [migrations.RunPython(create_search_index, drop_search_index)]
