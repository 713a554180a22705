"""Bearer-token authentication for the staff API (django-ninja)."""
from __future__ import annotations

from ninja.security import HttpBearer

from gongkai.web.accounts.models import ApiToken
from gongkai.web.accounts.services import api_token_hash


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer gk_…``; a revoked token or an inactive user is refused (401)."""

    def authenticate(self, request, token: str):
        found = (ApiToken.objects.select_related("user")
                 .filter(key_hash=api_token_hash(token), revoked_at__isnull=True, user__is_active=True).first())
        if found is None:
            return None
        request.user = found.user  # services and selectors read the actor from here
        return found.user
