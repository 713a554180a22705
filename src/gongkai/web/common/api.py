"""One JSON error body for every API endpoint (STYLE E4, datasette ``error_body``):

    {"ok": false, "status": 400, "code": "request-transition-blocked", "error": "…", "errors": [...]}

``code`` is stable forever; ``error`` is a Chinese sentence; ``errors`` lists field problems.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as SchemaValidationError

from gongkai.web.common.errors import ApplicationError

INPUT_INVALID = "提交的内容有误，请按提示修改"
NOT_AUTHENTICATED = "需要有效的 API 令牌（Authorization: Bearer …）"
FORBIDDEN = "没有权限"


def error_body(*, status: int, code: str, error: str, errors: list | None = None, **extra) -> dict:
    return {"ok": False, "status": status, "code": code, "error": error, "errors": errors or [], **extra}


def _field_errors(exc: DjangoValidationError) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [{"field": field, "code": e.code or "invalid", "message": message}
                for field, items in exc.error_dict.items() for e in items for message in e.messages]
    return [{"field": None, "code": e.code or "invalid", "message": m} for e in exc.error_list for m in e.messages]


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request, body: dict):
        return api.create_response(request, body, status=body["status"])

    @api.exception_handler(ApplicationError)
    def application_error(request, exc: ApplicationError):
        return respond(request, error_body(status=exc.status, code=exc.code, error=exc.message, extra=exc.extra))

    @api.exception_handler(DjangoValidationError)
    def model_validation_error(request, exc: DjangoValidationError):
        return respond(request, error_body(status=400, code="invalid", error=INPUT_INVALID,
                                           errors=_field_errors(exc)))

    @api.exception_handler(SchemaValidationError)
    def schema_validation_error(request, exc: SchemaValidationError):
        errors = [{"field": ".".join(str(p) for p in e.get("loc", ())), "code": e.get("type", "invalid"),
                   "message": e.get("msg", "")} for e in exc.errors]
        return respond(request, error_body(status=422, code="invalid-input", error=INPUT_INVALID, errors=errors))

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return respond(request, error_body(status=404, code="not-found", error=str(exc) or "不存在"))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc: PermissionDenied):
        return respond(request, error_body(status=403, code="forbidden", error=str(exc) or FORBIDDEN))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc: AuthenticationError):
        return respond(request, error_body(status=401, code="unauthenticated", error=NOT_AUTHENTICATED))
