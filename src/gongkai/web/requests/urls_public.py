"""Public pages, no login (issue 3 §5). Included at the site root by config/urls.py."""
from django.urls import path

from gongkai.web.requests.views import public

app_name = "requests_public"

urlpatterns = [
    path("", public.AgencyListPublicView.as_view(), name="index"),
    path("agencies/<slug:agency_code>/apply/", public.RequestApplyView.as_view(), name="apply"),
    path("agencies/<slug:agency_code>/guide/", public.AgencyGuideView.as_view(), name="guide"),
    path("requests/receipt/", public.RequestReceiptView.as_view(), name="receipt"),
    path("requests/status/", public.RequestStatusView.as_view(), name="status"),
]
