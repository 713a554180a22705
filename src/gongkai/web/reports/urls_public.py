"""Public pages of published annual reports (issue 4, item 5), no login."""
from django.urls import path

from gongkai.web.reports.views import public

app_name = "reports_public"

urlpatterns = [
    path("", public.ReportListPublicView.as_view(), name="list"),
    path("<int:year>/v<int:version>.<slug:fmt>", public.ReportFilePublicView.as_view(), name="file"),
]
