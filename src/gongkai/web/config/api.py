"""The REST API: schema at /api/openapi.json, interactive docs at /api/docs (issue 3 §8)."""
from ninja import NinjaAPI

from gongkai.web.accounts.auth import ApiTokenAuth
from gongkai.web.common.api import install_error_handlers
from gongkai.web.requests.api import public, staff

api = NinjaAPI(
    title="gongkai 政府信息公开申请平台 API",
    version="1",
    description="公众：提交申请、查询状态（无需登录）。工作人员：待办列表、案件详情、办理操作（Bearer 令牌）。"
    "错误统一为 {ok: false, status, code, error, errors}。",
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/public/", public.router)
api.add_router("/staff/", staff.router, auth=ApiTokenAuth())
