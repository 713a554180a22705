"""The report pages: staff under /staff/reports/, public under /agencies/<code>/reports/."""
from django.urls import include, path

urlpatterns = [
    path("staff/reports/", include("gongkai.web.reports.urls_staff")),
    path("agencies/<slug:agency_code>/reports/", include("gongkai.web.reports.urls_public")),
]
