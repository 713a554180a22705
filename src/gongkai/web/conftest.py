"""Shared test setup of the Django side.

The URLconf (and with it the API schemas) is imported here, before any test freezes time:
freezegun swaps ``datetime.date`` while active, and a schema module first imported inside a
frozen test would bind ``date`` to freezegun's fake class, which pydantic cannot describe.
"""
import gongkai.web.config.urls  # noqa: F401
