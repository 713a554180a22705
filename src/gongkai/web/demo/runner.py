"""What ``gongkai demo`` does on the Django side: migrate, load the demo if the database is empty,
and print where to go and how to log in. ``gongkai.cli_demo`` imports this lazily (STYLE E1)."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable

from gongkai.web.runner import DEFAULT_SETTINGS

# Pages in the order a newcomer wants them: (label, URL name, needs the county's code).
_PAGES = (
    ("网上申请（公众）", "requests_public:apply", True),
    ("申请查询（公众）", "requests_public:status", False),
    ("公开目录（公众）", "publications_public:index", True),
    ("工作人员登录", "staff:login", False),
    ("管理后台", "admin:index", False),
    ("API 文档", "api:openapi-view", False),
)


def run_demo(*, migrate: bool, base_url: str, seed: int, echo: Callable[[str], None],
             as_json: bool = False) -> dict:
    """Load the demo if the database is empty; return what happened as a dict (for ``--json``)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django
    from django.core.management import call_command

    django.setup()
    from gongkai.web.demo import people
    from gongkai.web.demo.loader import DemoNotLoaded, database_contents, demo_load

    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    if not database_contents():
        # Diagnostics go to stderr (STYLE E7); a year of requests through the services takes a while.
        print("正在载入演示数据（一年的申请逐件经由办理服务生成，约需半分钟）……", file=sys.stderr, flush=True)
    try:
        summary = demo_load(seed=seed)
        loaded, reason = True, ""
    except DemoNotLoaded as exc:
        summary, loaded, reason = None, False, str(exc)
    result = {
        "loaded": loaded, "reason": reason, "urls": page_urls(base_url), "password": people.DEMO_PASSWORD,
        "logins": logins(), "lookups": [vars(x) for x in summary.lookups] if summary else [],
        "requests": summary.requests if summary else None,
        "by_status": dict(summary.by_status) if summary else {},
        "by_outcome": dict(summary.by_outcome) if summary else {},
    }
    if not as_json:
        _print(result, echo)
    return result


def page_urls(base_url: str) -> list[tuple[str, str]]:
    """The main pages' addresses; a page not routed (yet) is left out rather than guessed."""
    from django.urls import NoReverseMatch, reverse

    from gongkai.web.agencies.models import Agency

    county = Agency.objects.filter(parent__isnull=True).order_by("pk").first()
    urls = []
    for label, name, per_agency in _PAGES:
        if per_agency and county is None:
            continue
        try:
            path = reverse(name, kwargs={"agency_code": county.code} if per_agency else None)
        except NoReverseMatch:
            continue
        urls.append((label, base_url.rstrip("/") + path))
    return urls


def logins() -> list[dict]:
    """The demo's staff logins (whatever is in the database now, demo users first)."""
    from gongkai.web.accounts.models import Membership

    rows: dict[str, dict] = {}
    for m in Membership.objects.select_related("user", "agency").order_by("agency__pk", "user__pk"):
        row = rows.setdefault(m.user.username, {"username": m.user.username, "name": str(m.user),
                                                 "agency": m.agency.name, "roles": []})
        row["roles"].append(m.get_role_display())
    return list(rows.values())


def _print(result: dict, echo: Callable[[str], None]) -> None:
    if result["loaded"]:
        from gongkai.web.requests.constants import RequestStatus

        by_status = "、".join(f"{RequestStatus(k).label} {v}" for k, v in sorted(result["by_status"].items()))
        echo(f"已载入演示数据：{result['requests']} 件申请（{by_status}）")
    else:
        echo(result["reason"])
    echo("")
    for label, url in result["urls"]:
        echo(f"  {label:<12}{url}")
    echo("")
    echo(f"演示账号（密码均为 {result['password']}）：")
    for row in result["logins"][:8]:
        echo(f"  {row['username']:<12}{row['name']}（{row['agency']}：{'、'.join(row['roles'])}）")
    if len(result["logins"]) > 8:
        echo(f"  …… 各部门、乡镇另有 <代码>-staff 与 <代码>-head 账号，共 {len(result['logins'])} 个")
    for lookup in result["lookups"]:
        echo(f"  查询示例：申请编号 {lookup['tracking_number']}  查询码 {lookup['query_code']}（{lookup['status']}）")
