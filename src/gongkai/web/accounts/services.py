"""Writes on people: API tokens. (Roles are granted in the admin, which logs them.)"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from gongkai.web.accounts.models import ApiToken
from gongkai.web.audit.services import audit_event


def api_token_hash(key: str) -> str:
    # The key has 256 random bits, so a fast hash is enough; no salt or stretching needed.
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class NewApiToken:
    token: ApiToken
    key: str  # shown once


@transaction.atomic
def api_token_create(*, user, name: str, acting_user) -> NewApiToken:
    """Issue a token for ``user``; the key itself is returned once and never stored."""
    key = "gk_" + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), key_hash=api_token_hash(key), prefix=key[:8])
    token.full_clean()
    token.save()
    audit_event(event="api_token.created", obj=token, acting_user=acting_user, after={"user": user.pk, "name": name})
    return NewApiToken(token=token, key=key)


@transaction.atomic
def api_token_revoke(*, token: ApiToken, acting_user) -> ApiToken:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_event(event="api_token.revoked", obj=token, acting_user=acting_user)
    return token
