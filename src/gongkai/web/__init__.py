"""The Django side of gongkai: the request platform of a county's disclosure offices.

Only this package imports Django; it imports the core (``gongkai``), never the reverse.
Settings live in ``gongkai.web.config.settings`` and read the environment only through
``gongkai.web.config.env``.
"""
