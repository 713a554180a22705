"""URL map: the admin and the REST API so far; pages come with their apps."""
from django.contrib import admin
from django.urls import include, path

from gongkai.web.config.api import api

admin.site.site_header = "政府信息公开申请平台"
admin.site.site_title = "gongkai 管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("gongkai.web.reports.urls")),  # /staff/reports/… and /agencies/<code>/reports/…
    path("", include("gongkai.web.publications.urls")),  # /staff/publications/… and /agencies/<code>/catalogue/…
    path("staff/", include("gongkai.web.requests.urls_staff")),
    path("", include("gongkai.web.requests.urls_public")),
]
