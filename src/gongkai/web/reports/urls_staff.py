"""Staff pages of the annual report, included under /staff/reports/ by config/urls.py."""
from django.urls import path

from gongkai.web.reports.views import staff

app_name = "reports_staff"

urlpatterns = [
    path("", staff.ReportListView.as_view(), name="list"),
    path("new/", staff.ReportCreateView.as_view(), name="create"),
    path("supervision/", staff.SupervisionView.as_view(), name="supervision"),
    path("supervision.xlsx", staff.SupervisionExportView.as_view(), name="supervision_xlsx"),
    path("import/", staff.ReportImportView.as_view(), name="import"),
    path("<int:pk>/", staff.ReportDetailView.as_view(), name="detail"),
    path("<int:pk>/appeals/", staff.AppealCreateView.as_view(), name="appeal_create"),
    path("<int:pk>/appeals/<int:appeal_pk>/decide/", staff.AppealDecideView.as_view(), name="appeal_decide"),
    path("<int:pk>/cells/<slug:row>/<slug:column>/", staff.ReportCellCasesView.as_view(), name="cell"),
    path("<int:pk>/download.<slug:fmt>", staff.ReportDownloadView.as_view(), name="download"),
    path("<int:pk>/<slug:action>/", staff.ReportActionView.as_view(), name="action"),
]
