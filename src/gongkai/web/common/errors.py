"""Application errors: a broken business rule, with a stable code (STYLE E4, Zulip JsonableError)."""
from __future__ import annotations


class ApplicationError(Exception):
    """A service refused an action. ``code`` is stable forever; ``message`` is Chinese for people.

    Views and the API turn it into ``{"ok": false, "error": message, "code": code, "status": 400}``.
    """

    status = 400

    def __init__(self, code: str, message: str, *, extra: dict | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra or {}

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
