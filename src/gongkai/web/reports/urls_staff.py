"""Staff pages of the annual report, included under /staff/reports/ by config/urls.py."""
from django.urls import path

from gongkai.web.reports.views import staff

app_name = "reports_staff"

urlpatterns = [
    path("", staff.ReportListView.as_view(), name="list"),
    path("new/", staff.ReportCreateView.as_view(), name="create"),
    path("<int:pk>/", staff.ReportDetailView.as_view(), name="detail"),
    path("<int:pk>/cells/<slug:row>/<slug:column>/", staff.ReportCellCasesView.as_view(), name="cell"),
    path("<int:pk>/download.<slug:fmt>", staff.ReportDownloadView.as_view(), name="download"),
    path("<int:pk>/<slug:action>/", staff.ReportActionView.as_view(), name="action"),
]
